import type { APIContext } from 'astro';

import type { Visitor } from './accounts';

/** The visitor as the cms should see them: address, browser and the branded client. */
export function visitorOf(
  context: Pick<APIContext, 'request' | 'clientAddress' | 'locals'>,
): Visitor {
  let ip: string | null = null;
  try {
    ip = context.clientAddress;
  } catch {
    // Astro throws when the adapter knows no address (never with @astrojs/node).
  }
  return {
    ip,
    userAgent: context.request.headers.get('user-agent'),
    clientSlug: context.locals.client?.slug ?? null,
  };
}
