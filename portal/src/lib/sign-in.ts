/**
 * The steps of signing in, kept in the session between pages: password, then a factor (or the
 * enrolment of one when the client requires MFA), then a signed-in session.
 */
import type { APIContext } from 'astro';

import type { Me, FactorKind } from './account-types';
import { beginSignedIn, type SessionUser } from './session';
import { getServices } from './services';

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export interface PushAttempt {
  attempt: string;
  number: number;
  expiresAt: string;
}

export interface PendingSignIn {
  /** The cms's opaque challenge, bound to the user and the visitor's address. */
  challenge: string;
  stage: 'factor' | 'enrol';
  factors: FactorKind[];
  /** The factor asked for now; "Use another authentication method" switches it. */
  method: FactorKind;
  /** A local path to return to after signing in. */
  next: string | null;
  push?: PushAttempt;
  enrol?: TotpEnrolment;
}

/** What POST /sign-in and the factor steps answer. */
export type SignInAnswer =
  | { stage: 'factor'; challenge: string; factors: FactorKind[]; preferred?: FactorKind }
  | { stage: 'enrol'; challenge: string }
  | { stage: 'done'; jwt: string };

/** Where a signed-in user lands when no page asked for the sign-in. */
export const HOME_SIGNED_IN = '/account';

/** A local path only: an address from a query string must not send the user to another site. */
export function safeNext(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return null;
  }
  return value.length <= 300 ? value : null;
}

/** The pending step after the password, or null when the answer needs none. */
export function pendingFrom(answer: SignInAnswer, next: string | null): PendingSignIn | null {
  if (answer.stage === 'done') return null;
  if (answer.stage === 'enrol') {
    return { challenge: answer.challenge, stage: 'enrol', factors: [], method: 'totp', next };
  }
  const factors = answer.factors.filter((kind) => kind === 'totp' || kind === 'push');
  const method =
    answer.preferred && factors.includes(answer.preferred) ? answer.preferred : factors[0];
  return { challenge: answer.challenge, stage: 'factor', factors, method: method ?? 'totp', next };
}

function userKindOf(kind: string): SessionUser['kind'] {
  return kind === 'supplier_user' || kind === 'worker' || kind === 'client_user' ? kind : null;
}

/**
 * Turns a cms token into a signed-in session: reads who the user is, then starts the session
 * under a new id. Returns where to go next.
 */
export async function completeSignIn(
  context: Pick<APIContext, 'session' | 'cookies' | 'locals'>,
  jwt: string,
  next: string | null,
): Promise<string> {
  const { accounts, clock } = getServices();
  const me = await accounts.call<Me>('GET', '/me', { token: jwt, visitor: context.locals.visitor });
  const user: SessionUser = me.ok
    ? {
        firstName: me.data.firstName ?? '',
        lastName: me.data.lastName ?? '',
        email: me.data.email,
        kind: userKindOf(me.data.userKind),
        roles: me.data.roles ?? {},
        clientSlug: me.data.client?.slug ?? null,
      }
    : { firstName: '', lastName: '', email: '' };

  await beginSignedIn(context, jwt, user, clock());
  return next ?? HOME_SIGNED_IN;
}
