import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { accountsLib, api, codeFor, freshIp, mailsTo } from './accounts-support';
import { createClient, createPortalUser, workflowLib } from './helpers/factories';
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

describe('RFC 6238 appendix B', () => {
  const secret = new TextEncoder().encode('12345678901234567890');
  const vectors: Array<[number, string]> = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  it.each(vectors)('gives and accepts the SHA-1 code of time %i', async (time, code) => {
    const { checkTotp, totpCode } = accountsLib();

    expect(await totpCode(secret, time, 8)).toBe(code);
    expect(await checkTotp({ secret, code, epoch: time, digits: 8 })).not.toBeNull();
  });

  it('accepts one step of drift either way and not two', async () => {
    const { checkTotp, totpCode } = accountsLib();
    const code = await totpCode(secret, 1111111111, 8);

    expect(await checkTotp({ secret, code, epoch: 1111111111 + 30, digits: 8 })).not.toBeNull();
    expect(await checkTotp({ secret, code, epoch: 1111111111 - 30, digits: 8 })).not.toBeNull();
    expect(await checkTotp({ secret, code, epoch: 1111111111 + 65, digits: 8 })).toBeNull();
  });
});

/** A signed-in portal user with a connected authenticator; returns its secret. */
async function userWithAuthenticator(fields: Record<string, unknown> = {}) {
  const person = await createPortalUser(strapi, { userKind: 'worker', ...fields });
  const start = await api('POST', '/accounts/factors/totp', {
    token: person.jwt,
    body: { password: person.password },
  });
  expect(start.status).toBe(200);
  const { enrolment, secret, qrSvg, otpauthUrl } = start.body.data;
  expect(qrSvg).toContain('<svg');
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);

  const connect = await api('POST', '/accounts/factors/totp/confirm', {
    token: person.jwt,
    body: { enrolment, code: await codeFor(secret), label: 'My phone' },
  });
  expect(connect.status).toBe(201);
  return { ...person, secret: secret as string };
}

