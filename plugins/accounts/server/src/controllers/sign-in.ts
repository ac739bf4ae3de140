import type { Core } from '@strapi/strapi';

import { handle } from '../lib/errors';
import { bodyOf, FieldReader } from '../lib/validation';
import { visitorOf } from '../lib/visitor';

/** POST /api/accounts/sign-in and its second steps (authenticator code, enrolment). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const signIn = () => strapi.plugin('accounts').service('sign-in');

  return {
    signIn: handle(async (ctx) => {
      const reader = new FieldReader(bodyOf(ctx));
      const email = reader.email('email');
      const password = reader.password('password');
      reader.done();

      ctx.body = { data: await signIn().signIn(email, password, visitorOf(ctx)) };
    }),

    totp: handle(async (ctx) => {
      const { challenge, code } = bodyOf(ctx);
      ctx.body = { data: await signIn().withTotp(challenge, code, visitorOf(ctx)) };
    }),

    enrolTotp: handle(async (ctx) => {
      const { challenge } = bodyOf(ctx);
      ctx.body = { data: await signIn().startTotpEnrolment(challenge, visitorOf(ctx)) };
    }),

    confirmEnrolTotp: handle(async (ctx) => {
      const { challenge, code } = bodyOf(ctx);
      ctx.body = { data: await signIn().confirmTotpEnrolment(challenge, code, visitorOf(ctx)) };
    }),
  };
};
