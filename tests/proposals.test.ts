import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ANNA_CV, makePdf, upload } from './candidates-files';
import {
  call,
  createAdmin,
  createClient,
  createPortalUser,
  createRequest,
  createSegment,
  createSupplier,
  publishRequest,
  unique,
  workflowLib,
} from './helpers/factories';
import { createSmtpSink } from './helpers/smtp-sink';
import { getStrapi } from './helpers/strapi';

const PROPOSAL = 'plugin::requests.proposal';
const CM = '/content-manager/collection-types';

const CRITERIA = [
  { key: 'java', text: 'Five years of Java', weight: 40, knockOut: true, filledBy: 'supplier' },
  { key: 'dutch', text: 'Speaks Dutch', weight: 20, knockOut: false, filledBy: 'supplier' },
  { key: 'cv', text: 'Fit of the CV', weight: 40, knockOut: false, filledBy: 'desk' },
];
const ANSWERS = [
  { key: 'java', met: true, explanation: 'Seven years at a bank.' },
  { key: 'dutch', met: false },
];

let strapi: Core.Strapi;
let client: any;
let segment: any;
let admin: { email: string; token: string };
const sink = createSmtpSink();

type Person = Awaited<ReturnType<typeof createPortalUser>>;

/** An active supplier in the segment with one consultant. */
async function supplierWithConsultant(overrides: Record<string, unknown> = {}) {
  const supplier = await createSupplier(strapi, { segments: [segment.id], ...overrides });
  const consultant = await createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier,
    isConsultant: true,
  });
  return { supplier, consultant };
}

/** A published request of the segment, closing in a week unless told otherwise. */
async function openRequest(fields: Record<string, unknown> = {}) {
  const request = await createRequest(strapi, {
    client,
    segment,
    startDate: '2027-03-01',
    endDate: '2027-12-31',
    evaluationCriteria: CRITERIA,
    ...fields,
  });
  return publishRequest(strapi, request);
}

/** A candidate with a CV in the consultant's pool, added through the API. */
async function candidateOf(consultant: Person, fields: Record<string, string> = {}) {
  const response = await upload(
    '/api/requests/candidates',
    consultant.jwt,
    { bytes: makePdf(ANNA_CV), name: 'cv.pdf' },
    {
      firstName: 'Anna',
      lastName: `de Vries ${unique()}`,
      email: `anna-${unique()}@example.nl`,
      ...fields,
    },
  );
  expect(response.status).toBe(201);
  return response.body.data;
}

const propose = (
  consultant: Person,
  request: any,
  candidate: any,
  overrides: Record<string, unknown> = {},
) =>
  call('POST', '/api/requests/proposals', consultant.jwt, {
    request: request.documentId,
    candidate: candidate.documentId,
    offeredRateCents: 9000,
    flexWorkerType: 'flex_employee',
    criteriaAnswers: ANSWERS,
    availability: 'From March, 36 hours a week.',
    ...overrides,
  });

const stored = (documentId: string) =>
  strapi.db.query(PROPOSAL as any).findOne({ where: { documentId } }) as Promise<any>;

const mailsOf = (template: string, to?: string) =>
  strapi.db.query('plugin::outbox.message' as any).findMany({
    where: { template, ...(to ? { to } : {}) },
    orderBy: { id: 'asc' },
  }) as Promise<any[]>;

const deskMove = (documentId: string, to: string, reason?: string) =>
  call('POST', `/requests/transitions/${encodeURIComponent(PROPOSAL)}/${documentId}`, admin.token, {
    to,
    reason,
  });

beforeAll(async () => {
  strapi = await getStrapi();
  client = await createClient(strapi);
  segment = await createSegment(strapi);
  admin = await createAdmin(strapi);
});

afterEach(() => workflowLib().clock.reset());
afterAll(() => sink.stop());

