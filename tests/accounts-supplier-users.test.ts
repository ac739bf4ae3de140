import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, freshEmail, freshIp, mailsTo, tokenFrom } from './accounts-support';
import { createClient, createPortalUser, createSupplier, workflowLib } from './helpers/factories';
import { createSmtpSink } from './helpers/smtp-sink';
import { getStrapi } from './helpers/strapi';

let strapi: Core.Strapi;
const sink = createSmtpSink();
const clock = () => workflowLib().clock;

beforeAll(async () => {
  strapi = await getStrapi();
  strapi.config.set('plugin::outbox.smtpUrl', `smtp://127.0.0.1:${await sink.start(0)}`);
});

afterEach(() => clock().reset());

afterAll(async () => {
  strapi.config.set('plugin::outbox.smtpUrl', null);
  await sink.stop();
});

/** A supplier with its organisation administrator and one plain consultant. */
async function supplierWithAdministrator() {
  const supplier = await createSupplier(strapi);
  const administrator = await createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier,
    isConsultant: true,
  });
  const consultant = await createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier,
    isConsultant: true,
  });
  await strapi.db.query('plugin::organisations.supplier' as any).update({
    where: { id: supplier.id },
    data: { administrator: administrator.user.id },
  });
  return { supplier, administrator, consultant };
}

const newUser = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Noor',
  lastName: 'de Wit',
  email: freshEmail('new-user'),
  roles: ['consultant', 'statement_of_work'],
  ...overrides,
});

describe('supplier users', () => {
  it('lets the organisation administrator add a user who sets a password from the mail and signs in', async () => {
    const { administrator } = await supplierWithAdministrator();
    const input = newUser();

    const added = await api('POST', '/accounts/supplier/users', {
      token: administrator.jwt,
      body: input,
    });
    expect(added.status).toBe(201);

    const [mail] = await mailsTo(strapi, sink, input.email);
    expect(mail.subject).toBe('Kies een wachtwoord voor uw account');
    expect(mail.raw).not.toMatch(/wachtwoord: /i);
    const token = tokenFrom(mail.raw, '/set-password');

    const weak = await api('POST', '/accounts/set-password', {
      body: { token, password: 'qwertyuiop123' },
    });
    expect(weak.status).toBe(400);
    const set = await api('POST', '/accounts/set-password', {
      body: { token, password: 'Seven bridges over the Amstel' },
    });
    expect(set.status).toBe(200);
    const reused = await api('POST', '/accounts/set-password', {
      body: { token, password: 'Seven bridges over the Amstel' },
    });
    expect(reused.body.error.details.code).toBe('TOKEN_INVALID');

    const signIn = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: input.email, password: 'Seven bridges over the Amstel' },
    });
    expect(signIn.body.data.stage).toBe('done');
    const me = await api('GET', '/accounts/me', { token: signIn.body.data.jwt });
    expect(me.body.data.roles).toMatchObject({
      consultant: true,
      payroll: false,
      statementOfWork: true,
    });
    expect(me.body.data.isOrganisationAdministrator).toBe(false);

    const overview = await api('GET', '/accounts/supplier', { token: administrator.jwt });
    expect(overview.body.data.administrator.email).toBe(administrator.email);
    expect(overview.body.data.users.map((user: any) => user.email)).toContain(input.email);
  });

  it('refuses a set-password link after 72 hours', async () => {
    const start = new Date(Date.now() + 3600_000);
    clock().set(start);
    const { administrator } = await supplierWithAdministrator();
    const input = newUser();
    await api('POST', '/accounts/supplier/users', { token: administrator.jwt, body: input });
    const token = tokenFrom((await mailsTo(strapi, sink, input.email))[0].raw, '/set-password');

    clock().set(new Date(start.getTime() + 73 * 3600_000));
    const late = await api('POST', '/accounts/set-password', {
      body: { token, password: 'Seven bridges over the Amstel' },
    });
    expect(late.status).toBe(400);
    expect(late.body.error.details.code).toBe('TOKEN_INVALID');
  });

  it('refuses anyone but the organisation administrator', async () => {
    const { consultant } = await supplierWithAdministrator();
    const worker = await createPortalUser(strapi, { userKind: 'worker' });
    const clientUser = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: await createClient(strapi),
    });

    const byConsultant = await api('POST', '/accounts/supplier/users', {
      token: consultant.jwt,
      body: newUser(),
    });
    expect(byConsultant.status).toBe(403);
    expect(byConsultant.body.error.details.code).toBe('NOT_ORGANISATION_ADMINISTRATOR');
    for (const person of [worker, clientUser]) {
      const answer = await api('POST', '/accounts/supplier/users', {
        token: person.jwt,
        body: newUser(),
      });
      expect(answer.status).toBe(403);
      expect((await api('GET', '/accounts/supplier', { token: person.jwt })).status).toBe(403);
    }
    expect((await api('POST', '/accounts/supplier/users', { body: newUser() })).status).toBe(403);
  });

  it('names each wrong field of a new user', async () => {
    const { administrator } = await supplierWithAdministrator();
    const answer = await api('POST', '/accounts/supplier/users', {
      token: administrator.jwt,
      body: { firstName: '', lastName: 'x'.repeat(81), email: 'nope', roles: ['boss'] },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.details.fields).sort()).toEqual([
      'email',
      'firstName',
      'lastName',
      'roles',
    ]);
  });

  it('refuses an e-mail address that already has an account', async () => {
    const { administrator, consultant } = await supplierWithAdministrator();
    const answer = await api('POST', '/accounts/supplier/users', {
      token: administrator.jwt,
      body: newUser({ email: consultant.email }),
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error.details.code).toBe('EMAIL_TAKEN');
  });

  it('hands the administrator role to another user of the same supplier only', async () => {
    const { supplier, administrator, consultant } = await supplierWithAdministrator();
    const stranger = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier: await createSupplier(strapi),
    });

    const refused = await api('PUT', '/accounts/supplier/administrator', {
      token: administrator.jwt,
      body: { userId: stranger.user.id },
    });
    expect(refused.status).toBe(400);
    const moved = await api('PUT', '/accounts/supplier/administrator', {
      token: administrator.jwt,
      body: { userId: consultant.user.id },
    });
    expect(moved.status).toBe(200);

    const row = await strapi.db.query('plugin::organisations.supplier' as any).findOne({
      where: { id: supplier.id },
      populate: { administrator: true },
    });
    expect(row.administrator.id).toBe(consultant.user.id);
    const formerly = await api('PUT', '/accounts/supplier/administrator', {
      token: administrator.jwt,
      body: { userId: administrator.user.id },
    });
    expect(formerly.status).toBe(403);
  });
});
