import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { requestDetail } from './detail';
import { MAX_PAGE_SIZE, wholeNumber } from './list-params';
import { isoOf } from './queries';
import { UID } from './uids';

/** A signed-in client user (hiring manager or budget holder) with the client they work for. */
export interface ClientUser {
  id: number;
  client: { id: number; slug: string; name: string };
}

/** The statuses a client user sees; a draft is the desk's until it asks for approval. */
export const CLIENT_STATES = [
  'awaiting_client_approval',
  'approved',
  'published',
  'closed',
  'awarded',
  'cancelled',
] as const;

const DOCUMENT_ID = /^[a-z0-9]{1,40}$/;

/** The signed-in portal user as a user of a client; anyone else is refused. */
export async function clientUserOf(strapi: Core.Strapi, ctx: any): Promise<ClientUser> {
  const id = Number(ctx.state?.user?.id);
  const user = Number.isInteger(id)
    ? ((await strapi.db.query(UID.user as any).findOne({
        where: { id },
        select: ['id', 'userKind', 'isHiringManager', 'isBudgetHolder'],
        populate: { client: { select: ['id', 'slug', 'name'] } },
      })) as any)
    : null;

  const hasRole = user && (user.isHiringManager || user.isBudgetHolder);
  if (!user || user.userKind !== 'client_user' || !user.client || !hasRole) {
    throw new errors.PolicyError(
      "These are a client's requests; only its hiring managers and budget holders see them.",
      { code: 'NOT_A_CLIENT_USER' },
    );
  }
  return { id, client: user.client };
}

/** Reads ?state=&page=&pageSize= of the client's list; a wrong value is named, not ignored. */
function readQuery(query: Record<string, unknown>) {
  const problems: string[] = [];
  const state = typeof query.state === 'string' && query.state ? query.state : null;
  if (query.state !== undefined && typeof query.state !== 'string')
    problems.push('state is given more than once');
  if (state && !(CLIENT_STATES as readonly string[]).includes(state)) {
    problems.push(`state is one of ${CLIENT_STATES.join(', ')}`);
  }
  // Not given or empty takes the default; a repeated parameter (a list) is wrong.
  const given = (value: unknown) =>
    value === undefined || value === '' ? undefined : typeof value === 'string' ? value : '';
  const page = wholeNumber(given(query.page), 1, 100_000);
  if (page === null) problems.push('page is a whole number from 1');
  const pageSize = wholeNumber(given(query.pageSize), 25, MAX_PAGE_SIZE);
  if (pageSize === null) problems.push(`pageSize is a whole number from 1 to ${MAX_PAGE_SIZE}`);

  if (problems.length) {
    throw new errors.ValidationError(`The request list cannot be read: ${problems.join('; ')}.`, {
      code: 'LIST_PARAMS_INVALID',
      problems,
    });
  }
  return { state, page: page!, pageSize: pageSize! };
}

/** A page of the client's own requests, the latest changed first; `state` picks one status. */
export async function listClientRequests(
  strapi: Core.Strapi,
  user: ClientUser,
  query: Record<string, unknown>,
) {
  const { state, page, pageSize } = readQuery(query);
  const where = {
    client: { id: user.client.id },
    state: state ?? { $in: [...CLIENT_STATES] },
  };
  const requests = strapi.db.query(UID.request as any);
  const [rows, total] = await Promise.all([
    requests.findMany({
      where,
      select: [
        'documentId',
        'number',
        'title',
        'state',
        'closesAt',
        'startDate',
        'hoursPerWeek',
        'maxRateCents',
      ],
      populate: { segment: { select: ['name', 'slug'] } },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }) as Promise<any[]>,
    requests.count({ where }),
  ]);

  return {
    rows: rows.map((row) => ({
      documentId: row.documentId,
      number: row.number,
      title: row.title,
      state: row.state,
      closesAt: isoOf(row.closesAt),
      startDate: row.startDate ?? null,
      hoursPerWeek: row.hoursPerWeek ?? null,
      maxRateCents: row.maxRateCents ?? null,
      segment: row.segment ? { name: row.segment.name, slug: row.segment.slug } : null,
    })),
    pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
  };
}

/**
 * One request of the client's own, as the desk wrote it, with every question and answer; a
 * request of another client answers like one that does not exist.
 */
export async function clientRequestDetail(
  strapi: Core.Strapi,
  user: ClientUser,
  documentId: string,
) {
  const row = DOCUMENT_ID.test(documentId)
    ? ((await strapi.db.query(UID.request as any).findOne({
        where: { documentId, client: { id: user.client.id }, state: { $in: [...CLIENT_STATES] } },
        select: ['id', 'clientApprovedAt'],
      })) as any)
    : null;
  if (!row) throw new errors.NotFoundError(`There is no request ${documentId}.`);

  const detail = await requestDetail(strapi, row.id, null);
  return {
    ...detail,
    clientApprovedAt: isoOf(row.clientApprovedAt),
    mayApprove: detail.state === 'awaiting_client_approval',
  };
}
