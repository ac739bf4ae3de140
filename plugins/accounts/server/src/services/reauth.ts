import type { Core } from '@strapi/strapi';

import { AccountError } from '../lib/errors';

const REAUTH_LIMIT = { max: 5, windowMinutes: 15 };

/**
 * Asks the password again before a sensitive change (ASVS 5.0 V7.5.1); wrong answers count
 * toward the same per-account limit as sign-in, so it cannot be used to guess.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async assertPassword(user: any, password: unknown, field = 'password'): Promise<void> {
    const throttle = strapi.plugin('accounts').service('throttle');
    const limit = [{ key: `sign-in:account:${user.email}`, ...REAUTH_LIMIT }];
    await throttle.assertOpen(limit, 'Too many wrong passwords. Wait a while and try again.');

    const up = strapi.plugin('users-permissions').service('user');
    const ok =
      typeof password === 'string' &&
      user.password &&
      (await up.validatePassword(password, user.password));
    if (ok) return;

    await throttle.hit(limit);
    throw new AccountError(400, 'PASSWORD_INVALID', 'Your current password is not right.', {
      fields: { [field]: 'Your current password is not right.' },
    });
  },
});
