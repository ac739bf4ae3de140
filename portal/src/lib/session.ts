/**
 * What the portal keeps in a visitor's session, and the rules around it: the cms token of a
 * signed-in user, the CSRF token, the last activity, and one-shot messages for the next page.
 *
 * The session cookie holds only a random id; everything else stays in the session store.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

import type { APIContext, AstroCookieSetOptions } from 'astro';

/** The session cookie's name; astro.config.mjs gives Astro the same. */
export const SESSION_COOKIE = 'desk_session';

/** The hidden form field that carries the CSRF token. */
export const CSRF_FIELD = '_csrf';

/** Last activity is written at most this often, sparing the store a write per request. */
const TOUCH_INTERVAL_MS = 30_000;

export type SessionContext = Pick<APIContext, 'session' | 'cookies'>;

/** The signed-in user as the header shows them; the rest is fetched from the cms when needed. */
export interface SessionUser {
  firstName: string;
  lastName: string;
  email: string;
  /**
   * What kind of user, and their roles, as at sign-in: they choose the tabs the header shows.
   * The cms checks both again on every call, so a role taken away meanwhile only leaves a tab.
   */
  kind?: 'supplier_user' | 'worker' | 'client_user' | null;
  roles?: Record<string, boolean>;
  /** The client a client user works for: their signed-in pages wear its look on any host. */
  clientSlug?: string | null;
}

/**
 * Whether the signed-in user works for a supplier: Requests, Candidates, Proposals and My
 * Settings are theirs. A session begun before kinds were kept counts as a supplier user's.
 */
export function isSupplierUser(user: SessionUser | null | undefined): boolean {
  return !!user && (user.kind ?? 'supplier_user') === 'supplier_user';
}

export interface SessionAuth {
  token: string;
  user: SessionUser;
  /** Milliseconds since the epoch, by the session clock. */
  lastActivityAt: number;
}

/** The result of a form POST, shown once by the page the visitor is redirected to. */
export interface Flash {
  form?: string;
  message?: string;
  notice?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
}

/** The CSRF token of this session, created on first use. */
export async function ensureCsrf(session: APIContext['session']): Promise<string> {
  const existing = await session?.get('csrf');
  if (existing) return existing;

  const token = randomBytes(32).toString('base64url');
  session?.set('csrf', token);
  return token;
}

/** Whether `submitted` is this session's CSRF token, compared in constant time. */
export async function csrfMatches(
  session: APIContext['session'],
  submitted: string | null,
): Promise<boolean> {
  const expected = await session?.get('csrf');
  if (!expected || !submitted) return false;

  const [a, b] = [Buffer.from(expected), Buffer.from(submitted)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Starts a signed-in session under a new id (no fixation of an id chosen before sign-in) with a
 * new CSRF token, and forgets every step of the sign-in.
 */
export async function beginSignedIn(
  { session }: SessionContext,
  token: string,
  user: SessionUser,
  now: number,
): Promise<void> {
  if (!session) throw new Error('Sessions are not configured.');
  await session.regenerate();
  session.delete('signIn');
  session.set('csrf', randomBytes(32).toString('base64url'));
  session.set('auth', { token, user, lastActivityAt: now });
}

/** Forgets the session in the store and in the browser. */
export function endSession({ session }: SessionContext): void {
  session?.destroy();
}

export type IdleCheck =
  | { state: 'anonymous' }
  | { state: 'expired' }
  | { state: 'active'; auth: SessionAuth };

/**
 * Enforces the idle limit on the server: a session unused longer than `idleMs` is over, else
 * this request counts as activity.
 */
export async function checkIdle(
  { session }: SessionContext,
  now: number,
  idleMs: number,
): Promise<IdleCheck> {
  const auth = await session?.get('auth');
  if (!auth) return { state: 'anonymous' };
  if (now - auth.lastActivityAt > idleMs) return { state: 'expired' };

  if (now - auth.lastActivityAt >= TOUCH_INTERVAL_MS) {
    session?.set('auth', { ...auth, lastActivityAt: now });
  }
  return { state: 'active', auth };
}

/**
 * Sends the session cookie again with the flags this deployment needs. Astro's cookie settings
 * are fixed at build time, but whether the public address is https is known only at run time.
 */
export function applyCookiePolicy({ session, cookies }: SessionContext, secure: boolean): void {
  const id = session?.sessionID;
  if (!id) return;

  const options: AstroCookieSetOptions = { httpOnly: true, sameSite: 'lax', secure, path: '/' };
  cookies.set(SESSION_COOKIE, id, options);
}

/** Keeps a one-shot message for the next page. */
export function setFlash({ session }: SessionContext, flash: Flash): void {
  session?.set('flash', flash);
}

/** The one-shot message, removed as it is read. */
export async function takeFlash({ session }: SessionContext): Promise<Flash> {
  const flash = await session?.get('flash');
  if (flash) session?.delete('flash');
  return flash ?? {};
}
