import type { Core } from '@strapi/strapi';
import { clock } from '@desk/plugin-workflow';

import { randomToken, sha256 } from '../../lib/crypto';
import { AccountError } from '../../lib/errors';
import { FACTOR_UID, mailUser } from '../../lib/users';
import { throttled } from '../errors';
import { formatInstant } from '../language';
import { DEVICE_UID, query } from '../uids';
import { newPhrase, normalisePhrase } from '../words';

const PHRASE_VALID_MS = 10 * 60 * 1000;
/** New companions per address in one window: room for an office behind one address. */
const DEVICES_PER_ADDRESS = 10;
const DEVICE_WINDOW_MS = 10 * 60 * 1000;
/** Unpaired devices whose phrase ran out this long ago are of no use to anyone. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
const SEEN_EVERY_MS = 60 * 1000;
/** Wrong phrases per account: a typo or two, never a walk through the 65,536 phrases. */
const PHRASE_GUESS_LIMIT = { max: 10, windowMinutes: 15 };

export interface DeviceRow {
  id: number;
  documentId: string;
  phrase: string | null;
  phraseExpiresAt: string | null;
  pairedAt: string | null;
  lastSeenAt: string | null;
}

/** A push factor with its user, as a paired companion acts for it. */
export interface PairedFactor {
  id: number;
  user: { id: number; email: string; blocked: boolean | null; locale: string | null };
}

/** Who pairs: the user as loadUser gives it, and the session that stays open (if any). */
export interface Pairing {
  user: any;
  keepSessionId: string | null;
  phrase: string;
  label: string;
}

const later = (ms: number) => new Date(clock.now().getTime() + ms);

