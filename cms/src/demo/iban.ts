/**
 * IBAN check digits (ISO 13616, ISO 7064 mod 97-10): the country code and "00" move behind
 * the account, letters become numbers (A = 10 … Z = 35), and 98 minus the remainder is the check.
 */
export function ibanCheckDigits(country: string, bban: string): string {
  const remainder = mod97(`${bban}${country}00`);

  return String(98 - remainder).padStart(2, '0');
}

/** A Dutch IBAN from a bank code (INGB, RABO, …) and an account number of up to 10 digits. */
export function dutchIban(bankCode: string, accountNumber: string): string {
  const bban = `${bankCode}${accountNumber.padStart(10, '0')}`;

  return `NL${ibanCheckDigits('NL', bban)}${bban}`;
}

/** True when the IBAN's check digits are right. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(compact)) return false;

  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

/** The remainder of a long alphanumeric number modulo 97, digit by digit so it never overflows. */
function mod97(alphanumeric: string): number {
  const digits = alphanumeric.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;

  return remainder;
}
