import type { Core } from '@strapi/strapi';

import { FACTOR_UID, loadUser, mailUser, USER_UID } from '../lib/users';

type DocumentContext = { uid: string; action: string; params: any };
type Next = () => Promise<any>;

const FACTOR_NAMES: Record<string, string> = { totp: 'authenticator app', push: 'companion phone' };

/** True when desk staff act in the admin (the content manager's Create). */
function fromAdmin(strapi: Core.Strapi): boolean {
  return strapi.requestContext.get()?.state?.auth?.strategy?.name === 'admin';
}

/**
 * A portal user created without a password (a client user made by the desk in the admin, or
 * a supplier user added by the organisation administrator) gets a set-password link in the
 * same transaction: never a password in a mail (ASVS 5.0 V6.4.1). The admin's form demands
 * a password; one typed there is dropped, as the desk never knows a user's password.
 */
async function inviteNewUser(strapi: Core.Strapi, ctx: DocumentContext, next: Next) {
  const data = ctx.params?.data ?? {};
  if (fromAdmin(strapi) && data.email) {
    delete data.password;
    data.confirmed = false;
  }
  if (data.password || !data.email) return next();

  return strapi.db.transaction(async () => {
    const created = await next();
    const user = await loadUser(strapi, { id: created.id });
    if (user && !user.blocked) await strapi.plugin('accounts').service('passwords').invite(user);
    return created;
  });
}

/** Whoever removes a factor (the user, or the desk for a lost phone), its owner is told. */
async function tellFactorRemoved(strapi: Core.Strapi, ctx: DocumentContext, next: Next) {
  const factor = (await strapi.db.query(FACTOR_UID as any).findOne({
    where: { documentId: ctx.params?.documentId },
    populate: { user: { select: ['id'] } },
  })) as any;
  if (!factor?.user) return next();

  return strapi.db.transaction(async () => {
    const result = await next();
    const user = await loadUser(strapi, { id: factor.user.id });
    const name = factor.label || FACTOR_NAMES[factor.kind] || factor.kind;
    if (user) await mailUser(strapi, user, 'account.factor-removed', { factor: name });
    return result;
  });
}

/** Document Service middleware: sees writes from the admin, the REST API and services alike. */
export function createDocumentHooks(strapi: Core.Strapi) {
  return async (ctx: DocumentContext, next: Next) => {
    if (ctx.uid === USER_UID && ctx.action === 'create') return inviteNewUser(strapi, ctx, next);
    if (ctx.uid === FACTOR_UID && ctx.action === 'delete')
      return tellFactorRemoved(strapi, ctx, next);
    return next();
  };
}
