import type { Core } from '@strapi/strapi';

import { handle } from '../lib/errors';
import { bodyOf, FieldReader } from '../lib/validation';

const FORGOT_MESSAGE = 'If an account uses this address, we sent a link to choose a new password.';

/** Password change (signed in), forgotten password, reset and first password. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const passwords = () => strapi.plugin('accounts').service('passwords');

  return {
    change: handle(async (ctx) => {
      const reader = new FieldReader(bodyOf(ctx));
      const current = reader.password('currentPassword');
      const next = reader.password('newPassword');
      reader.done();

      await passwords().change(
        ctx.state.user.id,
        ctx.state.accountSessionId ?? null,
        current,
        next,
      );
      ctx.status = 204;
    }),

    forgot: handle(async (ctx) => {
      const reader = new FieldReader(bodyOf(ctx));
      const email = reader.email('email');
      reader.done();

      await passwords().forgot(email);
      ctx.status = 202;
      ctx.body = { data: { message: FORGOT_MESSAGE } };
    }),

    reset: handle(async (ctx) => {
      const reader = new FieldReader(bodyOf(ctx));
      const password = reader.password('password');
      reader.done();

      await passwords().reset(bodyOf(ctx).token, password);
      ctx.body = { data: { message: 'Your password is changed. Sign in with it now.' } };
    }),

    setPassword: handle(async (ctx) => {
      const reader = new FieldReader(bodyOf(ctx));
      const password = reader.password('password');
      reader.done();

      await passwords().setFirst(bodyOf(ctx).token, password);
      ctx.body = { data: { message: 'Your password is set. Sign in with it now.' } };
    }),
  };
};
