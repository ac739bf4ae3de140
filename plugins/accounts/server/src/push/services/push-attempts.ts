import type { Core } from '@strapi/strapi';
import { clock } from '@desk/plugin-workflow';

import { randomToken, sha256 } from '../../lib/crypto';
import { AccountError } from '../../lib/errors';
import { CLIENT_UID, FACTOR_UID, loadUser, mailUser, USER_UID } from '../../lib/users';
import type { Visitor } from '../../lib/visitor';
import { attemptExpired, attemptNotFound, throttled } from '../errors';
import { browserOf, placeOf, type Position } from '../location';
import { formatInstant, languageOf } from '../language';
import { drawNumbers } from '../numbers';
import { ATTEMPT_UID, query } from '../uids';
import type { PairedFactor } from './push-devices';

const ATTEMPT_VALID_MS = 2 * 60 * 1000;
const WINDOW_MS = 10 * 60 * 1000;
const ATTEMPTS_PER_WINDOW = 3;
/** Answered attempts stay this long for questions about a sign-in, then go. */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

interface AttemptRow {
  id: number;
  attemptId: string;
  challengeHash: string;
  number: number;
  numbers: number[];
  state: 'pending' | 'approved' | 'denied';
  expiresAt: string;
  startedAt: string;
  sessionOpenedAt: string | null;
  ip: string | null;
  userAgent: string | null;
  clientSlug: string | null;
  user: { id: number; email: string } | null;
  factor: { id: number } | null;
}

export interface Decision {
  decision: 'approve' | 'deny';
  number: number | null;
  position: Position | null;
  alwaysHere: boolean;
}

const isExpired = (attempt: AttemptRow) => new Date(attempt.expiresAt) <= clock.now();

/** The state the portal and the companion see; "expired" is a pending attempt past its time. */
function stateOf(attempt: AttemptRow): 'pending' | 'approved' | 'denied' | 'expired' {
  return attempt.state === 'pending' && isExpired(attempt) ? 'expired' : attempt.state;
}

