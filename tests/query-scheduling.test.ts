import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  call,
  createClient,
  createSegment,
  createSupplier,
  publishRequest,
  unique,
} from './helpers/factories';
import { createCompleteRequest, createConsultant, follow } from './helpers/market';
import { CMS_DIR, getStrapi } from './helpers/strapi';

/*
 * How the cms sends its queries: on SQLite the event loop turns before each one
 * (cms/src/turn-between-queries.ts), on PostgreSQL a connection gets one query at a time
 * (cms/src/one-query-per-connection.ts), and the queries of every list call are compiled once
 * per shape (compiled-query.ts in the workflow plugin). The README's Performance section says
 * why.
 */

let strapi: Core.Strapi;
const { compiledQueriesOf } = createRequire(join(CMS_DIR, 'package.json'))('@desk/plugin-workflow');
const knex = () => strapi.db.connection;
const nextTurn = () => new Promise<string>((resolve) => setImmediate(() => resolve('other work')));

beforeAll(async () => {
  strapi = await getStrapi();
});

describe('queries and the event loop', () => {
  it('lets other work in between two queries of one call', async () => {
    await knex().raw('select 1');
    const order: string[] = [];
    const other = nextTurn().then((what) => order.push(what));

    await knex().raw('select 1');
    order.push('second query');
    await other;

    // Without the turn, SQLite's synchronous answer would come before any other work.
    expect(order).toEqual(['other work', 'second query']);
  });

  it('does not turn inside a transaction, which holds the one connection until it ends', async () => {
    const order: string[] = [];

    await strapi.db.transaction(async ({ trx }) => {
      await trx.raw('select 1');
      const other = nextTurn().then((what) => order.push(what));
      await trx.raw('select 1');
      order.push('second query');
      await other;
    });

    // On SQLite the transaction's queries answer at once; on PostgreSQL they wait on the network.
    expect(order).toEqual(
      strapi.db.dialect.client === 'sqlite'
        ? ['second query', 'other work']
        : ['other work', 'second query'],
    );
  });
});

describe('queries inside a PostgreSQL transaction', () => {
  const postgres = () => strapi.db.dialect.client === 'postgres';

  // SQLite answers each query before the next can start; there is nothing to show there.
  it.skipIf(!process.env.DATABASE_URL)(
    'sends the connection one query at a time, even when they are started side by side',
    async () => {
      expect(postgres()).toBe(true);
      let running = 0;
      let most = 0;
      const answers = await strapi.db.transaction(async ({ trx }) => {
        // A transaction's client hands out its one connection.
        const connection = (await (trx as any).client.acquireConnection()) as {
          query: (...args: any[]) => unknown;
        };
        const query = connection.query;
        connection.query = function counted(
          this: unknown,
          config: unknown,
          done?: (...args: any[]) => void,
        ) {
          running += 1;
          most = Math.max(most, running);
          return query.call(this, config, (...args: any[]) => {
            running -= 1;
            done?.(...args);
          });
        };
        try {
          return await Promise.all([
            trx.raw('select pg_sleep(0.05), 1 as n'),
            trx.raw('select 2 as n'),
            trx.raw('select 3 as n'),
          ]);
        } finally {
          connection.query = query;
        }
      });

      expect(answers.map((answer: any) => answer.rows[0].n)).toEqual([1, 2, 3]);
      expect(most).toBe(1);
    },
  );
});

