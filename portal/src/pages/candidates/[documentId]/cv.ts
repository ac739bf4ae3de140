import type { APIRoute } from 'astro';

import { documentIdOf } from '../../../lib/market-actions';
import { getServices } from '../../../lib/services';

export const prerender = false;

/** A CV of the supplier's own pool, passed on from the cms, which checks who may read it. */
export const GET: APIRoute = async (context) => {
  const documentId = documentIdOf(context.params.documentId);
  if (!documentId) return new Response(null, { status: 404 });

  const answer = await getServices().market.download(`/candidates/${documentId}/cv`, {
    token: context.locals.token,
    visitor: context.locals.visitor,
  });
  if (!answer.ok) return new Response(null, { status: answer.status === 403 ? 403 : 404 });

  const file = answer.data;
  const headers = new Headers({
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  for (const name of ['content-type', 'content-length', 'content-disposition']) {
    const value = file.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(file.body, { status: 200, headers });
};
