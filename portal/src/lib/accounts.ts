/**
 * The portal's server-side calls to the cms's accounts API (plugins/accounts/API.md).
 *
 * Answers come back as a result, not a throw, because a refused form is ordinary: the page shows
 * the cms's message and field errors. Two cases do throw: an outage (CmsError, answered 503 by
 * the middleware) and a user token the cms no longer accepts (SessionExpiredError, answered by
 * signing the visitor out).
 */
import { CmsError } from './cms';

/** Who is behind a request, forwarded so the cms throttles and records the real visitor. */
export interface Visitor {
  ip: string | null;
  userAgent: string | null;
  /** The slug of the branded client's portal, or null on the neutral portal. */
  clientSlug: string | null;
}

/** A refusal as the cms words it: a stable code, a sentence for the user, wrong fields. */
export interface Problem {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
  retryAfterSeconds: number | null;
}

export type Result<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; problem: Problem };

/** The cms refused the signed-in user's token (idle, signed out elsewhere, password changed). */
export class SessionExpiredError extends Error {
  constructor(readonly path: string) {
    super(`The cms no longer accepts this session (${path}).`);
    this.name = 'SessionExpiredError';
  }
}

export interface CallOptions {
  /** The signed-in user's cms token, kept in the portal's session store. */
  token?: string | null;
  body?: unknown;
  visitor?: Visitor | null;
  /** A companion's device token (`x-desk-device`). */
  device?: string | null;
}

export interface AccountsClient {
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<Result<T>>;
}

export interface AccountsClientOptions {
  baseUrl: string;
  /** Proves to the cms that the forwarded visitor headers come from the portal. */
  portalKey: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const PREFIX = '/api/accounts';

/** A client for `/api/accounts/*`; `path` is relative to that prefix, e.g. `/sign-in`. */
export function createAccountsClient({
  baseUrl,
  portalKey,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: AccountsClientOptions): AccountsClient {
  const root = `${baseUrl.replace(/\/+$/, '')}${PREFIX}`;

  return {
    async call<T>(method: string, path: string, options: CallOptions = {}) {
      const fullPath = `${PREFIX}${path}`;
      let response: Response;
      try {
        response = await fetch(`${root}${path}`, {
          method,
          headers: headersFor(options, portalKey),
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : 'is unreachable';
        throw new CmsError(
          'cms_unavailable',
          `The CMS ${reason} (${method} ${fullPath}).`,
          fullPath,
        );
      }

      if (response.status >= 500) {
        await response.body?.cancel();
        throw new CmsError(
          'cms_unavailable',
          `The CMS answered ${response.status} (${method} ${fullPath}).`,
          fullPath,
          response.status,
        );
      }

      const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
      if (response.status === 401 && options.token) throw new SessionExpiredError(fullPath);
      if (response.ok) return { ok: true, status: response.status, data: dataOf(body) as T };
      return { ok: false, status: response.status, problem: problemOf(response.status, body) };
    },
  };
}

function headersFor({ token, body, visitor, device }: CallOptions, portalKey: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (device) headers['x-desk-device'] = device;
  if (visitor) {
    headers['x-desk-portal-key'] = portalKey;
    if (visitor.ip) headers['x-desk-client-ip'] = visitor.ip;
    if (visitor.userAgent) headers['x-desk-user-agent'] = visitor.userAgent.slice(0, 300);
    if (visitor.clientSlug) headers['x-desk-client'] = visitor.clientSlug;
  }
  return headers;
}

/** Reads Strapi's error shape; anything unexpected becomes a general, still readable problem. */
function problemOf(status: number, body: Record<string, unknown> | null): Problem {
  const error = record(body?.error);
  const details = record(error.details);
  const fields = record(details.fields);
  const retry = Number(details.retryAfterSeconds);

  return {
    status,
    code: typeof details.code === 'string' ? details.code : `HTTP_${status}`,
    message:
      typeof error.message === 'string' && error.message.trim() !== ''
        ? error.message
        : 'Dat lukte niet. Probeer het opnieuw. / That did not work. Please try again.',
    fields: Object.fromEntries(
      Object.entries(fields).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    ),
    retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null,
  };
}

/** The answer's `data`; a few answers in the contract are bare objects, taken whole. */
function dataOf(body: Record<string, unknown> | null): unknown {
  if (body === null) return null;
  return 'data' in body ? body.data : body;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
