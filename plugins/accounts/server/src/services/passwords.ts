import type { Core } from '@strapi/strapi';

import { invalidFields } from '../lib/errors';
import { passwordProblem } from '../lib/password-policy';
import { loadUser, mailUser, USER_UID } from '../lib/users';
import { tokenInvalid } from './registration';

export const RESET_MINUTES = 60;
export const SET_PASSWORD_HOURS = 72;

/** Password change, forgotten password and the set-password link of invited users. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('accounts').service(name);

  function assertAcceptable(password: string, email: string): void {
    const problem = passwordProblem(password, email);
    if (problem) throw invalidFields({ password: problem });
  }

  async function writePassword(
    userId: number,
    password: string,
    extra: Record<string, unknown> = {},
  ) {
    const row = (await strapi.db
      .query(USER_UID as any)
      .findOne({ where: { id: userId }, select: ['documentId'] })) as any;
    await strapi
      .documents(USER_UID as any)
      .update({ documentId: row.documentId, data: { password, ...extra } as any });
  }

  /** Spends a link token for a new password; a weak password does not spend the link. */
  async function withToken(
    purpose: 'password_reset' | 'set_password',
    token: unknown,
    password: string,
  ) {
    const row = await service('tokens').find(purpose, token);
    if (!row?.user) throw tokenInvalid();
    const user = await loadUser(strapi, { id: row.user.id });
    if (!user || user.blocked) throw tokenInvalid();
    assertAcceptable(password, user.email);

    if (!(await service('tokens').use(row))) throw tokenInvalid();
    return user;
  }

  return {
    /** Signed in: asks the current password, then ends every other session (V7.4.3). */
    async change(userId: number, sessionId: string | null, current: string, next: string) {
      const user = await loadUser(strapi, { id: userId });
      await service('reauth').assertPassword(user, current, 'currentPassword');
      assertAcceptable(next, user.email);

      await strapi.db.transaction(async () => {
        await writePassword(user.id, next);
        await service('sessions').endOthers(user.id, sessionId, 'password_changed');
        await mailUser(strapi, user, 'account.password-changed', {});
      });
    },

    /** Mails a reset link to a known address; the answer never tells which (V6.3.8). */
    async forgot(email: string): Promise<void> {
      const user = await loadUser(strapi, { email });
      if (!user || user.blocked || user.provider !== 'local') return;
      await strapi.db.transaction(async () => {
        await service('tokens').revoke(user.id, 'password_reset');
        const token = await service('tokens').issue({
          purpose: 'password_reset',
          userId: user.id,
          minutes: RESET_MINUTES,
        });
        await mailUser(strapi, user, 'account.password-reset', {
          link: `/reset-password?token=${token}`,
          validMinutes: RESET_MINUTES,
        });
      });
    },

    /** A reset ends all sessions; factors stay, so the next sign-in still asks for one. */
    async reset(token: unknown, password: string): Promise<void> {
      await strapi.db.transaction(async () => {
        const user = await withToken('password_reset', token, password);
        await writePassword(user.id, password);
        await service('sessions').endOthers(user.id, null, 'password_reset');
        await mailUser(strapi, user, 'account.password-changed', {});
      });
    },

    /** First password of an invited user; proves the address, so the user is confirmed. */
    async setFirst(token: unknown, password: string): Promise<void> {
      await strapi.db.transaction(async () => {
        const user = await withToken('set_password', token, password);
        await writePassword(user.id, password, { confirmed: true });
      });
    },

    /** Mails an invited user (no password yet) a link to choose one, valid 72 hours. */
    async invite(user: any): Promise<void> {
      const token = await service('tokens').issue({
        purpose: 'set_password',
        userId: user.id,
        minutes: SET_PASSWORD_HOURS * 60,
      });
      await mailUser(strapi, user, 'account.set-password', {
        link: `/set-password?token=${token}`,
        validHours: SET_PASSWORD_HOURS,
      });
    },
  };
};
