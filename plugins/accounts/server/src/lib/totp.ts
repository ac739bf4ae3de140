import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as authenticator apps use it: SHA-1, six digits, 30-second steps. */
export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;

export interface TotpCheck {
  secret: string | Uint8Array;
  code: string;
  /** Unix seconds of the desk's clock, so tests control time. */
  epoch: number;
  /** The step of the last accepted code: a code of that step or earlier is refused. */
  afterTimeStep?: number | null;
  digits?: 6 | 8;
}

/** A new base32 secret of 160 bits (RFC 4226 section 4 recommends 160). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The code for a moment; used by tests and by nothing that answers a user. */
export function totpCode(secret: string | Uint8Array, epoch: number, digits: 6 | 8 = 6) {
  return generate({ secret, epoch, digits, period: TOTP_PERIOD, algorithm: 'sha1' });
}

/**
 * Checks a code with one step of drift either way; returns the matched time step, or null.
 * A step at or before `afterTimeStep` is refused, so a code works once (ASVS 5.0 V6.5.1).
 */
export async function checkTotp(check: TotpCheck): Promise<number | null> {
  const digits = check.digits ?? TOTP_DIGITS;
  if (!new RegExp(`^\\d{${digits}}$`).test(check.code)) return null;

  const result = await verify({
    secret: check.secret,
    token: check.code,
    epoch: check.epoch,
    digits,
    period: TOTP_PERIOD,
    algorithm: 'sha1',
    epochTolerance: TOTP_PERIOD,
    ...(check.afterTimeStep != null ? { afterTimeStep: Number(check.afterTimeStep) } : {}),
  });
  // The TOTP result carries the matched step; the union type also covers HOTP, which has none.
  return result.valid ? ((result as { timeStep?: number }).timeStep ?? null) : null;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Hiring desk', label: account, secret, period: TOTP_PERIOD });
}
