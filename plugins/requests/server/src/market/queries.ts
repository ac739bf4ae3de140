import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { ListParams } from './list-params';
import { likePattern, tablesOf, type MarketTables } from './sql';
import { UID } from './uids';
import { visibleRequests } from './visibility';

/** One row of a supplier's request list. */
export interface RequestSummary {
  documentId: string;
  number: string;
  title: string;
  state: string;
  closesAt: string | null;
  location: string | null;
  hoursPerWeek: number | null;
  maxRateCents: number | null;
  das: boolean;
  client: { name: string; slug: string } | null;
  segment: { name: string; slug: string };
}

/** SQLite returns datetimes as epoch milliseconds, PostgreSQL as Date: one ISO shape out. */
export function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value as string | number | Date).toISOString();
}

/**
 * The requests a supplier can see that match the filters. Client and segment filters are
 * subqueries, so the query joins no more tables than visibility needs.
 */
function matching(knex: Knex, t: MarketTables, supplierId: number, params: ListParams): Knex.QueryBuilder {
  const r = (name: string) => `r.${t.col(UID.request, name)}`;
  const query = visibleRequests(knex, t, supplierId);
  const byReference = (table: string, reference: string) =>
    knex(table).select('id').where('slug', reference).orWhere('document_id', reference);

  if (params.q) {
    const pattern = likePattern(params.q);
    query.where((where) =>
      where
        .whereRaw(`lower(??) like ? escape '\\'`, [r('title'), pattern])
        .orWhereRaw(`lower(??) like ? escape '\\'`, [r('description'), pattern])
        .orWhereRaw(`lower(??) like ? escape '\\'`, [r('number'), pattern]),
    );
  }
  if (params.number) query.whereRaw(`upper(??) like ? escape '\\'`, [r('number'), likePattern(params.number).toUpperCase()]);
  if (params.client) {
    const { requestClient: rc } = t;
    query.whereIn('r.id', knex(rc.table).select(rc.own).whereIn(rc.other, byReference(t.clients, params.client)));
  }
  if (params.segment) query.whereIn(`rs.${t.requestSegment.other}`, byReference(t.segments, params.segment));
  if (params.state) query.where(r('state'), params.state);
  if (params.closesFrom) query.where(r('closesAt'), '>=', params.closesFrom);
  if (params.closesTo) query.where(r('closesAt'), '<', params.closesTo);
  return query;
}

function summaryOf(row: any): RequestSummary {
  return {
    documentId: row.documentId,
    number: row.number,
    title: row.title,
    state: row.state,
    closesAt: isoOf(row.closesAt),
    location: row.location ?? null,
    hoursPerWeek: row.hoursPerWeek ?? null,
    maxRateCents: row.maxRateCents ?? null,
    das: row.dasId !== null && row.dasId !== undefined,
    client: row.clientSlug ? { name: row.clientName, slug: row.clientSlug } : null,
    segment: { name: row.segmentName, slug: row.segmentSlug },
  };
}

/** One page of the matching requests, each row carrying the total (a window count). */
function pageOf(knex: Knex, t: MarketTables, supplierId: number, params: ListParams): Knex.QueryBuilder {
  const r = (name: string) => `r.${t.col(UID.request, name)}`;
  const { field, direction } = params.sort;
  const page = matching(knex, t, supplierId, params)
    .select({
      id: 'r.id',
      documentId: 'r.document_id',
      number: r('number'),
      title: r('title'),
      state: r('state'),
      closesAt: r('closesAt'),
      location: r('location'),
      hoursPerWeek: r('hoursPerWeek'),
      maxRateCents: r('maxRateCents'),
      segmentId: `rs.${t.requestSegment.other}`,
      dasId: `rd.${t.requestDas.other}`,
    })
    .select(knex.raw('count(*) over () as ??', ['total']))
    .orderBy(r(field), direction)
    .orderBy('r.id', direction)
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);

  // Names of client and segment are looked up for the page's rows only.
  const { requestClient: rc } = t;
  return knex
    .from(page.as('p'))
    .leftJoin({ rc: rc.table }, `rc.${rc.own}`, 'p.id')
    .leftJoin({ c: t.clients }, 'c.id', `rc.${rc.other}`)
    .join({ sg: t.segments }, 'sg.id', 'p.segmentId')
    .select('p.*', { clientName: 'c.name', clientSlug: 'c.slug', segmentName: 'sg.name', segmentSlug: 'sg.slug' })
    .orderBy(`p.${field}`, direction)
    .orderBy('p.id', direction);
}

/**
 * A page of the requests a supplier can see, with the total for paging: one statement, and
 * a count of its own only for a page past the end.
 */
export async function listRequests(
  strapi: Core.Strapi,
  supplierId: number,
  params: ListParams,
): Promise<{ rows: RequestSummary[]; total: number }> {
  const t = tablesOf(strapi);
  const knex = strapi.db.connection;
  const rows = await pageOf(knex, t, supplierId, params);
  if (rows.length) return { rows: rows.map(summaryOf), total: Number(rows[0].total) };

  const [counted] = await matching(knex, t, supplierId, params).count({ total: '*' });
  return { rows: [], total: Number((counted as any)?.total ?? 0) };
}

/** The id of a request the supplier can see, or null: hidden and nonexistent look alike. */
export async function visibleRequestId(
  strapi: Core.Strapi,
  supplierId: number,
  documentId: string,
): Promise<number | null> {
  const t = tablesOf(strapi);
  const row = await visibleRequests(strapi.db.connection, t, supplierId)
    .where('r.document_id', documentId)
    .first({ id: 'r.id' });
  return row?.id ?? null;
}
