/**
 * The companion's endpoints on the portal. Its browser code calls these, never the cms: the
 * cms's address stays on the server, and each call is forwarded with the device's own token
 * (a header from the phone's storage, not the user's session).
 */
import type { APIContext, APIRoute } from 'astro';

import { getServices } from '../../../lib/services';

export const prerender = false;

/** Companion bodies are a decision and a position: anything larger is not from the companion. */
const MAX_BODY_BYTES = 2_048;

const ATTEMPT = /^attempts\/([A-Za-z0-9_-]{1,80})$/;
const AUTO = /^attempts\/([A-Za-z0-9_-]{1,80})\/auto$/;

/** Which portal path goes to which cms path, and which body fields pass through. */
function route(method: string, path: string): { cmsPath: string; fields: string[] } | null {
  if (method === 'POST' && path === 'devices') return { cmsPath: '/companion/devices', fields: [] };
  if (method === 'GET' && path === 'devices/me') {
    return { cmsPath: '/companion/devices/me', fields: [] };
  }
  if (method === 'GET' && path === 'attempts')
    return { cmsPath: '/companion/attempts', fields: [] };

  const auto = AUTO.exec(path);
  if (method === 'POST' && auto) {
    return { cmsPath: `/companion/attempts/${auto[1]}/auto`, fields: ['position'] };
  }
  const attempt = ATTEMPT.exec(path);
  if (method === 'POST' && attempt) {
    return {
      cmsPath: `/companion/attempts/${attempt[1]}`,
      fields: ['decision', 'number', 'position', 'alwaysHere'],
    };
  }
  return null;
}

const forward: APIRoute = async (context: APIContext) => {
  const target = route(context.request.method, context.params.path ?? '');
  if (!target) return json({ error: { message: 'Not found', code: 'NOT_FOUND' } }, 404);

  const body =
    target.fields.length > 0 ? await readBody(context.request, target.fields) : undefined;
  if (body === null) return json({ error: { message: 'Bad request', code: 'INPUT_INVALID' } }, 400);

  const answer = await getServices().accounts.call(context.request.method, target.cmsPath, {
    body,
    device: context.request.headers.get('x-desk-device'),
    visitor: context.locals.visitor,
  });
  if (answer.ok) return json({ data: answer.data }, answer.status);

  const { code, message, fields } = answer.problem;
  return json({ error: { code, message, fields } }, answer.status);
};

export const GET = forward;
export const POST = forward;

/** The JSON body with only the allowed fields; null when it is too large or not JSON. */
async function readBody(
  request: Request,
  fields: string[],
): Promise<Record<string, unknown> | null> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return null;
  try {
    const parsed = JSON.parse(text || '{}') as Record<string, unknown>;
    return Object.fromEntries(
      fields.filter((name) => name in parsed).map((name) => [name, parsed[name]]),
    );
  } catch {
    return null;
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
