import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const USER_UID = 'plugin::users-permissions.user';

/** A signed-in supplier user with the supplier they act for. */
export interface SupplierUser {
  id: number;
  email: string;
  isConsultant: boolean;
  supplier: { id: number; documentId: string; kind: string; state: string; legalName: string };
}

/**
 * The signed-in user as a user of an active supplier, or a 403 with the reason. Suppliers that
 * are not active yet (or suspended) keep their pool but cannot work on the market.
 */
export async function supplierUserOf(strapi: Core.Strapi, ctx: any): Promise<SupplierUser> {
  const id = ctx.state?.user?.id;
  const user = id
    ? ((await strapi.db.query(USER_UID as any).findOne({
        where: { id },
        select: ['id', 'email', 'userKind', 'isConsultant'],
        populate: { supplier: { select: ['id', 'documentId', 'kind', 'state', 'legalName'] } },
      })) as any)
    : null;

  if (!user || user.userKind !== 'supplier_user' || !user.supplier) {
    throw new errors.PolicyError(
      'Only users of a supplier can work with candidates and proposals.',
      {
        code: 'NOT_A_SUPPLIER_USER',
      },
    );
  }
  if (user.supplier.state !== 'active') {
    throw new errors.PolicyError(
      `${user.supplier.legalName} is not active on the desk yet, so it cannot work with candidates.`,
      { code: 'SUPPLIER_NOT_ACTIVE' },
    );
  }
  return {
    id: user.id,
    email: user.email,
    isConsultant: Boolean(user.isConsultant),
    supplier: user.supplier,
  };
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
