import type { Core } from '@strapi/strapi';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  call,
  createAdmin,
  createClient,
  createPortalUser,
  createSegment,
  createSupplier,
  publishRequest,
  workflowLib,
} from './helpers/factories';
import { createCompleteRequest, createConsultant, follow, mailsUnder } from './helpers/market';
import { getStrapi } from './helpers/strapi';

const QUESTION = 'plugin::requests.question';
const CM = `/content-manager/collection-types/${QUESTION}`;
/** An hour ahead: portal sessions idle out on the same clock, so tests move it only a little. */
const HOUR = 3_600_000;

let strapi: Core.Strapi;
let admin: { email: string; token: string };
let client: any;
let segment: any;
let asker: any;
let colleague: any;
let competitor: any;
let outsider: any;

const ask = (user: any, request: any, body: unknown) =>
  call('POST', `/api/requests/requests/${request.documentId}/questions`, user.jwt, body);
const detail = (user: any, request: any) =>
  call('GET', `/api/requests/requests/${request.documentId}`, user.jwt);

/** A request that closes an hour from now. */
async function openRequest() {
  const closesAt = new Date(Date.now() + HOUR).toISOString();
  return publishRequest(strapi, await createCompleteRequest(strapi, { client, segment, closesAt }));
}

beforeAll(async () => {
  strapi = await getStrapi();
  admin = await createAdmin(strapi);
  client = await createClient(strapi);
  segment = await createSegment(strapi);
  const [mine, theirs, elsewhere] = await Promise.all([1, 2, 3].map(() => createSupplier(strapi)));
  await follow(strapi, mine, [segment]);
  await follow(strapi, theirs, [segment]);
  asker = await createConsultant(strapi, mine);
  colleague = await createConsultant(strapi, mine, { locale: 'en' });
  competitor = await createConsultant(strapi, theirs);
  outsider = await createConsultant(strapi, elsewhere);
});

afterEach(() => workflowLib().clock.reset());

describe('asking a question', () => {
  it('takes a question on an open request', async () => {
    const request = await openRequest();

    const response = await ask(asker, request, { text: '  Is working from home possible?  ' });

    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      text: 'Is working from home possible?',
      answer: null,
    });
    const stored = (await strapi.db.query(QUESTION as any).findOne({
      where: { documentId: response.body.data.documentId },
      populate: ['asker', 'askerSupplier', 'request'],
    })) as any;
    expect(stored.asker.id).toBe(asker.user.id);
    expect(stored.request.documentId).toBe(request.documentId);
  });

  it('takes a question one second before closing and refuses one a second after', async () => {
    const request = await openRequest();

    const closesAt = Date.parse(request.closesAt);
    workflowLib().clock.set(new Date(closesAt - 1000));
    const before = await ask(asker, request, { text: 'Just in time?' });
    workflowLib().clock.set(new Date(closesAt + 1000));
    const after = await ask(asker, request, { text: 'Too late?' });

    expect(before.status).toBe(201);
    expect(after.status).toBe(400);
    expect(after.body.error.message).toMatch(
      new RegExp(
        `^Request ${request.number} closed at \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2} \\(Amsterdam time\\); ` +
          'questions can no longer be asked\\.$',
      ),
    );
  });

  it('refuses an empty or too long question, and answers 404 outside the segment', async () => {
    const request = await openRequest();

    const empty = await ask(asker, request, { text: '   ' });
    const long = await ask(asker, request, { text: 'x'.repeat(2001) });
    const longest = await ask(asker, request, { text: 'x'.repeat(2000) });
    const stranger = await ask(outsider, request, { text: 'May I?' });

    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe(
      'A question is text of 1 to 2000 characters, sent as "text".',
    );
    expect(long.status).toBe(400);
    expect(longest.status).toBe(201);
    expect(stranger.status).toBe(404);
  });

  it('refuses a supplier user without the consultant role', async () => {
    const request = await openRequest();
    const supplier = await createSupplier(strapi);
    await follow(strapi, supplier, [segment]);
    const payroll = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier,
      isPayroll: true,
    });

    expect((await ask(payroll, request, { text: 'Hello?' })).status).toBe(403);
  });
});

describe('answering a question in the admin', () => {
  it('stamps the answer and mails it once to every supplier user who can see the request', async () => {
    const request = await openRequest();
    const asked = await ask(asker, request, { text: 'Is there parking?' });
    const { documentId } = asked.body.data;

    const answered = await call('PUT', `${CM}/${documentId}`, admin.token, {
      answer: 'Yes, two spots.',
    });
    const corrected = await call('PUT', `${CM}/${documentId}`, admin.token, {
      answer: 'Yes, three spots.',
    });

    expect(answered.status).toBe(200);
    expect(corrected.status).toBe(200);
    const stored = (await strapi.db
      .query(QUESTION as any)
      .findOne({ where: { documentId } })) as any;
    expect(stored.answeredAt).not.toBeNull();
    const mails = await mailsUnder(strapi, `question-answered:${documentId}`);
    expect(mails.map((mail) => mail.to).sort()).toEqual(
      [asker.email, colleague.email, competitor.email].sort(),
    );
    const english = mails.find((mail) => mail.to === colleague.email);
    expect(english.subject).toBe(`Question answered on ${request.number}: ${request.title}`);
    expect(english.text).toContain('Question: Is there parking?');
    expect(english.text).toContain('Answer: Yes, two spots.');
    expect(english.text).not.toContain(asker.email);
  });

  it('shows answered questions to every supplier without naming who asked', async () => {
    const request = await openRequest();
    const answered = (await ask(asker, request, { text: 'Which languages?' })).body.data.documentId;
    await ask(asker, request, { text: 'Still waiting for this one?' });
    await call('PUT', `${CM}/${answered}`, admin.token, { answer: 'Dutch and English.' });

    const own = (await detail(asker, request)).body.data.questions;
    const theirs = (await detail(competitor, request)).body.data.questions;

    expect(own).toMatchObject([
      { text: 'Which languages?', answer: 'Dutch and English.', yours: true },
      { text: 'Still waiting for this one?', answer: null, answeredAt: null, yours: true },
    ]);
    expect(theirs).toEqual([
      {
        documentId: answered,
        text: 'Which languages?',
        answer: 'Dutch and English.',
        askedAt: expect.any(String),
        answeredAt: expect.any(String),
        yours: false,
      },
    ]);
    expect(JSON.stringify(theirs)).not.toContain(asker.email);
  });
});