/** Companion devices: creating one with a phrase, knowing it by its token, pairing it. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const devices = () => query(strapi, DEVICE_UID);

  /** Refuses an eleventh new device from one address within ten minutes (the desk's clock). */
  async function checkCreationRate(originHash: string): Promise<void> {
    const recent = await devices().findMany({
      where: { originHash, registeredAt: { $gt: later(-DEVICE_WINDOW_MS) } },
      select: ['registeredAt'],
      orderBy: { registeredAt: 'asc' },
    });
    if (recent.length < DEVICES_PER_ADDRESS) return;

    const oldest = new Date(recent[0].registeredAt).getTime();
    const retryAfterMs = oldest + DEVICE_WINDOW_MS - clock.now().getTime();
    throw throttled('Too many new companions from this address. Try again later.', retryAfterMs);
  }

  /** A phrase no other waiting device shows right now, so a phrase names one device only. */
  async function freePhrase(): Promise<string> {
    for (;;) {
      const phrase = newPhrase();
      const taken = await devices().findOne({
        where: { phrase, pairedAt: null, phraseExpiresAt: { $gt: clock.now() } },
        select: ['id'],
      });
      if (!taken) return phrase;
    }
  }

  /** The push factor that points at a device, with its user; null while unpaired. */
  function factorOf(deviceId: number): Promise<PairedFactor | null> {
    return query(strapi, FACTOR_UID).findOne({
      where: { kind: 'push', device: { id: deviceId } },
      select: ['id'],
      populate: { user: { select: ['id', 'email', 'blocked', 'locale'] } },
    });
  }

  /** The unpaired device whose phrase was typed; 400 for a wrong or expired phrase. */
  async function findWaitingDevice(typed: string): Promise<DeviceRow> {
    const phrase = normalisePhrase(typed);
    const wrong = () =>
      new AccountError(400, 'PHRASE_INVALID', 'These two words do not match a companion.', {
        fields: { phrase: 'Type the two words your companion shows.' },
      });
    if (!phrase) throw wrong();

    const device = (await devices().findOne({
      where: { phrase, pairedAt: null },
      orderBy: { phraseExpiresAt: 'desc' },
    })) as DeviceRow | null;
    if (!device) throw wrong();
    if (new Date(device.phraseExpiresAt ?? 0) <= clock.now()) {
      throw new AccountError(400, 'PHRASE_EXPIRED', 'These two words have expired.', {
        fields: { phrase: 'Open the companion again for two new words.' },
      });
    }
    return device;
  }

  /** Finds the device like findWaitingDevice, counting wrong phrases against the account. */
  async function findGuarded(userId: number, typed: string): Promise<DeviceRow> {
    const throttle = strapi.plugin('accounts').service('throttle');
    const limits = [{ key: `push-pair:account:${userId}`, ...PHRASE_GUESS_LIMIT }];
    await throttle.assertOpen(limits, 'Too many wrong phrases. Wait a while and try again.');
    try {
      return await findWaitingDevice(typed);
    } catch (error) {
      if (error instanceof AccountError) await throttle.hit(limits);
      throw error;
    }
  }

  /**
   * Marks the device paired (once), makes the factor, mails the user and ends the user's other
   * sessions; the caller runs it in a transaction, so all of it happens or none.
   */
  async function connect(device: DeviceRow, pairing: Pairing) {
    const now = clock.now();
    // The conditional update makes a second, simultaneous pairing of one device fail cleanly.
    const { count } = await devices().updateMany({
      where: { id: device.id, pairedAt: null },
      data: { pairedAt: now, phrase: null, phraseExpiresAt: null },
    });
    if (count !== 1) {
      throw new AccountError(409, 'DEVICE_TAKEN', 'This companion was just connected already.');
    }

    const { user, label } = pairing;
    const factor = (await strapi.documents(FACTOR_UID as never).create({
      data: { user: user.id, kind: 'push', device: device.id, label } as never,
    })) as any;
    await mailUser(strapi, user, 'account.push-paired', {
      label,
      pairedAt: formatInstant(now, user.locale),
    });
    await strapi
      .plugin('accounts')
      .service('sessions')
      .endOthers(user.id, pairing.keepSessionId, 'factor_changed');

    strapi.log.info(`accounts: user ${user.id} paired companion ${device.documentId}`);
    return { id: factor.id, kind: 'push', label: factor.label, createdAt: factor.createdAt };
  }

  return {
    /** A new unpaired device, its token (shown once) and a phrase valid for ten minutes. */
    async create(ip: string) {
      const originHash = sha256(`companion-origin:${ip}`);
      await checkCreationRate(originHash);
      await devices().deleteMany({
        where: { pairedAt: null, phraseExpiresAt: { $lt: later(-STALE_AFTER_MS) } },
      });

      const deviceToken = randomToken();
      const phrase = await freePhrase();
      const phraseExpiresAt = later(PHRASE_VALID_MS);
      const device = (await strapi.documents(DEVICE_UID as never).create({
        data: {
          tokenHash: sha256(deviceToken),
          phrase,
          phraseExpiresAt,
          registeredAt: clock.now(),
          originHash,
        } as never,
      })) as any;

      return {
        device: device.documentId,
        deviceToken,
        phrase,
        phraseExpiresAt: phraseExpiresAt.toISOString(),
      };
    },

    /** The device a token belongs to; 401 for a missing or unknown token. */
    async authenticate(token: unknown): Promise<DeviceRow> {
      const unknown = () =>
        new AccountError(401, 'DEVICE_UNKNOWN', 'This companion is not known. Open it again.');
      if (typeof token !== 'string' || token.length < 20 || token.length > 100) throw unknown();

      const tokenHash = sha256(token);
      const device = (await devices().findOne({ where: { tokenHash } })) as DeviceRow | null;
      if (!device) throw unknown();

      const seen = device.lastSeenAt ? new Date(device.lastSeenAt).getTime() : 0;
      if (clock.now().getTime() - seen > SEEN_EVERY_MS) {
        await devices().update({ where: { id: device.id }, data: { lastSeenAt: clock.now() } });
      }
      return device;
    },

    /** The paired factor of a device, or 403 while the device is not (or no longer) paired. */
    async pairedFactor(device: DeviceRow): Promise<PairedFactor> {
      const factor = await factorOf(device.id);
      if (factor?.user && !factor.user.blocked) return factor;
      throw new AccountError(
        403,
        'DEVICE_NOT_PAIRED',
        'This companion is not connected to an account. Connect it on your account page.',
      );
    },

    /** What the companion shows about itself: paired to whom, or the phrase to type. */
    async describe(device: DeviceRow) {
      const factor = await factorOf(device.id);
      if (factor?.user) return { paired: true, user: { email: factor.user.email } };

      const waiting = device.phraseExpiresAt && new Date(device.phraseExpiresAt) > clock.now();
      return {
        paired: false,
        phrase: waiting ? device.phrase : null,
        phraseExpiresAt: device.phraseExpiresAt,
      };
    },

    /** Account page: the password again (throttled, ASVS 5.0 V7.5.1), then the phrase. */
    async pair(pairing: Pairing & { password: string }) {
      const reauth = strapi.plugin('accounts').service('reauth');
      await reauth.assertPassword(pairing.user, pairing.password);
      const device = await findGuarded(pairing.user.id, pairing.phrase);
      return strapi.db.transaction(() => connect(device, pairing));
    },

    /**
     * Enrolment during sign-in: the challenge already stands for the password. Runs inside the
     * caller's transaction, which also ends the challenge and opens the session.
     */
    async pairDuringSignIn(pairing: Pairing) {
      return connect(await findGuarded(pairing.user.id, pairing.phrase), pairing);
    },
  };
};
