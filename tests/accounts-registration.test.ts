import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, freshEmail, freshIp, mailsTo, tokenFrom } from './accounts-support';
import { createPortalUser, workflowLib } from './helpers/factories';
import { createSmtpSink } from './helpers/smtp-sink';
import { getStrapi } from './helpers/strapi';

let strapi: Core.Strapi;
let termsVersion: string;
const sink = createSmtpSink();
const clock = () => workflowLib().clock;
const SUPPLIER = 'plugin::organisations.supplier';

const freshKvk = () => String(20000000 + Math.floor(Math.random() * 79999999));

/** A complete, valid registration; overrides change single fields. */
function registration(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'organisation',
    legalName: 'Tulp Detachering B.V.',
    kvkNumber: freshKvk(),
    vatNumber: 'NL123456789B01',
    street: 'Keizersgracht',
    houseNumber: '100A',
    postalCode: '1015cj',
    city: 'Amsterdam',
    country: 'NL',
    iban: 'NL91 ABNA 0417 1643 00',
    bankName: 'ABN AMRO',
    invoicingContactName: 'Fenna Bos',
    invoicingEmail: 'facturen@tulp.example.nl',
    firstName: 'Fenna',
    lastName: 'Bos',
    email: freshEmail('register'),
    phone: '+31 20 555 0100',
    password: 'Tulips bloom in April 2027',
    acceptTerms: true,
    termsVersion,
    ...overrides,
  };
}

const supplierByKvk = (kvkNumber: string) =>
  strapi.db
    .query(SUPPLIER as any)
    .findOne({ where: { kvkNumber }, populate: { administrator: true } }) as Promise<any>;

beforeAll(async () => {
  strapi = await getStrapi();
  strapi.config.set('plugin::outbox.smtpUrl', `smtp://127.0.0.1:${await sink.start(0)}`);
  termsVersion = (await api('GET', '/accounts/terms')).body.data.version;
});

afterEach(() => clock().reset());

afterAll(async () => {
  strapi.config.set('plugin::outbox.smtpUrl', null);
  await sink.stop();
});

