/**
 * Signing out: the cms ends its session, the portal forgets its own. Only a POST with the CSRF
 * token (checked by the middleware) signs out, so a link on another site cannot.
 */
import type { APIRoute } from 'astro';

import { SessionExpiredError } from '../lib/accounts';
import { getServices } from '../lib/services';
import { endSession } from '../lib/session';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const { token } = context.locals;
  if (token) {
    try {
      await getServices().accounts.call('POST', '/sign-out', {
        token,
        visitor: context.locals.visitor,
      });
    } catch (error) {
      // A session the cms already ended is as signed out as it gets.
      if (!(error instanceof SessionExpiredError)) throw error;
    }
  }
  endSession(context);
  return context.redirect('/sign-in?done=signed-out', 303);
};

export const GET: APIRoute = (context) =>
  context.redirect(context.locals.user ? '/account' : '/sign-in', 303);
