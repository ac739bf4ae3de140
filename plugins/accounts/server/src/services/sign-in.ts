import type { Core } from '@strapi/strapi';

import { decrypt, encrypt } from '../lib/crypto';
import { AccountError } from '../lib/errors';
import { CLIENT_UID, FACTOR_UID, loadUser } from '../lib/users';
import type { Visitor } from '../lib/visitor';
import type { OpenedSession } from './sessions';
import type { TokenRow } from './tokens';

/** A sign-in challenge lives ten minutes and binds the password step to the next step. */
export const CHALLENGE_MINUTES = 10;
/** A bcrypt hash of a random string nobody kept: compared when there is no account. */
const TIMING_DECOY_HASH = '$2a$10$tN7bWI7cy4bBceg0LSsjVeMX7huUiG0aW5wy13NU6f/ZNitTIlkay';
const ACCOUNT_LIMIT = { max: 5, windowMinutes: 15 };
const ADDRESS_LIMIT = { max: 20, windowMinutes: 15 };

export type SignInAnswer =
  | { stage: 'factor'; challenge: string; factors: string[]; preferred: string }
  | { stage: 'enrol'; challenge: string }
  | ({ stage: 'done' } & OpenedSession);

export interface ChallengeState {
  stage: 'factor' | 'enrol';
  pendingSecret?: string;
}

/** One message for every wrong password, unknown, unconfirmed or blocked account (V6.3.8). */
const credentialsInvalid = () =>
  new AccountError(400, 'CREDENTIALS_INVALID', 'The e-mail address or password is not right.');
const challengeInvalid = () =>
  new AccountError(400, 'CHALLENGE_INVALID', 'This sign-in has expired. Please sign in again.');

/** Sign-in: password first, then a factor or enrolment, then a session. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('accounts').service(name);
  const limits = (email: string, ip: string) => [
    { key: `sign-in:account:${email}`, ...ACCOUNT_LIMIT },
    { key: `sign-in:address:${ip}`, ...ADDRESS_LIMIT },
  ];

  async function passwordMatches(user: any, password: string): Promise<boolean> {
    const up = strapi.plugin('users-permissions').service('user');
    // Without an account the same bcrypt work is done, so timing tells nothing (V6.3.8).
    if (!user?.password || user.provider !== 'local') {
      await up.validatePassword(password, TIMING_DECOY_HASH);
      return false;
    }
    return up.validatePassword(password, user.password);
  }

  /** MFA is required by the branded portal's client or by the user's own client. */
  async function mfaRequired(user: any, clientSlug: string | null): Promise<boolean> {
    if (user.client?.requireMfa) return true;
    if (!clientSlug) return false;
    const client = (await strapi.db.query(CLIENT_UID as any).findOne({
      where: { slug: clientSlug },
      select: ['requireMfa'],
    })) as any;
    return Boolean(client?.requireMfa);
  }

  async function factorKinds(userId: number): Promise<string[]> {
    const factors = (await strapi.db.query(FACTOR_UID as any).findMany({
      where: { user: { id: userId } },
      orderBy: { lastUsedAt: 'desc' },
      select: ['kind'],
    })) as any[];
    return [...new Set(factors.map((factor) => factor.kind))];
  }

  async function issueChallenge(userId: number, visitor: Visitor, state: ChallengeState) {
    return service('tokens').issue({
      purpose: 'sign_in',
      userId,
      minutes: CHALLENGE_MINUTES,
      ip: visitor.ip,
      payload: JSON.stringify(state),
    }) as Promise<string>;
  }

  return {
    mfaRequired,

    /** The password step; throttled per account and per address (ASVS 5.0 V6.3.1). */
    async signIn(email: string, password: string, visitor: Visitor): Promise<SignInAnswer> {
      const throttle = service('throttle');
      const counted = limits(email, visitor.ip);
      await throttle.assertOpen(counted, 'Too many failed sign-ins. Wait a while and try again.');

      const user = await loadUser(strapi, { email });
      const ok = (await passwordMatches(user, password)) && user.confirmed && !user.blocked;
      if (!ok) {
        await throttle.hit(counted);
        throw credentialsInvalid();
      }
      await throttle.reset(counted[0].key);

      const kinds = await factorKinds(user.id);
      if (kinds.length) {
        const challenge = await issueChallenge(user.id, visitor, { stage: 'factor' });
        return { stage: 'factor', challenge, factors: kinds, preferred: kinds[0] };
      }
      if (await mfaRequired(user, visitor.clientSlug)) {
        return {
          stage: 'enrol',
          challenge: await issueChallenge(user.id, visitor, { stage: 'enrol' }),
        };
      }
      return { stage: 'done', ...(await service('sessions').open(user.id, visitor)) };
    },

    /**
     * The live challenge with its user, bound to the address that passed the password step.
     * The push part resolves its challenges here too.
     */
    async resolveChallenge(challenge: unknown, visitor: Visitor, stage: ChallengeState['stage']) {
      const row = (await service('tokens').find('sign_in', challenge)) as TokenRow | null;
      if (!row?.user || row.ip !== visitor.ip) throw challengeInvalid();
      const state = JSON.parse(row.payload ?? '{}') as ChallengeState;
      if (state.stage !== stage) throw challengeInvalid();

      const user = await loadUser(strapi, { id: row.user.id });
      if (!user || user.blocked) throw challengeInvalid();
      return { row, user, state };
    },

    /** Ends a challenge and opens the session; a challenge opens one session at most. */
    async finish(
      row: TokenRow,
      userId: number,
      visitor: Visitor,
    ): Promise<{ stage: 'done' } & OpenedSession> {
      if (!(await service('tokens').use(row))) throw challengeInvalid();
      return { stage: 'done', ...(await service('sessions').open(userId, visitor)) };
    },

    /** Second step with an authenticator code. */
    async withTotp(challenge: unknown, code: unknown, visitor: Visitor) {
      const { row, user } = await this.resolveChallenge(challenge, visitor, 'factor');
      await service('factors').verifyTotp(user, code);
      return this.finish(row, user.id, visitor);
    },

    /** Enrolment during sign-in: a pending secret kept encrypted on the challenge. */
    async startTotpEnrolment(challenge: unknown, visitor: Visitor) {
      const { row, user } = await this.resolveChallenge(challenge, visitor, 'enrol');
      const enrolment = await service('factors').newTotpEnrolment(user.email);
      const state: ChallengeState = { stage: 'enrol', pendingSecret: encrypt(enrolment.secret) };
      await service('tokens').setPayload(row, JSON.stringify(state));
      return enrolment;
    },

    async confirmTotpEnrolment(challenge: unknown, code: unknown, visitor: Visitor) {
      const { row, user, state } = await this.resolveChallenge(challenge, visitor, 'enrol');
      if (!state.pendingSecret) {
        throw new AccountError(
          400,
          'ENROLMENT_MISSING',
          'Start connecting an authenticator app first.',
        );
      }
      return strapi.db.transaction(async () => {
        await service('factors').connectTotp(
          user,
          decrypt(state.pendingSecret as string),
          code,
          null,
        );
        return this.finish(row, user.id, visitor);
      });
    },
  };
};
