import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  call,
  createClient,
  createPortalUser,
  createSegment,
  createSupplier,
  moveTo,
  publishRequest,
} from './helpers/factories';
import {
  admit,
  createCompleteRequest,
  createConsultant,
  createDas,
  follow,
  mailsUnder,
} from './helpers/market';
import { createSmtpSink } from './helpers/smtp-sink';
import { getStrapi } from './helpers/strapi';

const REQUEST = 'plugin::requests.request';
const OUTBOX = 'plugin::outbox';

let strapi: Core.Strapi;
let client: any;
let segment: any;
let otherSegment: any;
const sink = createSmtpSink();

const published = (request: any) => mailsUnder(strapi, `request-published:${request.documentId}`);
const outbox = () => strapi.plugin('outbox').service('outbox');

beforeAll(async () => {
  strapi = await getStrapi();
  client = await createClient(strapi, { name: 'Gemeente Zeestad', primaryColor: '#0b5394' });
  segment = await createSegment(strapi);
  otherSegment = await createSegment(strapi);
});

afterEach(() => vi.restoreAllMocks());
afterAll(() => sink.stop());

describe('publishing a request', () => {
  it("mails each consultant of the segment's active suppliers once, in their language", async () => {
    const own = await createSegment(strapi);
    const supplier = await createSupplier(strapi);
    await follow(strapi, supplier, [own]);
    const dutch = await createConsultant(strapi, supplier, { locale: 'nl' });
    const english = await createConsultant(strapi, supplier, { locale: 'en' });
    await createPortalUser(strapi, { userKind: 'supplier_user', supplier, isPayroll: true });
    const request = await createCompleteRequest(strapi, { client, segment: own });

    await publishRequest(strapi, request);

    const mails = await published(request);
    expect(mails.map((mail) => [mail.to, mail.locale])).toEqual([
      [dutch.email, 'nl'],
      [english.email, 'en'],
    ]);
    expect(mails[0].subject).toBe(`Nieuwe aanvraag ${request.number}: ${request.title}`);
    expect(mails[1].subject).toBe(`New request ${request.number}: ${request.title}`);
    expect(mails[1].html).toContain('#0b5394');
    expect(mails[1].text).toContain(`/requests/${request.documentId}`);
    expect(mails.map((mail) => mail.dedupeKey)).toEqual([
      `request-published:${request.documentId}:${dutch.user.id}`,
      `request-published:${request.documentId}:${english.user.id}`,
    ]);
  });

  it('gives a supplier outside the segment no mail and a 404 for the request', async () => {
    const outsider = await createSupplier(strapi);
    await follow(strapi, outsider, [otherSegment]);
    const consultant = await createConsultant(strapi, outsider);
    const request = await createCompleteRequest(strapi, { client, segment });

    await publishRequest(strapi, request);

    expect((await published(request)).map((mail) => mail.to)).not.toContain(consultant.email);
    const detail = await call(
      'GET',
      `/api/requests/requests/${request.documentId}`,
      consultant.jwt,
    );
    const missing = await call(
      'GET',
      '/api/requests/requests/doesnotexist000000000000',
      consultant.jwt,
    );
    expect(detail.status).toBe(404);
    expect(detail.body.error.message).toBe(`There is no request ${request.documentId}.`);
    expect(missing.status).toBe(404);
  });

  it('tells nobody of a supplier the desk has not activated', async () => {
    const pending = await (strapi.documents('plugin::organisations.supplier' as any) as any).create(
      {
        data: {
          kind: 'organisation',
          legalName: 'Pending B.V.',
          kvkNumber: '12345678',
          segments: [segment.id],
        },
      },
    );
    const consultant = await createConsultant(strapi, pending);
    const request = await createCompleteRequest(strapi, { client, segment });

    await publishRequest(strapi, request);

    expect((await published(request)).map((mail) => mail.to)).not.toContain(consultant.email);
  });

  it('shows a DAS request to admitted suppliers only, and mails only them', async () => {
    const das = await createDas(strapi, client, segment);
    const [admitted, inReview, outside] = await Promise.all(
      [1, 2, 3].map(() => createSupplier(strapi)),
    );
    for (const supplier of [admitted, inReview, outside]) await follow(strapi, supplier, [segment]);
    await admit(strapi, das, admitted);
    await admit(strapi, das, inReview, 'in_review');
    const [seen, waiting, stranger] = await Promise.all(
      [admitted, inReview, outside].map((supplier) => createConsultant(strapi, supplier)),
    );
    const request = await createCompleteRequest(strapi, { client, segment, das: das.id });

    await publishRequest(strapi, request);

    const recipients = (await published(request)).map((mail) => mail.to);
    expect(recipients).toContain(seen.email);
    expect(recipients).not.toContain(waiting.email);
    expect(recipients).not.toContain(stranger.email);
    const read = (user: any) =>
      call('GET', `/api/requests/requests/${request.documentId}`, user.jwt);
    expect((await read(seen)).body.data.das).toMatchObject({ name: das.name });
    expect((await read(waiting)).status).toBe(404);
    expect((await read(stranger)).status).toBe(404);
  });

  it('writes the mails with the move or not at all', async () => {
    const supplier = await createSupplier(strapi);
    await follow(strapi, supplier, [segment]);
    await createConsultant(strapi, supplier);
    const request = await createCompleteRequest(strapi, { client, segment });
    vi.spyOn(outbox(), 'enqueueMany').mockRejectedValueOnce(new Error('disk full'));

    await expect(moveTo(strapi, REQUEST, request.documentId, 'published')).rejects.toThrow(
      'disk full',
    );

    const after = (await strapi.db
      .query(REQUEST as any)
      .findOne({ where: { documentId: request.documentId } })) as any;
    expect(after).toMatchObject({ state: 'draft', distributedAt: null });
    expect(await published(request)).toHaveLength(0);
  });

  it('never writes a second mail for a retried distribution', async () => {
    const own = await createSegment(strapi);
    const supplier = await createSupplier(strapi);
    await follow(strapi, supplier, [own]);
    const consultant = await createConsultant(strapi, supplier);
    const request = await createCompleteRequest(strapi, { client, segment: own });
    await publishRequest(strapi, request);
    const mail = {
      to: consultant.email,
      template: 'generic.notification',
      data: { title: 'Again', body: 'A retry.' },
      dedupeKey: `request-published:${request.documentId}:${consultant.user.id}`,
    };

    const retry = await outbox().enqueueMany([
      mail,
      { ...mail, dedupeKey: `another-step:${request.documentId}` },
      mail,
    ]);

    expect(retry).toEqual({ written: 1, skipped: 2 });
    expect(await published(request)).toHaveLength(1);
  });

  it('delivers the published mails to an SMTP server', async () => {
    const original = { ...(strapi.config.get(OUTBOX) as object) };
    strapi.config.set(`${OUTBOX}.smtpUrl`, `smtp://127.0.0.1:${await sink.start(0)}`);
    try {
      const own = await createSegment(strapi);
      const supplier = await createSupplier(strapi);
      await follow(strapi, supplier, [own]);
      const consultants = [
        await createConsultant(strapi, supplier),
        await createConsultant(strapi, supplier),
      ];
      const request = await createCompleteRequest(strapi, { client, segment: own });

      await publishRequest(strapi, request);
      for (let run = 0; run < 20 && sink.received.length < 2; run += 1)
        await outbox().processBatch({ limit: 500 });

      const received = sink.received.filter((mail) => mail.subject?.includes(request.number));
      expect(received.flatMap((mail) => mail.to).sort()).toEqual(
        consultants.map((one) => one.email).sort(),
      );
    } finally {
      strapi.config.set(OUTBOX, original);
    }
  });
});

