import type { Core } from '@strapi/strapi';
import { clock } from '@desk/plugin-workflow';

import { UID } from './uids';

const FILLED_BY = ['supplier', 'desk'];

/** What is wrong with the evaluation criteria, as phrases; none when they may be published. */
export function criteriaProblems(criteria: unknown): string[] {
  if (criteria === null || criteria === undefined) return [];
  if (!Array.isArray(criteria)) return ['evaluation criteria as a list'];

  const problems: string[] = [];
  const keys = new Set<string>();
  criteria.forEach((criterion: any, index) => {
    const at = `criterion ${index + 1}`;
    const key = typeof criterion?.key === 'string' ? criterion.key.trim() : '';
    if (!key || key.length > 60) problems.push(`a key (up to 60 characters) for ${at}`);
    else if (keys.has(key))
      problems.push(`a key for ${at} other than "${key}", which is used twice`);
    keys.add(key);

    const text = typeof criterion?.text === 'string' ? criterion.text.trim() : '';
    if (!text || text.length > 500) problems.push(`a text of 1 to 500 characters for ${at}`);
    if (!Number.isInteger(criterion?.weight) || criterion.weight < 0 || criterion.weight > 100) {
      problems.push(`a weight from 0 to 100 (whole number) for ${at}`);
    }
    if (typeof criterion?.knockOut !== 'boolean') problems.push(`knockOut true or false for ${at}`);
    if (!FILLED_BY.includes(criterion?.filledBy))
      problems.push(`filledBy "supplier" or "desk" for ${at}`);
  });

  const total = criteria.reduce(
    (sum: number, one: any) => sum + (Number.isInteger(one?.weight) ? one.weight : 0),
    0,
  );
  if (criteria.length && total !== 100)
    problems.push(`criteria weights that add up to 100 (now ${total})`);
  return problems;
}

/** Everything a request needs before anyone outside the desk sees it, as phrases. */
export function requestProblems(request: any, now: Date): string[] {
  const missing: string[] = [];
  const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

  if (!request.client) missing.push('a client');
  if (!request.segment) missing.push('a segment');
  if (blank(request.title)) missing.push('a title');
  if (blank(request.description)) missing.push('a description');
  if (blank(request.location)) missing.push('a location');
  if (!request.hoursPerWeek) missing.push('hours per week');
  if (!request.startDate) missing.push('a start date');
  if (!request.endDate) missing.push('an end date');
  if (request.startDate && request.endDate && request.endDate < request.startDate) {
    missing.push('an end date on or after the start date');
  }
  if (!request.closesAt) missing.push('a closing date-time');
  else if (new Date(request.closesAt).getTime() <= now.getTime())
    missing.push('a closing date-time in the future');
  if (
    request.maxRateCents !== null &&
    request.maxRateCents !== undefined &&
    !(request.maxRateCents > 0)
  ) {
    missing.push('a maximum rate above zero, or none for a rate in line with the market');
  }
  return [...missing, ...criteriaProblems(request.evaluationCriteria)];
}

async function loadRequest(strapi: Core.Strapi, documentId: string) {
  return (await strapi.db.query(UID.request as any).findOne({
    where: { documentId },
    populate: {
      client: { select: ['id', 'name', 'clientApprovalBeforeDistribution'] },
      segment: { select: ['id'] },
    },
  })) as any;
}

/** A request leaves draft only complete; the message lists everything still missing. */
export async function checkComplete(
  strapi: Core.Strapi,
  documentId: string,
): Promise<string | null> {
  const request = await loadRequest(strapi, documentId);
  const problems = request ? requestProblems(request, clock.now()) : ['the request itself'];
  return problems.length ? `it still needs ${problems.join('; ')}.` : null;
}

/** Draft to published directly only for clients that do not approve requests first. */
export async function checkPublishable(
  strapi: Core.Strapi,
  documentId: string,
): Promise<string | null> {
  const incomplete = await checkComplete(strapi, documentId);
  if (incomplete) return incomplete;

  const request = await loadRequest(strapi, documentId);
  if (!request.client.clientApprovalBeforeDistribution) return null;
  return (
    `${request.client.name} approves requests before they are distributed; ` +
    'move it to awaiting client approval instead.'
  );
}

/** An award names a proposal on this request that the client accepted. */
export async function checkAward(strapi: Core.Strapi, documentId: string): Promise<string | null> {
  const request = (await strapi.db.query(UID.request as any).findOne({
    where: { documentId },
    populate: {
      awardedProposal: {
        select: ['id', 'number', 'state'],
        populate: { request: { select: ['id'] } },
      },
    },
  })) as any;
  const proposal = request?.awardedProposal;

  if (!proposal) return 'choose the awarded proposal first.';
  if (proposal.request?.id !== request.id)
    return `proposal ${proposal.number} belongs to another request.`;
  if (!['accepted', 'may_be_hired'].includes(proposal.state)) {
    return `proposal ${proposal.number} is ${proposal.state.replace(/_/g, ' ')}; only an accepted one can be awarded.`;
  }
  return null;
}