describe('compiled queries', () => {
  const segmentTable = () =>
    (strapi.db.metadata.get('plugin::organisations.segment' as any) as any).tableName;
  const byName = (slot: (index: number) => number) =>
    knex()(segmentTable())
      .where('name', slot(0))
      .where('slug', 'like', slot(1))
      .select('name', 'slug')
      .orderBy('id');

  it('compiles a shape once and runs it with each call’s own values', async () => {
    const [first, second] = [await createSegment(strapi), await createSegment(strapi)];
    const run = compiledQueriesOf(strapi);
    const shape = `test.segments.${unique()}`;
    let built = 0;
    const build = (slot: (index: number) => number) => {
      built += 1;
      return byName(slot);
    };

    const one = await run(shape, [first.name, '%'], build);
    const other = await run(shape, [second.name, '%'], build);
    const none = await run(shape, [second.name, 'no-such-slug%'], build);

    expect(one).toEqual([{ name: first.name, slug: first.slug }]);
    expect(other).toEqual([{ name: second.name, slug: second.slug }]);
    expect(none).toEqual([]);
    expect(built).toBe(1);
  });

  it('keeps the constants of a query and binds limit and offset as values', async () => {
    const prefix = `Paged ${unique()}`;
    for (const n of [1, 2, 3]) await createSegment(strapi, { name: `${prefix} ${n}` });
    const page = (slot: (index: number) => number) =>
      knex()(segmentTable())
        .where('name', 'like', slot(0))
        .whereNot('name', `${prefix} 9`)
        .select('name')
        .orderBy('name')
        .limit(slot(1))
        .offset(slot(2));
    const run = compiledQueriesOf(strapi);
    const shape = `test.paged.${unique()}`;

    expect(await run(shape, [`${prefix}%`, 2, 0], page)).toEqual([
      { name: `${prefix} 1` },
      { name: `${prefix} 2` },
    ]);
    expect(await run(shape, [`${prefix}%`, 2, 2], page)).toEqual([{ name: `${prefix} 3` }]);
  });

  it('runs in the transaction in progress and sees what it wrote', async () => {
    const name = `In transaction ${unique()}`;
    const run = compiledQueriesOf(strapi);
    const shape = `test.in-transaction.${unique()}`;

    const seen = await strapi.db.transaction(async () => {
      await strapi.db
        .query('plugin::organisations.segment' as any)
        .create({ data: { name, slug: `t-${unique()}` } });
      return run(shape, [name, 't-%'], byName);
    });

    expect(seen.map((row: any) => row.name)).toEqual([name]);
  });

  it('refuses a query that leaves one of its values out, naming the shape', async () => {
    const run = compiledQueriesOf(strapi);
    const shape = `test.unused.${unique()}`;
    const build = (slot: (index: number) => number) =>
      knex()(segmentTable()).where('name', slot(0)).select('name');

    await expect(run(shape, ['a name', 'a slug'], build)).rejects.toThrow(
      `compiled query "${shape}" uses 1 of its 2 values`,
    );
  });
});

describe('the supplier list on compiled queries', () => {
  it('gives two suppliers reading the same shape one after the other each their own page', async () => {
    const [segmentA, segmentB] = [await createSegment(strapi), await createSegment(strapi)];
    const [supplierA, supplierB] = [await createSupplier(strapi), await createSupplier(strapi)];
    await follow(strapi, supplierA, [segmentA]);
    await follow(strapi, supplierB, [segmentB]);
    const [consultantA, consultantB] = [
      await createConsultant(strapi, supplierA),
      await createConsultant(strapi, supplierB),
    ];
    const client = await createClient(strapi);
    const requestA = await publishRequest(
      strapi,
      await createCompleteRequest(strapi, { client, segment: segmentA }),
    );
    const requestB = await publishRequest(
      strapi,
      await createCompleteRequest(strapi, { client, segment: segmentB }),
    );
    const path = `/api/requests/requests?client=${client.slug}&sort=title:desc&pageSize=5`;

    const [pageA, pageB, againA] = [
      await call('GET', path, consultantA.jwt),
      await call('GET', path, consultantB.jwt),
      await call('GET', path, consultantA.jwt),
    ];

    const numbers = (response: any) => response.body.data.map((row: any) => row.number);
    expect(numbers(pageA)).toEqual([requestA.number]);
    expect(numbers(pageB)).toEqual([requestB.number]);
    expect(numbers(againA)).toEqual([requestA.number]);
    expect(pageB.body.meta.pagination.total).toBe(1);
  });
});
