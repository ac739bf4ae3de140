import { defineMiddleware } from 'astro:middleware';

import { SessionExpiredError } from './lib/accounts';
import { ownClientOf, resolveClient } from './lib/branding';
import { isCmsUnavailable, type CmsError } from './lib/cms';
import { createLogger } from './lib/logger';
import { getServices } from './lib/services';
import { applyCookiePolicy, endSession } from './lib/session';
import { EXPIRED_PATH, guardRequest, isPrivatePath } from './lib/session-guard';
import { visitorOf } from './lib/visitor';

const log = createLogger('portal');

/** The error page; it reads `locals.cmsUnavailable` to explain an outage instead of a bug. */
const ERROR_PAGE = '/500';

/** The page for a refused form post (CSRF or foreign origin). */
const FORBIDDEN_PAGE = '/403';

/** Seconds a visitor (or a crawler) is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = '30';

/**
 * Resolves the client for each request, applies the session rules (idle limit, signed-in
 * paths, CSRF), and turns a CMS outage, whether met here or by the page, into the friendly 503
 * page in the request's branding. A token the CMS refuses ends the session like the idle limit.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { locals, request, url } = context;
  locals.client = null;
  locals.clients = [];
  locals.user = null;
  locals.token = null;
  locals.csrf = null;

  try {
    locals.clients = await getServices().clientDirectory.clients();
    locals.client = resolveClient(url.pathname, request.headers.get('host'), locals.clients);
    locals.visitor = visitorOf(context);

    const outcome = await guardRequest(context);
    if (!locals.client && isPrivatePath(url.pathname)) {
      // Read through context: TypeScript still holds locals.user to the null set above.
      locals.client = ownClientOf(context.locals.user, locals.clients);
    }
    if (outcome.kind === 'redirect') return finish(context, context.redirect(outcome.to, 303));
    if (outcome.kind === 'forbidden') {
      log.warn('Refused a form post without a valid CSRF token or origin.', { path: url.pathname });
      return finish(context, withStatus(await next(FORBIDDEN_PAGE), 403));
    }
    return finish(context, await next());
  } catch (error) {
    if (error instanceof SessionExpiredError) {
      endSession(context);
      return finish(context, context.redirect(EXPIRED_PATH, 303));
    }
    if (!isCmsUnavailable(error)) throw error;

    const { code, path, status } = error as CmsError;
    log.warn('The CMS is unavailable; answering 503.', { code, cmsPath: path, status });
    locals.cmsUnavailable = true;
    const page = withStatus(await next(ERROR_PAGE), 503);
    page.headers.set('retry-after', RETRY_AFTER_SECONDS);
    page.headers.set('cache-control', 'no-store');
    return withSecurityHeaders(page);
  }
});

/** The session cookie with this deployment's flags, no caching of private pages, and headers. */
function finish(context: Parameters<typeof onRequest>[0], response: Response): Response {
  applyCookiePolicy(context, getServices().settings.portal.publicUrl.startsWith('https:'));
  if (context.locals.token || isPrivatePath(context.url.pathname)) {
    response.headers.set('cache-control', 'no-store');
  }
  return withSecurityHeaders(response);
}

/** Astro answers a rewritten error page with its own status; this one says what happened. */
function withStatus(page: Response, status: number): Response {
  return new Response(page.body, { status, headers: page.headers });
}

/** Headers that cost nothing and close common holes: sniffing, framing, leaking referrers. */
function withSecurityHeaders(response: Response): Response {
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  return response;
}