describe('the authenticator factor', () => {
  it('connects only after a correct code, stores the secret encrypted and mails the user', async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const start = await api('POST', '/accounts/factors/totp', {
      token: person.jwt,
      body: { password: person.password },
    });
    const { enrolment, secret } = start.body.data;

    const wrong = await api('POST', '/accounts/factors/totp/confirm', {
      token: person.jwt,
      body: { enrolment, code: '000000' === (await codeFor(secret)) ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.code).toBe('CODE_INVALID');

    const right = await api('POST', '/accounts/factors/totp/confirm', {
      token: person.jwt,
      body: { enrolment, code: await codeFor(secret) },
    });
    expect(right.status).toBe(201);

    expect((await api('GET', '/accounts/me', { token: person.jwt })).status).toBe(200);
    const row = await strapi.db.query('plugin::accounts.factor' as any).findOne({
      where: { user: { id: person.user.id } },
    });
    expect(row.secretEncrypted).not.toContain(secret);
    const mails = await mailsTo(strapi, sink, person.email);
    expect(mails.map((mail) => mail.subject)).toContain('Nieuwe inlogmethode gekoppeld');
  });

  it('refuses to start enrolment without the right password', async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const start = await api('POST', '/accounts/factors/totp', {
      token: person.jwt,
      body: { password: 'not the password' },
    });

    expect(start.status).toBe(400);
    expect(start.body.error.details.code).toBe('PASSWORD_INVALID');
  });

  it('asks for the code at sign-in and opens a session with it', async () => {
    const person = await userWithAuthenticator();
    clock().set(new Date(Date.now() + 120_000));
    const ip = freshIp();

    const first = await api('POST', '/accounts/sign-in', {
      ip,
      body: { email: person.email, password: person.password },
    });
    expect(first.body.data).toMatchObject({
      stage: 'factor',
      factors: ['totp'],
      preferred: 'totp',
    });

    const second = await api('POST', '/accounts/sign-in/totp', {
      ip,
      body: { challenge: first.body.data.challenge, code: await codeFor(person.secret) },
    });
    expect(second.status).toBe(200);
    expect(second.body.data.stage).toBe('done');
    expect(
      (await api('GET', '/accounts/me', { token: second.body.data.jwt })).body.data.factors,
    ).toHaveLength(1);
  });

  it('refuses a code used once already, even in another sign-in', async () => {
    const person = await userWithAuthenticator();
    clock().set(new Date(Date.now() + 240_000));
    const ip = freshIp();
    const code = await codeFor(person.secret);

    const challenge = async () =>
      (
        await api('POST', '/accounts/sign-in', {
          ip,
          body: { email: person.email, password: person.password },
        })
      ).body.data.challenge;
    const used = await api('POST', '/accounts/sign-in/totp', {
      ip,
      body: { challenge: await challenge(), code },
    });
    const again = await api('POST', '/accounts/sign-in/totp', {
      ip,
      body: { challenge: await challenge(), code },
    });

    expect(used.status).toBe(200);
    expect(again.status).toBe(400);
    expect(again.body.error.details.code).toBe('CODE_INVALID');
  });

  it('refuses a challenge from another address', async () => {
    const person = await userWithAuthenticator();
    clock().set(new Date(Date.now() + 360_000));
    const first = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: person.email, password: person.password },
    });

    const elsewhere = await api('POST', '/accounts/sign-in/totp', {
      ip: freshIp(),
      body: { challenge: first.body.data.challenge, code: await codeFor(person.secret) },
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details.code).toBe('CHALLENGE_INVALID');
  });

  it('locks the factor for 15 minutes after 5 wrong codes and tells the user by mail', async () => {
    const person = await userWithAuthenticator();
    const start = new Date(Date.now() + 600_000);
    clock().set(start);
    const ip = freshIp();
    const challenge = (
      await api('POST', '/accounts/sign-in', {
        ip,
        body: { email: person.email, password: person.password },
      })
    ).body.data.challenge;
    const right = await codeFor(person.secret);
    const wrong = right === '123456' ? '654321' : '123456';

    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      answers.push(
        (await api('POST', '/accounts/sign-in/totp', { ip, body: { challenge, code: wrong } }))
          .status,
      );
    }
    const whileLocked = await api('POST', '/accounts/sign-in/totp', {
      ip,
      body: { challenge, code: right },
    });
    expect(answers).toEqual([400, 400, 400, 400, 423]);
    expect(whileLocked.status).toBe(423);
    expect(whileLocked.body.error.details.code).toBe('FACTOR_LOCKED');
    const mails = await mailsTo(strapi, sink, person.email);
    expect(mails.map((mail) => mail.subject)).toContain('Inlogmethode tijdelijk geblokkeerd');

    clock().set(new Date(start.getTime() + 16 * 60_000));
    const later = (
      await api('POST', '/accounts/sign-in', {
        ip,
        body: { email: person.email, password: person.password },
      })
    ).body.data.challenge;
    const unlocked = await api('POST', '/accounts/sign-in/totp', {
      ip,
      body: { challenge: later, code: await codeFor(person.secret) },
    });
    expect(unlocked.status).toBe(200);
  });

  it('leads a user of a client that requires MFA through enrolment at first sign-in', async () => {
    const client = await createClient(strapi, { requireMfa: true });
    const person = await createPortalUser(strapi, {
      userKind: 'client_user',
      client,
      isHiringManager: true,
    });
    const ip = freshIp();

    const first = await api('POST', '/accounts/sign-in', {
      ip,
      body: { email: person.email, password: person.password },
    });
    expect(first.body.data.stage).toBe('enrol');
    const { challenge } = first.body.data;

    const enrol = await api('POST', '/accounts/sign-in/enrol/totp', { ip, body: { challenge } });
    expect(enrol.body.data.qrSvg).toContain('<svg');
    const done = await api('POST', '/accounts/sign-in/enrol/totp/confirm', {
      ip,
      body: { challenge, code: await codeFor(enrol.body.data.secret) },
    });
    expect(done.body.data.stage).toBe('done');

    const next = await api('POST', '/accounts/sign-in', {
      ip,
      body: { email: person.email, password: person.password },
    });
    expect(next.body.data.stage).toBe('factor');
  });

  it('asks for enrolment when the branded portal’s client requires MFA', async () => {
    const client = await createClient(strapi, { requireMfa: true });
    const person = await createPortalUser(strapi, { userKind: 'worker' });

    const plain = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: person.email, password: person.password },
    });
    const branded = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      client: client.slug,
      body: { email: person.email, password: person.password },
    });
    expect(plain.body.data.stage).toBe('done');
    expect(branded.body.data.stage).toBe('enrol');
  });

  it('removes a factor with the password, ends the other sessions and mails the user', async () => {
    const person = await userWithAuthenticator();
    const me = await api('GET', '/accounts/me', { token: person.jwt });
    const [factor] = me.body.data.factors;
    const visitor = { ip: '127.0.0.1', userAgent: 'other browser', clientSlug: null };
    const other = (
      await strapi.plugin('accounts').service('sessions').open(person.user.id, visitor)
    ).jwt;

    const refused = await api('POST', `/accounts/factors/${factor.id}/remove`, {
      token: person.jwt,
      body: { password: 'wrong password!' },
    });
    const removed = await api('POST', `/accounts/factors/${factor.id}/remove`, {
      token: person.jwt,
      body: { password: person.password },
    });
    expect(refused.status).toBe(400);
    expect(removed.status).toBe(204);
    expect((await api('GET', '/accounts/me', { token: other })).status).toBe(401);
    expect((await api('GET', '/accounts/me', { token: person.jwt })).status).toBe(200);
    const mails = await mailsTo(strapi, sink, person.email);
    expect(mails.map((mail) => mail.subject)).toContain('Inlogmethode verwijderd');
  });
});
