import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';

import { CMS_DIR, cmsUrl } from './helpers/strapi';
import type { SmtpSink } from './helpers/smtp-sink';
import { unique } from './helpers/factories';

/* Shared by the accounts-*.test.ts files: HTTP calls as the portal makes them, mail reading
   from the real SMTP sink, and authenticator codes computed like a phone would. */

export const PORTAL_KEY = 'development-portal-api-key';

/** The accounts plugin's library, the same instance Strapi loaded. */
export function accountsLib(): typeof import('../plugins/accounts/server/src/index') {
  return createRequire(join(CMS_DIR, 'package.json'))('@desk/plugin-accounts');
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** The visitor's address as the portal forwards it (with the portal key). */
  ip?: string;
  client?: string;
  headers?: Record<string, string>;
}

/** Calls the cms like the portal's server does: portal key, forwarded address, JSON. */
export async function api(method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = {
    'x-desk-portal-key': PORTAL_KEY,
    'x-desk-client-ip': options.ip ?? '203.0.113.10',
    'x-desk-user-agent': 'accounts-test',
    ...(options.client ? { 'x-desk-client': options.client } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(options.headers ?? {}),
  };
  const response = await fetch(`${cmsUrl()}/api${path}`, {
    method,
    headers,
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

/** A fresh address per test, so throttles and mails never mix between tests. */
export const freshEmail = (prefix = 'person') => `${prefix}-${unique()}@example.nl`;
export const freshIp = () =>
  `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** Sends the queued mail to the sink and returns what the address received. */
export async function mailsTo(strapi: Core.Strapi, sink: SmtpSink, address: string) {
  await strapi.plugin('outbox').service('outbox').processBatch();
  return sink.received.filter((mail) => mail.to.includes(address));
}

/** The text of a raw mail with quoted-printable soft breaks and escapes undone. */
export function plainText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** The token of the first link to a portal path in a mail. */
export function tokenFrom(raw: string, path: string): string {
  const match = plainText(raw).match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`No ${path} link in the mail.`);
  return match[1];
}

/** The authenticator code of the desk clock's now, as the user's phone would show it. */
export async function codeFor(secret: string, offsetSteps = 0): Promise<string> {
  const { clock } = createRequire(join(CMS_DIR, 'package.json'))('@desk/plugin-workflow');
  const epoch = Math.floor(clock.now().getTime() / 1000) + offsetSteps * 30;
  return accountsLib().totpCode(secret, epoch);
}
