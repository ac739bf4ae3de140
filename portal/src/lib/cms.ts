/**
 * Typed calls from the portal's server to the CMS's public endpoints.
 *
 * Every call has a timeout, so a hanging CMS costs a visitor seconds, not a minute. Answers are
 * checked field by field: what the portal renders, and especially what lands in a style
 * attribute or an image address, must have the expected form.
 */

/** A client as the public portal may show it: branding and support contact, nothing else. */
export interface PublicClient {
  name: string;
  slug: string;
  /** Lower-case host names that show this client's portal. */
  hostNames: string[];
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  supportEmail: string | null;
  supportPhone: string | null;
  supportHours: string | null;
}

/** A published request (SRQ) as the public may see it. */
export interface PublicRequest {
  number: string;
  title: string;
  segment: string | null;
  /** ISO date-time, or null when the CMS sent none or an unreadable one. */
  closesAt: string | null;
  location: string | null;
}

/** An awarded request as the client's public awards page shows it. */
export interface PublicAward {
  number: string;
  title: string;
  client: string;
  supplier: string | null;
  awardedAt: string | null;
  /** Only where the client publishes awarded rates. */
  rateCents: number | null;
}

/** A mail kept by the CMS's outbox in the development inbox. */
export interface DevInboxMail {
  id: string;
  documentId: string | null;
  to: string;
  subject: string;
  template: string | null;
  locale: string | null;
  status: string | null;
  createdAt: string | null;
  html: string | null;
  text: string | null;
}

export type CmsErrorCode = 'cms_unavailable' | 'cms_bad_response';

/** A failed CMS call; `cms_unavailable` means the CMS is down, slow or failing (503). */
export class CmsError extends Error {
  constructor(
    readonly code: CmsErrorCode,
    message: string,
    readonly path: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'CmsError';
  }
}

/** True for errors that mean "try again later" rather than a bug in portal or CMS. */
export function isCmsUnavailable(error: unknown): boolean {
  return error instanceof CmsError && error.code === 'cms_unavailable';
}

export interface CmsClientOptions {
  /** The CMS's base URL as the portal's server reaches it, without a trailing slash. */
  baseUrl: string;
  timeoutMs?: number;
}

export interface CmsClient {
  listClients(): Promise<PublicClient[]>;
  /** The client's published requests, or null when the CMS knows no client with that slug. */
  listPublishedRequests(slug: string): Promise<PublicRequest[] | null>;
  /** The client's awards, or null when the CMS knows no client with that slug. */
  listAwards(slug: string): Promise<PublicAward[] | null>;
  /** Mails in the development inbox, newest first, or null when the CMS has no inbox. */
  listDevInbox(): Promise<DevInboxMail[] | null>;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const COLOUR = /^#[0-9a-f]{6}$/i;

/** The CMS's fallback colours, used when a client's stored colour is not `#rrggbb`. */
const FALLBACK_PRIMARY = '#1f3a5f';
const FALLBACK_ACCENT = '#f2a900';

export function createCmsClient({ baseUrl, timeoutMs = DEFAULT_TIMEOUT_MS }: CmsClientOptions) {
  const root = baseUrl.replace(/\/+$/, '');

  /** GETs a JSON answer's `data` list; null when the CMS answers 404. */
  async function getList(path: string): Promise<unknown[] | null> {
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : 'is unreachable';
      throw new CmsError('cms_unavailable', `The CMS ${reason} (GET ${path}).`, path);
    }

    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      const code = response.status >= 500 ? 'cms_unavailable' : 'cms_bad_response';
      throw new CmsError(
        code,
        `The CMS answered ${response.status} (GET ${path}).`,
        path,
        response.status,
      );
    }

    const body = (await response.json().catch(() => null)) as { data?: unknown } | null;
    if (!body || !Array.isArray(body.data)) {
      throw new CmsError('cms_bad_response', `The CMS sent no data list (GET ${path}).`, path);
    }
    return body.data;
  }

  return {
    async listClients() {
      const path = '/api/organisations/public/clients';
      const list = await getList(path);
      if (list === null) {
        throw new CmsError('cms_bad_response', `No client list at ${path}.`, path, 404);
      }
      return list.map(parseClient).filter((client) => client !== null);
    },

    async listPublishedRequests(slug) {
      const path = `/api/requests/public/clients/${encodeURIComponent(slug)}/requests`;
      const list = await getList(path);
      return list && list.map(parseRequest).filter((request) => request !== null);
    },

    async listAwards(slug) {
      const path = `/api/requests/public/clients/${encodeURIComponent(slug)}/awards`;
      const list = await getList(path);
      return list && list.map(parseAward).filter((award) => award !== null);
    },

    async listDevInbox() {
      const list = await getList('/api/outbox/dev-inbox');
      return list && list.map(parseMail).filter((mail) => mail !== null);
    },
  } satisfies CmsClient;
}

function parseClient(raw: unknown): PublicClient | null {
  const item = asRecord(raw);
  const name = text(item.name);
  const slug = text(item.slug);
  if (!name || !slug) return null;

  const hostNames = Array.isArray(item.hostNames) ? item.hostNames : [];
  return {
    name,
    slug,
    hostNames: hostNames
      .map((hostName) => text(hostName)?.toLowerCase().replace(/\.$/, ''))
      .filter((hostName): hostName is string => Boolean(hostName)),
    logoUrl: webUrl(item.logoUrl),
    primaryColor: colour(item.primaryColor) ?? FALLBACK_PRIMARY,
    accentColor: colour(item.accentColor) ?? FALLBACK_ACCENT,
    supportEmail: text(item.supportEmail),
    supportPhone: text(item.supportPhone),
    supportHours: text(item.supportHours),
  };
}

function parseRequest(raw: unknown): PublicRequest | null {
  const item = asRecord(raw);
  const number = text(item.number);
  const title = text(item.title);
  if (!number || !title) return null;

  const closesAt = text(item.closesAt);
  return {
    number,
    title,
    segment: text(item.segment),
    closesAt: closesAt && !Number.isNaN(Date.parse(closesAt)) ? closesAt : null,
    location: text(item.location),
  };
}

function parseAward(raw: unknown): PublicAward | null {
  const item = asRecord(raw);
  const number = text(item.number);
  const title = text(item.title);
  if (!number || !title) return null;

  const awardedAt = text(item.awardedAt);
  return {
    number,
    title,
    client: text(item.client) ?? '',
    supplier: text(item.supplier),
    awardedAt: awardedAt && !Number.isNaN(Date.parse(awardedAt)) ? awardedAt : null,
    rateCents: Number.isSafeInteger(item.rateCents) ? (item.rateCents as number) : null,
  };
}

function parseMail(raw: unknown): DevInboxMail | null {
  const item = asRecord(raw);
  const id = typeof item.id === 'number' ? String(item.id) : text(item.id);
  if (!id) return null;

  return {
    id,
    documentId: text(item.documentId),
    to: text(item.to) ?? '',
    subject: text(item.subject) ?? '',
    template: text(item.template),
    locale: text(item.locale),
    status: text(item.status),
    createdAt: text(item.createdAt),
    html: typeof item.html === 'string' ? item.html : null,
    text: typeof item.text === 'string' ? item.text : null,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Only `#rrggbb`: the colour goes into a style attribute, where anything else could inject CSS. */
function colour(value: unknown): string | null {
  return typeof value === 'string' && COLOUR.test(value) ? value.toLowerCase() : null;
}

/** Only http(s) addresses may become an image source. */
function webUrl(value: unknown): string | null {
  const candidate = text(value);
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
