import type { APIRoute } from 'astro';

import { getServices } from '../../lib/services';

export const prerender = false;

/**
 * The candidate form's script sends the chosen CV here (with the CSRF header) to prefill the
 * fields; the cms reads the text and forgets the file. Nothing is stored.
 */
export const POST: APIRoute = async (context) => {
  const incoming = await context.request.formData().catch(() => null);
  const cv = incoming?.get('cv');
  if (!(cv instanceof File) || cv.size === 0) {
    return Response.json({ error: 'Kies een cv. / Choose a CV.' }, { status: 400 });
  }
  const form = new FormData();
  form.set('cv', cv, cv.name);

  const answer = await getServices().market.call('POST', '/candidates/cv-preview', {
    token: context.locals.token,
    visitor: context.locals.visitor,
    form,
  });
  if (!answer.ok)
    return Response.json({ error: answer.problem.message }, { status: answer.status });
  return Response.json({ data: answer.data }, { headers: { 'cache-control': 'no-store' } });
};
