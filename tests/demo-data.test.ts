import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import { call, workflowLib } from './helpers/factories';
import { CMS_DIR, cmsUrl, getStrapi } from './helpers/strapi';

/* The compiled seed, loaded from the cms like Strapi's own plugins, so it shares the workflow
   plugin's module (and the actor it runs as) with the Strapi under test. */
const cmsRequire = createRequire(join(CMS_DIR, 'package.json'));
const seed = (): typeof import('../cms/src/demo') => cmsRequire('./dist/src/demo');
const fixed = (): typeof import('../cms/src/demo/data') => cmsRequire('./dist/src/demo/data');
const logins = (): typeof import('../cms/src/demo/logins') => cmsRequire('./dist/src/demo/logins');

let strapi: Core.Strapi;
let seeded: Awaited<ReturnType<ReturnType<typeof seed>['seedDemoData']>> = null;

const query = (uid: string) => strapi.db.query(uid as any);
const demoSlugs = () => fixed().CLIENTS.map((client) => client.slug);
const ofDemoClients = () => ({ client: { slug: { $in: demoSlugs() } } });
const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>(
    (counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }),
    {},
  );

/** An IBAN check of our own (mod 97 on the whole number), independent of the seed's helper. */
function ibanIsValid(iban: string): boolean {
  const moved = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  return BigInt(moved) % 97n === 1n;
}

