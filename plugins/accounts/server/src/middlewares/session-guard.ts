import type { Core } from '@strapi/strapi';

import { AccountError, writeError } from '../lib/errors';

const expired = () =>
  new AccountError(401, 'SESSION_EXPIRED', 'Your session has ended. Please sign in again.');

function bearerOf(ctx: any): string | null {
  const header = ctx.request?.headers?.authorization;
  if (typeof header !== 'string') return null;
  const [scheme, token] = header.trim().split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/**
 * Checks the session behind every content-API request that carries a users-permissions JWT,
 * before users-permissions lets the user in. A token without a live session (signed out,
 * idle, ended by a password change, or issued without one) is refused with 401
 * SESSION_EXPIRED. Tokens of other kinds (API tokens) pass on to their own strategy.
 */
export function createSessionGuard(strapi: Core.Strapi) {
  const prefix = `${strapi.config.get('api.rest.prefix', '/api')}/`;

  return async (ctx: any, next: () => Promise<unknown>) => {
    const token = ctx.path.startsWith(prefix) ? bearerOf(ctx) : null;
    if (!token) return next();

    let payload: any;
    try {
      payload = await strapi.plugin('users-permissions').service('jwt').verify(token);
    } catch {
      return next();
    }
    if (!payload || payload.id === undefined) return next();

    const sid = typeof payload.sid === 'string' ? payload.sid : null;
    const check = sid
      ? await strapi.plugin('accounts').service('sessions').check(Number(payload.id), sid)
      : { ok: false };
    if (!check.ok) return writeError(ctx, expired());

    ctx.state.accountSessionId = sid;
    return next();
  };
}