describe('segment subscriptions', () => {
  it('lists every segment with whether the supplier follows it', async () => {
    const supplier = await createSupplier(strapi);
    await follow(strapi, supplier, [segment]);
    const consultant = await createConsultant(strapi, supplier);

    const response = await call('GET', '/api/requests/segments', consultant.jwt);

    expect(response.status).toBe(200);
    const flags = Object.fromEntries(
      response.body.data.map((one: any) => [one.documentId, one.subscribed]),
    );
    expect(flags[segment.documentId]).toBe(true);
    expect(flags[otherSegment.documentId]).toBe(false);
  });

  it('shows the open requests of a segment at once to a supplier that subscribes later', async () => {
    const request = await publishRequest(
      strapi,
      await createCompleteRequest(strapi, { client, segment: otherSegment }),
    );
    const supplier = await createSupplier(strapi);
    const administrator = await createPortalUser(strapi, { userKind: 'supplier_user', supplier });
    await (strapi.documents('plugin::organisations.supplier' as any) as any).update({
      documentId: supplier.documentId,
      data: { administrator: administrator.user.id },
    });
    const consultant = await createConsultant(strapi, supplier);
    const before = await call(
      'GET',
      `/api/requests/requests/${request.documentId}`,
      consultant.jwt,
    );

    const saved = await call('PUT', '/api/requests/subscriptions', administrator.jwt, {
      segments: [otherSegment.documentId],
    });

    expect(before.status).toBe(404);
    expect(saved.status).toBe(200);
    expect(saved.body.data.find((one: any) => one.subscribed).documentId).toBe(
      otherSegment.documentId,
    );
    const after = await call('GET', `/api/requests/requests/${request.documentId}`, consultant.jwt);
    expect(after.status).toBe(200);
    const list = await call(
      'GET',
      `/api/requests/requests?number=${request.number}`,
      consultant.jwt,
    );
    expect(list.body.data.map((one: any) => one.documentId)).toEqual([request.documentId]);
  });

  it('lets a consultant unsubscribe, after which the requests are gone', async () => {
    const request = await publishRequest(
      strapi,
      await createCompleteRequest(strapi, { client, segment }),
    );
    const supplier = await createSupplier(strapi);
    await follow(strapi, supplier, [segment, otherSegment]);
    const consultant = await createConsultant(strapi, supplier);

    const saved = await call('PUT', '/api/requests/subscriptions', consultant.jwt, {
      segments: [otherSegment.documentId],
    });

    expect(saved.status).toBe(200);
    expect(
      (await call('GET', `/api/requests/requests/${request.documentId}`, consultant.jwt)).status,
    ).toBe(404);
  });

  it('refuses users who may not choose the segments, and unknown segments', async () => {
    const supplier = await createSupplier(strapi);
    const payroll = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier,
      isPayroll: true,
    });
    const consultant = await createConsultant(strapi, supplier);
    const clientUser = await createPortalUser(strapi, { userKind: 'client_user', client });
    const put = (user: any, body: unknown) =>
      call('PUT', '/api/requests/subscriptions', user?.jwt ?? null, body);

    const byPayroll = await put(payroll, { segments: [] });
    const byClient = await put(clientUser, { segments: [] });
    const anonymous = await put(null, { segments: [] });
    const unknown = await put(consultant, { segments: ['nosuchsegment'] });
    const malformed = await put(consultant, { segments: 'all' });

    expect(byPayroll.status).toBe(403);
    expect(byPayroll.body.error.message).toBe(
      "Your organisation's administrator or a consultant chooses its segments.",
    );
    expect(byClient.status).toBe(403);
    expect(anonymous.status).toBe(403);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('There is no segment nosuchsegment.');
    expect(malformed.status).toBe(400);
  });
});