/** Push sign-in attempts: starting one, answering it on the companion, finishing the sign-in. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const attempts = () => query(strapi, ATTEMPT_UID);
  const areas = () => strapi.plugin('accounts').service('pushAreas');
  const signIn = () => strapi.plugin('accounts').service('sign-in');

  /**
   * The live sign-in challenge at the factor step, from the address that passed the password
   * step; the sign-in service refuses anything else with 400 CHALLENGE_INVALID.
   */
  function resolveChallenge(challenge: string, visitor: Visitor) {
    return signIn().resolveChallenge(challenge, visitor, 'factor');
  }

  async function findAttempt(attemptId: string): Promise<AttemptRow | null> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(attemptId)) return null;
    return attempts().findOne({
      where: { attemptId },
      populate: { user: { select: ['id', 'email'] }, factor: { select: ['id'] } },
    });
  }

  /**
   * Serialises attempt starts per user: on PostgreSQL a row lock on the user, so two sign-in
   * pages cannot both pass the rate check; SQLite runs one write transaction at a time anyway.
   */
  async function lockUser(trx: any, userId: number): Promise<void> {
    if (strapi.db.dialect.client !== 'postgres') return;
    const table = strapi.db.metadata.get(USER_UID).tableName;
    await strapi.db.connection(table).transacting(trx).where({ id: userId }).forUpdate().first();
  }

  /** No push bombing: one open attempt at a time and three per ten minutes per user. */
  async function checkRate(userId: number): Promise<void> {
    const now = clock.now().getTime();
    const recent: AttemptRow[] = await attempts().findMany({
      where: { user: { id: userId }, startedAt: { $gt: new Date(now - WINDOW_MS) } },
      select: ['state', 'expiresAt', 'startedAt'],
      orderBy: { startedAt: 'asc' },
    });

    const open = recent.find((attempt) => stateOf(attempt) === 'pending');
    if (open) {
      const wait = new Date(open.expiresAt).getTime() - now;
      throw throttled('A sign-in request is already waiting on your phone. Answer it there.', wait);
    }
    if (recent.length >= ATTEMPTS_PER_WINDOW) {
      const wait = new Date(recent[0].startedAt).getTime() + WINDOW_MS - now;
      throw throttled('Too many sign-in requests to your phone. Try again later.', wait);
    }
  }

  /** The user's push factor that new attempts go to: the one paired last. */
  async function pushFactorOf(userId: number) {
    const factor = await query(strapi, FACTOR_UID).findOne({
      where: { user: { id: userId }, kind: 'push', device: { id: { $notNull: true } } },
      select: ['id'],
      orderBy: { createdAt: 'desc' },
    });
    if (factor) return factor;
    throw new AccountError(400, 'NO_PUSH_FACTOR', 'There is no phone connected to this account.');
  }

  /** The attempt of the companion's user, answerable: pending and in time. */
  async function answerable(attemptId: string, userId: number) {
    const attempt = await findAttempt(attemptId);
    if (!attempt || attempt.user?.id !== userId) throw attemptNotFound();

    const state = stateOf(attempt);
    if (state === 'expired') throw attemptExpired();
    if (state !== 'pending') {
      throw new AccountError(409, 'ATTEMPT_DECIDED', `This sign-in request was already ${state}.`);
    }
    return attempt;
  }

  /** Moves a pending attempt to its decision; the condition keeps a double answer harmless. */
  async function settle(attempt: AttemptRow, state: 'approved' | 'denied', decidedBy: string) {
    const { count } = await attempts().updateMany({
      where: { id: attempt.id, state: 'pending', expiresAt: { $gt: clock.now() } },
      data: { state, decidedBy, decidedAt: clock.now() },
    });
    if (count !== 1) throw new AccountError(409, 'ATTEMPT_DECIDED', 'This request was answered.');
  }

  /** Tells the user that someone who knew the password was turned away on the phone. */
  async function mailDenied(attempt: AttemptRow): Promise<void> {
    const user = await loadUser(strapi, { id: attempt.user!.id });
    const language = languageOf(user);
    await mailUser(strapi, user, 'account.push-denied', {
      at: formatInstant(new Date(attempt.startedAt), language),
      browser: browserOf(attempt.userAgent, language),
      place: placeOf(attempt.ip, language),
    });
  }

  /**
   * Location approval is off when the user's client turned it off, or the client whose branded
   * portal the sign-in came through; users of no client (suppliers) may use it.
   */
  async function locationApprovalAllowed(attempt: AttemptRow): Promise<boolean> {
    const user = await loadUser(strapi, { id: attempt.user!.id });
    if (user?.client && user.client.allowLocationApproval === false) return false;
    if (!attempt.clientSlug) return true;

    const portalClient = await query(strapi, CLIENT_UID).findOne({
      where: { slug: attempt.clientSlug },
      select: ['allowLocationApproval'],
    });
    return portalClient?.allowLocationApproval !== false;
  }

  /**
   * Opens the session of an approved attempt once: the first poll after approval ends the
   * challenge and gets the session; both writes stand or fall together.
   */
  async function finish(attempt: AttemptRow, row: unknown, visitor: Visitor) {
    return strapi.db.transaction(async () => {
      const { count } = await attempts().updateMany({
        where: { id: attempt.id, state: 'approved', sessionOpenedAt: null },
        data: { sessionOpenedAt: clock.now() },
      });
      if (count !== 1) return { state: 'approved' as const };

      const done = await signIn().finish(row, attempt.user!.id, visitor);
      if (attempt.factor) {
        await query(strapi, FACTOR_UID).update({
          where: { id: attempt.factor.id },
          data: { lastUsedAt: clock.now() },
        });
      }
      return { state: 'approved' as const, jwt: done.jwt, session: done.session };
    });
  }

  return {
    /** Starts an attempt for the challenge's user; the number is shown on the sign-in page. */
    async start(challenge: string, visitor: Visitor) {
      const { user } = await resolveChallenge(challenge, visitor);
      const factor = await pushFactorOf(user.id);
      const { number, numbers } = drawNumbers();
      const attemptId = randomToken();
      const startedAt = clock.now();
      const expiresAt = new Date(startedAt.getTime() + ATTEMPT_VALID_MS);

      const outdated = new Date(startedAt.getTime() - KEEP_MS);
      await attempts().deleteMany({ where: { startedAt: { $lt: outdated } } });

      await strapi.db.transaction(async ({ trx }: any) => {
        await lockUser(trx, user.id);
        await checkRate(user.id);
        await strapi.documents(ATTEMPT_UID as never).create({
          data: {
            attemptId,
            user: user.id,
            factor: factor.id,
            challengeHash: sha256(challenge),
            number,
            numbers,
            state: 'pending',
            startedAt,
            expiresAt,
            ip: visitor.ip || null,
            userAgent: visitor.userAgent || null,
            clientSlug: visitor.clientSlug,
          } as never,
        });
      });

      strapi.log.info(`accounts: push attempt started for user ${user.id}`);
      return { attempt: attemptId, number, expiresAt: expiresAt.toISOString() };
    },

    /**
     * The attempt's state for the sign-in page that started it (the same challenge). Once the
     * session was handed out, later polls answer "approved" without a second session.
     */
    async state(attemptId: string, challenge: string, visitor: Visitor) {
      const attempt = await findAttempt(attemptId);
      if (!attempt || attempt.challengeHash !== sha256(challenge)) throw attemptNotFound();
      if (attempt.sessionOpenedAt) return { state: 'approved' as const };

      const { row, user } = await resolveChallenge(challenge, visitor);
      if (attempt.user?.id !== user.id) throw attemptNotFound();

      const state = stateOf(attempt);
      if (state !== 'approved') return { state };
      return finish(attempt, row, visitor);
    },

    /** The attempts waiting on a device's user, as the companion lists them. */
    async pendingFor(factor: PairedFactor) {
      const userId = factor.user.id;
      const language = languageOf(factor.user);
      const rows: AttemptRow[] = await attempts().findMany({
        where: { user: { id: userId }, state: 'pending', expiresAt: { $gt: clock.now() } },
        populate: { user: { select: ['id', 'email'] } },
        orderBy: { startedAt: 'desc' },
      });
      return rows.map((attempt) => ({
        attempt: attempt.attemptId,
        who: attempt.user?.email,
        at: new Date(attempt.startedAt).toISOString(),
        expiresAt: new Date(attempt.expiresAt).toISOString(),
        browser: browserOf(attempt.userAgent, language),
        place: placeOf(attempt.ip, language),
        numbers: attempt.numbers,
      }));
    },

    /**
     * Approves with the matching number or denies. A wrong number ends the attempt as denied:
     * someone tapping numbers at random is exactly what number matching must stop.
     */
    async decide(factor: PairedFactor, attemptId: string, decision: Decision) {
      const attempt = await answerable(attemptId, factor.user.id);

      if (decision.decision === 'deny' || decision.number !== attempt.number) {
        const wrong = decision.decision === 'approve';
        await strapi.db.transaction(async () => {
          await settle(attempt, 'denied', wrong ? 'wrong_number' : 'deny');
          await mailDenied(attempt);
        });
        strapi.log.info(`accounts: push attempt denied for user ${factor.user.id}`);
        if (!wrong) return { state: 'denied' as const };
        throw new AccountError(400, 'NUMBER_WRONG', 'That is not the number on the sign-in page.', {
          state: 'denied',
        });
      }

      const remember = decision.alwaysHere && decision.position !== null;
      const allowed = remember && (await locationApprovalAllowed(attempt));
      await strapi.db.transaction(async () => {
        await settle(attempt, 'approved', 'number');
        if (allowed) await areas().remember(factor.id, decision.position);
      });
      strapi.log.info(`accounts: push attempt approved for user ${factor.user.id}`);
      return { state: 'approved' as const, areaRemembered: Boolean(allowed) };
    },

    /** The companion approves by itself inside an approved area, when the client allows it. */
    async auto(factor: PairedFactor, attemptId: string, position: Position) {
      const attempt = await answerable(attemptId, factor.user.id);
      if (!(await locationApprovalAllowed(attempt))) {
        throw new AccountError(
          403,
          'LOCATION_APPROVAL_OFF',
          'Approving by location is turned off for your organisation. Match the number instead.',
        );
      }
      if (!(await areas().covers(factor.id, position))) {
        throw new AccountError(
          403,
          'NOT_IN_APPROVED_AREA',
          'This phone is not in an approved area. Match the number instead.',
        );
      }

      await settle(attempt, 'approved', 'location');
      strapi.log.info(`accounts: push attempt approved by location for user ${factor.user.id}`);
      return { state: 'approved' as const };
    },
  };
};
