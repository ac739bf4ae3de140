/** Shapes of the accounts API's answers that pages render (plugins/accounts/API.md). */

export type FactorKind = 'totp' | 'push';

export interface Factor {
  id: number | string;
  kind: FactorKind;
  label: string | null;
  createdAt: string | null;
  lockedUntil: string | null;
}

export interface Me {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  userKind: string;
  roles: Record<string, boolean>;
  isOrganisationAdministrator: boolean;
  supplier: { documentId: string; legalName: string; kind: string; state: string } | null;
  client: { slug: string; name: string } | null;
  factors: Factor[];
  mfaRequired: boolean;
}

export interface SupplierUser {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string;
  roles: string[] | Record<string, boolean>;
  confirmed: boolean;
}

export interface SupplierInfo {
  documentId: string;
  legalName: string;
  kind: string;
  state?: string;
  kvkNumber?: string;
  vatNumber?: string;
  street?: string;
  houseNumber?: string;
  postalCode?: string;
  city?: string;
  iban?: string;
  invoicingEmail?: string;
  administrator: { id: number; email: string } | null;
  users: SupplierUser[];
}

/**
 * A supplier user's roles as the API's role names (`statement_of_work`), whether the cms sent a
 * list of names or flags keyed in camelCase (`statementOfWork: true`).
 */
export function roleList(roles: SupplierUser['roles']): string[] {
  const names = Array.isArray(roles)
    ? roles
    : Object.entries(roles ?? {})
        .filter(([, on]) => on)
        .map(([name]) => name);
  return names.map((name) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));
}
