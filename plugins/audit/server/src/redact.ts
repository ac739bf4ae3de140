/** Attributes whose values never enter the audit trail: only the fact that they changed. */
const SECRET = /(password|secret|token|otp|totp|recovery|passphrase|storageKey)/i;
/** Bank account numbers are personal data: the trail keeps their last four characters. */
const BANK_ACCOUNT = /iban/i;

export function redactValue(attribute: string, type: string | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (type === 'password' || SECRET.test(attribute)) return '[redacted]';
  if (BANK_ACCOUNT.test(attribute) && typeof value === 'string') {
    return value.length <= 4 ? '****' : `****${value.slice(-4)}`;
  }
  if (typeof value === 'string' && value.length > 500) return `${value.slice(0, 497)}...`;
  return value;
}
