import { defineMiddleware } from 'astro:middleware';

import { resolveClient } from './lib/branding';
import { isCmsUnavailable, type CmsError } from './lib/cms';
import { createLogger } from './lib/logger';
import { getServices } from './lib/services';

const log = createLogger('portal');

/** The error page; it reads `locals.cmsUnavailable` to explain an outage instead of a bug. */
const ERROR_PAGE = '/500';

/** Seconds a visitor (or a crawler) is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = '30';

/**
 * Resolves the client for each request and turns a CMS outage, whether met here or by the
 * page, into the friendly 503 page in the request's branding.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { locals, request, url } = context;
  locals.client = null;
  locals.clients = [];

  try {
    locals.clients = await getServices().clientDirectory.clients();
    locals.client = resolveClient(url.pathname, request.headers.get('host'), locals.clients);
    return withSecurityHeaders(await next());
  } catch (error) {
    if (!isCmsUnavailable(error)) throw error;

    const { code, path, status } = error as CmsError;
    log.warn('The CMS is unavailable; answering 503.', { code, cmsPath: path, status });
    locals.cmsUnavailable = true;
    const page = await next(ERROR_PAGE);

    // Astro answers its /500 page with status 500 whatever the page sets; an outage is a 503.
    const response = new Response(page.body, { status: 503, headers: page.headers });
    response.headers.set('retry-after', RETRY_AFTER_SECONDS);
    response.headers.set('cache-control', 'no-store');
    return withSecurityHeaders(response);
  }
});

/** Headers that cost nothing and close common holes: sniffing, framing, leaking referrers. */
function withSecurityHeaders(response: Response): Response {
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  return response;
}
