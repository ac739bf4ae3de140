import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { SupplierUser } from './people';
import { UID } from './uids';

const MAX_SEGMENTS = 500;
const DOCUMENT_ID = /^[a-z0-9]{1,40}$/;

/** Subscriptions are the supplier's: its administrator and its consultants keep them. */
export function assertMayManage(member: SupplierUser): void {
  if (member.isAdministrator || member.isConsultant) return;
  throw new errors.PolicyError(
    "Your organisation's administrator or a consultant chooses its segments.",
    { code: 'SUBSCRIPTIONS_NOT_YOURS' },
  );
}

/** Every segment, each marked whether the supplier follows it. */
export async function segmentsOf(strapi: Core.Strapi, supplierId: number) {
  const [segments, supplier] = await Promise.all([
    strapi.db.query(UID.segment as any).findMany({
      select: ['id', 'documentId', 'name', 'slug', 'description'],
      orderBy: [{ name: 'asc' }],
    }) as Promise<any[]>,
    strapi.db.query(UID.supplier as any).findOne({
      where: { id: supplierId },
      populate: { segments: { select: ['id'] } },
    }) as Promise<any>,
  ]);
  const subscribed = new Set((supplier?.segments ?? []).map((segment: any) => segment.id));

  return segments.map((segment) => ({
    documentId: segment.documentId,
    name: segment.name,
    slug: segment.slug,
    description: segment.description ?? null,
    subscribed: subscribed.has(segment.id),
  }));
}

/** The segments asked for, as documentIds; a 400 for anything else. */
export function segmentIdsOf(body: unknown): string[] {
  const given = (body as any)?.segments;
  const valid =
    Array.isArray(given) &&
    given.length <= MAX_SEGMENTS &&
    given.every((id) => typeof id === 'string' && DOCUMENT_ID.test(id));
  if (!valid) {
    throw new errors.ValidationError(
      `Send the segments to follow as "segments": a list of up to ${MAX_SEGMENTS} segment documentIds.`,
      { code: 'SUBSCRIPTIONS_INVALID' },
    );
  }
  return [...new Set(given as string[])];
}

/**
 * Replaces the supplier's segments. Visibility is computed from them when read, so the
 * requests of a new segment show at once and those of a dropped one disappear at once.
 */
export async function subscribe(strapi: Core.Strapi, member: SupplierUser, documentIds: string[]) {
  const found = (await strapi.db.query(UID.segment as any).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['documentId'],
  })) as any[];
  const known = new Set(found.map((segment) => segment.documentId));
  const unknown = documentIds.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new errors.ValidationError(`There is no segment ${unknown.join(', ')}.`, {
      code: 'SEGMENT_UNKNOWN',
      unknown,
    });
  }

  await (strapi.documents(UID.supplier as any) as any).update({
    documentId: member.supplier.documentId,
    data: { segments: { set: documentIds.map((documentId) => ({ documentId })) } },
  });
}
