import type { Core } from '@strapi/strapi';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { api, freshIp } from './accounts-support';
import { createPortalUser, workflowLib } from './helpers/factories';
import { getStrapi } from './helpers/strapi';

let strapi: Core.Strapi;
const clock = () => workflowLib().clock;
const minutes = (from: Date, count: number) => new Date(from.getTime() + count * 60_000);

beforeAll(async () => {
  strapi = await getStrapi();
});

afterEach(() => clock().reset());

/** Signs in with password only (no factor) and returns the session's token. */
async function signIn(email: string, password: string, ip = freshIp()) {
  const answer = await api('POST', '/accounts/sign-in', { ip, body: { email, password } });
  expect(answer.body.data.stage).toBe('done');
  return answer.body.data.jwt as string;
}

describe('portal sessions', () => {
  it('keeps a session alive at 119 idle minutes and ends it after 121', async () => {
    const start = new Date('2027-03-01T09:00:00Z');
    clock().set(start);
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const token = await signIn(person.email, person.password);

    clock().set(minutes(start, 119));
    expect((await api('GET', '/accounts/me', { token })).status).toBe(200);

    clock().set(minutes(start, 119 + 121));
    const late = await api('GET', '/accounts/me', { token });
    expect(late.status).toBe(401);
    expect(late.body.error.details.code).toBe('SESSION_EXPIRED');

    const row = await strapi.db.query('plugin::accounts.session' as any).findOne({
      where: { user: { id: person.user.id } },
      orderBy: { id: 'desc' },
    });
    expect(row.endReason).toBe('idle');
  });

  it('ends the session at sign-out', async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const token = await signIn(person.email, person.password);

    expect((await api('POST', '/accounts/sign-out', { token })).status).toBe(204);
    const after = await api('GET', '/accounts/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.error.details.code).toBe('SESSION_EXPIRED');
  });

  it('refuses a users-permissions token that names no session', async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const bare = strapi.plugin('users-permissions').service('jwt').issue({ id: person.user.id });

    const answer = await api('GET', '/accounts/me', { token: bare });
    expect(answer.status).toBe(401);
    expect(answer.body.error.details.code).toBe('SESSION_EXPIRED');
  });

  it('ends the other sessions when the password changes, and keeps this one', async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const here = await signIn(person.email, person.password);
    const elsewhere = await signIn(person.email, person.password);

    const weak = await api('POST', '/accounts/password', {
      token: here,
      body: { currentPassword: person.password, newPassword: 'password1234' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.fields.password).toMatch(/most used/);

    const changed = await api('POST', '/accounts/password', {
      token: here,
      body: { currentPassword: person.password, newPassword: 'Harbour lantern 42 quietly' },
    });
    expect(changed.status).toBe(204);
    expect((await api('GET', '/accounts/me', { token: here })).status).toBe(200);
    expect((await api('GET', '/accounts/me', { token: elsewhere })).status).toBe(401);

    const old = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: person.email, password: person.password },
    });
    expect(old.body.error.details.code).toBe('CREDENTIALS_INVALID');
    await signIn(person.email, 'Harbour lantern 42 quietly');
  });

  it('refuses a password change with a wrong current password', async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const answer = await api('POST', '/accounts/password', {
      token: person.jwt,
      body: { currentPassword: 'not my password', newPassword: 'Harbour lantern 42 quietly' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.code).toBe('PASSWORD_INVALID');
  });

  it("has no route left of users-permissions' own sign-in, registration and password", async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const routes: Array<[string, unknown]> = [
      ['/auth/local', { identifier: person.email, password: person.password }],
      [
        '/auth/local/register',
        { username: 'x', email: 'x@example.nl', password: 'Long enough 123' },
      ],
      ['/auth/forgot-password', { email: person.email }],
      ['/auth/reset-password', { code: 'x', password: 'a', passwordConfirmation: 'a' }],
      [
        '/auth/change-password',
        { currentPassword: person.password, password: 'a', passwordConfirmation: 'a' },
      ],
      ['/auth/send-email-confirmation', { email: person.email }],
    ];
    // Strapi's static-file route answers GET on any path, so a POST to a missing route is 405.
    for (const [path, body] of routes) {
      const answer = await api('POST', path, { body });
      expect([path, answer.status]).toEqual([path, 405]);
    }
    const stack = (strapi.server.router as any).stack as Array<{ path: string; methods: string[] }>;
    expect(
      stack.filter((layer) => layer.methods.length && /^\/api\/(auth|connect)\//.test(layer.path)),
    ).toEqual([]);
    expect((await api('GET', '/auth/email-confirmation?confirmation=x')).status).toBe(404);
  });
});

