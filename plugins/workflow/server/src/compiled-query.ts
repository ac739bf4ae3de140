import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Stands in for the i-th value while a query is compiled. A number, because knex turns what
 * `limit` and `offset` get into a number; no query here binds a constant this large.
 */
const SLOT_BASE = 2_000_000_000;
/** Shapes a query family may have before something is wrong with its shape keys. */
const MAX_SHAPES = 1_000;

export type Slot = (index: number) => number;

interface Compiled {
  sql: string;
  /** For each binding of the SQL: the index of the value it takes, or the constant itself. */
  bindings: Array<{ slot: number } | { constant: unknown }>;
}

export type CompiledQueries = ReturnType<typeof compiledQueries>;

/**
 * Queries built with knex, compiled once per shape and then run with new values. On the calls
 * that run on every page view, knex takes about as long to build and compile a query as
 * SQLite takes to run it.
 *
 * `run(shape, values, build)`: `build(slot)` builds the query with `slot(i)` in the place of
 * `values[i]`. `shape` names the query and everything that changes its SQL (which filters,
 * which order): two calls with the same shape must build the same SQL. Resolves with the rows.
 */
function compiledQueries(on: <T>(work: (knex: Knex) => Promise<T>) => Promise<T>) {
  const shapes = new Map<string, Compiled>();

  function compile(
    shape: string,
    count: number,
    build: (slot: Slot) => Knex.QueryBuilder,
  ): Compiled {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    const native = build((index) => SLOT_BASE + index).toSQL();
    const used = new Set<number>();
    const bindings = native.bindings.map((value) => {
      const slot = typeof value === 'number' ? value - SLOT_BASE : -1;
      if (slot < 0 || slot >= count) return { constant: value };
      used.add(slot);
      return { slot };
    });
    if (used.size !== count) {
      throw new Error(`compiled query "${shape}" uses ${used.size} of its ${count} values`);
    }
    const compiled = { sql: native.sql, bindings };
    shapes.set(shape, compiled);
    return compiled;
  }

  return async function run<Row = Record<string, unknown>>(
    shape: string,
    values: unknown[],
    build: (slot: Slot) => Knex.QueryBuilder,
  ): Promise<Row[]> {
    const { sql, bindings } = shapes.get(shape) ?? compile(shape, values.length, build);
    const bound = bindings.map((binding) =>
      'slot' in binding ? values[binding.slot] : binding.constant,
    );
    const result: any = await on(
      (knex) => knex.raw(sql, bound as Knex.RawBinding[]) as unknown as Promise<unknown>,
    );
    // PostgreSQL's driver answers with a result object, SQLite's with the rows.
    return (Array.isArray(result) ? result : result.rows) as Row[];
  };
}

const perStrapi = new WeakMap<Core.Strapi, CompiledQueries>();

/**
 * Runs a query on the running transaction when there is one, else on the pool: on SQLite the
 * pool has one connection, which a transaction holds until it ends.
 */
export function withKnex<T>(strapi: Core.Strapi, work: (knex: Knex) => Promise<T>): Promise<T> {
  if (strapi.db.inTransaction()) return strapi.db.transaction(({ trx }) => work(trx)) as Promise<T>;
  return work(strapi.db.connection);
}

/** The compiled queries of a Strapi instance; shapes are app-wide. Each runs as `withKnex`. */
export function compiledQueriesOf(strapi: Core.Strapi): CompiledQueries {
  let run = perStrapi.get(strapi);
  if (!run) {
    run = compiledQueries(<T>(work: (knex: Knex) => Promise<T>) => withKnex(strapi, work));
    perStrapi.set(strapi, run);
  }
  return run;
}
