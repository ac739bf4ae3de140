import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, codeFor, freshEmail, freshIp, mailsTo, tokenFrom } from './accounts-support';
import { createPortalUser, workflowLib } from './helpers/factories';
import { createSmtpSink } from './helpers/smtp-sink';
import { getStrapi } from './helpers/strapi';

let strapi: Core.Strapi;
const sink = createSmtpSink();
const clock = () => workflowLib().clock;
const NEW_PASSWORD = 'Canal boats drift past 1642';

beforeAll(async () => {
  strapi = await getStrapi();
  strapi.config.set('plugin::outbox.smtpUrl', `smtp://127.0.0.1:${await sink.start(0)}`);
});

afterEach(() => clock().reset());

afterAll(async () => {
  strapi.config.set('plugin::outbox.smtpUrl', null);
  await sink.stop();
});

/** A worker with a connected authenticator app; returns its secret too. */
async function userWithAuthenticator() {
  const person = await createPortalUser(strapi, { userKind: 'worker' });
  const start = await api('POST', '/accounts/factors/totp', {
    token: person.jwt,
    body: { password: person.password },
  });
  const { enrolment, secret } = start.body.data;
  await api('POST', '/accounts/factors/totp/confirm', {
    token: person.jwt,
    body: { enrolment, code: await codeFor(secret) },
  });
  return { ...person, secret: secret as string };
}

async function resetLink(email: string): Promise<string> {
  expect((await api('POST', '/accounts/password/forgot', { body: { email } })).status).toBe(202);
  const mails = await mailsTo(strapi, sink, email);
  return tokenFrom(mails[mails.length - 1].raw, '/reset-password');
}

describe('forgotten password', () => {
  it('answers the same for an unknown address and sends nothing', async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const unknown = freshEmail('unknown');

    const known = await api('POST', '/accounts/password/forgot', { body: { email: person.email } });
    const other = await api('POST', '/accounts/password/forgot', { body: { email: unknown } });
    expect(other.status).toBe(known.status);
    expect(other.body).toEqual(known.body);
    expect(await mailsTo(strapi, sink, unknown)).toHaveLength(0);
  });

  it('resets the password, ends every session and still asks for the factor', async () => {
    const person = await userWithAuthenticator();
    const token = await resetLink(person.email);

    const weak = await api('POST', '/accounts/password/reset', {
      body: { token, password: 'password1234' },
    });
    expect(weak.status).toBe(400);
    const reset = await api('POST', '/accounts/password/reset', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(reset.status).toBe(200);

    expect((await api('GET', '/accounts/me', { token: person.jwt })).status).toBe(401);
    const signIn = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: person.email, password: NEW_PASSWORD },
    });
    expect(signIn.body.data.stage).toBe('factor');
    expect(signIn.body.data.jwt).toBeUndefined();

    const again = await api('POST', '/accounts/password/reset', {
      body: { token, password: `${NEW_PASSWORD}!` },
    });
    expect(again.body.error.details.code).toBe('TOKEN_INVALID');
  });

  it('refuses a reset link after one hour', async () => {
    const start = new Date(Date.now() + 3600_000);
    clock().set(start);
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const token = await resetLink(person.email);

    clock().set(new Date(start.getTime() + 61 * 60_000));
    const late = await api('POST', '/accounts/password/reset', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(late.body.error.details.code).toBe('TOKEN_INVALID');
  });
});