describe('proposing a candidate', () => {
  it('creates the proposal as proposed, with its first history line and a mail to the consultants', async () => {
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest();
    const candidate = await candidateOf(consultant);

    const response = await propose(consultant, request, candidate);

    expect(response.status).toBe(201);
    const proposal = response.body.data;
    expect(proposal).toMatchObject({
      state: 'proposed',
      offeredRateCents: 9000,
      invoicingParty: 'supplier',
    });
    expect(proposal.number).toMatch(/^SPR/);
    expect(proposal.candidate.documentId).toBe(candidate.documentId);
    expect(proposal.statusHistory).toEqual([
      { from: 'draft', to: 'proposed', at: expect.any(String), by: consultant.email, reason: null },
    ]);
    const mails = await mailsOf('proposal.status-changed', consultant.email);
    expect(mails.map((mail) => mail.subject)).toContain(
      `${proposal.number} ${candidate.firstName} ${candidate.lastName}: voorgesteld`,
    );
    expect(mails.find((mail) => mail.subject.startsWith(proposal.number)).clientSlug).toBe(
      client.slug,
    );
  });

  it('refuses a proposal one second after closing, and takes one a second before', async () => {
    // The clock stands still from the start, so sessions stay fresh while it jumps to the deadline.
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    workflowLib().clock.set(start);
    const closesAt = new Date(start.getTime() + 60_000);
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest({ closesAt: closesAt.toISOString() });
    const late = await candidateOf(consultant);
    const onTime = await candidateOf(consultant);

    workflowLib().clock.set(new Date(closesAt.getTime() + 1000));
    const refused = await propose(consultant, request, late);
    workflowLib().clock.set(new Date(closesAt.getTime() - 1000));
    const accepted = await propose(consultant, request, onTime);

    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      new RegExp(
        `^Request ${request.number} closed on .*\\(Amsterdam time\\); it takes no more proposals\\.$`,
      ),
    );
    expect(accepted.status).toBe(201);
  });

  it('refuses a user without the consultant role', async () => {
    const { supplier, consultant } = await supplierWithConsultant();
    const payroll = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier,
      isPayroll: true,
    });
    const request = await openRequest();
    const candidate = await candidateOf(consultant);

    const response = await propose(payroll, request, candidate);

    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/^Only a user with the consultant role/);
  });

  it('refuses a rate above the maximum, missing answers and an unmet knock-out criterion', async () => {
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest({ maxRateCents: 9500 });
    const candidate = await candidateOf(consultant);

    const tooDear = await propose(consultant, request, candidate, { offeredRateCents: 9501 });
    const unanswered = await propose(consultant, request, candidate, {
      criteriaAnswers: [{ key: 'java', met: true }],
    });
    const knockedOut = await propose(consultant, request, candidate, {
      criteriaAnswers: { java: false, dutch: true },
    });

    expect(tooDear.status).toBe(400);
    expect(tooDear.body.error.message).toBe(
      `The offered rate € 95.01 is above the maximum rate of € 95.00 for request ${request.number}.`,
    );
    expect(unanswered.status).toBe(400);
    expect(unanswered.body.error.message).toBe(
      'Answer every criterion you fill in, with yes or no; missing: "Speaks Dutch".',
    );
    expect(knockedOut.status).toBe(400);
    expect(knockedOut.body.error.message).toBe(
      'The candidate does not meet the knock-out criterion "Five years of Java", so cannot be proposed.',
    );
    expect(
      await strapi.db
        .query(PROPOSAL as any)
        .count({ where: { candidate: { documentId: candidate.documentId } } }),
    ).toBe(0);
  });

  it('refuses a candidate without a CV', async () => {
    const { supplier, consultant } = await supplierWithConsultant();
    const request = await openRequest();
    const bare = await (strapi.documents('plugin::requests.candidate' as any) as any).create({
      data: { firstName: 'Zonder', lastName: 'Cv', supplier: supplier.id },
    });

    const response = await propose(consultant, request, bare);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Zonder Cv has no CV; add one before proposing.');
  });

  it("answers 404 for another supplier's candidate and for a request the supplier cannot see", async () => {
    const { consultant } = await supplierWithConsultant();
    const other = await supplierWithConsultant();
    const outsider = await createSupplier(strapi);
    const outsiderConsultant = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier: outsider,
      isConsultant: true,
    });
    const request = await openRequest();
    const theirs = await candidateOf(other.consultant);
    const outsidersOwn = await candidateOf(outsiderConsultant);

    expect((await propose(consultant, request, theirs)).status).toBe(404);
    expect((await propose(outsiderConsultant, request, outsidersOwn)).status).toBe(404);
  });

  it('refuses the same candidate on the same request a second time', async () => {
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest();
    const candidate = await candidateOf(consultant);

    expect((await propose(consultant, request, candidate)).status).toBe(201);
    const again = await propose(consultant, request, candidate);

    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `${candidate.firstName} ${candidate.lastName} is already proposed on request ${request.number}.`,
    );
  });

  it('creates one proposal from two simultaneous proposals of the same candidate', async () => {
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest();
    const candidate = await candidateOf(consultant);

    const responses = await Promise.all([
      propose(consultant, request, candidate),
      propose(consultant, request, candidate),
    ]);

    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const count = await strapi.db.query(PROPOSAL as any).count({
      where: {
        request: { documentId: request.documentId },
        candidate: { documentId: candidate.documentId },
      },
    });
    expect(count).toBe(1);
  });

  it('keeps the pair of request and candidate unique in the database itself', async () => {
    const { consultant } = await supplierWithConsultant();
    const proposal = (await propose(consultant, await openRequest(), await candidateOf(consultant)))
      .body.data;
    const { selectionKey } = await stored(proposal.documentId);

    const twin = strapi.db
      .query(PROPOSAL as any)
      .create({ data: { selectionKey, state: 'draft' } });

    expect(selectionKey).toMatch(/^[a-z0-9]+:[a-z0-9]+$/);
    await expect(twin).rejects.toThrow();
  });

  it('creates nothing when a mail of the step cannot be written', async () => {
    const { supplier, consultant } = await supplierWithConsultant();
    const broken = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier,
      isConsultant: true,
    });
    const request = await openRequest();
    const candidate = await candidateOf(consultant);
    const users = strapi.db.query('plugin::users-permissions.user' as any);

    await users.update({ where: { id: broken.user.id }, data: { email: 'not-an-address' } });
    const response = await propose(consultant, request, candidate).finally(() =>
      users.update({ where: { id: broken.user.id }, data: { email: broken.email } }),
    );

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'The recipient of the mail has no valid e-mail address.',
    );
    expect(
      await strapi.db
        .query(PROPOSAL as any)
        .count({ where: { candidate: { documentId: candidate.documentId } } }),
    ).toBe(0);
  });
});

