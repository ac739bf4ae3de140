import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makePdf } from './candidates-files';
import {
  asDesk,
  createClient,
  createPortalUser,
  createSegment,
  createSupplier,
  moveTo,
  publishRequest,
  workflowLib,
  type PortalUser,
} from './helpers/factories';
import { createCompleteRequest, createConsultant, follow } from './helpers/market';
import { portalVisitor, startPortal, type StartedPortal } from './helpers/portal';
import { cmsUrl, getStrapi } from './helpers/strapi';

/* The market's portal pages against the real cms: who sees which page, what a refused form
   shows, and that nothing is written when the cms refuses. */

const REQUEST = 'plugin::requests.request';
const PROPOSAL = 'plugin::requests.proposal';

let strapi: Core.Strapi;
let portal: StartedPortal;
let client: any;
let segment: any;
let supplier: any;
let consultant: PortalUser;
let request: any;
/** A client that publishes awarded rates; made before the portal starts, which caches clients. */
let publishing: any;

const docs = (uid: string) => strapi.documents(uid as any) as any;

/** A visitor signed in through the portal's own sign-in form. */
async function signedIn(person: PortalUser) {
  const visitor = portalVisitor(portal.url, `portal-market-${person.email}`);
  await visitor.get('/sign-in');
  const answer = await visitor.post('/sign-in', {
    step: 'password',
    email: person.email,
    password: person.password,
  });
  expect(answer.location).toBe('/account');
  return visitor;
}

/** Follows the 303 of a form post and returns the page it leads to. */
async function after(
  visitor: ReturnType<typeof portalVisitor>,
  answer: { status: number; location: string | null },
) {
  expect(answer.status).toBe(303);
  return visitor.get(answer.location!);
}

/** A candidate of the consultant's pool, added through the portal's New Candidate form. */
async function addCandidate(visitor: ReturnType<typeof portalVisitor>, name: string[]) {
  await visitor.get('/candidates/new');
  const form = new FormData();
  form.set('firstName', name[0]);
  form.set('lastName', name[1]);
  form.set('email', `${name[0].toLowerCase()}@example.nl`);
  form.set('cv', new Blob([makePdf([name.join(' ')])], { type: 'application/pdf' }), 'cv.pdf');
  return visitor.upload('/candidates/new', form);
}

beforeAll(async () => {
  strapi = await getStrapi();
  client = await createClient(strapi, { clientApprovalBeforeDistribution: false });
  segment = await createSegment(strapi);
  supplier = await createSupplier(strapi);
  await follow(strapi, supplier, [segment]);
  consultant = await createConsultant(strapi, supplier);
  request = await publishRequest(strapi, await createCompleteRequest(strapi, { client, segment }));
  publishing = await createClient(strapi, { publishAwardRates: true });
  portal = await startPortal({ cmsUrl: cmsUrl() });
});

afterAll(async () => {
  workflowLib().clock.reset();
  await portal?.stop();
});

describe('the Requests tab', () => {
  it('sends an anonymous visitor to sign in first', async () => {
    const answer = await portalVisitor(portal.url).get('/requests');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/sign-in?next=%2Frequests');
  });

  it("lists the consultant's request and finds it by SRQ number and by text", async () => {
    const visitor = await signedIn(consultant);
    const byNumber = await visitor.get(`/requests?number=${request.number}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toContain('data-tab="/proposals"');
    expect(byNumber.body).toContain('href="/my-settings/supplier"');
    expect(byNumber.body).not.toContain('data-tab="/approvals"');
    expect(byNumber.body).toContain(`data-request="${request.number}"`);
    const byText = await visitor.get(`/requests?q=${encodeURIComponent(request.title)}`);
    expect(byText.body).toContain(`data-request="${request.number}"`);
    const none = await visitor.get('/requests?q=no-such-words-anywhere');
    expect(none.body).toContain('No requests match these filters.');
  });

  it("opens the request from the link in the consultant's publication mail", async () => {
    const mail = await strapi.db.query('plugin::outbox.message' as any).findOne({
      where: { dedupeKey: `request-published:${request.documentId}:${consultant.user.id}` },
    });
    const link = new RegExp(`https?://[^\\s"]+(/requests/${request.documentId})`).exec(mail.text);
    expect(link).not.toBeNull();

    const page = await (await signedIn(consultant)).get(link![1]);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`data-request-detail="${request.number}"`);
  });

  it('names a wrong filter instead of ignoring it', async () => {
    const visitor = await signedIn(consultant);
    const answer = await visitor.get('/requests?closesFrom=yesterday');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('closesFrom is a date');
  });

  it('answers 404 for a request outside the supplier’s segments, and leaves it out of the list', async () => {
    const outsider = await createSupplier(strapi);
    await follow(strapi, outsider, [await createSegment(strapi)]);
    const visitor = await signedIn(await createConsultant(strapi, outsider));

    expect((await visitor.get(`/requests/${request.documentId}`)).status).toBe(404);
    expect((await visitor.get('/requests')).body).not.toContain(request.number);
  });

  it('tells a payroll-only user that requests are for consultants', async () => {
    const visitor = await signedIn(
      await createPortalUser(strapi, { userKind: 'supplier_user', supplier, isPayroll: true }),
    );
    const answer = await visitor.get('/requests');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Only consultants see requests');
  });

  it('shows a later segment’s open requests at once after My Settings → Segments', async () => {
    const later = await createSegment(strapi);
    const inLater = await publishRequest(
      strapi,
      await createCompleteRequest(strapi, { client, segment: later }),
    );
    const visitor = await signedIn(consultant);
    expect((await visitor.get('/requests')).body).not.toContain(inLater.number);

    await visitor.get('/my-settings/segments');
    const saved = await after(
      visitor,
      await visitor.post('/my-settings/segments', [
        ['segments', segment.documentId],
        ['segments', later.documentId],
      ]),
    );
    expect(saved.body).toContain('Your segments were saved');
    expect(saved.body).toMatch(new RegExp(`<input[^>]*value="${later.documentId}"[^>]*checked`));
    expect((await visitor.get('/requests')).body).toContain(inLater.number);
  });
});

