import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { ENTRY_UID } from './services/audit';

type Attributes = Record<string, { type?: string; relation?: string }>;
type DocumentContext = { uid: string; action: string; params: any };

const WRITES = new Set(['create', 'update', 'delete']);
/** Attributes that name a record to people, in order of preference. */
const LABELS = ['number', 'code', 'name', 'legalName', 'title', 'email'];
const SKIPPED = new Set([
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/** Reads the named attributes of a record: scalars as they are, relations as documentIds. */
async function snapshot(strapi: Core.Strapi, uid: string, documentId: string, fields: string[]) {
  const attributes = strapi.getModel(uid as any).attributes as Attributes;
  const relations = fields.filter((name) =>
    ['relation', 'media'].includes(attributes[name]?.type ?? ''),
  );
  const populate = Object.fromEntries(relations.map((name) => [name, { select: ['documentId'] }]));

  const row = await strapi.db.query(uid as any).findOne({ where: { documentId }, populate });
  if (!row) return null;

  const out: Record<string, unknown> = {};
  for (const name of fields) {
    const value = row[name];
    if (!relations.includes(name)) out[name] = value;
    else if (Array.isArray(value))
      out[name] = value.map((item) => item.documentId ?? item.id).sort();
    else out[name] = value ? (value.documentId ?? value.id) : null;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  const normal = (value: unknown) =>
    value instanceof Date ? value.toISOString() : (value ?? null);
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

/**
 * Records every create, update and delete of an audited entity in the same transaction as
 * the write, whoever makes it: the admin, the REST API, a service or a job.
 */
export function createAuditMiddleware(strapi: Core.Strapi, isAudited: (uid: string) => boolean) {
  const audit = () => strapi.plugin('audit').service('audit');

  return async (ctx: DocumentContext, next: () => Promise<any>) => {
    if (
      ctx.uid === ENTRY_UID &&
      !['findOne', 'findMany', 'findFirst', 'count'].includes(ctx.action)
    ) {
      throw new errors.PolicyError(
        'The audit trail is written by the hiring desk itself; its entries cannot be added, changed or removed.',
      );
    }
    if (!isAudited(ctx.uid) || !WRITES.has(ctx.action)) return next();

    const attributes = strapi.getModel(ctx.uid as any).attributes as Attributes;
    const given = Object.keys(ctx.params?.data ?? {}).filter(
      (name) => attributes[name] && !SKIPPED.has(name),
    );
    const allFields = Object.keys(attributes).filter(
      (name) =>
        !SKIPPED.has(name) &&
        attributes[name].type !== 'relation' &&
        attributes[name].type !== 'media',
    );
    const fields = ctx.action === 'delete' ? allFields : given;
    const read = [...new Set([...fields, ...LABELS.filter((name) => attributes[name])])];

    return strapi.db.transaction(async () => {
      const documentId: string | undefined = ctx.params?.documentId;
      const before = documentId ? await snapshot(strapi, ctx.uid, documentId, read) : null;

      const result = await next();

      const afterId = ctx.action === 'delete' ? null : (result?.documentId ?? documentId);
      const after = afterId ? await snapshot(strapi, ctx.uid, afterId, read) : null;
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const name of fields) {
        const from = before?.[name] ?? null;
        const to = after?.[name] ?? null;
        if (!same(from, to)) changes[name] = { from, to };
      }
      if (ctx.action === 'update' && Object.keys(changes).length === 0) return result;

      await audit().record({
        action: ctx.action as 'create' | 'update' | 'delete',
        uid: ctx.uid,
        documentId: afterId ?? documentId ?? null,
        record: labelOf(after ?? before, afterId ?? documentId),
        changes,
        fromStatus: (changes.state?.from as string) ?? null,
        toStatus: (changes.state?.to as string) ?? null,
      });
      return result;
    });
  };
}

function labelOf(
  values: Record<string, unknown> | null,
  documentId: string | undefined,
): string | null {
  for (const key of LABELS) {
    if (typeof values?.[key] === 'string' && values[key]) return values[key] as string;
  }
  return documentId ?? null;
}
