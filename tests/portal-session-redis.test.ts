import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPortalUser, createSupplier, type PortalUser } from './helpers/factories';
import { startPortal, type StartedPortal } from './helpers/portal';
import { cmsUrl, getStrapi } from './helpers/strapi';

/* Several portal nodes behind a load balancer share sessions through Redis: a session begun on
   one node is known to the other, and ended on one it is ended on both. */

const REDIS_SERVER = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server';

function redisAvailable(): boolean {
  try {
    accessSync(REDIS_SERVER, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Sends a request with the given cookie and returns status, location and new cookies. */
async function visit(url: string, cookie: string, init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { cookie, ...init.headers },
  });
  const body = await response.text();
  return {
    status: response.status,
    location: response.headers.get('location'),
    cookie: /desk_session=([0-9a-f-]{36})/.exec(response.headers.getSetCookie().join(';'))?.[1],
    csrf: /name="_csrf" value="([^"]+)"/.exec(body)?.[1],
  };
}

describe.skipIf(!redisAvailable())('portal sessions in Redis', () => {
  let redis: ChildProcess;
  let redisDir: string;
  let first: StartedPortal;
  let second: StartedPortal;
  let person: PortalUser;
  let redisUrl: string;

  beforeAll(async () => {
    const strapi = await getStrapi();
    person = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier: await createSupplier(strapi),
    });

    const port = await freePort();
    redisDir = mkdtempSync(join(tmpdir(), 'desk-redis-'));
    redis = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', redisDir],
      { stdio: 'ignore' },
    );
    redisUrl = `redis://127.0.0.1:${port}`;
    const env = { REDIS_URL: redisUrl };
    first = await startPortal({ cmsUrl: cmsUrl(), env });
    second = await startPortal({ cmsUrl: cmsUrl(), env });
  });

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    redis?.kill('SIGTERM');
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('knows on one node a session begun on another, and ends it on both', async () => {
    const form = await visit(`${first.url}/sign-in`, '');
    const signIn = await visit(`${first.url}/sign-in`, `desk_session=${form.cookie}`, {
      method: 'POST',
      body: new URLSearchParams({
        step: 'password',
        email: person.email,
        password: person.password,
        _csrf: form.csrf!,
      }),
      headers: { origin: first.url, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(signIn.location).toBe('/account');
    const cookie = `desk_session=${signIn.cookie}`;

    // The session lives in Redis, not in a file both nodes happen to share on this machine.
    const client = new Redis(redisUrl);
    try {
      const keys = await client.keys('*');
      expect(keys.some((key) => key.endsWith(signIn.cookie!))).toBe(true);
      expect(await client.ttl(keys.find((key) => key.endsWith(signIn.cookie!))!)).toBeGreaterThan(
        0,
      );
    } finally {
      client.disconnect();
    }

    const elsewhere = await visit(`${second.url}/account`, cookie);
    expect(elsewhere.status).toBe(200);

    const signOut = await visit(`${second.url}/sign-out`, cookie, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: elsewhere.csrf! }),
      headers: { origin: second.url, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(signOut.location).toBe('/sign-in?done=signed-out');
    expect((await visit(`${first.url}/account`, cookie)).status).toBe(303);
  });
});
