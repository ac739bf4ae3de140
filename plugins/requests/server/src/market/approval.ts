import type { Core } from '@strapi/strapi';
import { clock, type TransitionEvent } from '@desk/plugin-workflow';

import { mailsTo, requestForMail } from './distribution';
import { UID } from './uids';

/** Dutch dates for the mail: 2027-01-04 -> 4 januari 2027, and the English way. */
function dateIn(date: string | null, locale: 'nl' | 'en'): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * Asking the client: each of its hiring managers and budget holders gets one mail with a link
 * to the request on the portal, written with the move. Sent back and asked again, it mails
 * again: the dedupe key carries the moment of the ask.
 */
export async function askClientApproval(strapi: Core.Strapi, event: TransitionEvent): Promise<void> {
  const request = await requestForMail(strapi, event.documentId);
  if (!request?.client) return;
  const [people, row] = await Promise.all([
    strapi.db.query(UID.user as any).findMany({
      where: {
        userKind: 'client_user',
        client: { id: request.client.id },
        $and: [
          { $or: [{ blocked: false }, { blocked: { $null: true } }] },
          { $or: [{ isHiringManager: true }, { isBudgetHolder: true }] },
        ],
      },
      select: ['id', 'email', 'firstName', 'lastName', 'locale'],
      orderBy: [{ id: 'asc' }],
    }) as Promise<any[]>,
    strapi.db.query(UID.request as any).findOne({ where: { documentId: event.documentId }, select: ['startDate'] }),
  ]);
  if (!people.length) return;

  const dataOf = (locale: 'nl' | 'en') => ({
    number: request.number,
    title: request.title,
    segment: request.segment?.name ?? null,
    startDate: dateIn((row as any)?.startDate ?? null, locale),
    actionUrl: `/approvals/${request.documentId}`,
  });
  const mails = mailsTo(people, request, 'request.approval-requested', dataOf, `request-approval:${request.documentId}:${clock.now().getTime()}`);
  await strapi.plugin('outbox').service('outbox').enqueueMany(mails);
}
