import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import { createSegment, unique } from './helpers/factories';
import { getStrapi } from './helpers/strapi';

/*
 * On SQLite the event loop turns before each query (cms/src/turn-between-queries.ts), so that
 * the calls in progress interleave (the README's Performance section).
 */

let strapi: Core.Strapi;
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

  it('still runs a transaction on its own connection, queries and all', async () => {
    const name = `Turns ${unique()}`;
    await strapi.db.transaction(async ({ trx }) => {
      await trx.raw('select 1');
      await trx.raw('select 1');
    });
    const segment = await createSegment(strapi, { name });
    expect(segment.name).toBe(name);
  });
});
