import type { Core } from '@strapi/strapi';
import { clock } from '@desk/plugin-workflow';

import { randomToken, sha256 } from '../lib/crypto';
import { TOKEN_UID } from '../lib/users';

export type TokenPurpose =
  | 'email_verification'
  | 'set_password'
  | 'password_reset'
  | 'sign_in'
  | 'totp_enrolment';

export interface TokenRow {
  id: number;
  purpose: TokenPurpose;
  user: { id: number } | null;
  expiresAt: string;
  usedAt: string | null;
  ip: string | null;
  payload: string | null;
}

export interface IssueInput {
  purpose: TokenPurpose;
  userId: number;
  minutes: number;
  ip?: string | null;
  payload?: string | null;
}

/**
 * One-time tokens for links and sign-in steps. Only the SHA-256 hash is stored, so a read of
 * the database gives no usable link (ASVS 5.0 V7.2.4); a token is used at most once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(TOKEN_UID as any);

  return {
    /** Creates a token and returns it in the clear, once: it goes into a link or an answer. */
    async issue(input: IssueInput): Promise<string> {
      const token = randomToken();
      await rows().create({
        data: {
          tokenHash: sha256(token),
          purpose: input.purpose,
          user: input.userId,
          expiresAt: new Date(clock.now().getTime() + input.minutes * 60_000),
          ip: input.ip ?? null,
          payload: input.payload ?? null,
        },
      });
      return token;
    },

    /** The live token (unused, unexpired, of this purpose), without using it. */
    async find(purpose: TokenPurpose, token: unknown): Promise<TokenRow | null> {
      if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
      const row = (await rows().findOne({
        where: { tokenHash: sha256(token), purpose, usedAt: null },
        populate: { user: { select: ['id'] } },
      })) as TokenRow | null;
      if (!row || new Date(row.expiresAt).getTime() <= clock.now().getTime()) return null;
      return row;
    },

    /** Marks a token used; false when another request used it first (a race or a replay). */
    async use(row: TokenRow): Promise<boolean> {
      const { count } = await rows().updateMany({
        where: { id: row.id, usedAt: null },
        data: { usedAt: clock.now() },
      });
      return count === 1;
    },

    /** Replaces a live token's payload (a pending authenticator secret during enrolment). */
    async setPayload(row: TokenRow, payload: string): Promise<void> {
      await rows().update({ where: { id: row.id }, data: { payload } });
    },

    /** Ends every live token of a purpose for a user, e.g. older reset links after a reset. */
    async revoke(userId: number, purpose: TokenPurpose): Promise<void> {
      const live = (await rows().findMany({
        where: { user: { id: userId }, purpose, usedAt: null },
        select: ['id'],
      })) as Array<{ id: number }>;
      if (!live.length) return;
      await rows().updateMany({
        where: { id: { $in: live.map((row) => row.id) } },
        data: { usedAt: clock.now() },
      });
    },
  };
};
