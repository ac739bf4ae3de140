import type { Core } from '@strapi/strapi';
import { clock, type TransitionEvent } from '@desk/plugin-workflow';

import { deskAddress } from '../selection/notify';
import { formatCalendarDate } from './amsterdam';
import { mailsTo, requestForMail, stampOf } from './distribution';
import { UID } from './uids';

/**
 * Asking the client: each of its hiring managers and budget holders gets one mail with a link
 * to the request on the portal, written with the move. Sent back and asked again, it mails
 * again: the dedupe key carries the moment of the ask.
 */
export async function askClientApproval(
  strapi: Core.Strapi,
  event: TransitionEvent,
): Promise<void> {
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

/** Who of the client answered, by name where the account has one. */
async function nameOfActor(strapi: Core.Strapi, event: TransitionEvent): Promise<string> {
  const id = Number(event.actor.id);
  const user = Number.isInteger(id)
    ? ((await strapi.db
        .query(UID.user as any)
        .findOne({ where: { id }, select: ['firstName', 'lastName'] })) as any)
    : null;
  const name = [user?.firstName, user?.lastName].filter(Boolean).join(' ');
  return name || event.actor.label;
}

/**
 * The client's answer reaches the desk: a mail to its own mailbox when a hiring manager or budget
 * holder approves a request or sends it back, with the reason the table asks for a send-back.
 * The desk's own moves mail no one.
 */
export async function tellDeskOfClientAnswer(
  strapi: Core.Strapi,
  event: TransitionEvent,
): Promise<void> {
  if (event.actor.kind !== 'client') return;
  const approved = event.to === 'approved';
  const request = await requestForMail(strapi, event.documentId);
  if (!request?.client) return;

  const data = {
    number: request.number,
    title: request.title,
    client: request.client.name,
    by: await nameOfActor(strapi, event),
    ...(approved ? {} : { reason: event.reason?.trim() ?? '' }),
  };
  await strapi
    .plugin('outbox')
    .service('outbox')
    .enqueue({
      to: deskAddress(strapi),
      locale: 'nl',
      template: approved ? 'request.client-approved' : 'request.client-returned',
      data,
      dedupeKey: `request-client-answer:${request.documentId}:${clock.now().getTime()}`,
    });
}

/** The client approves: the moment is kept on the request, and the desk is told. */
export async function recordClientApproval(
  strapi: Core.Strapi,
  event: TransitionEvent,
): Promise<void> {
  await stampOf('clientApprovedAt')(strapi, event);
  await tellDeskOfClientAnswer(strapi, event);
}
