import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export const PORTAL_ENTRY = join(__dirname, '..', '..', 'portal', 'dist', 'server', 'entry.mjs');

const START_TIMEOUT_MS = 20_000;
const running = new Set<ChildProcess>();

// A portal must not outlive the test run, whatever way the run ends.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface StartedPortal {
  /** The portal's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** What the portal wrote to stdout and stderr so far, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartPortalOptions {
  cmsUrl: string;
  /** Extra environment, for example NODE_ENV=production with its required settings. */
  env?: Record<string, string>;
}

/**
 * Starts the built portal (`npm run build -w @desk/portal` first) as a child process on a free
 * port and resolves once it answers HTTP.
 */
export async function startPortal({
  cmsUrl,
  env = {},
}: StartPortalOptions): Promise<StartedPortal> {
  if (!existsSync(PORTAL_ENTRY)) {
    throw new Error(
      `The portal is not built (${PORTAL_ENTRY}); run npm run build -w @desk/portal.`,
    );
  }
  const port = await freePort();
  const child = spawn(process.execPath, [PORTAL_ENTRY], {
    env: {
      ...process.env,
      CMS_URL: cmsUrl,
      PORTAL_HOST: '127.0.0.1',
      PORTAL_PORT: String(port),
      // The standalone server reads its address from HOST and PORT at run time.
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);

  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  try {
    await waitUntilAnswering(port, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nPortal output:\n${output}`);
  }
  return { url, port, output: () => output, stop };
}

/** A port nobody listens on right now. */
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

async function waitUntilAnswering(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The portal exited with code ${child.exitCode}.`);
    if (await answers(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The portal did not answer within ${START_TIMEOUT_MS} ms.`);
}

/** True once the server answers with any status; a static path spares the CMS a call. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(
      { host: '127.0.0.1', port, path: '/favicon.svg', method: 'HEAD', timeout: 2_000 },
      (response) => {
        response.resume();
        resolve(true);
      },
    );
    probe.once('error', () => resolve(false));
    probe.once('timeout', () => probe.destroy());
    probe.end();
  });
}

export interface PortalResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * GETs a portal path with a chosen Host header. Uses node:http because fetch treats Host as a
 * forbidden header and sends the URL's host instead.
 */
export function getWithHost(
  portalUrl: string,
  path: string,
  host: string,
): Promise<PortalResponse> {
  const { hostname, port } = new URL(portalUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, path, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

export interface VisitorResponse {
  status: number;
  location: string | null;
  setCookies: string[];
  body: string;
}

export interface FormOptions {
  /** Leaves out the CSRF field taken from the last page. */
  withoutCsrf?: boolean;
  /** The Origin header to send; the portal's own by default, null for none. */
  origin?: string | null;
}

/** A cookie attribute that removes the cookie: Max-Age=0 or an Expires in the past. */
function isExpiry(attribute: string): boolean {
  const [name, value = ''] = attribute.trim().split('=');
  if (/^max-age$/i.test(name)) return Number(value) <= 0;
  return /^expires$/i.test(name) && Date.parse(value) < Date.now();
}

/**
 * A browser in miniature for the portal: a cookie jar, the CSRF token of the last page, and
 * form posts with the portal's own Origin unless told otherwise. Redirects are not followed.
 */
export function portalVisitor(portalUrl: string, userAgent = 'portal-session-test') {
  const jar = new Map<string, string>();
  let lastCsrf: string | null = null;

  async function send(path: string, init: RequestInit): Promise<VisitorResponse> {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${portalUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { 'user-agent': userAgent, ...(cookie ? { cookie } : {}), ...init.headers },
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = !value || attributes.some((attribute) => isExpiry(attribute));
      if (expired) jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    const body = await response.text();
    lastCsrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? lastCsrf;
    return {
      status: response.status,
      location: response.headers.get('location'),
      setCookies,
      body,
    };
  }

  return {
    cookies: jar,
    /** Posts a multipart form (a file upload), with the CSRF token of the last page. */
    upload(path: string, form: FormData) {
      if (lastCsrf && !form.has('_csrf')) form.set('_csrf', lastCsrf);
      return send(path, { method: 'POST', body: form, headers: { origin: portalUrl } });
    },
    csrf: () => lastCsrf,
    get: (path: string) => send(path, { method: 'GET' }),

    /** Posts a form, with the CSRF token of the last page unless told not to. */
    post(path: string, fields: Record<string, string> | string[][], options: FormOptions = {}) {
      const form = new URLSearchParams(fields);
      if (!options.withoutCsrf && lastCsrf) form.set('_csrf', lastCsrf);
      const origin = options.origin === undefined ? portalUrl : options.origin;
      return send(path, {
        method: 'POST',
        body: form.toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(origin ? { origin } : {}),
        },
      });
    },
  };
}
