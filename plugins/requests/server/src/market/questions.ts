import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clock } from '@desk/plugin-workflow';
import type { Locale } from '@desk/plugin-outbox';

import { formatAmsterdam } from './amsterdam';
import { portalPathOf } from './branding';
import { mailsTo, recipientsOf, requestForMail } from './distribution';
import type { SupplierUser } from './people';
import { UID, VISIBLE_STATES } from './uids';

export const QUESTION_MAX = 2000;

/** The question's text, or a 400 that says what a question looks like. */
export function questionText(body: unknown): string {
  const text = typeof (body as any)?.text === 'string' ? (body as any).text.trim() : '';
  if (text && text.length <= QUESTION_MAX) return text;
  throw new errors.ValidationError(
    `A question is text of 1 to ${QUESTION_MAX} characters, sent as "text".`,
    {
      code: 'QUESTION_INVALID',
    },
  );
}

/**
 * Writes a supplier's question on a request it can see. Questions close with the request, by
 * the desk's clock: at the closing instant itself the answer is already no.
 */
export async function askQuestion(
  strapi: Core.Strapi,
  member: SupplierUser,
  requestId: number,
  text: string,
) {
  const request = (await strapi.db.query(UID.request as any).findOne({
    where: { id: requestId },
    select: ['id', 'number', 'state', 'closesAt'],
  })) as any;
  const closesAt = request.closesAt ? new Date(request.closesAt) : null;
  if (request.state !== 'published' || !closesAt || clock.now().getTime() >= closesAt.getTime()) {
    const when = closesAt ? ` at ${formatAmsterdam(closesAt, 'en')} (Amsterdam time)` : '';
    throw new errors.ValidationError(
      `Request ${request.number} closed${when}; questions can no longer be asked.`,
      { code: 'REQUEST_CLOSED', request: request.number },
    );
  }

  return (strapi.documents(UID.question as any) as any).create({
    data: { request: request.id, asker: member.id, askerSupplier: member.supplier.id, text },
  });
}

/** An answer worth sending: text with more than white space. */
const answerOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/** Mails an answered question to every supplier user who can see its request, once each. */
async function mailAnswer(strapi: Core.Strapi, questionDocumentId: string): Promise<void> {
  const question = (await strapi.db.query(UID.question as any).findOne({
    where: { documentId: questionDocumentId },
    select: ['documentId', 'text', 'answer'],
    populate: { request: { select: ['documentId'] } },
  })) as any;
  if (!question?.request || !answerOf(question.answer)) return;
  const request = await requestForMail(strapi, question.request.documentId);
  if (!(VISIBLE_STATES as readonly string[]).includes(request.state) || !request.segment) return;

  const dataOf = (_: Locale) => ({
    number: request.number,
    title: request.title,
    question: question.text,
    answer: answerOf(question.answer),
    actionUrl: portalPathOf(request.documentId),
  });
  const recipients = await recipientsOf(strapi, request);
  const mails = mailsTo(
    recipients,
    request,
    'request.question-answered',
    dataOf,
    `question-answered:${question.documentId}`,
  );
  if (mails.length) await strapi.plugin('outbox').service('outbox').enqueueMany(mails);
}

/**
 * The desk answers in the content manager: the first answer stamps answeredAt and, in the
 * same transaction, mails everyone who can see the request. A later correction of the text
 * is saved without a second mail (the dedupe keys are taken).
 */
export function answerMiddleware(strapi: Core.Strapi) {
  return async (ctx: any, next: () => Promise<any>) => {
    const data = ctx.params?.data;
    const writes = ctx.action === 'create' || ctx.action === 'update';
    if (ctx.uid !== UID.question || !writes || !data || !answerOf(data.answer)) return next();

    return strapi.db.transaction(async () => {
      const stored = ctx.params.documentId
        ? ((await strapi.db.query(UID.question as any).findOne({
            where: { documentId: ctx.params.documentId },
            select: ['answeredAt'],
          })) as any)
        : null;
      if (!stored?.answeredAt) data.answeredAt = clock.now();

      const result = await next();
      const documentId = ctx.params.documentId ?? result?.documentId;
      if (documentId) await mailAnswer(strapi, documentId);
      return result;
    });
  };
}
