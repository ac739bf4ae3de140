import { errors } from '@strapi/utils';

/** One criterion of a request, as the desk writes it in evaluationCriteria. */
export interface Criterion {
  key: string;
  text?: string;
  knockOut?: boolean;
  filledBy?: 'supplier' | 'desk';
}

/** The supplier's answer to one criterion it fills in. */
export interface CriterionAnswer {
  key: string;
  met: boolean;
  explanation: string | null;
}

export interface ProposalInput {
  request: string;
  candidate: string;
  offeredRateCents: number;
  flexWorkerType: 'flex_employee' | 'self_employed';
  criteriaAnswers: unknown;
  availability: string | null;
}

const refuse = (message: string, field: string): never => {
  throw new errors.ValidationError(message, { code: 'PROPOSAL_INVALID', field });
};

/** Reads the body of POST /proposals, refusing each wrong field with a message to act on. */
export function readProposalInput(body: any): ProposalInput {
  const input = body?.data ?? body ?? {};
  const documentId = (value: unknown) =>
    typeof value === 'string' && /^[a-z0-9]{10,40}$/.test(value);
  if (!documentId(input.request))
    refuse('Say which request to propose on, as "request".', 'request');
  if (!documentId(input.candidate))
    refuse('Say which candidate to propose, as "candidate".', 'candidate');

  const rate = input.offeredRateCents;
  if (!Number.isSafeInteger(rate) || rate <= 0) {
    refuse('Offer an hourly rate in whole cents, above zero: 9250 is € 92.50.', 'offeredRateCents');
  }
  const type = input.flexWorkerType ?? 'flex_employee';
  if (!['flex_employee', 'self_employed'].includes(type)) {
    refuse('The type of flex worker is flex_employee or self_employed.', 'flexWorkerType');
  }
  const availability = input.availability ?? null;
  if (availability !== null && (typeof availability !== 'string' || availability.length > 2000)) {
    refuse('Availability is text of at most 2000 characters.', 'availability');
  }

  return {
    request: input.request,
    candidate: input.candidate,
    offeredRateCents: rate,
    flexWorkerType: type,
    criteriaAnswers: input.criteriaAnswers,
    availability: availability?.trim() || null,
  };
}

/** Accepts answers as a list of { key, met, explanation } or a map from key to true/false. */
function answersByKey(given: unknown): Map<string, CriterionAnswer> {
  const list = Array.isArray(given)
    ? given
    : Object.entries((given ?? {}) as Record<string, unknown>).map(([key, met]) => ({ key, met }));
  const out = new Map<string, CriterionAnswer>();
  for (const item of list as any[]) {
    if (typeof item?.key !== 'string') continue;
    const explanation =
      typeof item.explanation === 'string' ? item.explanation.trim().slice(0, 2000) : null;
    out.set(item.key, { key: item.key, met: item.met, explanation: explanation || null });
  }
  return out;
}

/**
 * Checks the answers against the criteria the supplier fills in: each needs a yes or no, and a
 * knock-out criterion must be met, or the candidate cannot be proposed at all.
 */
export function checkCriteriaAnswers(criteria: unknown, given: unknown): CriterionAnswer[] {
  const own = (Array.isArray(criteria) ? (criteria as Criterion[]) : []).filter(
    (criterion) => criterion?.key && (criterion.filledBy ?? 'supplier') === 'supplier',
  );
  const answers = answersByKey(given);

  const missing = own.filter((criterion) => typeof answers.get(criterion.key)?.met !== 'boolean');
  if (missing.length) {
    const names = missing.map((criterion) => `"${criterion.text ?? criterion.key}"`).join(', ');
    refuse(
      `Answer every criterion you fill in, with yes or no; missing: ${names}.`,
      'criteriaAnswers',
    );
  }
  const failed = own.filter(
    (criterion) => criterion.knockOut && answers.get(criterion.key)?.met !== true,
  );
  if (failed.length) {
    const names = failed.map((criterion) => `"${criterion.text ?? criterion.key}"`).join(', ');
    refuse(
      `The candidate does not meet the knock-out criterion ${names}, so cannot be proposed.`,
      'criteriaAnswers',
    );
  }
  return own.map((criterion) => answers.get(criterion.key)!);
}