describe('dual representation and who invoices', () => {
  it('flags both proposals and mails the desk when two suppliers propose the same person', async () => {
    const first = await supplierWithConsultant();
    const second = await supplierWithConsultant();
    const request = await openRequest();
    const email = `same-${unique()}@example.nl`;
    const a = (
      await propose(first.consultant, request, await candidateOf(first.consultant, { email }))
    ).body.data;
    const b = (
      await propose(second.consultant, request, await candidateOf(second.consultant, { email }))
    ).body.data;

    expect((await stored(a.documentId)).dualRepresentation).toBe(true);
    expect((await stored(b.documentId)).dualRepresentation).toBe(true);
    const alerts = (await mailsOf('proposal.dual-representation')).filter((mail) =>
      mail.subject.includes(request.number),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].to).toBe('desk@hiring-desk.local');
    expect(alerts[0].text).toContain(a.number);
  });

  it('makes a self-employed person proposing themselves the invoicing party', async () => {
    const { consultant } = await supplierWithConsultant({ kind: 'self_employed' });
    const request = await openRequest();
    const self = await candidateOf(consultant, { isSelf: 'true' });

    const response = await propose(consultant, request, self, { flexWorkerType: 'flex_employee' });

    expect(response.body.data).toMatchObject({
      invoicingParty: 'self_employed',
      flexWorkerType: 'self_employed',
    });
    expect(response.body.data.completeData.required).toEqual(
      expect.arrayContaining(['kvkNumber', 'iban']),
    );
  });

  it('keeps the supplier the invoicing party for a freelancer it proposes', async () => {
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest();
    const freelancer = await candidateOf(consultant, { isSelf: 'true' });

    const response = await propose(consultant, request, freelancer, {
      flexWorkerType: 'self_employed',
    });

    expect(response.body.data).toMatchObject({
      invoicingParty: 'supplier',
      flexWorkerType: 'self_employed',
    });
    expect(response.body.data.candidate.isSelf).toBe(false);
    expect(response.body.data.completeData.required).not.toContain('iban');
  });
});

