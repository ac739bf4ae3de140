import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';
import { generate } from 'otplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  createClient,
  createPortalUser,
  createSupplier,
  workflowLib,
  type PortalUser,
} from './helpers/factories';
import { portalVisitor, startPortal, type StartedPortal } from './helpers/portal';
import { cmsUrl, getStrapi } from './helpers/strapi';

/* The portal's sessions against the real cms: CSRF and Origin checks, cookie flags, the cms
   token kept out of every page, and the idle limit on both sides with controlled clocks. */

const MINUTE = 60_000;
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;

describe('portal sessions', () => {
  let strapi: Core.Strapi;
  let portal: StartedPortal;
  let clockDir: string;
  let clockFile: string;
  let person: PortalUser;

  /** Sets the portal's clock (an ISO instant in the file it reads on every request). */
  const setPortalClock = (instant: Date | null) =>
    writeFileSync(clockFile, instant ? instant.toISOString() : '');

  /** A visitor signed in through the portal's own sign-in form. */
  async function signedIn(userAgent?: string) {
    const visitor = portalVisitor(portal.url, userAgent);
    await visitor.get('/sign-in');
    const answer = await visitor.post('/sign-in', {
      step: 'password',
      email: person.email,
      password: person.password,
    });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/account');
    return visitor;
  }

  beforeAll(async () => {
    strapi = await getStrapi();
    const supplier = await createSupplier(strapi);
    person = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier,
      firstName: 'Sanne',
      lastName: 'de Vries',
    });
    clockDir = mkdtempSync(join(tmpdir(), 'desk-portal-clock-'));
    clockFile = join(clockDir, 'now');
    setPortalClock(null);
    portal = await startPortal({ cmsUrl: cmsUrl(), env: { DESK_TEST_CLOCK_FILE: clockFile } });
  });

  afterEach(() => {
    setPortalClock(null);
    workflowLib().clock.reset();
  });

  afterAll(async () => {
    await portal?.stop();
    rmSync(clockDir, { recursive: true, force: true });
  });

  it('refuses a form post without the CSRF token, or from another origin', async () => {
    const visitor = portalVisitor(portal.url);
    await visitor.get('/sign-in');
    const fields = { step: 'password', email: person.email, password: person.password };

    expect((await visitor.post('/sign-in', fields, { withoutCsrf: true })).status).toBe(403);
    expect(
      (await visitor.post('/sign-in', fields, { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await visitor.post('/sign-in', fields, { origin: null })).status).toBe(403);
    expect(visitor.cookies.size).toBe(1);
    expect((await visitor.post('/sign-in', fields)).status).toBe(303);
  });

  it('refuses a CSRF token of another session', async () => {
    const first = portalVisitor(portal.url);
    const second = portalVisitor(portal.url);
    await first.get('/sign-in');
    await second.get('/sign-in');

    const form = new URLSearchParams({
      step: 'password',
      email: person.email,
      password: person.password,
      _csrf: first.csrf()!,
    });
    const cookie = [...second.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${portal.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      body: form.toString(),
      headers: { cookie, origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(403);
  });

  it('sets the cookie httpOnly and SameSite=Lax, without Secure on plain http', async () => {
    const response = await portalVisitor(portal.url).get('/sign-in');
    const cookie = response.setCookies.find((line) => line.startsWith('desk_session='));

    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).toMatch(/^desk_session=[0-9a-f-]{36};/);
  });

  it('marks the cookie Secure when the public address is https', async () => {
    const https = await startPortal({
      cmsUrl: cmsUrl(),
      env: { PORTAL_PUBLIC_URL: 'https://portal.example.test' },
    });
    try {
      const response = await portalVisitor(https.url).get('/sign-in');
      const cookie = response.setCookies.find((line) => line.startsWith('desk_session='));
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      await https.stop();
    }
  });

  it('signs in, forwards the visitor to the cms and keeps the token out of pages', async () => {
    const visitor = await signedIn('Mozilla/5.0 portal-session-test');
    const account = await visitor.get('/account');

    expect(account.status).toBe(200);
    expect(account.body).toContain(person.email);
    expect(account.body).toContain('Sanne de Vries');
    expect(account.body).not.toMatch(JWT);
    expect([...visitor.cookies.values()].join(' ')).not.toMatch(JWT);
    expect(account.body).toContain('action="/sign-out"');

    const sessions = await strapi.db.query('plugin::accounts.session' as any).findMany({
      where: { user: { id: person.user.id } },
      orderBy: { id: 'desc' },
      limit: 1,
    });
    expect(sessions[0].userAgent).toBe('Mozilla/5.0 portal-session-test');
  });

  it('gives a new session id at sign-in', async () => {
    const visitor = portalVisitor(portal.url);
    await visitor.get('/sign-in');
    const before = visitor.cookies.get('desk_session');
    await visitor.post('/sign-in', {
      step: 'password',
      email: person.email,
      password: person.password,
    });
    expect(visitor.cookies.get('desk_session')).toBeTruthy();
    expect(visitor.cookies.get('desk_session')).not.toBe(before);
  });

  it('sends a visitor without a session from a signed-in page to sign in', async () => {
    const response = await portalVisitor(portal.url).get('/account');
    expect(response.status).toBe(303);
    expect(response.location).toBe('/sign-in?next=%2Faccount');
  });

  it('keeps a session used within the idle limit', async () => {
    const visitor = await signedIn();
    const start = Date.now();

    setPortalClock(new Date(start + 119 * MINUTE));
    expect((await visitor.get('/account')).status).toBe(200);
    setPortalClock(new Date(start + 238 * MINUTE));
    expect((await visitor.get('/account')).status).toBe(200);
  });

  it('ends a session idle past the limit and says so at sign-in', async () => {
    const visitor = await signedIn();
    expect((await visitor.get('/account')).status).toBe(200);

    setPortalClock(new Date(Date.now() + 121 * MINUTE));
    const expired = await visitor.get('/account');
    expect(expired.status).toBe(303);
    expect(expired.location).toBe('/sign-in?expired=1');
    expect(visitor.cookies.has('desk_session')).toBe(false);

    const page = await visitor.get('/sign-in?expired=1');
    expect(page.body).toContain('Je sessie is verlopen');
    expect(page.body).toContain('Your session expired');
    expect((await visitor.get('/account')).location).toBe('/sign-in?next=%2Faccount');
  });

  it('ends the session when the cms refuses the token as expired', async () => {
    const visitor = await signedIn();
    expect((await visitor.get('/account')).status).toBe(200);

    workflowLib().clock.advance(121 * MINUTE);
    const expired = await visitor.get('/account');
    expect(expired.status).toBe(303);
    expect(expired.location).toBe('/sign-in?expired=1');
    expect(visitor.cookies.has('desk_session')).toBe(false);
  });

  it('signs out only with a POST that carries the CSRF token', async () => {
    const visitor = await signedIn();
    await visitor.get('/account');

    expect((await visitor.post('/sign-out', {}, { withoutCsrf: true })).status).toBe(403);
    expect((await visitor.get('/account')).status).toBe(200);

    const out = await visitor.post('/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/sign-in?done=signed-out');
    expect((await visitor.get('/account')).status).toBe(303);
  });

  it('does not cache signed-in pages', async () => {
    const visitor = await signedIn();
    const response = await fetch(`${portal.url}/account`, {
      headers: { cookie: `desk_session=${visitor.cookies.get('desk_session')}` },
      redirect: 'manual',
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    await response.body?.cancel();
  });

  it('leads a user whose client requires MFA through enrolment at first sign-in', async () => {
    const client = await createClient(strapi, { requireMfa: true });
    const clientUser = await createPortalUser(strapi, { userKind: 'client_user', client });
    const visitor = portalVisitor(portal.url);
    await visitor.get('/sign-in');

    const password = await visitor.post('/sign-in', {
      step: 'password',
      email: clientUser.email,
      password: clientUser.password,
    });
    expect(password.location).toBe('/sign-in');
    const enrolment = await visitor.get('/sign-in');
    expect(enrolment.body).toContain('data-step="enrol-totp"');
    const secret = /data-totp-secret="([A-Z2-7]+)"/.exec(enrolment.body)![1];

    const wrong = await visitor.post('/sign-in', { step: 'code', code: '000000' });
    expect(wrong.location).toBe('/sign-in');
    expect((await visitor.get('/sign-in')).body).toContain('field-error');

    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    const done = await visitor.post('/sign-in', { step: 'code', code });
    expect(done.location).toBe('/account');
    expect((await visitor.get('/account')).body).toContain('data-factor="totp"');
  });

  it('connects an authenticator on the account page and removes it with the password', async () => {
    const visitor = await signedIn();
    await visitor.get('/account');

    const wrongStart = await visitor.post('/account', { action: 'totp-start', password: 'nope' });
    expect(wrongStart.location).toBe('/account#connect');
    expect((await visitor.get('/account')).body).toContain('id="connect-password-error"');

    await visitor.post('/account', { action: 'totp-start', password: person.password });
    const enrolment = await visitor.get('/account');
    const secret = /data-totp-secret="([A-Z2-7]+)"/.exec(enrolment.body)![1];
    expect(enrolment.body).toMatch(/<img class="qr" src="data:image\/svg\+xml;base64,/);
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    await visitor.post('/account', { action: 'totp-confirm', code });
    const connected = await visitor.get('/account');
    expect(connected.body).toContain('data-factor="totp"');
    expect(connected.body).not.toContain(secret);

    const factor = /name="factor" value="([^"]+)"/.exec(connected.body)![1];
    await visitor.post('/account', { action: 'factor-remove', factor, password: 'nope' });
    expect((await visitor.get('/account')).body).toContain('data-factor="totp"');
    await visitor.post('/account', { action: 'factor-remove', factor, password: person.password });
    expect((await visitor.get('/account')).body).not.toContain('data-factor="totp"');
  });
});
