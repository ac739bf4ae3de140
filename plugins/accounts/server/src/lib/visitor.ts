import { sameSecret } from './crypto';
import { settings } from './settings';

/** Who is at the other end of a request: address, browser and the branded portal's client. */
export interface Visitor {
  ip: string;
  userAgent: string;
  clientSlug: string | null;
}

const header = (ctx: any, name: string): string => {
  const value = ctx.request?.headers?.[name];
  return typeof value === 'string' ? value : '';
};

/** True when the request carries the portal's key (compared in constant time). */
export function fromPortal(ctx: any): boolean {
  const key = header(ctx, 'x-desk-portal-key');
  return key !== '' && sameSecret(key, settings().secrets.portalApiKey);
}

/**
 * The visitor as the portal forwards it. The forwarded headers are trusted only with the
 * portal's key, or anyone could pick the address that throttling counts (ASVS 5.0 V4.1).
 */
export function visitorOf(ctx: any): Visitor {
  const socketIp = String(ctx.request?.ip ?? ctx.ip ?? '').slice(0, 64);
  const socketAgent = header(ctx, 'user-agent').slice(0, 300);
  if (!fromPortal(ctx)) return { ip: socketIp, userAgent: socketAgent, clientSlug: null };

  const slug = header(ctx, 'x-desk-client').trim().toLowerCase();
  return {
    ip: header(ctx, 'x-desk-client-ip').trim().slice(0, 64) || socketIp,
    userAgent: header(ctx, 'x-desk-user-agent').slice(0, 300) || socketAgent,
    clientSlug: /^[a-z0-9-]{1,120}$/.test(slug) ? slug : null,
  };
}
