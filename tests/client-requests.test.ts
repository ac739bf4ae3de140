import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  call,
  createClient,
  createPortalUser,
  createSegment,
  createSupplier,
  moveTo,
} from './helpers/factories';
import { createCompleteRequest, createConsultant, follow } from './helpers/market';
import { getStrapi } from './helpers/strapi';

const REQUEST = 'plugin::requests.request';

let strapi: Core.Strapi;
let client: any;
let segment: any;
let hiringManager: string;

beforeAll(async () => {
  strapi = await getStrapi();
  client = await createClient(strapi, { clientApprovalBeforeDistribution: true });
  segment = await createSegment(strapi);
  hiringManager = (
    await createPortalUser(strapi, { userKind: 'client_user', client, isHiringManager: true })
  ).jwt;
});

const move = (request: any, jwt: string, body: Record<string, unknown>) =>
  call('POST', `/api/workflow/requests/${request.documentId}/transitions`, jwt, body);
const stateOf = async (request: any) =>
  (
    (await strapi.db
      .query(REQUEST as any)
      .findOne({ where: { documentId: request.documentId } })) as any
  ).state;
/** The desk's own mailbox, as MAIL_FROM gives it. */
const deskMailbox = () =>
  /<([^>]+)>/.exec(String((strapi.config.get('plugin::outbox') as any).from))?.[1];
const deskMailsOf = (request: any) =>
  strapi.db.query('plugin::outbox.message' as any).findMany({
    where: { dedupeKey: { $startsWith: `request-client-answer:${request.documentId}:` } },
    orderBy: { id: 'asc' },
  }) as Promise<any[]>;

/** A complete request of the client, moved along the given statuses. */
async function requestIn(...statuses: string[]) {
  const request = await createCompleteRequest(strapi, { client, segment });
  await moveTo(strapi, REQUEST, request.documentId, ...statuses);
  return request;
}