describe('registration', () => {
  it('registers an organisation that verifies its address and then waits for review', async () => {
    const input = registration();
    const answer = await api('POST', '/accounts/register', { body: input });
    expect(answer.status).toBe(202);

    const supplier = await supplierByKvk(input.kvkNumber);
    expect(supplier).toMatchObject({
      state: 'pending_verification',
      postalCode: '1015 CJ',
      iban: 'NL91ABNA0417164300',
    });
    expect(supplier.termsVersion).toBe(termsVersion);
    expect(supplier.termsAcceptedAt).toBeTruthy();
    expect(supplier.administrator.email).toBe(input.email);
    expect(supplier.administrator).toMatchObject({
      confirmed: false,
      isConsultant: true,
      isPayroll: true,
    });

    const early = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: input.email, password: input.password },
    });
    expect(early.body.error.details.code).toBe('CREDENTIALS_INVALID');

    const [mail] = await mailsTo(strapi, sink, input.email);
    const token = tokenFrom(mail.raw, '/verify-email');
    expect((await api('POST', '/accounts/verify-email', { body: { token } })).status).toBe(200);
    expect((await supplierByKvk(input.kvkNumber)).state).toBe('pending_review');
    const [entry] = await strapi.db.query('plugin::audit.entry' as any).findMany({
      where: { recordDocumentId: supplier.documentId, action: 'transition' },
    });
    expect(entry).toMatchObject({
      fromStatus: 'pending_verification',
      toStatus: 'pending_review',
      actor: 'job:email-verification',
    });

    const reused = await api('POST', '/accounts/verify-email', { body: { token } });
    expect(reused.status).toBe(400);
    expect(reused.body.error.details.code).toBe('TOKEN_INVALID');
    const signIn = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: input.email, password: input.password },
    });
    expect(signIn.body.data.stage).toBe('done');
  });

  it('registers a self-employed person the same way', async () => {
    const input = registration({ kind: 'self_employed', legalName: 'Jan Smit ICT' });
    expect((await api('POST', '/accounts/register', { body: input })).status).toBe(202);
    expect((await supplierByKvk(input.kvkNumber)).kind).toBe('self_employed');
  });

  it('names every wrong field and writes nothing', async () => {
    const input = registration({
      kind: 'cooperative',
      legalName: 'x'.repeat(161),
      kvkNumber: '1234567',
      vatNumber: 'NL12345678B01',
      street: '',
      houseNumber: 'x'.repeat(21),
      postalCode: '0123 AB',
      city: 42,
      country: 'BE',
      iban: 'NL92ABNA0417164300',
      invoicingContactName: '',
      invoicingEmail: 'facturen',
      firstName: '',
      lastName: 'x'.repeat(81),
      email: 'not-an-address',
      password: 'short',
      acceptTerms: false,
      termsVersion: '1999-01',
      segments: 'all',
    });
    const answer = await api('POST', '/accounts/register', { body: input });

    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.details.fields).sort()).toEqual(
      [
        'kind',
        'legalName',
        'kvkNumber',
        'vatNumber',
        'street',
        'houseNumber',
        'postalCode',
        'city',
        'country',
        'iban',
        'invoicingContactName',
        'invoicingEmail',
        'firstName',
        'lastName',
        'email',
        'password',
        'acceptTerms',
        'termsVersion',
        'segments',
      ].sort(),
    );
    expect(await supplierByKvk(input.kvkNumber)).toBeNull();
  });

  it.each([
    ['a common password', 'password1234', /most used/],
    ['a password of one character', 'aaaaaaaaaaaaaa', /more than one/],
    ['a password with the e-mail address', 'register-xyz-tulips', /e-mail/],
    ['a password past 128 characters', 'x1'.repeat(65), /at most 128/],
  ])('refuses %s', async (_, password, message) => {
    const input = registration({ email: 'register-xyz@example.nl', password });
    const answer = await api('POST', '/accounts/register', { body: input });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.fields.password).toMatch(message);
  });

  it('refuses a KvK number that is already registered', async () => {
    const first = registration();
    await api('POST', '/accounts/register', { body: first });
    const second = registration({ kvkNumber: first.kvkNumber });

    const answer = await api('POST', '/accounts/register', { body: second });
    expect(answer.status).toBe(409);
    expect(answer.body.error.details.code).toBe('KVK_TAKEN');
    const users = await strapi.db
      .query('plugin::users-permissions.user' as any)
      .count({ where: { email: second.email } });
    expect(users).toBe(0);
  });

  it('answers the same for a known e-mail address and tells its owner', async () => {
    const owner = await createPortalUser(strapi, { userKind: 'worker' });
    const input = registration({ email: owner.email });

    const answer = await api('POST', '/accounts/register', { body: input });
    const fresh = await api('POST', '/accounts/register', { body: registration() });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual(fresh.body);
    expect(await supplierByKvk(input.kvkNumber)).toBeNull();
    const mails = await mailsTo(strapi, sink, owner.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Poging tot registratie met uw e-mailadres',
    ]);
  });

  it('refuses a verification link after 24 hours, and a new one can be asked for', async () => {
    const start = new Date(Date.now() + 3600_000);
    clock().set(start);
    const input = registration();
    await api('POST', '/accounts/register', { body: input });
    const token = tokenFrom((await mailsTo(strapi, sink, input.email))[0].raw, '/verify-email');

    clock().set(new Date(start.getTime() + 25 * 3600_000));
    const late = await api('POST', '/accounts/verify-email', { body: { token } });
    expect(late.body.error.details.code).toBe('TOKEN_INVALID');

    expect(
      (await api('POST', '/accounts/verify-email/resend', { body: { email: input.email } })).status,
    ).toBe(202);
    expect(
      (await api('POST', '/accounts/verify-email/resend', { body: { email: freshEmail() } }))
        .status,
    ).toBe(202);
    const mails = await mailsTo(strapi, sink, input.email);
    const renewed = tokenFrom(mails[mails.length - 1].raw, '/verify-email');
    expect((await api('POST', '/accounts/verify-email', { body: { token: renewed } })).status).toBe(
      200,
    );
  });
});