describe('questions and proposals on the portal', () => {
  it('refuses an empty question next to its field, and sends a real one', async () => {
    const visitor = await signedIn(consultant);
    await visitor.get(`/requests/${request.documentId}`);
    const empty = await after(
      visitor,
      await visitor.post(`/requests/${request.documentId}`, { text: '' }),
    );
    expect(empty.body).toContain('field-invalid');

    const sent = await after(
      visitor,
      await visitor.post(`/requests/${request.documentId}`, { text: 'Which team?' }),
    );
    expect(sent.body).toContain('Which team?');
    expect(sent.body).toContain('Your question');
  });

  it('refuses a rate above the maximum with the message on the form, and creates nothing', async () => {
    const visitor = await signedIn(consultant);
    const added = await addCandidate(visitor, ['Ria', 'Boven']);
    expect(added.status).toBe(303);
    const candidate = await strapi.db
      .query('plugin::requests.candidate' as any)
      .findOne({ where: { lastName: 'Boven' } });

    await visitor.get(`/requests/${request.documentId}/propose`);
    const refused = await after(
      visitor,
      await visitor.post(`/requests/${request.documentId}/propose`, {
        candidate: candidate.documentId,
        offeredRate: '120,00',
        flexWorkerType: 'flex_employee',
        'criterion-java': 'yes',
      }),
    );
    expect(refused.body).toContain('is above the maximum rate of € 95.00');
    expect(refused.body).toContain('value="120,00"');
    expect(
      await strapi.db.query(PROPOSAL as any).count({ where: { candidate: { id: candidate.id } } }),
    ).toBe(0);

    const unreadable = await after(
      visitor,
      await visitor.post(`/requests/${request.documentId}/propose`, {
        candidate: candidate.documentId,
        offeredRate: 'ninety',
      }),
    );
    expect(unreadable.body).toContain('Enter an hourly rate in euros');
  });

  it('refuses a proposal one second after closing, by the cms clock', async () => {
    const closesAt = new Date(Date.now() + 3_600_000);
    const closing = await publishRequest(
      strapi,
      await createCompleteRequest(strapi, { client, segment, closesAt: closesAt.toISOString() }),
    );
    const visitor = await signedIn(consultant);
    await addCandidate(visitor, ['Laat', 'Komer']);
    const candidate = await strapi.db
      .query('plugin::requests.candidate' as any)
      .findOne({ where: { lastName: 'Komer' } });
    await visitor.get(`/requests/${closing.documentId}/propose`);

    workflowLib().clock.set(new Date(closesAt.getTime() + 1000));
    try {
      const refused = await after(
        visitor,
        await visitor.post(`/requests/${closing.documentId}/propose`, {
          candidate: candidate.documentId,
          offeredRate: '90',
          'criterion-java': 'yes',
        }),
      );
      expect(refused.body).toContain(`Request ${closing.number} closed`);
    } finally {
      workflowLib().clock.reset();
    }
    expect(
      await strapi.db.query(PROPOSAL as any).count({ where: { request: { id: closing.id } } }),
    ).toBe(0);
  });

  it('proposes, shows the card, serves the own CV and withdraws; another supplier gets 404 for both', async () => {
    const visitor = await signedIn(consultant);
    await addCandidate(visitor, ['Piet', 'Voorsteller']);
    const candidate = await strapi.db
      .query('plugin::requests.candidate' as any)
      .findOne({ where: { lastName: 'Voorsteller' } });
    await visitor.get(`/requests/${request.documentId}/propose`);
    const proposed = await visitor.post(`/requests/${request.documentId}/propose`, {
      candidate: candidate.documentId,
      offeredRate: '92,50',
      flexWorkerType: 'flex_employee',
      'criterion-java': 'yes',
      'criterion-java-explanation': 'Seven years',
      availability: 'At once',
    });
    const card = await after(visitor, proposed);
    expect(card.body).toContain('data-proposal-state="proposed"');
    expect(card.body).toContain('€ 92,50');
    const proposalPath = proposed.location!.split('?')[0];

    const cv = await fetch(`${portal.url}/candidates/${candidate.documentId}/cv`, {
      headers: {
        cookie: [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    expect(cv.status).toBe(200);
    expect(cv.headers.get('content-disposition')).toContain('attachment');
    expect((await cv.arrayBuffer()).byteLength).toBeGreaterThan(100);

    const stranger = await signedIn(await createConsultant(strapi, await createSupplier(strapi)));
    expect((await stranger.get(proposalPath)).status).toBe(404);
    expect((await stranger.get(`/candidates/${candidate.documentId}/cv`)).status).toBe(404);

    const withdrawn = await after(
      visitor,
      await visitor.post(proposalPath, { reason: 'Found another job' }),
    );
    expect(withdrawn.body).toContain('data-proposal-state="withdrawn"');
    expect(withdrawn.body).toContain('Found another job');
  });
});

describe("a client's requests on the portal", () => {
  it('lets a hiring manager approve a waiting request, and hides it from another client', async () => {
    const approving = await createClient(strapi, { clientApprovalBeforeDistribution: true });
    const waiting = await createCompleteRequest(strapi, { client: approving, segment });
    await moveTo(strapi, REQUEST, waiting.documentId, 'awaiting_client_approval');
    const manager = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: approving,
      isHiringManager: true,
    });
    const visitor = await signedIn(manager);

    const list = await visitor.get('/approvals');
    expect(list.body).toContain(`data-pending="${waiting.number}"`);
    // A client user's header: their requests, no supplier tabs and no supplier settings.
    expect(list.body).toContain('data-tab="/approvals"');
    expect(list.body).not.toContain('data-tab="/requests"');
    expect(list.body).not.toContain('href="/my-settings/supplier"');
    await visitor.get(`/approvals/${waiting.documentId}`);
    const noReason = await after(
      visitor,
      await visitor.post(`/approvals/${waiting.documentId}`, { decision: 'return' }),
    );
    expect(noReason.body).toContain('Give a reason.');
    const approved = await after(
      visitor,
      await visitor.post(`/approvals/${waiting.documentId}`, { decision: 'approve' }),
    );
    expect(approved.body).toContain('The request was approved');
    expect((await docs(REQUEST).findOne({ documentId: waiting.documentId })).state).toBe(
      'approved',
    );

    const other = await createPortalUser(strapi, {
      userKind: 'client_user',
      client,
      isBudgetHolder: true,
    });
    expect((await (await signedIn(other)).get(`/approvals/${waiting.documentId}`)).status).toBe(
      404,
    );
  });
});

describe("a client user's own look", () => {
  it("wears the user's client's branding on signed-in pages of the neutral host, and not on public ones", async () => {
    const manager = await createPortalUser(strapi, {
      userKind: 'client_user',
      client,
      isHiringManager: true,
    });
    const visitor = await signedIn(manager);
    const clientOf = (html: string) => /<body[^>]*data-client="([^"]+)"/.exec(html)?.[1] ?? null;

    const approvals = await visitor.get('/approvals');
    const landing = await visitor.get('/');
    const ofConsultant = await (await signedIn(consultant)).get('/requests');

    expect(clientOf(approvals.body)).toBe(client.slug);
    expect(approvals.body).toContain(`--brand-primary: ${client.primaryColor}`);
    expect(clientOf(landing.body)).toBeNull();
    // A supplier works for every client of its segments: its pages keep the neutral look.
    expect(clientOf(ofConsultant.body)).toBeNull();
  });
});

