/** Turns the registration form into the body of POST /api/accounts/register. */
import { field } from './forms';

/** The text fields the registration form posts, in the order the API lists them. */
export const REGISTRATION_FIELDS = [
  'legalName',
  'kvkNumber',
  'vatNumber',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'iban',
  'bankName',
  'invoicingContactName',
  'invoicingEmail',
  'firstName',
  'lastName',
  'email',
  'phone',
] as const;

/** Optional fields are left out when empty, so the cms sees "not given" rather than "". */
const OPTIONAL = new Set(['bankName', 'phone']);

export function registrationBody(form: Map<string, string[]>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: field(form, 'kind') === 'self_employed' ? 'self_employed' : 'organisation',
    country: 'NL',
    password: form.get('password')?.[0] ?? '',
    acceptTerms: form.has('acceptTerms'),
    termsVersion: field(form, 'termsVersion'),
  };
  for (const name of REGISTRATION_FIELDS) {
    const value = field(form, name);
    if (value !== '' || !OPTIONAL.has(name)) body[name] = normalised(name, value);
  }
  return body;
}

/** Spaces people type in numbers are not part of them; postal codes keep their one space. */
function normalised(name: string, value: string): string {
  if (name === 'iban' || name === 'vatNumber' || name === 'kvkNumber') {
    return value.replace(/[\s.]/g, '').toUpperCase();
  }
  if (name === 'postalCode') return value.toUpperCase().replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2');
  return value;
}
