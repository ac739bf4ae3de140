import type { Core } from '@strapi/strapi';
import { clock } from '@desk/plugin-workflow';
import QRCode from 'qrcode';

import { decrypt, encrypt } from '../lib/crypto';
import { AccountError } from '../lib/errors';
import { checkTotp, newTotpSecret, totpUri } from '../lib/totp';
import { FACTOR_UID, mailUser } from '../lib/users';

/** Five wrong codes lock a factor for fifteen minutes (ASVS 5.0 V6.3.1). */
export const MAX_WRONG_CODES = 5;
export const LOCK_MINUTES = 15;

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

const epochNow = () => Math.floor(clock.now().getTime() / 1000);
const codeInvalid = () =>
  new AccountError(400, 'CODE_INVALID', 'This code is not right. Try the current code.');
const locked = (until: Date) =>
  new AccountError(
    423,
    'FACTOR_LOCKED',
    'Too many wrong codes: this sign-in method is locked for a while.',
    {
      lockedUntil: until.toISOString(),
    },
  );

/** Sign-in factors of the authenticator-app kind; the push part adds its own. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(FACTOR_UID as any);

  async function lockOrCount(user: any, factors: any[]): Promise<never> {
    const now = clock.now();
    let lockedUntil: Date | null = null;
    for (const factor of factors) {
      const failed = (factor.failedAttempts ?? 0) + 1;
      const lock = failed >= MAX_WRONG_CODES;
      if (lock) lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await rows().update({
        where: { id: factor.id },
        data: lock ? { failedAttempts: 0, lockedUntil } : { failedAttempts: failed },
      });
    }
    if (!lockedUntil) throw codeInvalid();

    await mailUser(strapi, user, 'account.factor-locked', {
      factor: factors[0].label || 'authenticator app',
      minutes: LOCK_MINUTES,
    });
    throw locked(lockedUntil);
  }

  return {
    /** A new secret with its QR code; nothing is stored as a factor until a code confirms it. */
    async newTotpEnrolment(account: string): Promise<TotpEnrolment> {
      const secret = newTotpSecret();
      const otpauthUrl = totpUri(secret, account);
      const qrSvg = await QRCode.toString(otpauthUrl, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return { secret, otpauthUrl, qrSvg };
    },

    /** Connects an authenticator after a correct code; the code's step is spent at once. */
    async connectTotp(user: any, secret: string, code: unknown, label?: string | null) {
      const step = await checkTotp({ secret, code: String(code ?? ''), epoch: epochNow() });
      if (step === null) throw codeInvalid();

      const factor = await strapi.documents(FACTOR_UID as any).create({
        data: {
          user: user.id,
          kind: 'totp',
          label: label || 'Authenticator app',
          secretEncrypted: encrypt(secret),
          lastUsedStep: step,
          lastUsedAt: clock.now(),
          failedAttempts: 0,
        } as any,
      });
      await mailUser(strapi, user, 'account.factor-connected', { factor: (factor as any).label });
      return factor;
    },

    /**
     * Checks a sign-in code against the user's authenticator factors. Wrong codes count per
     * factor; the fifth locks it and mails the user. A code's step may not be used twice.
     */
    async verifyTotp(user: any, code: unknown): Promise<void> {
      const all = (await rows().findMany({
        where: { user: { id: user.id }, kind: 'totp' },
      })) as any[];
      const now = clock.now().getTime();
      const open = all.filter(
        (factor) => !factor.lockedUntil || new Date(factor.lockedUntil).getTime() <= now,
      );
      if (!all.length)
        throw new AccountError(400, 'FACTOR_MISSING', 'You have no authenticator app connected.');
      if (!open.length)
        throw locked(new Date(Math.max(...all.map((f) => new Date(f.lockedUntil).getTime()))));

      for (const factor of open) {
        const step = await checkTotp({
          secret: decrypt(factor.secretEncrypted),
          code: String(code ?? ''),
          epoch: Math.floor(now / 1000),
          afterTimeStep: factor.lastUsedStep === null ? null : Number(factor.lastUsedStep),
        });
        if (step === null) continue;

        // Conditional on the step read: two requests with one code cannot both pass.
        const { count } = await rows().updateMany({
          where: { id: factor.id, lastUsedStep: factor.lastUsedStep },
          data: {
            lastUsedStep: step,
            lastUsedAt: new Date(now),
            failedAttempts: 0,
            lockedUntil: null,
          },
        });
        if (count === 1) return;
      }
      await lockOrCount(user, open);
    },

    /** The user's factors as the account page shows them. */
    async list(userId: number) {
      const factors = (await rows().findMany({
        where: { user: { id: userId } },
        orderBy: { createdAt: 'asc' },
      })) as any[];
      return factors.map((factor) => ({
        id: factor.documentId,
        kind: factor.kind,
        label: factor.label,
        createdAt: factor.createdAt,
        lockedUntil: factor.lockedUntil,
      }));
    },

    /** Removes one of the user's own factors through the document service (audit + mail). */
    async remove(userId: number, documentId: string): Promise<boolean> {
      const factor = await rows().findOne({ where: { documentId, user: { id: userId } } });
      if (!factor) return false;
      await strapi.documents(FACTOR_UID as any).delete({ documentId });
      return true;
    },
  };
};
