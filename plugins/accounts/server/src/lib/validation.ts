import { invalidFields } from './errors';

/** Reads a JSON body field by field, collecting one message per wrong field. */
export class FieldReader {
  private readonly problems: Record<string, string> = {};

  constructor(private readonly body: Record<string, unknown>) {}

  /** Text, trimmed, within a length; '' and missing are the same. */
  text(name: string, options: { max: number; min?: number; optional?: boolean }): string {
    const value = this.body[name];
    if (value === undefined || value === null || value === '') {
      if (!options.optional) this.fail(name, 'This field is required.');
      return '';
    }
    if (typeof value !== 'string') return this.fail(name, 'This field must be text.');

    const text = value.trim();
    if (text.length > options.max) return this.fail(name, `Use at most ${options.max} characters.`);
    if (text.length < (options.min ?? 1)) {
      return this.fail(name, `Use at least ${options.min ?? 1} characters.`);
    }
    return text;
  }

  /** Text that must match a pattern after normalising; message names the expected form. */
  pattern(name: string, pattern: RegExp, message: string, normalise = (v: string) => v): string {
    const raw = this.text(name, { max: 64 });
    if (!raw) return '';
    const value = normalise(raw);
    return pattern.test(value) ? value : this.fail(name, message);
  }

  email(name: string, optional = false): string {
    const value = this.text(name, { max: 254, optional });
    if (!value) return '';
    return EMAIL.test(value)
      ? value.toLowerCase()
      : this.fail(name, 'Enter a valid e-mail address.');
  }

  /** A password is never trimmed: spaces are part of it (ASVS 5.0 V6.2.9). */
  password(name: string): string {
    const value = this.body[name];
    if (typeof value !== 'string' || value === '') return this.fail(name, 'Enter a password.');
    if (value.length > 128) return this.fail(name, 'Use at most 128 characters.');
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.body[name];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
      return value as T;
    return this.fail(name, `Choose one of: ${allowed.join(', ')}.`) as T;
  }

  /** Records a problem found by the caller; returns '' so reading can go on. */
  fail(name: string, message: string): any {
    this.problems[name] ??= message;
    return '';
  }

  /** Throws one 400 naming every wrong field, or returns when all were right. */
  done(): void {
    if (Object.keys(this.problems).length) throw invalidFields(this.problems);
  }
}

const EMAIL = /^[^\s@<>",;()]+@[^\s@<>",;()]+\.[a-z]{2,}$/i;

/** KvK (Chamber of Commerce) numbers have 8 digits; modern ones carry no check digit. */
export const KVK = /^\d{8}$/;

/** Dutch VAT numbers (btw-identificatienummer): NL, nine digits, B, two digits. */
export const VAT_NL = /^NL\d{9}B\d{2}$/;

/** Dutch postal codes never start with 0; stored as "1234 AB". */
export const POSTAL_CODE = /^[1-9]\d{3} [A-Z]{2}$/;

export function normalisePostalCode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : value;
}

export function normaliseCompact(value: string): string {
  return value.replace(/[\s.-]+/g, '').toUpperCase();
}

/** IBAN check digits per ISO 13616: the rearranged number modulo 97 is 1. */
export function isValidIban(value: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** A JSON body as an object, whatever the client sent. */
export function bodyOf(ctx: any): Record<string, unknown> {
  const body = ctx.request?.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? body : {};
}
