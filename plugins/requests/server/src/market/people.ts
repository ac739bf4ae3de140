import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { compiledQueriesOf, humanize } from '@desk/plugin-workflow';

import { tablesOf } from './sql';
import { UID } from './uids';

export interface SupplierUser {
  id: number;
  isConsultant: boolean;
  /** The supplier's organisation administrator. */
  isAdministrator: boolean;
  supplier: { id: number; documentId: string; state: string };
}

interface MemberRow {
  userKind: string | null;
  isConsultant: boolean | number | null;
  supplierId: number | null;
  supplierDocumentId: string | null;
  supplierState: string | null;
  administratorId: number | null;
}

/**
 * The user with their supplier and whether they administer it, in one query compiled once:
 * this runs on every call of the supplier's request list.
 */
async function memberRow(strapi: Core.Strapi, userId: number): Promise<MemberRow | undefined> {
  const [row] = await compiledQueriesOf(strapi)<MemberRow>('requests.member', [userId], (slot) => {
    const t = tablesOf(strapi);
    const { userSupplier: us, supplierAdministrator: sa } = t;
    return strapi.db.connection({ u: t.users })
      .leftJoin({ us: us.table }, `us.${us.own}`, 'u.id')
      .leftJoin({ s: t.suppliers }, 's.id', `us.${us.other}`)
      .leftJoin({ sa: sa.table }, `sa.${sa.own}`, 's.id')
      .where('u.id', slot(0))
      .first({
        userKind: `u.${t.col(UID.user, 'userKind')}`,
        isConsultant: `u.${t.col(UID.user, 'isConsultant')}`,
        supplierId: 's.id',
        supplierDocumentId: 's.document_id',
        supplierState: `s.${t.col(UID.supplier, 'state')}`,
        administratorId: `sa.${sa.other}`,
      });
  });
  return row;
}

/** The signed-in portal user as a member of a supplier; anyone else is refused. */
export async function supplierUserOf(strapi: Core.Strapi, ctx: any): Promise<SupplierUser> {
  const userId = Number(ctx.state.user?.id);
  const row = Number.isInteger(userId) ? await memberRow(strapi, userId) : null;
  if (!row || row.userKind !== 'supplier_user' || row.supplierId === null) {
    throw new errors.PolicyError('Requests are for suppliers; this account belongs to no supplier.', {
      code: 'NOT_A_SUPPLIER_USER',
    });
  }

  return {
    id: userId,
    // SQLite keeps booleans as 0 and 1.
    isConsultant: Boolean(row.isConsultant),
    isAdministrator: row.administratorId === userId,
    supplier: { id: row.supplierId, documentId: String(row.supplierDocumentId), state: String(row.supplierState) },
  };
}

/** Requests are seen and asked about by consultants of a supplier the desk has activated. */
export async function consultantOf(strapi: Core.Strapi, ctx: any): Promise<SupplierUser> {
  const member = await supplierUserOf(strapi, ctx);
  if (!member.isConsultant) {
    throw new errors.PolicyError(
      'Only consultants see requests; your organisation administrator can give you that role.',
      { code: 'NOT_A_CONSULTANT' },
    );
  }
  if (member.supplier.state !== 'active') {
    throw new errors.PolicyError(
      `Your organisation sees requests once the desk has activated it; it is ${humanize(member.supplier.state)}.`,
      { code: 'SUPPLIER_NOT_ACTIVE' },
    );
  }
  return member;
}
