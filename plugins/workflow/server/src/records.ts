import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export interface LockedRecord {
  id: number;
  status: string;
  label: string;
}

function columnOf(strapi: Core.Strapi, uid: string, attribute: string): string {
  const meta = strapi.db.metadata.get(uid as any);
  const column = (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName;
  return column ?? attribute;
}

/**
 * Reads a record's status inside the running transaction and, on PostgreSQL, locks its row
 * until the transaction ends, so two writers cannot both move it from the same status.
 * SQLite serialises writing transactions, which gives the same guarantee there.
 */
export async function lockRecord(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  uid: string,
  documentId: string,
  statusField: string,
  labelField?: string,
): Promise<LockedRecord | null> {
  const { tableName } = strapi.db.metadata.get(uid as any);
  const statusColumn = columnOf(strapi, uid, statusField);
  const labelColumn = labelField ? columnOf(strapi, uid, labelField) : 'document_id';

  let query = trx(tableName)
    .select({ id: 'id', status: statusColumn, label: labelColumn })
    .where('document_id', documentId)
    .first();
  if (strapi.db.dialect.client === 'postgres') query = query.forUpdate();

  const row = await query;
  if (!row) return null;
  return { id: row.id, status: row.status, label: row.label || documentId };
}
