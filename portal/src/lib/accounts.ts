/**
 * The portal's server-side calls to the cms's APIs for signed-in work: accounts
 * (plugins/accounts/API.md), the market's requests, candidates and proposals, and workflow moves.
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
  | { ok: true; status: number; data: T; meta?: Record<string, unknown> }
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
  /** A multipart body (a CV with its fields); sent as the browser would, boundary and all. */
  form?: FormData;
  visitor?: Visitor | null;
  /** A companion's device token (`x-desk-device`). */
  device?: string | null;
}

export interface ApiClient {
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<Result<T>>;
  /**
   * A private file (a CV) as the cms sends it, for the portal to pass on unchanged; a refusal
   * comes back as a problem like any other answer.
   */
  download(path: string, options?: CallOptions): Promise<Result<Response>>;
}

export interface ApiClientOptions {
  baseUrl: string;
  /** Proves to the cms that the forwarded visitor headers come from the portal. */
  portalKey: string;
  timeoutMs?: number;
  /** The API the paths are relative to; `/api/accounts` unless said otherwise. */
  prefix?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const ACCOUNTS_PREFIX = '/api/accounts';

/**
 * A client for one of the cms's APIs, `/api/accounts/*` by default; `path` is relative to that
 * prefix, e.g. `/sign-in`.
 */
export function createApiClient({
  baseUrl,
  portalKey,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  prefix = ACCOUNTS_PREFIX,
}: ApiClientOptions): ApiClient {
  const root = `${baseUrl.replace(/\/+$/, '')}${prefix}`;

  async function send(method: string, path: string, options: CallOptions): Promise<Response> {
    const fullPath = `${prefix}${path}`;
    const json = options.body === undefined ? undefined : JSON.stringify(options.body);
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        method,
        headers: headersFor(options, portalKey),
        body: options.form ?? json,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : 'is unreachable';
      throw new CmsError('cms_unavailable', `The CMS ${reason} (${method} ${fullPath}).`, fullPath);
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
    if (response.status === 401 && options.token) {
      await response.body?.cancel();
      throw new SessionExpiredError(fullPath);
    }
    return response;
  }

  return {
    async download(path: string, options: CallOptions = {}) {
      const response = await send('GET', path, options);
      if (response.ok) return { ok: true, status: response.status, data: response };
      const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
      return { ok: false, status: response.status, problem: problemOf(response.status, body) };
    },

    async call<T>(method: string, path: string, options: CallOptions = {}) {
      const response = await send(method, path, options);

      const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
      if (response.ok) {
        const meta = record(body?.meta);
        return { ok: true, status: response.status, data: dataOf(body) as T, meta };
      }
      return { ok: false, status: response.status, problem: problemOf(response.status, body) };
    },
  };
}

function headersFor({ token, body, form, visitor, device }: CallOptions, portalKey: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
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
  const retry = Number(details.retryAfterSeconds);
  const message =
    typeof error.message === 'string' && error.message.trim() !== ''
      ? error.message
      : 'Dat lukte niet. Probeer het opnieuw. / That did not work. Please try again.';

  return {
    status,
    code: typeof details.code === 'string' ? details.code : `HTTP_${status}`,
    message,
    fields: fieldsOf(details, message),
    retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null,
  };
}

/**
 * The wrong fields, in any of the cms's three ways of naming them: a map `fields`, one `field`
 * that the message is about, or a list of `problems` each with its field and message.
 */
function fieldsOf(details: Record<string, unknown>, message: string): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof details.field === 'string') fields[details.field] = message;
  if (Array.isArray(details.problems)) {
    for (const problem of details.problems.map(record)) {
      if (typeof problem.field === 'string' && typeof problem.message === 'string') {
        fields[problem.field] = problem.message;
      }
    }
  }
  for (const [name, text] of Object.entries(record(details.fields))) {
    if (typeof text === 'string') fields[name] = text;
  }
  return fields;
}

/** The answer's `data`; a few answers in the contract are bare objects, taken whole. */
function dataOf(body: Record<string, unknown> | null): unknown {
  if (body === null) return null;
  return 'data' in body ? body.data : body;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
