import type { Core } from '@strapi/strapi';
import { clock } from '@desk/plugin-workflow';

import { sha256 } from '../lib/crypto';
import { AccountError } from '../lib/errors';
import { THROTTLE_UID } from '../lib/users';

export interface Limit {
  /** What is counted, e.g. "sign-in:account:<e-mail>"; only its hash is stored. */
  key: string;
  max: number;
  windowMinutes: number;
}

/**
 * Failure counters in the database, so every cms node counts the same failures
 * (users-permissions' own limiter counts per process). ASVS 5.0 V6.3.1.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(THROTTLE_UID as any);

  async function current(limit: Limit) {
    const row = (await rows().findOne({ where: { keyHash: sha256(limit.key) } })) as any;
    const now = clock.now().getTime();
    if (!row || new Date(row.windowEndsAt).getTime() <= now) return null;
    return row;
  }

  return {
    /** Throws 429 THROTTLED when a limit is used up; nothing is counted. */
    async assertOpen(limits: Limit[], message: string): Promise<void> {
      for (const limit of limits) {
        const row = await current(limit);
        if (!row || row.count < limit.max) continue;

        const now = clock.now().getTime();
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((new Date(row.windowEndsAt).getTime() - now) / 1000),
        );
        throw new AccountError(429, 'THROTTLED', message, { retryAfterSeconds });
      }
    },

    /** Counts one failure against each limit; a conditional update keeps concurrent counts. */
    async hit(limits: Limit[]): Promise<void> {
      for (const limit of limits) await this.hitOne(limit);
    },

    async hitOne(limit: Limit): Promise<void> {
      const keyHash = sha256(limit.key);
      const windowEndsAt = new Date(clock.now().getTime() + limit.windowMinutes * 60_000);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const row = (await rows().findOne({ where: { keyHash } })) as any;
        if (!row) {
          const created = await rows()
            .create({ data: { keyHash, count: 1, windowEndsAt } })
            .catch(() => null);
          if (created) return;
          continue;
        }
        const expired = new Date(row.windowEndsAt).getTime() <= clock.now().getTime();
        const data = expired ? { count: 1, windowEndsAt } : { count: row.count + 1 };
        const { count } = await rows().updateMany({
          where: { id: row.id, count: row.count },
          data,
        });
        if (count === 1) return;
      }
    },

    /** Forgets the failures of a key, e.g. after a correct password. */
    async reset(key: string): Promise<void> {
      await rows().deleteMany({ where: { keyHash: sha256(key) } });
    },
  };
};
