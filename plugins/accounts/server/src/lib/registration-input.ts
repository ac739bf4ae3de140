import { passwordProblem } from './password-policy';
import {
  FieldReader,
  isValidIban,
  KVK,
  normaliseCompact,
  normalisePostalCode,
  POSTAL_CODE,
  VAT_NL,
} from './validation';

export const TERMS_VERSION = '2026-01';
export const TERMS_URL = '/terms';

export interface RegistrationInput {
  kind: 'organisation' | 'self_employed';
  legalName: string;
  kvkNumber: string;
  vatNumber: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  country: 'NL';
  iban: string;
  bankName: string;
  invoicingContactName: string;
  invoicingEmail: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
  termsVersion: string;
  segments: string[];
}

function readSegments(reader: FieldReader, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const ok = Array.isArray(value) && value.length <= 50;
  if (ok && value.every((id) => typeof id === 'string' && /^[a-z0-9]{1,64}$/.test(id))) {
    return value as string[];
  }
  return reader.fail('segments', 'Choose segments from the list.');
}

function readOrganisation(reader: FieldReader) {
  return {
    kind: reader.oneOf('kind', ['organisation', 'self_employed'] as const),
    legalName: reader.text('legalName', { max: 160 }),
    kvkNumber: reader.pattern('kvkNumber', KVK, 'A KvK number has 8 digits.', normaliseCompact),
    vatNumber: reader.pattern(
      'vatNumber',
      VAT_NL,
      'A Dutch VAT number looks like NL123456789B01.',
      normaliseCompact,
    ),
    street: reader.text('street', { max: 120 }),
    houseNumber: reader.text('houseNumber', { max: 20 }),
    postalCode: reader.pattern(
      'postalCode',
      POSTAL_CODE,
      'A Dutch postal code looks like 1234 AB.',
      normalisePostalCode,
    ),
    city: reader.text('city', { max: 80 }),
    country: reader.oneOf('country', ['NL'] as const),
    iban: reader.pattern('iban', /^.+$/, '', normaliseCompact),
    bankName: reader.text('bankName', { max: 80, optional: true }),
    invoicingContactName: reader.text('invoicingContactName', { max: 120 }),
    invoicingEmail: reader.email('invoicingEmail'),
  };
}

/** Reads and checks a registration; throws one 400 naming every wrong field. */
export function readRegistration(body: Record<string, unknown>): RegistrationInput {
  const reader = new FieldReader(body);
  const organisation = readOrganisation(reader);
  if (organisation.iban && !isValidIban(organisation.iban)) {
    reader.fail('iban', 'This IBAN is not right; check the number.');
  }

  const person = {
    firstName: reader.text('firstName', { max: 80 }),
    lastName: reader.text('lastName', { max: 80 }),
    email: reader.email('email'),
    phone: reader.text('phone', { max: 40, optional: true }),
    password: reader.password('password'),
  };
  const problem = person.password ? passwordProblem(person.password, person.email) : null;
  if (problem) reader.fail('password', problem);

  if (body.acceptTerms !== true) reader.fail('acceptTerms', 'Accept the Terms of Use to register.');
  const termsVersion = reader.text('termsVersion', { max: 20 });
  if (termsVersion && termsVersion !== TERMS_VERSION) {
    reader.fail('termsVersion', 'The Terms of Use changed; read and accept the current version.');
  }
  const segments = readSegments(reader, body.segments);

  reader.done();
  return { ...organisation, ...person, termsVersion, segments };
}
