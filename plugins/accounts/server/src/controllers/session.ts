import type { Core } from '@strapi/strapi';

import { handle } from '../lib/errors';
import { visitorOf } from '../lib/visitor';

/** The signed-in user's own session and profile. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  signOut: handle(async (ctx) => {
    const sid = ctx.state.accountSessionId;
    if (sid) await strapi.plugin('accounts').service('sessions').end(sid, 'sign_out');
    ctx.status = 204;
  }),

  me: handle(async (ctx) => {
    const me = strapi.plugin('accounts').service('me');
    ctx.body = { data: await me.describe(ctx.state.user.id, visitorOf(ctx).clientSlug) };
  }),
});