describe("a client's own requests on the portal", () => {
  it('lists the requests awaiting approval for a hiring manager, but not the desk drafts', async () => {
    const waiting = await requestIn('awaiting_client_approval');
    const draft = await requestIn();

    const answer = await call(
      'GET',
      '/api/requests/client/requests?state=awaiting_client_approval',
      hiringManager,
    );
    expect(answer.status).toBe(200);
    const numbers = answer.body.data.map((row: any) => row.number);
    expect(numbers).toContain(waiting.number);
    expect(numbers).not.toContain(draft.number);
    expect(answer.body.data.every((row: any) => row.state === 'awaiting_client_approval')).toBe(
      true,
    );

    const all = await call('GET', '/api/requests/client/requests?pageSize=100', hiringManager);
    expect(all.body.data.map((row: any) => row.number)).not.toContain(draft.number);
    expect(all.body.meta.pagination.total).toBeGreaterThanOrEqual(1);
  });

  it("shows no other client's request, neither in the list nor by its address", async () => {
    const otherClient = await createClient(strapi, { clientApprovalBeforeDistribution: true });
    const foreign = await createCompleteRequest(strapi, { client: otherClient, segment });
    await moveTo(strapi, REQUEST, foreign.documentId, 'awaiting_client_approval');

    const list = await call('GET', '/api/requests/client/requests?pageSize=100', hiringManager);
    expect(list.body.data.map((row: any) => row.number)).not.toContain(foreign.number);
    const detail = await call(
      'GET',
      `/api/requests/client/requests/${foreign.documentId}`,
      hiringManager,
    );
    expect(detail.status).toBe(404);
  });

  it('shows the whole request with every question, unnamed, and whether it may be approved', async () => {
    const request = await requestIn('awaiting_client_approval', 'approved', 'published');
    const supplier = await createSupplier(strapi);
    await follow(strapi, supplier, [segment]);
    const consultant = await createConsultant(strapi, supplier);
    const asked = await call(
      'POST',
      `/api/requests/requests/${request.documentId}/questions`,
      consultant.jwt,
      {
        text: 'Is working from home possible?',
      },
    );
    expect(asked.status).toBe(201);

    const answer = await call(
      'GET',
      `/api/requests/client/requests/${request.documentId}`,
      hiringManager,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      number: request.number,
      state: 'published',
      mayApprove: false,
      financialInformation: { maxRateCents: 9500 },
    });
    expect(answer.body.data.clientApprovedAt).not.toBeNull();
    expect(answer.body.data.questions).toEqual([
      expect.objectContaining({
        text: 'Is working from home possible?',
        answer: null,
        yours: false,
      }),
    ]);
    expect(JSON.stringify(answer.body.data.questions)).not.toContain(supplier.legalName);
  });

  it('lets a budget holder approve, after which the request no longer waits', async () => {
    const request = await requestIn('awaiting_client_approval');
    const budgetHolder = await createPortalUser(strapi, {
      userKind: 'client_user',
      client,
      isBudgetHolder: true,
    });
    const detail = await call(
      'GET',
      `/api/requests/client/requests/${request.documentId}`,
      budgetHolder.jwt,
    );
    expect(detail.body.data.mayApprove).toBe(true);

    const moved = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      budgetHolder.jwt,
      {
        to: 'approved',
      },
    );
    expect(moved.status).toBe(200);
    const waiting = await call(
      'GET',
      '/api/requests/client/requests?state=awaiting_client_approval&pageSize=100',
      budgetHolder.jwt,
    );
    expect(waiting.body.data.map((row: any) => row.number)).not.toContain(request.number);
  });

  it("mails the client's hiring managers and budget holders when a request awaits their approval", async () => {
    const own = await createClient(strapi, { clientApprovalBeforeDistribution: true });
    const manager = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: own,
      isHiringManager: true,
      locale: 'en',
    });
    const holder = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: own,
      isBudgetHolder: true,
    });
    await createPortalUser(strapi, { userKind: 'client_user', client: own });
    await createPortalUser(strapi, { userKind: 'client_user', client, isHiringManager: true });
    const request = await createCompleteRequest(strapi, { client: own, segment });

    await moveTo(strapi, REQUEST, request.documentId, 'awaiting_client_approval');

    const mails = (await strapi.db.query('plugin::outbox.message' as any).findMany({
      where: { dedupeKey: { $startsWith: `request-approval:${request.documentId}:` } },
      orderBy: { id: 'asc' },
    })) as any[];
    expect(mails.map((mail) => mail.to).sort()).toEqual([manager.email, holder.email].sort());
    const english = mails.find((mail) => mail.to === manager.email);
    expect(english.subject).toBe(`Request ${request.number} awaits your approval`);
    expect(english.text).toContain(`/approvals/${request.documentId}`);
    expect(english.text).toContain('Start: 4 January 2027');
    const dutch = mails.find((mail) => mail.to === holder.email);
    expect(dutch.subject).toBe(`Aanvraag ${request.number} wacht op uw goedkeuring`);
    expect(dutch.text).toContain('Start: 4 januari 2027');
  });

  it('tells the desk when the client approves, by whom', async () => {
    const request = await requestIn('awaiting_client_approval');
    const manager = await createPortalUser(strapi, {
      userKind: 'client_user',
      client,
      isHiringManager: true,
      firstName: 'Hanna',
      lastName: 'de Wit',
    });

    const moved = await move(request, manager.jwt, { to: 'approved' });

    expect(moved.status).toBe(200);
    const [mail, ...more] = await deskMailsOf(request);
    expect(more).toEqual([]);
    expect(mail.to).toBe(deskMailbox());
    expect(mail.subject).toBe(`Aanvraag ${request.number} goedgekeurd door ${client.name}`);
    expect(mail.text).toContain(`Hanna de Wit van ${client.name} heeft aanvraag ${request.number}`);
  });

  it('refuses to send a request back without a reason, and tells the desk the reason when given', async () => {
    const request = await requestIn('awaiting_client_approval');

    const bare = await move(request, hiringManager, { to: 'draft', reason: '   ' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toBe(
      'Give a reason when you send a request back, so the desk knows what to change.',
    );
    expect(await stateOf(request)).toBe('awaiting_client_approval');
    expect(await deskMailsOf(request)).toEqual([]);

    const sent = await move(request, hiringManager, {
      to: 'draft',
      reason: 'The rate is too low for this role.',
    });
    expect(sent.status).toBe(200);
    expect(await stateOf(request)).toBe('draft');
    const [mail] = await deskMailsOf(request);
    expect(mail.subject).toBe(`Aanvraag ${request.number} teruggestuurd door ${client.name}`);
    expect(mail.text).toContain('Reden: The rate is too low for this role.');
  });

  it('mails the desk nothing about its own moves', async () => {
    const request = await requestIn('awaiting_client_approval', 'approved');
    const returned = await requestIn('awaiting_client_approval', 'draft');

    expect(await deskMailsOf(request)).toEqual([]);
    expect(await deskMailsOf(returned)).toEqual([]);
  });

  it('refuses a client user without a role, and says which list parameter is wrong', async () => {
    const noRole = await createPortalUser(strapi, { userKind: 'client_user', client });
    const refused = await call('GET', '/api/requests/client/requests', noRole.jwt);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/hiring managers and budget holders/);

    const twice = await call(
      'GET',
      '/api/requests/client/requests?pageSize=5&pageSize=6',
      hiringManager,
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('pageSize is a whole number');

    const wrong = await call(
      'GET',
      '/api/requests/client/requests?state=draft&page=0',
      hiringManager,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('state is one of awaiting_client_approval');
    expect(wrong.body.error.message).toContain('page is a whole number from 1');
  });
});
