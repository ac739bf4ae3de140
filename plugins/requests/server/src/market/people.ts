import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { compiledQueriesOf, humanize } from '@desk/plugin-workflow';

import { tablesOf } from './sql';
import { UID } from './uids';

/** A signed-in user of a supplier, with the supplier they act for, whatever its state. */
export interface SupplierUser {
  id: number;
  email: string;
  isConsultant: boolean;
  /** The supplier's organisation administrator. */
  isAdministrator: boolean;
  supplier: { id: number; documentId: string; kind: string; state: string; legalName: string };
}

interface MemberRow {
  userKind: string | null;
  email: string;
  isConsultant: boolean | number | null;
  supplierId: number | null;
  supplierDocumentId: string;
  supplierKind: string;
  supplierState: string;
  supplierLegalName: string;
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
    return strapi.db
      .connection({ u: t.users })
      .leftJoin({ us: us.table }, `us.${us.own}`, 'u.id')
      .leftJoin({ s: t.suppliers }, 's.id', `us.${us.other}`)
      .leftJoin({ sa: sa.table }, `sa.${sa.own}`, 's.id')
      .where('u.id', slot(0))
      .first({
        userKind: `u.${t.col(UID.user, 'userKind')}`,
        email: `u.${t.col(UID.user, 'email')}`,
        isConsultant: `u.${t.col(UID.user, 'isConsultant')}`,
        supplierId: 's.id',
        supplierDocumentId: 's.document_id',
        supplierKind: `s.${t.col(UID.supplier, 'kind')}`,
        supplierState: `s.${t.col(UID.supplier, 'state')}`,
        supplierLegalName: `s.${t.col(UID.supplier, 'legalName')}`,
        administratorId: `sa.${sa.other}`,
      });
  });
  return row;
}

/**
 * The signed-in portal user as a member of a supplier, whatever the supplier's state; anyone
 * else is refused with `refusal`. The one rule of who is a supplier user: the requests, the
 * segments, the candidates and the proposals all ask here.
 */
export async function memberOf(
  strapi: Core.Strapi,
  ctx: any,
  refusal: string,
): Promise<SupplierUser> {
  const userId = Number(ctx.state.user?.id);
  const row = Number.isInteger(userId) ? await memberRow(strapi, userId) : null;
  if (!row || row.userKind !== 'supplier_user' || row.supplierId === null) {
    throw new errors.PolicyError(refusal, { code: 'NOT_A_SUPPLIER_USER' });
  }

  return {
    id: userId,
    email: row.email,
    // SQLite keeps booleans as 0 and 1.
    isConsultant: Boolean(row.isConsultant),
    isAdministrator: row.administratorId === userId,
    supplier: {
      id: row.supplierId,
      documentId: row.supplierDocumentId,
      kind: row.supplierKind,
      state: row.supplierState,
      legalName: row.supplierLegalName,
    },
  };
}

/** The signed-in portal user as a member of a supplier, for the market's routes. */
export function supplierUserOf(strapi: Core.Strapi, ctx: any): Promise<SupplierUser> {
  return memberOf(strapi, ctx, 'Requests are for suppliers; this account belongs to no supplier.');
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
