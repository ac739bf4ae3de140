import type { Core } from '@strapi/strapi';
import { clock, type TransitionEvent } from '@desk/plugin-workflow';

import { formatCalendarDate } from './amsterdam';
import { mailsTo, requestForMail } from './distribution';
import { UID } from './uids';

/**
 * Asking the client: each of its hiring managers and budget holders gets one mail with a link
 * to the request on the portal, written with the move. Sent back and asked again, it mails
 * again: the dedupe key carries the moment of the ask.
 */
export async function askClientApproval(strapi: Core.Strapi, event: TransitionEvent): Promise<void> {
  const request = await requestForMail(strapi, event.documentId);
  if (!request?.client) return;
  const people = (await strapi.db.query(UID.user as any).findMany({
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
  })) as any[];
  if (!people.length) return;

  const dataOf = (locale: 'nl' | 'en') => ({
    number: request.number,
    title: request.title,
    segment: request.segment?.name ?? null,
    startDate: formatCalendarDate(request.startDate ?? null, locale),
    actionUrl: `/approvals/${request.documentId}`,
  });
  const key = `request-approval:${request.documentId}:${clock.now().getTime()}`;
  const mails = mailsTo(people, request, 'request.approval-requested', dataOf, key);
  await strapi.plugin('outbox').service('outbox').enqueueMany(mails);
}
