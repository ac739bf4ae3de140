import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import { createClient, createSegment, publishRequest } from './helpers/factories';
import { createCompleteRequest } from './helpers/market';
import { getStrapi } from './helpers/strapi';

const REQUEST = 'plugin::requests.request';
const MINUTE = 60_000;

let strapi: Core.Strapi;
let client: any;
let segment: any;

const closing = () => strapi.plugin('requests').service('marketClosing');
const stateOf = async (request: any) =>
  (
    (await strapi.db
      .query(REQUEST as any)
      .findOne({ where: { documentId: request.documentId } })) as any
  ).state;
const closings = (request: any) =>
  strapi.db.query('plugin::audit.entry' as any).findMany({
    where: { recordDocumentId: request.documentId, action: 'transition', toStatus: 'closed' },
  }) as Promise<any[]>;

/** A published request closing some minutes from now. */
async function closingIn(minutes: number) {
  const closesAt = new Date(Date.now() + minutes * MINUTE).toISOString();
  return publishRequest(strapi, await createCompleteRequest(strapi, { client, segment, closesAt }));
}

beforeAll(async () => {
  strapi = await getStrapi();
  client = await createClient(strapi);
  segment = await createSegment(strapi);
});

describe('the closing job', () => {
  it('closes the requests whose closing time has passed, as the job close-requests', async () => {
    const due = await closingIn(1);
    const later = await closingIn(10);
    const now = new Date(Date.parse(due.closesAt) + 1000);

    const result = await closing().closeDueRequests({ now });

    expect(result.skipped).toBe(false);
    expect(result.closed).toContain(due.documentId);
    expect(result.closed).not.toContain(later.documentId);
    expect(await stateOf(due)).toBe('closed');
    expect(await stateOf(later)).toBe('published');
    const [entry] = await closings(due);
    expect(entry).toMatchObject({
      fromStatus: 'published',
      actorKind: 'system',
      actorSource: 'job',
      actor: 'job:close-requests',
    });
    const stored = (await strapi.db
      .query(REQUEST as any)
      .findOne({ where: { documentId: due.documentId } })) as any;
    expect(new Date(stored.closedAt).toISOString()).toBe(now.toISOString());
  });

  it('leaves a request open at its closing instant minus one second', async () => {
    const request = await closingIn(2);

    await closing().closeDueRequests({ now: new Date(Date.parse(request.closesAt) - 1000) });

    expect(await stateOf(request)).toBe('published');
  });

  it('closes each request exactly once when two runs start at the same moment', async () => {
    const requests = await Promise.all([closingIn(3), closingIn(3), closingIn(3)]);
    const now = new Date(Date.now() + 4 * MINUTE);

    const runs = await Promise.all([
      closing().closeDueRequests({ now }),
      closing().closeDueRequests({ now }),
    ]);

    const closed = runs.flatMap((run) => run.closed);
    for (const request of requests) {
      expect(closed.filter((documentId) => documentId === request.documentId)).toHaveLength(1);
      expect(await stateOf(request)).toBe('closed');
      expect(await closings(request)).toHaveLength(1);
    }
  });
});
