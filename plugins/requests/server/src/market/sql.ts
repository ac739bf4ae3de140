import type { Core } from '@strapi/strapi';

import { UID } from './uids';

interface Link {
  table: string;
  /** The column pointing at the owning side (the record the attribute is on). */
  own: string;
  /** The column pointing at the related record. */
  other: string;
}

/** Table and column names as Strapi laid them out, read from its metadata. */
export interface MarketTables {
  requests: string;
  clients: string;
  segments: string;
  suppliers: string;
  users: string;
  admissions: string;
  col: (uid: string, attribute: string) => string;
  requestSegment: Link;
  requestClient: Link;
  requestDas: Link;
  supplierSegments: Link;
  supplierAdministrator: Link;
  userSupplier: Link;
  admissionDas: Link;
  admissionSupplier: Link;
}

/** Resolves the names once per Strapi instance; they follow the content-type schemas. */
export function tablesOf(strapi: Core.Strapi): MarketTables {
  const meta = (uid: string) => strapi.db.metadata.get(uid as any) as any;
  const link = (uid: string, attribute: string): Link => {
    const joinTable = meta(uid).attributes[attribute].joinTable;
    return {
      table: joinTable.name,
      own: joinTable.joinColumn.name,
      other: joinTable.inverseJoinColumn.name,
    };
  };

  return {
    requests: meta(UID.request).tableName,
    clients: meta(UID.client).tableName,
    segments: meta(UID.segment).tableName,
    suppliers: meta(UID.supplier).tableName,
    users: meta(UID.user).tableName,
    admissions: meta(UID.admission).tableName,
    col: (uid, attribute) => meta(uid).attributes[attribute]?.columnName ?? attribute,
    requestSegment: link(UID.request, 'segment'),
    requestClient: link(UID.request, 'client'),
    requestDas: link(UID.request, 'das'),
    supplierSegments: link(UID.supplier, 'segments'),
    supplierAdministrator: link(UID.supplier, 'administrator'),
    userSupplier: link(UID.user, 'supplier'),
    admissionDas: link(UID.admission, 'das'),
    admissionSupplier: link(UID.admission, 'supplier'),
  };
}

/** Escapes LIKE wildcards so a search for "50%" finds exactly that; pairs with ESCAPE '\'. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