describe('sign-in', () => {
  it('gives one message for a wrong password and an unknown address', async () => {
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const wrong = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: person.email, password: 'not the password' },
    });
    const unknown = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: `nobody-${person.email}`, password: 'not the password' },
    });

    expect(wrong.status).toBe(400);
    expect(unknown.body.error).toEqual(wrong.body.error);
    expect(wrong.body.error.message).toBe('The e-mail address or password is not right.');
  });

  it('throttles an account after 5 failures in 15 minutes, whatever the address', async () => {
    const start = new Date('2027-04-01T09:00:00Z');
    clock().set(start);
    const person = await createPortalUser(strapi, { userKind: 'worker' });

    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const body = { email: person.email, password: `wrong password ${attempt}` };
      statuses.push((await api('POST', '/accounts/sign-in', { ip: freshIp(), body })).status);
    }
    const right = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: person.email, password: person.password },
    });
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(right.status).toBe(429);
    expect(right.body.error.details).toMatchObject({ code: 'THROTTLED' });
    expect(right.body.error.details.retryAfterSeconds).toBeGreaterThan(0);

    clock().set(minutes(start, 16));
    expect(
      (
        await api('POST', '/accounts/sign-in', {
          ip: freshIp(),
          body: { email: person.email, password: person.password },
        })
      ).status,
    ).toBe(200);
  });

  it('throttles an address after 20 failures, for unknown addresses too', async () => {
    clock().set(new Date('2027-05-01T09:00:00Z'));
    const ip = freshIp();
    const statuses = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      const body = { email: `guess-${attempt}-${ip}@example.nl`, password: 'some password 1' };
      statuses.push((await api('POST', '/accounts/sign-in', { ip, body })).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('ignores forwarded addresses without the portal key', async () => {
    clock().set(new Date('2027-06-01T09:00:00Z'));
    const person = await createPortalUser(strapi, { userKind: 'worker' });
    const forged = { 'x-desk-portal-key': 'guessed', 'x-desk-client-ip': freshIp() };

    const first = await api('POST', '/accounts/sign-in', {
      headers: forged,
      body: { email: person.email, password: person.password },
    });
    expect(first.status).toBe(200);
    const row = await strapi.db.query('plugin::accounts.session' as any).findOne({
      where: { user: { id: person.user.id } },
      orderBy: { id: 'desc' },
    });
    expect(row.ip).not.toBe(forged['x-desk-client-ip']);
  });

  it('refuses an unconfirmed or blocked user with the same message', async () => {
    const unconfirmed = await createPortalUser(strapi, { userKind: 'worker', confirmed: false });
    const blocked = await createPortalUser(strapi, { userKind: 'worker', blocked: true });
    for (const person of [unconfirmed, blocked]) {
      const answer = await api('POST', '/accounts/sign-in', {
        ip: freshIp(),
        body: { email: person.email, password: person.password },
      });
      expect(answer.body.error.details.code).toBe('CREDENTIALS_INVALID');
    }
  });

  it('names each wrong field of a malformed sign-in', async () => {
    const answer = await api('POST', '/accounts/sign-in', {
      body: { email: 'not an address', password: 'x'.repeat(129) },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.details.fields).sort()).toEqual(['email', 'password']);
  });
});