describe('moving a proposal through the selection', () => {
  it('lets the desk move it with the admin route, one history line and one mail per change', async () => {
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest();
    const proposal = (await propose(consultant, request, await candidateOf(consultant))).body.data;
    const path = `/requests/transitions/${encodeURIComponent(PROPOSAL)}/${proposal.documentId}`;

    const allowed = await call('GET', path, admin.token);
    const submitted = await deskMove(proposal.documentId, 'submitted_to_client', 'Strong CV');
    const accepted = await deskMove(proposal.documentId, 'accepted');
    const skip = await deskMove(proposal.documentId, 'proposed');

    expect(allowed.status).toBe(200);
    expect(allowed.body.data.current).toBe('proposed');
    expect(allowed.body.data.next.map((one: any) => one.to)).toEqual([
      'submitted_to_client',
      'reserve',
      'rejected',
      'withdrawn',
    ]);
    expect(submitted.body.data).toMatchObject({ from: 'proposed', to: 'submitted_to_client' });
    expect(accepted.status).toBe(200);
    expect(skip.status).toBe(400);
    const after = await stored(proposal.documentId);
    expect(after.state).toBe('accepted');
    expect(
      after.statusHistory.map((line: any) => [line.from, line.to, line.by, line.reason]),
    ).toEqual([
      ['draft', 'proposed', consultant.email, null],
      ['proposed', 'submitted_to_client', 'hiring desk', 'Strong CV'],
      ['submitted_to_client', 'accepted', 'hiring desk', null],
    ]);
    const mails = (await mailsOf('proposal.status-changed', consultant.email)).filter((mail) =>
      mail.subject.startsWith(proposal.number),
    );
    expect(mails.map((mail) => mail.subject.split(': ').pop())).toEqual([
      'voorgesteld',
      'voorgelegd aan de opdrachtgever',
      'geaccepteerd',
    ]);
    expect(mails[1].text).toContain('Toelichting: Strong CV');
  });

  it('refuses the admin route without an admin sign-in, and to a desk role that may only read', async () => {
    const { consultant } = await supplierWithConsultant();
    const proposal = (await propose(consultant, await openRequest(), await candidateOf(consultant)))
      .body.data;
    const finance = await createAdmin(strapi, 'desk-finance');
    const path = `/requests/transitions/${encodeURIComponent(PROPOSAL)}/${proposal.documentId}`;

    expect((await call('POST', path, consultant.jwt, { to: 'reserve' })).status).toBe(401);
    expect((await call('POST', path, finance.token, { to: 'reserve' })).status).toBe(403);
    expect((await stored(proposal.documentId)).state).toBe('proposed');
  });

  it('records a status edited in the content manager like any other move', async () => {
    const { consultant } = await supplierWithConsultant();
    const proposal = (await propose(consultant, await openRequest(), await candidateOf(consultant)))
      .body.data;

    const response = await call('PUT', `${CM}/${PROPOSAL}/${proposal.documentId}`, admin.token, {
      state: 'reserve',
    });

    expect(response.status).toBe(200);
    const after = await stored(proposal.documentId);
    expect(after.statusHistory.at(-1)).toMatchObject({
      from: 'proposed',
      to: 'reserve',
      by: 'hiring desk',
    });
    const mails = await mailsOf('proposal.status-changed', consultant.email);
    expect(
      mails.some(
        (mail) =>
          mail.subject ===
          `${proposal.number} ${proposal.candidate.firstName} ${proposal.candidate.lastName}: reserve`,
      ),
    ).toBe(true);
  });

  it('mails the desk when a supplier withdraws after the closing date, and not before', async () => {
    const start = new Date();
    workflowLib().clock.set(start);
    const closesAt = new Date(start.getTime() + 60_000);
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest({ closesAt: closesAt.toISOString() });
    const early = (await propose(consultant, request, await candidateOf(consultant))).body.data;
    const late = (await propose(consultant, request, await candidateOf(consultant))).body.data;

    const before = await call(
      'POST',
      `/api/workflow/proposals/${early.documentId}/transitions`,
      consultant.jwt,
      { to: 'withdrawn' },
    );
    workflowLib().clock.set(new Date(closesAt.getTime() + 1000));
    const after = await call(
      'POST',
      `/api/workflow/proposals/${late.documentId}/transitions`,
      consultant.jwt,
      {
        to: 'withdrawn',
        reason: 'Found another job',
      },
    );

    expect(before.status).toBe(200);
    expect(after.status).toBe(200);
    const alerts = (await mailsOf('proposal.late-withdrawal')).filter((mail) =>
      mail.subject.includes(request.number),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].text).toContain(late.number);
    expect(alerts[0].text).toContain('Found another job');
  });

  it("shows the client's logo in the status mail, as in the request's own mails", async () => {
    const logo = await strapi.db.query('plugin::upload.file' as any).create({
      data: {
        name: 'logo.png',
        hash: `logo_${unique()}`,
        ext: '.png',
        mime: 'image/png',
        size: 1,
        url: `/uploads/logo_${unique()}.png`,
        provider: 'local',
      },
    });
    const withLogo = await createClient(strapi, { logo: logo.id });
    const { consultant } = await supplierWithConsultant();
    const request = await openRequest({ client: withLogo });

    const proposal = (await propose(consultant, request, await candidateOf(consultant))).body.data;

    const [mail] = (await mailsOf('proposal.status-changed', consultant.email)).filter((one) =>
      one.subject.startsWith(proposal.number),
    );
    // An absolute address on the cms, which mail readers can fetch.
    const address = new RegExp(`src="https?://[^"/]+${logo.url.replace(/\./g, '\\.')}"`);
    expect(mail.html).toMatch(address);
  });

  it('delivers the status mail through SMTP in the client branding', async () => {
    await sink.start(0);
    const original = { ...(strapi.config.get('plugin::outbox') as object) };
    strapi.config.set('plugin::outbox.smtpUrl', sink.url);
    try {
      const { consultant } = await supplierWithConsultant();
      const proposal = (
        await propose(consultant, await openRequest(), await candidateOf(consultant))
      ).body.data;
      await strapi
        .plugin('outbox')
        .service('outbox')
        .processBatch({ now: new Date(Date.now() + 60_000) });

      const mail = sink.received.find(
        (one) => one.to.includes(consultant.email) && one.subject?.startsWith(proposal.number),
      );
      expect(mail?.subject).toBe(
        `${proposal.number} ${proposal.candidate.firstName} ${proposal.candidate.lastName}: voorgesteld`,
      );
      expect(mail?.raw).toContain(client.name);
    } finally {
      strapi.config.set('plugin::outbox', original);
      await sink.stop();
    }
  });
});