/** The ISO week of a day in Amsterdam, worked out apart from the seed's own date helpers. */
function amsterdamIsoWeek(instant: Date): string {
  const day = new Date(
    `${instant.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })}T00:00:00Z`,
  );
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const week = Math.ceil(
    ((day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7,
  );
  return `${day.getUTCFullYear()}-W${week}`;
}

beforeAll(async () => {
  strapi = await getStrapi();
  seeded = await seed().seedDemoData(strapi);

  const demoClients = await query('plugin::organisations.client').count({
    where: { slug: { $in: demoSlugs() } },
  });
  if (seeded === null && demoClients === 0) {
    // Another test file created clients first, so the first-start check rightly held back.
    seeded = await seed().writeDemoData(strapi);
  }
});

describe('demo data', () => {
  it('seeds three branded clients, six segments and ten suppliers of whom three self-employed', async () => {
    const clients = (await query('plugin::organisations.client').findMany({
      where: { slug: { $in: demoSlugs() } },
      populate: { logo: true },
    })) as any[];
    expect(clients).toHaveLength(3);
    expect(new Set(clients.map((client) => client.primaryColor)).size).toBe(3);
    expect(new Set(clients.map((client) => client.feeKind))).toEqual(
      new Set(['percentage', 'per_hour']),
    );
    expect(new Set(clients.map((client) => client.feePaidBy))).toEqual(
      new Set(['client', 'supplier']),
    );
    expect(new Set(clients.map((client) => client.vogPolicy)).size).toBe(3);
    expect(clients.filter((client) => client.clientApprovalBeforeDistribution)).toHaveLength(1);
    expect(clients.filter((client) => client.requireMfa)).toHaveLength(1);
    for (const client of clients) {
      expect(client.hostNames).toEqual([expect.stringMatching(/\.test$/)]);
      expect(client.logo?.mime).toMatch(/^image\/(svg\+xml|png)$/);
    }

    const branding = await call('GET', '/api/organisations/public/clients');
    const rivierstad = branding.body.data.find(
      (client: any) => client.slug === 'gemeente-rivierstad',
    );
    const logo = await fetch(`${cmsUrl()}${new URL(rivierstad.logoUrl).pathname}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toMatch(/^image\//);

    const segmentNames = fixed().SEGMENTS.map((segment) => segment.name);
    expect(
      await query('plugin::organisations.segment').count({
        where: { name: { $in: segmentNames } },
      }),
    ).toBe(6);

    const suppliers = (await query('plugin::organisations.supplier').findMany({
      where: { kvkNumber: { $in: fixed().SUPPLIERS.map((supplier) => supplier.kvkNumber) } },
      populate: { administrator: true, segments: true, users: true },
    })) as any[];
    expect(suppliers).toHaveLength(10);
    expect(countBy(suppliers.map((supplier) => supplier.kind))).toEqual({
      organisation: 7,
      self_employed: 3,
    });
    expect(countBy(suppliers.map((supplier) => supplier.state))).toEqual({
      active: 9,
      pending_review: 1,
    });
    for (const supplier of suppliers) {
      expect(supplier.kvkNumber).toMatch(/^\d{8}$/);
      expect(supplier.vatNumber).toMatch(/^NL\d{9}B\d{2}$/);
      expect(supplier.postalCode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      expect(ibanIsValid(supplier.iban)).toBe(true);
      if (supplier.gAccountIban) expect(ibanIsValid(supplier.gAccountIban)).toBe(true);
      expect(supplier.segments.length).toBeGreaterThanOrEqual(1);
      expect(supplier.segments.length).toBeLessThanOrEqual(3);
      expect(supplier.administrator).toMatchObject({
        userKind: 'supplier_user',
        isConsultant: true,
        confirmed: true,
      });
      if (supplier.kind === 'self_employed') expect(supplier.administrator.isPayroll).toBe(true);
    }
    const payrollOnly = suppliers
      .flatMap((supplier) => supplier.users)
      .filter((user) => user.isPayroll && !user.isConsultant);
    expect(payrollOnly).toHaveLength(2);
  });

  it('seeds thirty requests across every state', async () => {
    const requests = (await query('plugin::requests.request').findMany({
      where: ofDemoClients(),
      populate: { client: true, hiringManager: true, awardedProposal: true, das: true },
    })) as any[];
    expect(requests).toHaveLength(30);

    const states = countBy(requests.map((request) => request.state));
    for (const state of [
      'draft',
      'awaiting_client_approval',
      'approved',
      'published',
      'closed',
      'awarded',
      'cancelled',
    ]) {
      expect(states[state], state).toBeGreaterThanOrEqual(2);
    }
    expect(Math.max(...Object.values(states))).toBe(states.published);

    const now = workflowLib().clock.now().getTime();
    for (const request of requests) {
      expect(request.number).toMatch(/^SRQ\d{6}$/);
      expect(request.hiringManager?.isHiringManager).toBe(true);
      expect(
        request.evaluationCriteria.reduce(
          (sum: number, criterion: any) => sum + criterion.weight,
          0,
        ),
      ).toBe(100);
      if (['draft', 'awaiting_client_approval', 'approved', 'published'].includes(request.state)) {
        expect(new Date(request.closesAt).getTime()).toBeGreaterThan(now);
      }
      if (request.state === 'awarded')
        expect(['accepted', 'may_be_hired']).toContain(request.awardedProposal?.state);
      if (request.das) expect(request.state).toBe('published');
    }
    expect(requests.some((request) => request.maxRateCents === null)).toBe(true);

    // The client that approves before distribution did so through its budget holder.
    const approvedByClient = (await query('plugin::audit.entry').findMany({
      where: { entityUid: 'plugin::requests.request', toStatus: 'approved', actorKind: 'client' },
    })) as any[];
    const viaApproval = requests.filter(
      (request) => request.client.clientApprovalBeforeDistribution && request.distributedAt,
    );
    for (const request of viaApproval) {
      expect(approvedByClient.map((entry) => entry.recordDocumentId)).toContain(request.documentId);
    }

    const proposals = (await query('plugin::requests.proposal').findMany({
      where: { request: ofDemoClients() },
      populate: { request: true, candidate: true },
    })) as any[];
    expect(new Set(proposals.map((proposal) => proposal.state))).toEqual(
      new Set([
        'proposed',
        'submitted_to_client',
        'reserve',
        'rejected',
        'accepted',
        'may_be_hired',
        'withdrawn',
      ]),
    );
    for (const proposal of proposals) {
      expect(proposal.number).toMatch(/^SPR\d{6}$/);
      expect(['published', 'closed', 'awarded']).toContain(proposal.request.state);
      if (proposal.request.maxRateCents !== null) {
        expect(proposal.offeredRateCents).toBeLessThanOrEqual(proposal.request.maxRateCents);
      }
      if (proposal.candidate.isSelf) {
        expect(proposal).toMatchObject({
          flexWorkerType: 'self_employed',
          invoicingParty: 'self_employed',
        });
      } else {
        expect(proposal.invoicingParty).toBe('supplier');
      }
    }
  });

  it('seeds four final assignments with timesheets, a payment calendar and a DAS', async () => {
    const assignments = (await query('plugin::assignments.assignment').findMany({
      where: ofDemoClients(),
      populate: {
        client: true,
        supplier: true,
        proposal: true,
        worker: { populate: { supplier: true } },
        timesheets: true,
      },
    })) as any[];
    expect(assignments).toHaveLength(4);

    for (const assignment of assignments) {
      // The seed's own moment: the desk's clock when seeded here, the real time when seeded at boot.
      const seededAt = seeded ? workflowLib().clock.now() : new Date(assignment.createdAt);
      const weeksAgo = (weeks: number) =>
        amsterdamIsoWeek(new Date(seededAt.getTime() - weeks * 7 * 86_400_000));
      expect(assignment).toMatchObject({
        state: 'final',
        feeKind: assignment.client.feeKind,
        feePaidBy: assignment.client.feePaidBy,
      });
      expect(assignment.number).toMatch(/^ASG\d{6}$/);
      expect(assignment.proposal.state).toBe('may_be_hired');
      expect(assignment.worker).toMatchObject({
        userKind: 'worker',
        supplier: { id: assignment.supplier.id },
      });
      expect(assignment.rates).toContainEqual({
        hourType: 'NORMAAL',
        rateCents: assignment.proposal.offeredRateCents,
      });

      const weeks = Object.fromEntries(
        assignment.timesheets.map((sheet: any) => [
          sheet.state,
          `${sheet.isoYear}-W${sheet.isoWeek}`,
        ]),
      );
      expect(weeks).toEqual({ approved: weeksAgo(3), submitted: weeksAgo(2), draft: weeksAgo(1) });
      for (const sheet of assignment.timesheets) {
        expect(sheet.lines[0]).toMatchObject({
          hourType: 'NORMAAL',
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        });
      }
    }

    const hourTypes = (await query('plugin::assignments.hour-type').findMany({})) as any[];
    expect(hourTypes.map((hourType) => hourType.code)).toEqual(
      expect.arrayContaining(['NORMAAL', 'OVERWERK125', 'OVERWERK150', 'REISKOSTEN', 'THUISWERK']),
    );
    const documentTypes = (await query('plugin::compliance.document-type').findMany({})) as any[];
    expect(documentTypes.map((type) => type.code)).toEqual(
      expect.arrayContaining(['KVK_EXTRACT', 'VOG', 'INSURANCE', 'G_ACCOUNT_AGREEMENT']),
    );

    const periods = (await query('plugin::billing.payment-calendar').findMany({
      where: ofDemoClients(),
      populate: { client: true },
    })) as any[];
    expect(countBy(periods.map((period) => period.client.slug))).toEqual({
      'gemeente-rivierstad': 12,
      'provincie-heuvelland': 13,
      'zorggroep-lindehof': 12,
    });
    for (const period of periods) {
      expect(period.periodStart < period.periodEnd && period.periodEnd < period.cutOffDate).toBe(
        true,
      );
      expect(
        period.cutOffDate < period.invoiceDate && period.invoiceDate < period.paymentDate,
      ).toBe(true);
    }

    const das = (await query('plugin::das.das').findOne({
      where: { name: { $startsWith: 'DAS ICT-inhuur' }, client: { slug: 'gemeente-rivierstad' } },
      populate: { admissions: true, segment: true },
    })) as any;
    expect(das).toMatchObject({ reviewWorkingDays: 10, state: 'open', segment: { name: 'ICT' } });
    expect(das.admissions.map((admission: any) => admission.state).sort()).toEqual([
      'admitted',
      'submitted',
    ]);
    expect(
      await query('plugin::requests.request').count({ where: { das: { id: das.id } } }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('gives every demo portal user the shared demo password', async () => {
    const { DEMO_PASSWORD, DEMO_MAIL_DOMAIN } = fixed();
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);

    const users = (await query('plugin::users-permissions.user').findMany({
      where: { email: { $endsWith: `@${DEMO_MAIL_DOMAIN}` } },
      select: ['email', 'userKind', 'password', 'confirmed', 'blocked'],
    })) as any[];
    expect(countBy(users.map((user) => user.userKind))).toEqual({
      client_user: 6,
      supplier_user: 12,
      worker: 4,
    });
    if (seeded)
      expect(seeded.map((login) => login.email).sort()).toEqual(
        users.map((user) => user.email).sort(),
      );

    // Checked against the stored hash, for one user of each kind (bcrypt is slow on purpose);
    // how a portal user signs in is the accounts plugin's business.
    const passwords = strapi.plugin('users-permissions').service('user');
    for (const user of users) expect(user).toMatchObject({ confirmed: true, blocked: false });
    for (const kind of ['client_user', 'supplier_user', 'worker']) {
      const user = users.find((one) => one.userKind === kind);
      expect(await passwords.validatePassword(DEMO_PASSWORD, user.password), kind).toBe(true);
    }
  });

  it('prints the demo logins as a table', () => {
    const lines: string[] = [];
    const fake = { log: { info: (message: string) => lines.push(...message.split('\n')) } } as any;
    const rows = [
      {
        who: 'Sanne de Vries, administrator',
        where: 'portal' as const,
        email: 'sanne@demo.test',
        password: 'pw-1',
      },
      { who: 'Desk', where: 'admin' as const, email: 'desk@demo.test', password: 'pw-22' },
    ];

    logins().printDemoLogins(fake, rows);

    expect(lines.slice(1)).toEqual([
      'Where   E-mail           Password  Who',
      '------  ---------------  --------  -----------------------------',
      'portal  sanne@demo.test  pw-1      Sanne de Vries, administrator',
      'admin   desk@demo.test   pw-22     Desk',
    ]);
  });

  it('does nothing when the database already has clients', async () => {
    const counts = async () =>
      Promise.all(
        [
          'plugin::organisations.client',
          'plugin::requests.request',
          'plugin::users-permissions.user',
          'plugin::upload.file',
        ].map((uid) => query(uid).count()),
      );
    const before = await counts();

    expect(await seed().seedDemoData(strapi)).toBeNull();

    expect(await counts()).toEqual(before);
  });
});
