import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  call,
  createClient,
  createPortalUser,
  createSegment,
  createSupplier,
  moveTo,
  publishRequest,
} from './helpers/factories';
import { createCompleteRequest, createConsultant, follow } from './helpers/market';
import { getStrapi } from './helpers/strapi';

const REQUEST = 'plugin::requests.request';
const DAY = 86_400_000;

let strapi: Core.Strapi;
let consultant: any;
let clientA: any;
let clientB: any;
let segment: any;
/** The visible requests by name: three of client A, one of client B, one closed. */
const seen: Record<string, any> = {};
const hidden: Record<string, any> = {};

const list = async (query = '') => call('GET', `/api/requests/requests${query}`, consultant.jwt);
const numbersOf = (response: any) => response.body.data.map((row: any) => row.number);
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

beforeAll(async () => {
  strapi = await getStrapi();
  clientA = await createClient(strapi);
  clientB = await createClient(strapi);
  segment = await createSegment(strapi);
  const elsewhere = await createSegment(strapi);
  const supplier = await createSupplier(strapi);
  await follow(strapi, supplier, [segment]);
  consultant = await createConsultant(strapi, supplier);

  const make = (fields: Record<string, unknown>) =>
    createCompleteRequest(strapi, { client: clientA, segment, ...fields });
  seen.java = await publishRequest(
    strapi,
    await make({ title: 'Java developer', closesAt: inDays(3) }),
  );
  seen.tester = await publishRequest(
    strapi,
    await make({ title: 'Tester', description: 'Knows 100% of Java', closesAt: inDays(5) }),
  );
  seen.analyst = await publishRequest(
    strapi,
    await make({ title: 'Data analyst', closesAt: inDays(1), maxRateCents: null }),
  );
  seen.nurse = await publishRequest(
    strapi,
    await make({ client: clientB, title: 'Nurse', closesAt: inDays(9) }),
  );
  seen.closed = await publishRequest(
    strapi,
    await make({ title: 'Archivist', closesAt: inDays(2) }),
  );
  await moveTo(strapi, REQUEST, seen.closed.documentId, 'closed');
  hidden.draft = await make({ title: 'Java draft' });
  hidden.elsewhere = await publishRequest(
    strapi,
    await make({ segment: elsewhere, title: 'Java elsewhere' }),
  );
});

