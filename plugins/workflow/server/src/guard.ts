import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { currentActor } from './actors';
import { lockRecord } from './records';
import { assertInitial, assertMove, completeMove, humanize } from './transitions';
import type { TransitionTable } from './types';

type Registry = Map<string, TransitionTable>;

/**
 * A Document Service middleware that holds every write to a registered entity to its
 * transition table: REST, the admin's content manager, services and jobs all pass here.
 * It throws before `next()`, so a refused write changes nothing.
 */
export function createGuard(strapi: Core.Strapi, registry: Registry) {
  return async (
    ctx: { uid: string; action: string; params: any },
    next: () => Promise<unknown>,
  ) => {
    const table = registry.get(ctx.uid);
    if (!table) return next();

    const field = table.field ?? 'state';
    const data = ctx.params?.data;

    switch (ctx.action) {
      case 'create':
        if (data && data[field] === undefined) data[field] = table.initial[0];
        assertInitial(table, data?.[field]);
        return next();

      case 'clone':
        // A copy starts its life again; it never inherits the original's progress.
        ctx.params.data = { ...(data ?? {}), [field]: table.initial[0] };
        return next();

      case 'update':
        if (!data || !(field in data)) return next();
        return guardUpdate(strapi, table, ctx.params.documentId, data[field], next);

      case 'delete': {
        return strapi.db.transaction(async ({ trx }) => {
          const record = await lockRecord(
            strapi,
            trx,
            ctx.uid,
            ctx.params.documentId,
            field,
            table.labelField,
          );
          if (record && !(table.deletableIn ?? []).includes(record.status)) {
            throw new errors.ValidationError(
              `Cannot delete ${table.entity} ${record.label} in status ${humanize(record.status)}: ` +
                (table.deletableIn?.length
                  ? `only a ${table.entity} in ${table.deletableIn.map(humanize).join(' or ')} can be deleted.`
                  : `a ${table.entity} is never deleted; move it to a final status instead.`),
              {
                code: 'DELETE_REFUSED',
                entity: table.entity,
                record: record.label,
                status: record.status,
              },
            );
          }
          return next();
        });
      }

      default:
        return next();
    }
  };
}

/**
 * A status change made by an edit (the content manager's Save): the move must be in the table,
 * and its own check and work run after the write in the same transaction, as they do for
 * the workflow service, so the admin cannot publish past a check or skip a move's mails.
 */
async function guardUpdate(
  strapi: Core.Strapi,
  table: TransitionTable,
  documentId: string,
  to: string,
  next: () => Promise<unknown>,
) {
  const field = table.field ?? 'state';
  return strapi.db.transaction(async ({ trx }) => {
    const record = await lockRecord(strapi, trx, table.uid, documentId, field, table.labelField);
    if (!record || record.status === to) return next();

    const actor = currentActor(strapi);
    const move = assertMove(table, record.label, record.status, to, actor);
    const result = await next();
    await completeMove(strapi, table, move, {
      uid: table.uid,
      entity: table.entity,
      documentId,
      recordLabel: record.label,
      from: record.status,
      to,
      changes: { [field]: { from: record.status, to } },
      actor,
    });
    return result;
  });
}
