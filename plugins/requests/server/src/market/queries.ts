import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { compiledQueriesOf } from '@desk/plugin-workflow';

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
 * What the list's query binds: the supplier, the filters given (the search text already made
 * into LIKE patterns), and the page. Null where a filter is not given.
 */
interface ListFilters {
  supplierId: number;
  pattern: string | null;
  numberPattern: string | null;
  client: string | null;
  segment: string | null;
  state: string | null;
  closesFrom: Date | null;
  closesTo: Date | null;
}

interface ListValues extends ListFilters {
  limit: number;
  offset: number;
}

function filtersOf(supplierId: number, params: ListParams): ListFilters {
  return {
    supplierId,
    pattern: params.q ? likePattern(params.q) : null,
    numberPattern: params.number ? likePattern(params.number).toUpperCase() : null,
    client: params.client,
    segment: params.segment,
    state: params.state,
    closesFrom: params.closesFrom,
    closesTo: params.closesTo,
  };
}

/**
 * The requests a supplier can see that match the filters. Client and segment filters are
 * subqueries, so the query joins no more tables than visibility needs.
 */
function matching(knex: Knex, t: MarketTables, v: ListFilters): Knex.QueryBuilder {
  const r = (name: string) => `r.${t.col(UID.request, name)}`;
  const query = visibleRequests(knex, t, v.supplierId);
  const byReference = (table: string, reference: string) =>
    knex(table).select('id').where('slug', reference).orWhere('document_id', reference);
  const { pattern } = v;

  if (pattern !== null) {
    query.where((where) =>
      where
        .whereRaw(`lower(??) like ? escape '\\'`, [r('title'), pattern])
        .orWhereRaw(`lower(??) like ? escape '\\'`, [r('description'), pattern])
        .orWhereRaw(`lower(??) like ? escape '\\'`, [r('number'), pattern]),
    );
  }
  if (v.numberPattern !== null)
    query.whereRaw(`upper(??) like ? escape '\\'`, [r('number'), v.numberPattern]);
  if (v.client !== null) {
    const { requestClient: rc } = t;
    query.whereIn(
      'r.id',
      knex(rc.table).select(rc.own).whereIn(rc.other, byReference(t.clients, v.client)),
    );
  }
  if (v.segment !== null)
    query.whereIn(`rs.${t.requestSegment.other}`, byReference(t.segments, v.segment));
  if (v.state !== null) query.where(r('state'), v.state);
  if (v.closesFrom !== null) query.where(r('closesAt'), '>=', v.closesFrom);
  if (v.closesTo !== null) query.where(r('closesAt'), '<', v.closesTo);
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
function pageOf(
  knex: Knex,
  t: MarketTables,
  v: ListValues,
  sort: ListParams['sort'],
): Knex.QueryBuilder {
  const r = (name: string) => `r.${t.col(UID.request, name)}`;
  const { field, direction } = sort;
  const page = matching(knex, t, v)
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
    .limit(v.limit)
    .offset(v.offset);

  // Names of client and segment are looked up for the page's rows only.
  const { requestClient: rc } = t;
  return knex
    .from(page.as('p'))
    .leftJoin({ rc: rc.table }, `rc.${rc.own}`, 'p.id')
    .leftJoin({ c: t.clients }, 'c.id', `rc.${rc.other}`)
    .join({ sg: t.segments }, 'sg.id', 'p.segmentId')
    .select('p.*', {
      clientName: 'c.name',
      clientSlug: 'c.slug',
      segmentName: 'sg.name',
      segmentSlug: 'sg.slug',
    })
    .orderBy(`p.${field}`, direction)
    .orderBy('p.id', direction);
}

/**
 * Runs a list query compiled once per shape: which filters are given, the order, and whether
 * it is the page or the count. Building and compiling the page's query with knex took as long
 * as SQLite took to run it.
 */
function runCompiled<V extends ListFilters>(
  strapi: Core.Strapi,
  kind: 'page' | 'count',
  values: V,
  sort: ListParams['sort'],
  build: (knex: Knex, t: MarketTables, slotted: V) => Knex.QueryBuilder,
): Promise<any[]> {
  const given = Object.entries(values).filter(([, value]) => value !== null);
  const shape = `requests.list.${kind}:${sort.field}:${sort.direction}:${given.map(([name]) => name).join(',')}`;

  return compiledQueriesOf(strapi)(
    shape,
    given.map(([, value]) => value),
    (slot) => {
      const slotted = {
        ...values,
        ...Object.fromEntries(given.map(([name], index) => [name, slot(index)])),
      };
      return build(strapi.db.connection, tablesOf(strapi), slotted as V);
    },
  );
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
  const filters = filtersOf(supplierId, params);
  const page = { ...filters, limit: params.pageSize, offset: (params.page - 1) * params.pageSize };
  const rows = await runCompiled(strapi, 'page', page, params.sort, (knex, t, v) =>
    pageOf(knex, t, v, params.sort),
  );
  if (rows.length) return { rows: rows.map(summaryOf), total: Number(rows[0].total) };

  const counted = await runCompiled(strapi, 'count', filters, params.sort, (knex, t, f) =>
    matching(knex, t, f).count({ total: '*' }),
  );
  return { rows: [], total: Number(counted[0]?.total ?? 0) };
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
