import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { memberOf, type SupplierUser } from '../market/people';

export type { SupplierUser };

export const USER_UID = 'plugin::users-permissions.user';

/**
 * The signed-in user as a user of an active supplier, or a 403 with the reason. Suppliers that
 * are not active yet (or suspended) keep their pool but cannot work on the market.
 */
export async function supplierUserOf(strapi: Core.Strapi, ctx: any): Promise<SupplierUser> {
  const user = await memberOf(
    strapi,
    ctx,
    'Only users of a supplier can work with candidates and proposals.',
  );
  if (user.supplier.state !== 'active') {
    throw new errors.PolicyError(
      `${user.supplier.legalName} is not active on the desk yet, so it cannot work with candidates.`,
      { code: 'SUPPLIER_NOT_ACTIVE' },
    );
  }
  return user;
}

/** Candidates and proposals are the consultant's work; payroll and SOW roles only read. */
export function assertConsultant(user: SupplierUser): void {
  if (user.isConsultant) return;
  throw new errors.PolicyError(
    'Only a user with the consultant role can add candidates and propose them; ' +
      "ask your organisation's administrator for that role.",
    { code: 'NOT_A_CONSULTANT' },
  );
}
