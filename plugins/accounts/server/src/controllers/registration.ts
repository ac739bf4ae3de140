import type { Core } from '@strapi/strapi';

import { handle } from '../lib/errors';
import { readRegistration, TERMS_URL, TERMS_VERSION } from '../lib/registration-input';
import { bodyOf, FieldReader } from '../lib/validation';
import { REGISTERED_MESSAGE } from '../services/registration';

const RESENT_MESSAGE = 'If this address waits for confirmation, we sent a new link.';

/** Public registration of suppliers and self-employed people, and e-mail verification. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registration = () => strapi.plugin('accounts').service('registration');

  return {
    terms: handle(async (ctx) => {
      ctx.body = { data: { version: TERMS_VERSION, url: TERMS_URL } };
    }),

    register: handle(async (ctx) => {
      await registration().register(readRegistration(bodyOf(ctx)));
      ctx.status = 202;
      ctx.body = { data: { message: REGISTERED_MESSAGE } };
    }),

    verifyEmail: handle(async (ctx) => {
      await registration().verifyEmail(bodyOf(ctx).token);
      ctx.body = {
        data: {
          message:
            'Your e-mail address is confirmed. The hiring desk now reviews your registration.',
        },
      };
    }),

    resend: handle(async (ctx) => {
      const reader = new FieldReader(bodyOf(ctx));
      const email = reader.email('email');
      reader.done();

      await registration().resend(email);
      ctx.status = 202;
      ctx.body = { data: { message: RESENT_MESSAGE } };
    }),
  };
};
