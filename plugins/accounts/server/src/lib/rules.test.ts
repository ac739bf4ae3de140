import { describe, expect, it } from 'vitest';

import { decrypt, encrypt, sameSecret } from './crypto';
import { passwordProblem } from './password-policy';
import { isValidIban, normalisePostalCode, POSTAL_CODE, VAT_NL } from './validation';

describe('input rules', () => {
  it('checks IBAN check digits with mod-97', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91ABNA04171643')).toBe(false);
  });

  it('writes Dutch postal codes as "1234 AB" and refuses one starting with 0', () => {
    expect(normalisePostalCode('1015cj')).toBe('1015 CJ');
    expect(normalisePostalCode(' 1015  CJ ')).toBe('1015 CJ');
    expect(POSTAL_CODE.test(normalisePostalCode('0123ab'))).toBe(false);
  });

  it('knows the form of a Dutch VAT number', () => {
    expect(VAT_NL.test('NL123456789B01')).toBe(true);
    expect(VAT_NL.test('NL12345678B01')).toBe(false);
    expect(VAT_NL.test('BE0123456789')).toBe(false);
  });
});

describe('the password policy', () => {
  it('accepts a long passphrase and refuses short, common, repeated and e-mail passwords', () => {
    expect(passwordProblem('Seven bridges over the Amstel', 'fenna@example.nl')).toBeNull();
    expect(passwordProblem('Short1!', 'fenna@example.nl')).toMatch(/at least 12/);
    expect(passwordProblem('Password1234', 'fenna@example.nl')).toMatch(/most used/);
    expect(passwordProblem('zzzzzzzzzzzzzz', 'fenna@example.nl')).toMatch(/more than one/);
    expect(passwordProblem('fenna-loves-tulips', 'fenna@example.nl')).toMatch(/e-mail/);
  });
});

describe('secrets at rest', () => {
  it('encrypts with a fresh nonce each time and refuses a changed text', () => {
    const once = encrypt('JBSWY3DPEHPK3PXP');
    const twice = encrypt('JBSWY3DPEHPK3PXP');

    expect(once).not.toBe(twice);
    expect(decrypt(once)).toBe('JBSWY3DPEHPK3PXP');
    const [version, iv, tag, body] = once.split('.');
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => decrypt([version, iv, tag, flipped].join('.'))).toThrow();
  });

  it('compares secrets of any length without throwing', () => {
    expect(sameSecret('development-portal-api-key', 'development-portal-api-key')).toBe(true);
    expect(sameSecret('short', 'development-portal-api-key')).toBe(false);
  });
});
