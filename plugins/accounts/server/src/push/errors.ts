import { AccountError } from '../lib/errors';

/** A 429 that tells the portal when to try again (contract: details.retryAfterSeconds). */
export function throttled(message: string, retryAfterMs: number): AccountError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AccountError(429, 'THROTTLED', message, { retryAfterSeconds });
}

/** The same answer for an attempt that does not exist and one of another user. */
export function attemptNotFound(): AccountError {
  return new AccountError(404, 'ATTEMPT_NOT_FOUND', 'This sign-in attempt does not exist.');
}

/** An attempt past its 2 minutes; the sign-in must be started again. */
export function attemptExpired(): AccountError {
  return new AccountError(
    410,
    'ATTEMPT_EXPIRED',
    'This sign-in request has expired. Start signing in again.',
  );
}