describe('lists and the candidate card', () => {
  it("lists only the supplier's own proposals, by request and status", async () => {
    const mine = await supplierWithConsultant();
    const theirs = await supplierWithConsultant();
    const request = await openRequest();
    const own = (await propose(mine.consultant, request, await candidateOf(mine.consultant))).body
      .data;
    const other = (await propose(theirs.consultant, request, await candidateOf(theirs.consultant)))
      .body.data;

    const byRequest = await call(
      'GET',
      `/api/requests/proposals?request=${request.documentId}`,
      mine.consultant.jwt,
    );
    const byState = await call(
      'GET',
      `/api/requests/proposals?request=${request.documentId}&state=accepted`,
      mine.consultant.jwt,
    );
    const card = await call(
      'GET',
      `/api/requests/proposals/${other.documentId}`,
      mine.consultant.jwt,
    );

    expect(byRequest.body.data.map((one: any) => one.documentId)).toEqual([own.documentId]);
    expect(byState.body.data).toEqual([]);
    expect(card.status).toBe(404);
  });
});

describe('Complete Data', () => {
  const COMPLETE = {
    legalFirstNames: 'Anna Maria',
    lastName: 'de Vries',
    dateOfBirth: '1990-05-31',
    nationality: 'NL',
    street: 'Oudegracht',
    houseNumber: '12a',
    postalCode: '3511 AB',
    city: 'Utrecht',
    country: 'NL',
    startDateConfirmed: '2027-03-01',
    hoursPerWeek: 36,
  };

  async function acceptedProposal(
    supplierOverrides: Record<string, unknown> = {},
    fields: Record<string, string> = {},
  ) {
    const { consultant } = await supplierWithConsultant(supplierOverrides);
    const proposal = (
      await propose(consultant, await openRequest(), await candidateOf(consultant, fields))
    ).body.data;
    await deskMove(proposal.documentId, 'submitted_to_client');
    await deskMove(proposal.documentId, 'accepted');
    return { consultant, proposal };
  }

  const save = (
    consultant: Person,
    proposal: any,
    data: Record<string, unknown>,
    submit: boolean,
  ) =>
    call('PUT', `/api/requests/proposals/${proposal.documentId}/completed-data`, consultant.jwt, {
      data,
      submit,
    });

  it('keeps a partial form with Save Only and leaves the status alone', async () => {
    const { consultant, proposal } = await acceptedProposal();

    const saved = await save(
      consultant,
      proposal,
      { legalFirstNames: 'Anna Maria', city: 'Utrecht' },
      false,
    );
    const more = await save(consultant, proposal, { lastName: 'de Vries' }, false);

    expect(saved.status).toBe(200);
    expect(more.body.data.state).toBe('accepted');
    expect(more.body.data.completedData).toEqual({
      legalFirstNames: 'Anna Maria',
      city: 'Utrecht',
      lastName: 'de Vries',
    });
    expect(more.body.data.completeData.problems.map((problem: any) => problem.field)).toContain(
      'dateOfBirth',
    );
  });

  it('refuses Submit Completed with fields missing, naming them', async () => {
    const { consultant, proposal } = await acceptedProposal();

    const response = await save(
      consultant,
      proposal,
      { ...COMPLETE, dateOfBirth: '31-05-1990', city: '' },
      true,
    );

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Complete Data is not complete yet: Fill in the city. The date of birth should be a date like 1990-05-31.',
    );
    expect((await stored(proposal.documentId)).state).toBe('accepted');
  });

  it('moves the candidate to may be hired on Submit Completed, once, with history and mail', async () => {
    const { consultant, proposal } = await acceptedProposal();

    const response = await save(consultant, proposal, COMPLETE, true);
    const again = await save(consultant, proposal, COMPLETE, false);

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      state: 'may_be_hired',
      completedData: { ...COMPLETE, hoursPerWeek: '36' },
    });
    expect(response.body.data.completedAt).toBeTruthy();
    expect(response.body.data.statusHistory.at(-1)).toMatchObject({
      from: 'accepted',
      to: 'may_be_hired',
      by: consultant.email,
    });
    expect(again.status).toBe(400);
    const mails = await mailsOf('proposal.status-changed', consultant.email);
    expect(mails.some((mail) => mail.subject.endsWith('mag worden ingehuurd'))).toBe(true);
  });

  it('asks a self-employed person for a KvK number and a valid IBAN, and refuses unknown fields', async () => {
    const { consultant, proposal } = await acceptedProposal(
      { kind: 'self_employed' },
      { isSelf: 'true' },
    );

    const withoutBank = await save(consultant, proposal, COMPLETE, true);
    const badIban = await save(
      consultant,
      proposal,
      { ...COMPLETE, kvkNumber: '12345678', iban: 'NL00BANK0123456789' },
      true,
    );
    const unknown = await save(consultant, proposal, { bsn: '123456782' }, false);
    const done = await save(
      consultant,
      proposal,
      { ...COMPLETE, kvkNumber: '12345678', iban: 'NL91ABNA0417164300' },
      true,
    );

    expect(withoutBank.body.error.message).toBe(
      'Complete Data is not complete yet: Fill in the KvK number. Fill in the IBAN.',
    );
    expect(badIban.body.error.message).toBe(
      'Complete Data is not complete yet: The IBAN should be a valid IBAN.',
    );
    expect(unknown.body.error.message).toBe('The form has no field "bsn".');
    expect(done.body.data.state).toBe('may_be_hired');
  });

  it('is closed before acceptance', async () => {
    const { consultant } = await supplierWithConsultant();
    const proposal = (await propose(consultant, await openRequest(), await candidateOf(consultant)))
      .body.data;

    const response = await save(consultant, proposal, COMPLETE, false);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      `Complete Data is filled in once the candidate is accepted; proposal ${proposal.number} is proposed.`,
    );
  });
});
