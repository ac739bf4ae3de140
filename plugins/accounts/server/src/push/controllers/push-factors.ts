import type { Core } from '@strapi/strapi';

import { handle } from '../../lib/errors';
import { loadUser } from '../../lib/users';
import { readPairing } from '../read';

/** Pairing a companion from the signed-in account page. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /factors/push { password, phrase, label? } → 201 with the new factor. */
  pair: handle(async (ctx) => {
    const input = readPairing(ctx);
    const user = await loadUser(strapi, { id: ctx.state.user.id });

    // The session guard names the session of this request; it stays, the others end.
    const keepSessionId = ctx.state.accountSessionId ?? null;
    const factor = await strapi
      .plugin('accounts')
      .service('pushDevices')
      .pair({ user, keepSessionId, ...input });
    ctx.status = 201;
    ctx.body = { data: factor };
  }),
});
