import type { Core } from '@strapi/strapi';
import { clock, withKnex, type TransitionEvent } from '@desk/plugin-workflow';
import type { EnqueueInput, Locale } from '@desk/plugin-outbox';

import { formatAmsterdam } from './amsterdam';
import { BRANDING_POPULATE, brandingOf, portalPathOf } from './branding';
import { tablesOf } from './sql';
import { UID } from './uids';
import { consultantsWhoSee, type Recipient } from './visibility';

type DateField = 'clientApprovedAt' | 'distributedAt' | 'closedAt' | 'awardedAt';

/** Sets a request's date of a move once; a date given with the move itself is kept. */
async function stamp(strapi: Core.Strapi, documentId: string, field: DateField): Promise<void> {
  await strapi.db.query(UID.request as any).updateMany({
    where: { documentId, [field]: { $null: true } },
    data: { [field]: clock.now() },
  });
}

/** A move's work that records when it happened, on whichever path it was made. */
export const stampOf =
  (field: DateField) =>
  (strapi: Core.Strapi, event: TransitionEvent): Promise<void> =>
    stamp(strapi, event.documentId, field);

/** The request with what a mail about it shows, and who can see it. */
export async function requestForMail(strapi: Core.Strapi, documentId: string) {
  return (await strapi.db.query(UID.request as any).findOne({
    where: { documentId },
    select: ['id', 'documentId', 'number', 'title', 'location', 'startDate', 'closesAt', 'state'],
    populate: {
      client: BRANDING_POPULATE,
      segment: { select: ['id', 'name'] },
      das: { select: ['id'] },
    },
  })) as any;
}

/** Everyone who is told about a request: the consultants of the suppliers who can see it. */
export function recipientsOf(strapi: Core.Strapi, request: any): Promise<Recipient[]> {
  const scope = { segmentId: request.segment.id, dasId: request.das?.id ?? null };
  return withKnex(strapi, (knex) => consultantsWhoSee(knex, tablesOf(strapi), scope));
}

/** One mail per recipient in their language and the client's branding; data per language. */
export function mailsTo(
  recipients: Recipient[],
  request: any,
  template: string,
  dataOf: (locale: Locale) => EnqueueInput['data'],
  dedupePrefix: string,
): EnqueueInput[] {
  const client = brandingOf(request.client);
  const data = { nl: dataOf('nl'), en: dataOf('en') };
  const fallback: Locale = request.client.defaultLocale === 'en' ? 'en' : 'nl';

  return recipients.map((recipient) => {
    const locale: Locale =
      recipient.locale === 'en' || recipient.locale === 'nl' ? recipient.locale : fallback;
    const name = [recipient.firstName, recipient.lastName].filter(Boolean).join(' ');
    return {
      to: recipient.email,
      toName: name || null,
      locale,
      template,
      data: data[locale],
      client,
      dedupeKey: `${dedupePrefix}:${recipient.id}`,
    };
  });
}

/**
 * Publishing: the request becomes visible to its segment's suppliers (computed when read)
 * and each of their consultants gets one mail, written with the move. A retried move finds
 * the dedupe keys taken and mails nobody twice.
 */
export async function distribute(strapi: Core.Strapi, event: TransitionEvent): Promise<void> {
  await stamp(strapi, event.documentId, 'distributedAt');
  const request = await requestForMail(strapi, event.documentId);
  const recipients = await recipientsOf(strapi, request);
  if (!recipients.length) return;

  const dataOf = (locale: Locale) => ({
    number: request.number,
    title: request.title,
    client: request.client.name,
    segment: request.segment.name,
    location: request.location,
    closesAt: formatAmsterdam(new Date(request.closesAt), locale),
    actionUrl: portalPathOf(request.documentId),
  });
  const mails = mailsTo(
    recipients,
    request,
    'request.published',
    dataOf,
    `request-published:${request.documentId}`,
  );
  await strapi.plugin('outbox').service('outbox').enqueueMany(mails);
}
