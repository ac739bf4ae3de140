import { errors } from '@strapi/utils';

import { nextDay, startOfAmsterdamDay } from './amsterdam';
import { VISIBLE_STATES } from './uids';

/** The attributes a list can be sorted by. */
export const SORT_FIELDS = ['closesAt', 'number', 'title'] as const;

export interface ListParams {
  q: string | null;
  number: string | null;
  client: string | null;
  segment: string | null;
  state: (typeof VISIBLE_STATES)[number] | null;
  closesFrom: Date | null;
  closesTo: Date | null;
  sort: { field: (typeof SORT_FIELDS)[number]; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
}

const KNOWN = [
  'q',
  'number',
  'client',
  'segment',
  'state',
  'closesFrom',
  'closesTo',
  'sort',
  'page',
  'pageSize',
];
const REFERENCE = /^[a-z0-9-]{1,120}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const MAX_PAGE_SIZE = 100;

/** A date is a whole day in Amsterdam: "from" its start, "to" its end. */
function instantOf(value: string, end: boolean): Date | null {
  if (DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    return startOfAmsterdamDay(end ? nextDay(value) : value);
  }
  return INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;
}

/** A whole number from 1 to `max` given as text; `fallback` when not given, null when wrong. */
export function wholeNumber(
  value: string | undefined,
  fallback: number,
  max: number,
): number | null {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}

type Reader = (name: string) => string | undefined;

/** The filters: search, number, client, segment, status and closing dates. */
function readFilters(text: Reader, problems: string[]) {
  const q = text('q') || null;
  if (q && q.length > 200) problems.push('q has at most 200 characters');
  const number = text('number')?.toUpperCase() || null;
  if (number && !/^[A-Z0-9-]{1,20}$/.test(number))
    problems.push('number is a request number such as SRQ000123');
  const client = text('client') || null;
  if (client && !REFERENCE.test(client)) problems.push('client is a client slug or documentId');
  const segment = text('segment') || null;
  if (segment && !REFERENCE.test(segment)) problems.push('segment is a segment slug or documentId');
  const state = text('state') || null;
  if (state && !(VISIBLE_STATES as readonly string[]).includes(state)) {
    problems.push(`state is one of ${VISIBLE_STATES.join(', ')}`);
  }

  const [closesFrom, closesTo] = (['closesFrom', 'closesTo'] as const).map((name) => {
    const value = text(name);
    const instant = value ? instantOf(value, name === 'closesTo') : null;
    if (value && !instant)
      problems.push(`${name} is a date (2026-03-09) or a date-time with a zone`);
    return instant;
  });
  return { q, number, client, segment, state: state as ListParams['state'], closesFrom, closesTo };
}

/** The order and the page. */
function readPaging(text: Reader, problems: string[]) {
  const [field, direction = 'asc'] = (text('sort') ?? 'closesAt:asc').split(':');
  if (!(SORT_FIELDS as readonly string[]).includes(field) || !['asc', 'desc'].includes(direction)) {
    problems.push(`sort is one of ${SORT_FIELDS.join(', ')} with :asc or :desc`);
  }
  const page = wholeNumber(text('page'), 1, 100_000);
  if (page === null) problems.push('page is a whole number from 1');
  const pageSize = wholeNumber(text('pageSize'), 25, MAX_PAGE_SIZE);
  if (pageSize === null) problems.push(`pageSize is a whole number from 1 to ${MAX_PAGE_SIZE}`);

  return {
    sort: { field: field as ListParams['sort']['field'], direction: direction as 'asc' | 'desc' },
    page: page ?? 1,
    pageSize: pageSize ?? 1,
  };
}

/**
 * Reads the list's query string; every wrong value is named in one 400 answer, so the portal
 * never shows a list that silently ignored a filter.
 */
export function parseListParams(query: Record<string, unknown>): ListParams {
  const problems: string[] = [];
  const text: Reader = (name) => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') problems.push(`${name} is given more than once`);
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const unknown = Object.keys(query).filter((name) => !KNOWN.includes(name));
  if (unknown.length)
    problems.push(`unknown parameter ${unknown.join(', ')}; known are ${KNOWN.join(', ')}`);

  const params = { ...readFilters(text, problems), ...readPaging(text, problems) };
  if (problems.length) {
    throw new errors.ValidationError(`The request list cannot be read: ${problems.join('; ')}.`, {
      code: 'LIST_PARAMS_INVALID',
      problems,
    });
  }
  return params;
}
