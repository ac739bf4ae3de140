/**
 * The session rules every request passes before its page: the idle limit, signed-in-only
 * paths, and the CSRF and Origin checks of form posts.
 */
import type { APIContext } from 'astro';

import { getServices } from './services';
import {
  checkIdle,
  csrfMatches,
  CSRF_FIELD,
  endSession,
  ensureCsrf,
  SESSION_COOKIE,
} from './session';

/** Paths only a signed-in user may open. */
const SIGNED_IN_PREFIXES = [
  '/account',
  '/my-settings',
  '/requests',
  '/candidates',
  '/proposals',
  '/approvals',
];

/** Paths whose pages carry forms, so an anonymous visitor gets a session with a CSRF token. */
const FORM_PREFIXES = [
  '/register',
  '/verify-email',
  '/sign-in',
  '/forgot-password',
  '/reset-password',
  '/set-password',
];

/**
 * The companion's own endpoints: its browser code proves itself with the device token in a
 * header, never with a cookie, so a forged cross-site request has nothing to ride on.
 */
const DEVICE_PREFIX = '/companion/api/';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Where an ended session is sent; the sign-in page explains why. */
export const EXPIRED_PATH = '/sign-in?expired=1';

export type GuardOutcome =
  | { kind: 'pass' }
  | { kind: 'forbidden' }
  | { kind: 'redirect'; to: string };

/** Applies the session rules; fills `locals.user`, `locals.token` and `locals.csrf`. */
export async function guardRequest(context: APIContext): Promise<GuardOutcome> {
  const { cookies, locals, request, session, url } = context;
  const { settings, clock } = getServices();
  const path = url.pathname;
  const hasSession = cookies.has(SESSION_COOKIE);

  if (hasSession && !path.startsWith(DEVICE_PREFIX)) {
    const idle = await checkIdle(context, clock(), settings.portal.sessionIdleMinutes * 60_000);
    if (idle.state === 'expired') {
      endSession(context);
      return { kind: 'redirect', to: EXPIRED_PATH };
    }
    if (idle.state === 'active') {
      locals.user = idle.auth.user;
      locals.token = idle.auth.token;
    }
  }

  if (startsWithAny(path, SIGNED_IN_PREFIXES) && !locals.token) {
    return { kind: 'redirect', to: `/sign-in?next=${encodeURIComponent(path + url.search)}` };
  }

  if (UNSAFE_METHODS.has(request.method)) {
    if (!fromOwnOrigin(request, settings.portal.publicUrl)) return { kind: 'forbidden' };
    if (!path.startsWith(DEVICE_PREFIX)) {
      const submitted = await submittedCsrf(request);
      if (!(await csrfMatches(session, submitted))) return { kind: 'forbidden' };
    }
  }

  if (locals.token || startsWithAny(path, FORM_PREFIXES) || path === '/sign-out') {
    locals.csrf = await ensureCsrf(session);
  }
  return { kind: 'pass' };
}

/** True for paths whose answers must not be cached: anything tied to a session. */
export function isPrivatePath(path: string): boolean {
  return startsWithAny(path, [...SIGNED_IN_PREFIXES, ...FORM_PREFIXES, '/companion']);
}

/**
 * A form post must come from a page of this portal: its Origin (or, without one, its Referer)
 * is the public address or the host the browser asked for.
 */
export function fromOwnOrigin(request: Request, publicUrl: string): boolean {
  const claimed = request.headers.get('origin') ?? request.headers.get('referer');
  if (!claimed) return false;

  let origin: URL;
  try {
    origin = new URL(claimed);
  } catch {
    return false;
  }
  if (origin.origin === new URL(publicUrl).origin) return true;
  return origin.host === request.headers.get('host');
}

/** The token from the form field, or from a header for script posts. */
async function submittedCsrf(request: Request): Promise<string | null> {
  const header = request.headers.get('x-csrf-token');
  if (header) return header;

  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('form')) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const value = form?.get(CSRF_FIELD);
  return typeof value === 'string' ? value : null;
}

function startsWithAny(path: string, prefixes: string[]): boolean {
  return prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
