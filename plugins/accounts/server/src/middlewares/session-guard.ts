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

/** The portal JWT of this request, as the session guard verified it; null for anything else. */
function verifiedOf(ctx: any): { token: string; payload: unknown } | null {
  const verified = ctx?.state?.accountTokenPayload;
  return verified && verified.token === bearerOf(ctx) ? verified : null;
}

/**
 * Spares the strategies that follow the session guard the work it already did for a portal
 * JWT: users-permissions takes the payload the guard verified instead of verifying the token
 * again, and Strapi's API-token strategy, tried first, does not look the JWT up among the API
 * tokens (those are random hex strings the admin issues; a JWT signed with our secret is none).
 * Every other token goes its usual way.
 */
export function reuseVerifiedToken(strapi: Core.Strapi): void {
  const jwt = strapi.plugin('users-permissions').service('jwt') as any;
  const getToken = jwt.getToken.bind(jwt);
  jwt.getToken = (ctx: any) => verifiedOf(ctx)?.payload ?? getToken(ctx);

  const apiTokens = strapi.service('admin::api-token-content-api') as any;
  if (typeof apiTokens?.getByAccessKey !== 'function') return;
  const getByAccessKey = apiTokens.getByAccessKey.bind(apiTokens);
  apiTokens.getByAccessKey = (accessKey: string) =>
    verifiedOf(strapi.requestContext.get()) ? Promise.resolve(null) : getByAccessKey(accessKey);
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
    // users-permissions verifies the same token next and looks up the user's role: it is
    // handed the payload and the role read here (see reuseVerifiedToken, cacheRolePermissions).
    ctx.state.accountTokenPayload = { token, payload };
    ctx.state.accountUserRole = { userId: Number(payload.id), roleId: check.roleId ?? null };
    return next();
  };
}
