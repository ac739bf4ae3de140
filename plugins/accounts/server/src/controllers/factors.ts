import type { Core } from '@strapi/strapi';

import { decrypt, encrypt } from '../lib/crypto';
import { AccountError, handle } from '../lib/errors';
import { loadUser } from '../lib/users';
import { bodyOf, FieldReader } from '../lib/validation';

const ENROLMENT_MINUTES = 10;
const enrolmentInvalid = () =>
  new AccountError(
    400,
    'ENROLMENT_INVALID',
    'This enrolment has expired. Start connecting the app again.',
  );

/** A signed-in user's factors: connect an authenticator app, remove a factor. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('accounts').service(name);
  const me = (ctx: any) => loadUser(strapi, { id: ctx.state.user.id });

  return {
    /** Step one: the password again, then a pending secret kept encrypted for ten minutes. */
    startTotp: handle(async (ctx) => {
      const user = await me(ctx);
      await service('reauth').assertPassword(user, bodyOf(ctx).password);

      const enrolment = await service('factors').newTotpEnrolment(user.email);
      const token = await service('tokens').issue({
        purpose: 'totp_enrolment',
        userId: user.id,
        minutes: ENROLMENT_MINUTES,
        payload: encrypt(enrolment.secret),
      });
      ctx.body = { data: { enrolment: token, ...enrolment } };
    }),

    /** Step two (Connect): a correct code connects the app and ends the other sessions. */
    confirmTotp: handle(async (ctx) => {
      const reader = new FieldReader(bodyOf(ctx));
      const label = reader.text('label', { max: 80, optional: true });
      reader.done();
      const user = await me(ctx);
      const row = await service('tokens').find('totp_enrolment', bodyOf(ctx).enrolment);
      if (!row || row.user?.id !== user.id || !row.payload) throw enrolmentInvalid();

      const factor = await strapi.db.transaction(async () => {
        const connected = await service('factors').connectTotp(
          user,
          decrypt(row.payload),
          bodyOf(ctx).code,
          label,
        );
        if (!(await service('tokens').use(row))) throw enrolmentInvalid();
        await service('sessions').endOthers(
          user.id,
          ctx.state.accountSessionId ?? null,
          'factor_changed',
        );
        return connected;
      });
      ctx.status = 201;
      ctx.body = {
        data: {
          id: factor.documentId,
          kind: factor.kind,
          label: factor.label,
          createdAt: factor.createdAt,
        },
      };
    }),

    remove: handle(async (ctx) => {
      const user = await me(ctx);
      await service('reauth').assertPassword(user, bodyOf(ctx).password);

      const removed = await strapi.db.transaction(async () => {
        const done = await service('factors').remove(user.id, String(ctx.params.id));
        if (done)
          await service('sessions').endOthers(
            user.id,
            ctx.state.accountSessionId ?? null,
            'factor_changed',
          );
        return done;
      });
      if (!removed)
        throw new AccountError(
          404,
          'FACTOR_NOT_FOUND',
          'There is no such sign-in method on your account.',
        );
      ctx.status = 204;
    }),
  };
};
