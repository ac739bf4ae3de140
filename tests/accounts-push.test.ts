import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { asDesk, createClient, createPortalUser, unique, workflowLib } from './helpers/factories';
import { createSmtpSink } from './helpers/smtp-sink';
import { CMS_DIR, cmsUrl, getStrapi } from './helpers/strapi';

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/131.0.0.0 Safari/537.36';
/** Utrecht, Domplein, and two places at a known distance from it. */
const DOM = { latitude: 52.0907, longitude: 5.1214, accuracy: 30 };
const NEAR_DOM = { latitude: 52.0919, longitude: 5.1225, accuracy: 25 };
const AMERSFOORT = { latitude: 52.1561, longitude: 5.3878, accuracy: 20 };

let strapi: Core.Strapi;
let portalKey: string;
let originalOutbox: Record<string, unknown>;
const sink = createSmtpSink();
const clock = () => workflowLib().clock;

interface Options {
  body?: unknown;
  token?: string;
  device?: string;
  /** The visitor's address as the portal forwards it; one per test keeps throttles apart. */
  ip?: string;
  /** The slug of the client whose branded portal the visitor uses. */
  client?: string;
}

/** Calls the cms as the portal does: with its key and the visitor's address and browser. */
async function api(method: string, path: string, options: Options = {}) {
  const headers: Record<string, string> = {
    'x-desk-portal-key': portalKey,
    'x-desk-client-ip': options.ip ?? '10.0.0.1',
    'x-desk-user-agent': CHROME_ON_WINDOWS,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.device) headers['x-desk-device'] = options.device;
  if (options.client) headers['x-desk-client'] = options.client;

  const response = await fetch(`${cmsUrl()}/api/accounts${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A fresh private address, so one test's throttles never meet another's. */
function freshIp(): string {
  const n = Number.parseInt(unique().replace(/\D/g, '').slice(-4) || '1', 10);
  return `10.${(n >> 8) & 255}.${n & 255}.${Math.floor(Math.random() * 250) + 1}`;
}

/** A supplier user (or one of a client) signed in through the password step. */
async function signedInUser(ip: string, fields: Record<string, unknown> = {}) {
  const person = await createPortalUser(strapi, { userKind: 'supplier_user', ...fields } as any);
  const answer = await api('POST', '/sign-in', {
    ip,
    body: { email: person.email, password: person.password },
  });
  expect(answer.body.data.stage).toBe('done');
  return { ...person, jwt: answer.body.data.jwt as string };
}

async function newCompanion(ip: string) {
  const created = await api('POST', '/companion/devices', { ip });
  expect(created.status).toBe(201);
  return created.body.data as { deviceToken: string; phrase: string; phraseExpiresAt: string };
}

/** A user with a paired companion; returns the user and the companion's device token. */
async function userWithPhone(ip: string, fields: Record<string, unknown> = {}) {
  const user = await signedInUser(ip, fields);
  const phone = await newCompanion(ip);
  const paired = await api('POST', '/factors/push', {
    ip,
    token: user.jwt,
    body: { password: user.password, phrase: phone.phrase, label: 'Work phone' },
  });
  expect(paired.status).toBe(201);
  return { user, device: phone.deviceToken };
}

/** The password step for a user with a factor: answers the challenge for the second step. */
async function challengeFor(user: { email: string; password: string }, ip: string) {
  const answer = await api('POST', '/sign-in', {
    ip,
    body: { email: user.email, password: user.password },
  });
  expect(answer.body.data.stage).toBe('factor');
  return answer.body.data as { challenge: string; factors: string[] };
}

/** Signs in up to the push request; returns the challenge and the started attempt. */
async function pushSignIn(user: { email: string; password: string }, ip: string, client?: string) {
  const { challenge } = await challengeFor(user, ip);
  const started = await api('POST', '/sign-in/push', { ip, client, body: { challenge } });
  expect(started.status).toBe(200);
  return { challenge, ...(started.body.data as { attempt: string; number: number }) };
}

function poll(attempt: string, challenge: string, ip: string) {
  const query = `challenge=${encodeURIComponent(challenge)}`;
  return api('GET', `/sign-in/push/${attempt}?${query}`, { ip });
}

function answer(device: string, attempt: string, body: Record<string, unknown>) {
  return api('POST', `/companion/attempts/${attempt}`, { device, body });
}

/** A number of the three that is not the one on the sign-in page. */
function otherNumber(numbers: number[], right: number): number {
  return numbers.find((candidate) => candidate !== right) as number;
}

/** Sends the outbox's due mail to the SMTP sink and returns what reached one address. */
async function mailTo(email: string) {
  const now = new Date(clock().now().getTime() + 1000);
  await strapi.plugin('outbox').service('outbox').processBatch({ now });
  return sink.received.filter((mail) => mail.to.includes(email));
}

beforeAll(async () => {
  strapi = await getStrapi();
  const require = createRequire(join(CMS_DIR, 'package.json'));
  portalKey = require('@desk/config').loadSettings().secrets.portalApiKey;
  originalOutbox = { ...strapi.config.get('plugin::outbox') };
  await sink.start(0);
  strapi.config.set('plugin::outbox.smtpUrl', sink.url);
});

afterEach(() => {
  clock().reset();
  vi.restoreAllMocks();
});

afterAll(async () => {
  strapi.config.set('plugin::outbox', originalOutbox);
  await sink.stop();
});

describe('pairing a companion', () => {
  it('pairs the phone showing the two words, mails and ends other sessions', async () => {
    const ip = freshIp();
    const user = await signedInUser(ip);
    const other = await api('POST', '/sign-in', {
      ip,
      body: { email: user.email, password: user.password },
    });
    const phone = await newCompanion(ip);
    const [first, second] = phone.phrase.split(' ');

    const paired = await api('POST', '/factors/push', {
      ip,
      token: user.jwt,
      body: { password: user.password, phrase: `  ${first.toUpperCase()}   ${second} ` },
    });
    const me = await api('GET', '/companion/devices/me', { device: phone.deviceToken });
    const mails = await mailTo(user.email);

    expect(paired.status).toBe(201);
    expect(paired.body.data).toMatchObject({ kind: 'push', label: 'Phone' });
    expect(me.body.data).toEqual({ paired: true, user: { email: user.email } });
    expect(mails.map((mail) => mail.subject)).toContain('Telefoon gekoppeld voor inloggen');
    expect((await api('GET', '/me', { ip, token: user.jwt })).status).toBe(200);
    const ended = await api('GET', '/me', { ip, token: other.body.data.jwt });
    expect(ended.status).toBe(401);
    expect(ended.body.error.details.code).toBe('SESSION_EXPIRED');
  });

  it('shows an unpaired companion its phrase and refuses unknown device tokens', async () => {
    const phone = await newCompanion(freshIp());

    const me = await api('GET', '/companion/devices/me', { device: phone.deviceToken });
    const unknown = await api('GET', '/companion/devices/me', { device: 'x'.repeat(43) });
    const attempts = await api('GET', '/companion/attempts', { device: phone.deviceToken });

    expect(phone.phrase).toMatch(/^[a-z]+ [a-z]+$/);
    expect(me.body.data).toMatchObject({ paired: false, phrase: phone.phrase });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.details.code).toBe('DEVICE_UNKNOWN');
    expect(attempts.status).toBe(403);
    expect(attempts.body.error.details.code).toBe('DEVICE_NOT_PAIRED');
  });

  it('refuses two words that no companion shows and connects nothing', async () => {
    const ip = freshIp();
    const user = await signedInUser(ip);
    await newCompanion(ip);

    const notWords = await api('POST', '/factors/push', {
      ip,
      token: user.jwt,
      body: { password: user.password, phrase: 'correct horse' },
    });
    const factors = await strapi.db
      .query('plugin::accounts.factor' as any)
      .count({ where: { user: { id: user.user.id } } });

    expect(notWords.status).toBe(400);
    expect(notWords.body.error.details.code).toBe('PHRASE_INVALID');
    expect(notWords.body.error.details.fields.phrase).toBeTruthy();
    expect(factors).toBe(0);
  });

  it('throttles an account that keeps typing wrong phrases', async () => {
    const ip = freshIp();
    const user = await signedInUser(ip);
    const phone = await newCompanion(ip);
    const body = (phrase: string) => ({ password: user.password, phrase });
    const tryPhrase = (phrase: string) =>
      api('POST', '/factors/push', { ip, token: user.jwt, body: body(phrase) });

    for (let guess = 0; guess < 10; guess += 1) await tryPhrase('correct horse');
    const right = await tryPhrase(phone.phrase);

    expect(right.status).toBe(429);
    expect(right.body.error.details.code).toBe('THROTTLED');
  });

  it('refuses the phrase ten minutes after the companion showed it', async () => {
    const ip = freshIp();
    const user = await signedInUser(ip);
    const phone = await newCompanion(ip);

    clock().advance(10 * 60 * 1000 + 1000);
    const late = await api('POST', '/factors/push', {
      ip,
      token: user.jwt,
      body: { password: user.password, phrase: phone.phrase },
    });
    const me = await api('GET', '/companion/devices/me', { device: phone.deviceToken });

    expect(late.status).toBe(400);
    expect(late.body.error.details.code).toBe('PHRASE_EXPIRED');
    expect(me.body.data).toMatchObject({ paired: false, phrase: null });
  });

  it('refuses pairing with a wrong password and leaves the companion unpaired', async () => {
    const ip = freshIp();
    const user = await signedInUser(ip);
    const phone = await newCompanion(ip);

    const wrong = await api('POST', '/factors/push', {
      ip,
      token: user.jwt,
      body: { password: `${user.password}x`, phrase: phone.phrase },
    });
    const me = await api('GET', '/companion/devices/me', { device: phone.deviceToken });

    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.code).toBe('PASSWORD_INVALID');
    expect(me.body.data.paired).toBe(false);
  });

  it('refuses pairing without a signed-in user', async () => {
    const phone = await newCompanion(freshIp());

    const anonymous = await api('POST', '/factors/push', {
      body: { password: 'whatever-password', phrase: phone.phrase },
    });

    expect([401, 403]).toContain(anonymous.status);
  });

  it('connects nothing when a step of the pairing fails half-way', async () => {
    const ip = freshIp();
    const user = await signedInUser(ip);
    const phone = await newCompanion(ip);
    const sessions = strapi.plugin('accounts').service('sessions');
    vi.spyOn(sessions, 'endOthers').mockRejectedValueOnce(new Error('sessions unavailable'));

    const failed = await api('POST', '/factors/push', {
      ip,
      token: user.jwt,
      body: { password: user.password, phrase: phone.phrase },
    });
    const me = await api('GET', '/companion/devices/me', { device: phone.deviceToken });
    const factors = await strapi.db
      .query('plugin::accounts.factor' as any)
      .count({ where: { user: { id: user.user.id } } });
    const mails = await strapi.db
      .query('plugin::outbox.message' as any)
      .count({ where: { to: user.email, template: 'account.push-paired' } });

    expect(failed.status).toBe(500);
    expect(me.body.data).toMatchObject({ paired: false, phrase: phone.phrase });
    expect(factors).toBe(0);
    expect(mails).toBe(0);
  });

  it('connects a companion during sign-in when the client requires a second factor', async () => {
    const ip = freshIp();
    const client = await createClient(strapi, { requireMfa: true });
    const person = await createPortalUser(strapi, { userKind: 'client_user', client } as any);
    const signIn = await api('POST', '/sign-in', {
      ip,
      body: { email: person.email, password: person.password },
    });
    const phone = await newCompanion(ip);

    const enrolled = await api('POST', '/sign-in/enrol/push', {
      ip,
      body: { challenge: signIn.body.data.challenge, phrase: phone.phrase },
    });
    const replay = await api('POST', '/sign-in/enrol/push', {
      ip,
      body: { challenge: signIn.body.data.challenge, phrase: phone.phrase },
    });

    expect(signIn.body.data.stage).toBe('enrol');
    expect(enrolled.body.data).toMatchObject({ stage: 'done', jwt: expect.any(String) });
    expect((await api('GET', '/me', { ip, token: enrolled.body.data.jwt })).status).toBe(200);
    expect(replay.status).toBe(400);
    const me = await api('GET', '/companion/devices/me', { device: phone.deviceToken });
    expect(me.body.data).toEqual({ paired: true, user: { email: person.email } });
  });

  it('throttles new companions per address', async () => {
    const ip = freshIp();
    for (let made = 0; made < 10; made += 1) await newCompanion(ip);

    const eleventh = await api('POST', '/companion/devices', { ip });
    const elsewhere = await api('POST', '/companion/devices', { ip: freshIp() });

    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.details.code).toBe('THROTTLED');
    expect(eleventh.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(elsewhere.status).toBe(201);
  });
});

describe('signing in with push', () => {
  it('signs in once the phone approves with the number shown on the sign-in page', async () => {
    const ip = freshIp();
    const { user, device } = await userWithPhone(ip);
    const { challenge, attempt, number } = await pushSignIn(user, ip);

    const listed = await api('GET', '/companion/attempts', { device });
    const waiting = await poll(attempt, challenge, ip);
    const approved = await answer(device, attempt, { decision: 'approve', number });
    const done = await poll(attempt, challenge, ip);
    const again = await poll(attempt, challenge, ip);

    expect(listed.body.data).toEqual([
      expect.objectContaining({
        attempt,
        who: user.email,
        browser: 'Chrome op Windows',
        place: 'dit netwerk',
        numbers: expect.arrayContaining([number]),
      }),
    ]);
    expect(new Set(listed.body.data[0].numbers).size).toBe(3);
    expect(waiting.body.data).toEqual({ state: 'pending' });
    expect(approved.body.data).toMatchObject({ state: 'approved' });
    expect(done.body.data).toMatchObject({ state: 'approved', jwt: expect.any(String) });
    expect((await api('GET', '/me', { ip, token: done.body.data.jwt })).status).toBe(200);
    expect(again.body.data).toEqual({ state: 'approved' });
  });

  it('refuses a wrong number and ends the attempt', async () => {
    const ip = freshIp();
    const { user, device } = await userWithPhone(ip);
    const { challenge, attempt, number } = await pushSignIn(user, ip);
    const [listed] = (await api('GET', '/companion/attempts', { device })).body.data;

    const wrong = await answer(device, attempt, {
      decision: 'approve',
      number: otherNumber(listed.numbers, number),
    });
    const retry = await answer(device, attempt, { decision: 'approve', number });

    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.code).toBe('NUMBER_WRONG');
    expect(retry.status).toBe(409);
    expect((await poll(attempt, challenge, ip)).body.data).toEqual({ state: 'denied' });
  });

  it('ends the attempt when the phone denies it and warns the user by mail', async () => {
    const ip = freshIp();
    const { user, device } = await userWithPhone(ip);
    const { challenge, attempt } = await pushSignIn(user, ip);

    const denied = await answer(device, attempt, { decision: 'deny' });
    const state = await poll(attempt, challenge, ip);
    const mails = await mailTo(user.email);

    expect(denied.body.data).toEqual({ state: 'denied' });
    expect(state.body.data).toEqual({ state: 'denied' });
    const warning = mails.find((mail) => mail.subject?.startsWith('Iemand probeerde'));
    expect(warning?.raw).toContain('Chrome op Windows');
  });

  it('lets an attempt expire after two minutes', async () => {
    const ip = freshIp();
    const { user, device } = await userWithPhone(ip);
    const { challenge, attempt, number } = await pushSignIn(user, ip);

    clock().advance(2 * 60 * 1000);
    const state = await poll(attempt, challenge, ip);
    const late = await answer(device, attempt, { decision: 'approve', number });
    const listed = await api('GET', '/companion/attempts', { device });

    expect(state.body.data).toEqual({ state: 'expired' });
    expect(late.status).toBe(410);
    expect(late.body.error.details.code).toBe('ATTEMPT_EXPIRED');
    expect(listed.body.data).toEqual([]);
  });

  it('refuses push bombing: one waiting attempt, at most three in ten minutes', async () => {
    const ip = freshIp();
    const { user, device } = await userWithPhone(ip);
    const { challenge, attempt } = await pushSignIn(user, ip);

    const whileWaiting = await api('POST', '/sign-in/push', { ip, body: { challenge } });
    await answer(device, attempt, { decision: 'deny' });
    for (let more = 0; more < 2; more += 1) {
      const next = await api('POST', '/sign-in/push', { ip, body: { challenge } });
      await answer(device, next.body.data.attempt, { decision: 'deny' });
    }
    const fourth = await api('POST', '/sign-in/push', { ip, body: { challenge } });
    clock().advance(10 * 60 * 1000);
    const { challenge: fresh } = await challengeFor(user, ip);
    const later = await api('POST', '/sign-in/push', { ip, body: { challenge: fresh } });

    expect(whileWaiting.status).toBe(429);
    expect(whileWaiting.body.error.details).toMatchObject({ code: 'THROTTLED' });
    expect(whileWaiting.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(120);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.details.code).toBe('THROTTLED');
    expect(later.status).toBe(200);
  });

  it('starts one attempt when a sign-in page asks several times at once', async () => {
    const ip = freshIp();
    const { user } = await userWithPhone(ip);
    const { challenge } = await challengeFor(user, ip);

    const answers = await Promise.all(
      [1, 2, 3].map(() => api('POST', '/sign-in/push', { ip, body: { challenge } })),
    );

    expect(answers.map((one) => one.status).sort()).toEqual([200, 429, 429]);
  });

  it('hands out the session once when the sign-in page polls twice at once', async () => {
    const ip = freshIp();
    const { user, device } = await userWithPhone(ip);
    const { challenge, attempt, number } = await pushSignIn(user, ip);
    await answer(device, attempt, { decision: 'approve', number });

    const polls = await Promise.all([1, 2].map(() => poll(attempt, challenge, ip)));

    expect(polls.map((one) => one.status)).toEqual([200, 200]);
    expect(polls.filter((one) => one.body.data.jwt)).toHaveLength(1);
  });

  it('takes the challenge from a header, which keeps it out of request logs', async () => {
    const ip = freshIp();
    const { user } = await userWithPhone(ip);
    const { challenge, attempt } = await pushSignIn(user, ip);

    const response = await fetch(`${cmsUrl()}/api/accounts/sign-in/push/${attempt}`, {
      headers: {
        'x-desk-portal-key': portalKey,
        'x-desk-client-ip': ip,
        'x-desk-challenge': challenge,
      },
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { state: 'pending' } });
  });

  it("keeps another user's companion from seeing or answering the attempt", async () => {
    const ip = freshIp();
    const { user } = await userWithPhone(ip);
    const stranger = await userWithPhone(freshIp());
    const { attempt, number } = await pushSignIn(user, ip);

    const listed = await api('GET', '/companion/attempts', { device: stranger.device });
    const answered = await answer(stranger.device, attempt, { decision: 'approve', number });
    const auto = await api('POST', `/companion/attempts/${attempt}/auto`, {
      device: stranger.device,
      body: { position: DOM },
    });

    expect(listed.body.data).toEqual([]);
    expect(answered.status).toBe(404);
    expect(auto.status).toBe(404);
  });

  it('refuses polling with another sign-in challenge', async () => {
    const ip = freshIp();
    const { user } = await userWithPhone(ip);
    const { attempt } = await pushSignIn(user, ip);
    const other = await userWithPhone(ip);
    const { challenge: foreign } = await challengeFor(other.user, ip);

    const peek = await poll(attempt, foreign, ip);

    expect(peek.status).toBe(404);
  });

  it('never lets an authenticator-app user skip the second step', async () => {
    const ip = freshIp();
    const user = await signedInUser(ip);
    await strapi.db.query('plugin::accounts.factor' as any).create({
      data: { user: user.user.id, kind: 'totp', secretEncrypted: 'v1.not.used.here', label: 'App' },
    });
    const { challenge, factors } = await challengeFor(user, ip);

    const push = await api('POST', '/sign-in/push', { ip, body: { challenge } });

    expect(factors).toEqual(['totp']);
    expect(push.status).toBe(400);
    expect(push.body.error.details.code).toBe('NO_PUSH_FACTOR');
  });
});

describe('always approve from this location', () => {
  /** Approves one sign-in by number and asks to remember the phone's position. */
  async function approveAndRemember(user: any, device: string, ip: string, position: object) {
    const { challenge, attempt, number } = await pushSignIn(user, ip);
    const approved = await answer(device, attempt, {
      decision: 'approve',
      number,
      position,
      alwaysHere: true,
    });
    await poll(attempt, challenge, ip);
    return approved;
  }

  function auto(device: string, attempt: string, position: object) {
    return api('POST', `/companion/attempts/${attempt}/auto`, { device, body: { position } });
  }

  it('approves by itself inside the remembered area and not outside it', async () => {
    const ip = freshIp();
    const { user, device } = await userWithPhone(ip);
    const remembered = await approveAndRemember(user, device, ip, DOM);

    const inside = await pushSignIn(user, ip);
    const nearby = await auto(device, inside.attempt, NEAR_DOM);
    const signedIn = await poll(inside.attempt, inside.challenge, ip);
    const outside = await pushSignIn(user, ip);
    const far = await auto(device, outside.attempt, AMERSFOORT);

    expect(remembered.body.data).toEqual({ state: 'approved', areaRemembered: true });
    expect(nearby.body.data).toEqual({ state: 'approved' });
    expect(signedIn.body.data.jwt).toEqual(expect.any(String));
    expect(far.status).toBe(403);
    expect(far.body.error.details.code).toBe('NOT_IN_APPROVED_AREA');
    expect((await poll(outside.attempt, outside.challenge, ip)).body.data.state).toBe('pending');
  });

  it('refuses to remember a position rougher than one kilometre', async () => {
    const ip = freshIp();
    const { user, device } = await userWithPhone(ip);
    const { attempt, number } = await pushSignIn(user, ip);

    const rough = await answer(device, attempt, {
      decision: 'approve',
      number,
      position: { ...DOM, accuracy: 5000 },
      alwaysHere: true,
    });

    expect(rough.status).toBe(400);
    expect(rough.body.error.details.fields.position).toBeTruthy();
  });

  it("stops approving by location once the user's client turns it off", async () => {
    const ip = freshIp();
    const client = await createClient(strapi, { allowLocationApproval: true });
    const { user, device } = await userWithPhone(ip, { userKind: 'client_user', client });
    await approveAndRemember(user, device, ip, DOM);

    await asDesk(() =>
      strapi.documents('plugin::organisations.client' as any).update({
        documentId: client.documentId,
        data: { allowLocationApproval: false },
      }),
    );
    const next = await pushSignIn(user, ip);
    const refused = await auto(device, next.attempt, DOM);
    const byNumber = await answer(device, next.attempt, {
      decision: 'approve',
      number: next.number,
      position: DOM,
      alwaysHere: true,
    });

    expect(refused.status).toBe(403);
    expect(refused.body.error.details.code).toBe('LOCATION_APPROVAL_OFF');
    expect(byNumber.body.data).toEqual({ state: 'approved', areaRemembered: false });
  });

  it('refuses approval by location on the portal of a client that turned it off', async () => {
    const ip = freshIp();
    const strict = await createClient(strapi, { allowLocationApproval: false });
    const { user, device } = await userWithPhone(ip);
    await approveAndRemember(user, device, ip, DOM);

    const onStrictPortal = await pushSignIn(user, ip, strict.slug);
    const refused = await auto(device, onStrictPortal.attempt, DOM);

    expect(refused.status).toBe(403);
    expect(refused.body.error.details.code).toBe('LOCATION_APPROVAL_OFF');
  });
});
