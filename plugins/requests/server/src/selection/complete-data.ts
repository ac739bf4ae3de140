import { errors } from '@strapi/utils';
import { clock } from '@desk/plugin-workflow';

type Check = (value: string) => boolean;

/** One field of the Complete Data form. */
interface FieldRule {
  label: string;
  max: number;
  check?: Check;
  hint?: string;
  /** Required only when the person invoices as self-employed (invoicingParty self_employed). */
  selfEmployedOnly?: boolean;
  optional?: boolean;
}

const isDate: Check = (value) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const isPastDate: Check = (value) =>
  isDate(value) && Date.parse(`${value}T00:00:00Z`) < clock.now().getTime();

/** IBAN by ISO 13616: the letters become numbers and the whole is 1 modulo 97. */
const isIban: Check = (value) => {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  return (
    digits.match(/\d{1,7}/g)!.reduce((rest, part) => Number(String(rest) + part) % 97, 0) === 1
  );
};

/**
 * What the desk needs before a candidate may be hired. No BSN (citizen service number): the desk
 * has no legal ground to keep it; the payroll party collects it. KvK (Chamber of Commerce)
 * number and IBAN only for a self-employed person who invoices the desk directly.
 */
export const COMPLETE_DATA_FIELDS: Record<string, FieldRule> = {
  legalFirstNames: { label: 'legal first names', max: 160 },
  lastName: { label: 'last name', max: 80 },
  dateOfBirth: {
    label: 'date of birth',
    max: 10,
    check: isPastDate,
    hint: 'a date like 1990-05-31',
  },
  nationality: {
    label: 'nationality',
    max: 2,
    check: (v) => /^[A-Z]{2}$/.test(v),
    hint: 'a country code like NL',
  },
  street: { label: 'street', max: 120 },
  houseNumber: { label: 'house number', max: 20 },
  postalCode: { label: 'postal code', max: 10 },
  city: { label: 'city', max: 80 },
  country: {
    label: 'country',
    max: 2,
    check: (v) => /^[A-Z]{2}$/.test(v),
    hint: 'a country code like NL',
  },
  startDateConfirmed: {
    label: 'confirmed start date',
    max: 10,
    check: isDate,
    hint: 'a date like 2027-01-04',
  },
  hoursPerWeek: {
    label: 'hours per week',
    max: 2,
    check: (v) => /^\d{1,2}$/.test(v) && +v >= 1 && +v <= 60,
  },
  kvkNumber: {
    label: 'KvK number',
    max: 8,
    check: (v) => /^\d{8}$/.test(v),
    hint: '8 digits',
    selfEmployedOnly: true,
  },
  iban: { label: 'IBAN', max: 34, check: isIban, hint: 'a valid IBAN', selfEmployedOnly: true },
  vatNumber: {
    label: 'VAT number',
    max: 14,
    check: (v) => /^NL\d{9}B\d{2}$/.test(v),
    optional: true,
  },
  remarks: { label: 'remarks', max: 2000, optional: true },
};

/** The fields a proposal must have before Submit Completed, by who invoices. */
export function requiredFields(invoicingParty: string): string[] {
  return Object.entries(COMPLETE_DATA_FIELDS)
    .filter(
      ([, rule]) =>
        !rule.optional && (!rule.selfEmployedOnly || invoicingParty === 'self_employed'),
    )
    .map(([name]) => name);
}

/** Reads the form as text fields: unknown names, wrong types and overlong values are refused. */
export function readCompleteData(given: unknown): Record<string, string> {
  if (!given || typeof given !== 'object' || Array.isArray(given)) {
    throw new errors.ValidationError('Send the form as "data": { "fieldName": "value", ... }.');
  }
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(given as Record<string, unknown>)) {
    const rule = COMPLETE_DATA_FIELDS[name];
    if (!rule)
      throw new errors.ValidationError(`The form has no field "${name}".`, { field: name });
    if (raw === null || raw === undefined || raw === '') continue;
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw new errors.ValidationError(`The ${rule.label} is text.`, { field: name });
    }
    const value = String(raw).trim();
    if (value.length > rule.max) {
      throw new errors.ValidationError(`The ${rule.label} has at most ${rule.max} characters.`, {
        field: name,
      });
    }
    if (value) out[name] = value;
  }
  return out;
}

/** The fields still missing or wrong for Submit Completed; empty when the form is complete. */
export function problemsOf(
  data: Record<string, string>,
  invoicingParty: string,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const name of requiredFields(invoicingParty)) {
    if (!data[name])
      problems.push({ field: name, message: `Fill in the ${COMPLETE_DATA_FIELDS[name].label}.` });
  }
  for (const [name, value] of Object.entries(data)) {
    const rule = COMPLETE_DATA_FIELDS[name];
    if (rule?.check && !rule.check(value)) {
      problems.push({
        field: name,
        message: `The ${rule.label} should be ${rule.hint ?? 'valid'}.`,
      });
    }
  }
  return problems;
}