describe("a consultant's request list", () => {
  it('shows only the requests the supplier can see, soonest closing first, with paging', async () => {
    const response = await list();

    expect(response.status).toBe(200);
    expect(numbersOf(response)).toEqual(
      [seen.analyst, seen.closed, seen.java, seen.tester, seen.nurse].map((one) => one.number),
    );
    expect(response.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 25,
      pageCount: 1,
      total: 5,
    });
    expect(response.body.data[0]).toMatchObject({
      documentId: seen.analyst.documentId,
      title: 'Data analyst',
      state: 'published',
      maxRateCents: null,
      das: false,
      client: { name: clientA.name, slug: clientA.slug },
      segment: { name: segment.name, slug: segment.slug },
    });
  });

  it('finds a request by its SRQ number, whole or in part, in any case', async () => {
    const whole = await list(`?number=${seen.java.number}`);
    const lower = await list(`?number=${seen.java.number.toLowerCase()}`);
    const hiddenOne = await list(`?number=${hidden.elsewhere.number}`);

    expect(numbersOf(whole)).toEqual([seen.java.number]);
    expect(numbersOf(lower)).toEqual([seen.java.number]);
    expect(numbersOf(hiddenOne)).toEqual([]);
  });

  it('searches title, description and number by text, taking % literally', async () => {
    const java = await list('?q=JAVA&sort=number:asc');
    const percent = await list(`?q=${encodeURIComponent('100%')}`);
    const wildcard = await list(`?q=${encodeURIComponent('%')}`);

    expect(numbersOf(java)).toEqual([seen.java.number, seen.tester.number]);
    expect(numbersOf(percent)).toEqual([seen.tester.number]);
    expect(numbersOf(wildcard)).toEqual([seen.tester.number]);
  });

  it('filters by client, segment, status and closing dates', async () => {
    const bySlug = await list(`?client=${clientB.slug}`);
    const byId = await list(`?client=${clientB.documentId}`);
    const bySegment = await list(`?segment=${segment.slug}&state=closed`);
    const window = await list(`?closesFrom=${inDays(2.5)}&closesTo=${inDays(6)}`);
    const today = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const byDay = await list(`?closesFrom=${today}&closesTo=${today}`);

    expect(numbersOf(bySlug)).toEqual([seen.nurse.number]);
    expect(numbersOf(byId)).toEqual([seen.nurse.number]);
    expect(numbersOf(bySegment)).toEqual([seen.closed.number]);
    expect(numbersOf(window)).toEqual([seen.java.number, seen.tester.number]);
    expect(numbersOf(byDay)).toContain(seen.analyst.number);
  });

  it('sorts by number and title both ways and pages through the result', async () => {
    const byNumber = await list('?sort=number:desc');
    const byTitle = await list('?sort=title:asc');
    const second = await list('?sort=number:asc&page=2&pageSize=2');
    const beyond = await list('?page=9&pageSize=2');

    const numbers = [seen.java, seen.tester, seen.analyst, seen.nurse, seen.closed]
      .map((one) => one.number)
      .sort();
    expect(numbersOf(byNumber)).toEqual([...numbers].reverse());
    expect(byTitle.body.data.map((row: any) => row.title)).toEqual([
      'Archivist',
      'Data analyst',
      'Java developer',
      'Nurse',
      'Tester',
    ]);
    expect(numbersOf(second)).toEqual(numbers.slice(2, 4));
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
    expect(beyond.body.data).toEqual([]);
  });

  it('answers 400 naming every bad parameter', async () => {
    const response = await list(
      '?sort=price:up&page=0&pageSize=101&state=draft&closesFrom=tomorrow&colour=red',
    );

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'The request list cannot be read: unknown parameter colour; known are q, number, client, segment, ' +
        'state, closesFrom, closesTo, sort, page, pageSize; state is one of published, closed, awarded; ' +
        'closesFrom is a date (2026-03-09) or a date-time with a zone; ' +
        'sort is one of closesAt, number, title with :asc or :desc; page is a whole number from 1; ' +
        'pageSize is a whole number from 1 to 100.',
    );
    expect((await list('?number=SRQ%27%3B')).status).toBe(400);
    expect((await list('?client=Not%20A%20Slug')).status).toBe(400);
    expect((await list('?page=1&page=2')).status).toBe(400);
  });

  it('is for consultants of an active supplier only', async () => {
    const supplier = await createSupplier(strapi);
    const payroll = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier,
      isPayroll: true,
    });
    const clientUser = await createPortalUser(strapi, { userKind: 'client_user', client: clientA });
    const suspended = await createSupplier(strapi);
    await moveTo(strapi, 'plugin::organisations.supplier', suspended.documentId, 'suspended');
    const ofSuspended = await createConsultant(strapi, suspended);
    const get = (user: any) => call('GET', '/api/requests/requests', user?.jwt ?? null);

    const [byPayroll, byClient, bySuspended, anonymous] = await Promise.all(
      [payroll, clientUser, ofSuspended, null].map(get),
    );

    expect(byPayroll.status).toBe(403);
    expect(byPayroll.body.error.message).toBe(
      'Only consultants see requests; your organisation administrator can give you that role.',
    );
    expect(byClient.status).toBe(403);
    expect(byClient.body.error.message).toBe(
      'Requests are for suppliers; this account belongs to no supplier.',
    );
    expect(bySuspended.status).toBe(403);
    expect(bySuspended.body.error.message).toMatch(
      /once the desk has activated it; it is suspended\.$/,
    );
    expect(anonymous.status).toBe(403);
  });
});

describe('the request detail', () => {
  it('shows the financial information, the criteria with who fills them in and the schedule', async () => {
    const response = await call(
      'GET',
      `/api/requests/requests/${seen.analyst.documentId}`,
      consultant.jwt,
    );

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      number: seen.analyst.number,
      financialInformation: { maxRateCents: null },
      evaluationCriteria: [
        { key: 'java', weight: 60, knockOut: true, filledBy: 'supplier' },
        { key: 'cv', weight: 40, knockOut: false, filledBy: 'desk' },
      ],
      schedule: {
        startDate: '2027-01-04',
        endDate: '2027-06-30',
        hoursPerWeek: 36,
        closesAt: new Date(seen.analyst.closesAt).toISOString(),
        timeZone: 'Europe/Amsterdam',
      },
      open: true,
      questions: [],
    });
  });

  it('answers 404 for a draft and for a request of another segment', async () => {
    for (const request of [hidden.draft, hidden.elsewhere]) {
      const response = await call(
        'GET',
        `/api/requests/requests/${request.documentId}`,
        consultant.jwt,
      );
      expect(response.status).toBe(404);
    }
  });
});
