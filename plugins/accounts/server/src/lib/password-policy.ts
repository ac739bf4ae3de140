import { dictionary } from '@zxcvbn-ts/language-common';

/** Limits per ASVS 5.0 V6.2.1 (at least 12) and V6.2.9 (at least 64 allowed; we allow 128). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let common: Set<string> | null = null;

/**
 * The commonest passwords from breach corpora (about 49,000, shipped by zxcvbn-ts), compared
 * case-insensitively: ASVS 5.0 V6.2.4 asks to refuse at least the top 3,000.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(
    (dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()),
  );
  return common;
}

/** Why a new password is refused, as a sentence for the user; null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (new Set(password).size === 1) return 'Use more than one different character.';

  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return 'This password is among the most used ones; choose another.';
  }
  const localPart = email?.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && lower.includes(localPart)) {
    return 'The password may not contain your e-mail address.';
  }
  return null;
}