describe('the public awards page', () => {
  it("shows the client's award with the supplier, and the rate only where the client allows", async () => {
    const awarded = await publishRequest(
      strapi,
      await createCompleteRequest(strapi, { client: publishing, segment }),
    );
    await moveTo(strapi, REQUEST, awarded.documentId, 'closed');
    const proposal = await docs(PROPOSAL).create({
      data: { request: awarded.id, supplier: supplier.id, offeredRateCents: 8750 },
    });
    await moveTo(
      strapi,
      PROPOSAL,
      proposal.documentId,
      'proposed',
      'submitted_to_client',
      'accepted',
    );
    await asDesk(() =>
      docs(REQUEST).update({
        documentId: awarded.documentId,
        data: { awardedProposal: proposal.id },
      }),
    );
    await moveTo(strapi, REQUEST, awarded.documentId, 'awarded');

    const page = await portalVisitor(portal.url).get(`/c/${publishing.slug}/awards`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`data-award="${awarded.number}"`);
    expect(page.body).toContain(supplier.legalName);
    expect(page.body).toContain('€ 87,50');

    const quiet = await portalVisitor(portal.url).get(`/c/${client.slug}/awards`);
    expect(quiet.body).not.toContain('€ 87,50');
    expect((await portalVisitor(portal.url).get('/c/no-such-client/awards')).status).toBe(404);
  });
});
