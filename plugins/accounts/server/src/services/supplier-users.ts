import type { Core } from '@strapi/strapi';

import { AccountError } from '../lib/errors';
import { isOrganisationAdministrator, loadUser, SUPPLIER_UID, USER_UID } from '../lib/users';

export type SupplierRole = 'consultant' | 'payroll' | 'statement_of_work';
export const SUPPLIER_ROLES: readonly SupplierRole[] = [
  'consultant',
  'payroll',
  'statement_of_work',
];

export interface NewSupplierUser {
  firstName: string;
  lastName: string;
  email: string;
  roles: SupplierRole[];
}

const rolesOf = (user: any) => ({
  consultant: Boolean(user.isConsultant),
  payroll: Boolean(user.isPayroll),
  statementOfWork: Boolean(user.isStatementOfWork),
});

/** Throws 403 unless the signed-in user works for a supplier. */
export function assertSupplierUser(user: any): void {
  if (user?.userKind === 'supplier_user' && user.supplier) return;
  throw new AccountError(
    403,
    'NOT_SUPPLIER_USER',
    'Only users of a supplier can see supplier information.',
  );
}

/** Throws 403 unless the user is their supplier's organisation administrator. */
export function assertAdministrator(user: any): void {
  assertSupplierUser(user);
  if (isOrganisationAdministrator(user)) return;
  throw new AccountError(
    403,
    'NOT_ORGANISATION_ADMINISTRATOR',
    "Only your organisation's administrator can manage its users.",
  );
}

/** A supplier's own users, managed by its one organisation administrator. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(user: any) {
    assertSupplierUser(user);
    const supplier = user.supplier;
    const users = (await strapi.db.query(USER_UID as any).findMany({
      where: { supplier: { id: supplier.id } },
      orderBy: { id: 'asc' },
    })) as any[];
    const administrator = users.find((one) => one.id === supplier.administrator?.id) ?? null;
    return {
      documentId: supplier.documentId,
      legalName: supplier.legalName,
      kind: supplier.kind,
      kvkNumber: supplier.kvkNumber,
      vatNumber: supplier.vatNumber,
      street: supplier.street,
      houseNumber: supplier.houseNumber,
      postalCode: supplier.postalCode,
      city: supplier.city,
      country: supplier.country,
      state: supplier.state,
      administrator: administrator ? { id: administrator.id, email: administrator.email } : null,
      users: users.map((one) => ({
        id: one.id,
        firstName: one.firstName,
        lastName: one.lastName,
        email: one.email,
        roles: rolesOf(one),
        confirmed: Boolean(one.confirmed),
      })),
    };
  },

  /** Adds a user without a password; the invitation middleware mails the set-password link. */
  async add(administrator: any, input: NewSupplierUser) {
    assertAdministrator(administrator);
    if (await loadUser(strapi, { email: input.email })) {
      throw new AccountError(
        409,
        'EMAIL_TAKEN',
        'There is already an account with this e-mail address.',
        {
          fields: { email: 'There is already an account with this e-mail address.' },
        },
      );
    }
    const role = (await strapi.db
      .query('plugin::users-permissions.role' as any)
      .findOne({ where: { type: 'authenticated' } })) as any;

    const created = await strapi.documents(USER_UID as any).create({
      data: {
        username: input.email,
        email: input.email,
        provider: 'local',
        confirmed: false,
        blocked: false,
        role: role.id,
        userKind: 'supplier_user',
        supplier: administrator.supplier.id,
        firstName: input.firstName,
        lastName: input.lastName,
        locale: administrator.locale ?? 'nl',
        isConsultant: input.roles.includes('consultant'),
        isPayroll: input.roles.includes('payroll'),
        isStatementOfWork: input.roles.includes('statement_of_work'),
      } as any,
    });
    return { id: (created as any).id, email: input.email };
  },

  /** Hands the administrator role to another user of the same supplier: always exactly one. */
  async setAdministrator(administrator: any, userId: number) {
    assertAdministrator(administrator);
    const target = (await strapi.db.query(USER_UID as any).findOne({
      where: { id: userId, supplier: { id: administrator.supplier.id } },
      select: ['id', 'email', 'blocked'],
    })) as any;
    if (!target || target.blocked) {
      throw new AccountError(400, 'INPUT_INVALID', 'Choose one of your organisation’s users.', {
        fields: { userId: 'Choose one of your organisation’s users.' },
      });
    }
    await strapi.documents(SUPPLIER_UID as any).update({
      documentId: administrator.supplier.documentId,
      data: { administrator: target.id } as any,
    });
    return { id: target.id, email: target.email };
  },
});
