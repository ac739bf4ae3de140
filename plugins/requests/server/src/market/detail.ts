import type { Core } from '@strapi/strapi';
import { clock } from '@desk/plugin-workflow';

import { isoOf } from './queries';
import { UID } from './uids';

const CRITERION_FIELDS = ['key', 'text', 'weight', 'knockOut', 'filledBy'] as const;

/** The criteria as the desk set them, each marked who fills it in: supplier or desk. */
function criteriaOf(value: unknown) {
  if (!Array.isArray(value)) return [];
  return value.map((criterion) =>
    Object.fromEntries(CRITERION_FIELDS.map((field) => [field, criterion?.[field] ?? null])),
  );
}

/**
 * The questions a supplier reads on a request: every answered one, and its own organisation's
 * that still wait for an answer. Nobody is named; "yours" only tells a supplier its own. The
 * client (no supplier) reads every question, answered or not, equally unnamed.
 */
async function questionsFor(strapi: Core.Strapi, requestId: number, supplierId: number | null) {
  const questions = (await strapi.db.query(UID.question as any).findMany({
    where: { request: { id: requestId } },
    select: ['documentId', 'text', 'answer', 'answeredAt', 'createdAt'],
    populate: { askerSupplier: { select: ['id'] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })) as any[];

  return questions
    .map((question) => ({
      documentId: question.documentId,
      text: question.text,
      answer:
        typeof question.answer === 'string' && question.answer.trim() ? question.answer : null,
      askedAt: isoOf(question.createdAt),
      answeredAt: isoOf(question.answeredAt),
      yours: supplierId !== null && question.askerSupplier?.id === supplierId,
    }))
    .filter((question) => supplierId === null || question.answer !== null || question.yours);
}

/** A request as a supplier who may see it (or, with no supplier, its client) reads it on the portal. */
export async function requestDetail(
  strapi: Core.Strapi,
  requestId: number,
  supplierId: number | null,
) {
  const request = (await strapi.db.query(UID.request as any).findOne({
    where: { id: requestId },
    select: [
      'documentId',
      'number',
      'title',
      'description',
      'location',
      'hoursPerWeek',
      'startDate',
      'endDate',
      'closesAt',
      'state',
      'maxRateCents',
      'evaluationCriteria',
    ],
    populate: {
      client: { select: ['name', 'slug'] },
      segment: { select: ['name', 'slug'] },
      das: { select: ['name', 'reference'] },
    },
  })) as any;
  const closesAt = isoOf(request.closesAt);

  return {
    documentId: request.documentId,
    number: request.number,
    title: request.title,
    description: request.description ?? null,
    location: request.location ?? null,
    state: request.state,
    client: { name: request.client.name, slug: request.client.slug },
    segment: { name: request.segment.name, slug: request.segment.slug },
    das: request.das ? { name: request.das.name, reference: request.das.reference ?? null } : null,
    // null: no maximum rate, the supplier offers in line with the market.
    financialInformation: { maxRateCents: request.maxRateCents ?? null },
    evaluationCriteria: criteriaOf(request.evaluationCriteria),
    schedule: {
      startDate: request.startDate ?? null,
      endDate: request.endDate ?? null,
      hoursPerWeek: request.hoursPerWeek ?? null,
      closesAt,
      timeZone: 'Europe/Amsterdam',
    },
    open:
      request.state === 'published' && !!closesAt && clock.now().getTime() < Date.parse(closesAt),
    questions: await questionsFor(strapi, requestId, supplierId),
  };
}
