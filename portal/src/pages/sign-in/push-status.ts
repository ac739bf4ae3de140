/**
 * Polled by the sign-in page while a push waits on the phone. Once the phone approves, the cms
 * hands over the token here, on the server, and the session is signed in; the browser only
 * learns where to go next.
 */
import type { APIRoute } from 'astro';

import { getServices } from '../../lib/services';
import { completeSignIn } from '../../lib/sign-in';

export const prerender = false;

type PushState = { state: 'pending' | 'approved' | 'denied' | 'expired'; jwt?: string };

export const GET: APIRoute = async (context) => {
  const pending = await context.session?.get('signIn');
  if (!pending?.push) return json({ state: 'none' });

  const { attempt } = pending.push;
  const query = new URLSearchParams({ challenge: pending.challenge });
  const answer = await getServices().accounts.call<PushState>(
    'GET',
    `/sign-in/push/${encodeURIComponent(attempt)}?${query}`,
    { visitor: context.locals.visitor },
  );
  if (!answer.ok) return json({ state: 'expired' });

  const { state, jwt } = answer.data;
  if (state === 'approved' && jwt) {
    return json({ state, next: await completeSignIn(context, jwt, pending.next) });
  }
  return json({ state: ['pending', 'denied', 'expired'].includes(state) ? state : 'expired' });
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
