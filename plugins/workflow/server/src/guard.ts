import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { currentActor } from './actors';
import { lockRecord } from './records';
import { assertInitial, assertMove, humanize } from './transitions';
import type { TransitionTable } from './types';

type Registry = Map<string, TransitionTable>;

/**
 * A Document Service middleware that holds every write to a registered entity to its
 * transition table: REST, the admin's content manager, services and jobs all pass here.
 * It throws before `next()`, so a refused write changes nothing.
 */
export function createGuard(strapi: Core.Strapi, registry: Registry) {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
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

      case 'update': {
        if (!data || !(field in data)) return next();
        return strapi.db.transaction(async ({ trx }) => {
          const record = await lockRecord(strapi, trx, ctx.uid, ctx.params.documentId, field, table.labelField);
          if (!record) return next();
          if (record.status !== data[field]) {
            assertMove(table, record.label, record.status, data[field], currentActor(strapi));
          }
          return next();
        });
      }

      case 'delete': {
        return strapi.db.transaction(async ({ trx }) => {
          const record = await lockRecord(strapi, trx, ctx.uid, ctx.params.documentId, field, table.labelField);
          if (record && !(table.deletableIn ?? []).includes(record.status)) {
            throw new errors.ValidationError(
              `Cannot delete ${table.entity} ${record.label} in status ${humanize(record.status)}: ` +
                (table.deletableIn?.length
                  ? `only a ${table.entity} in ${table.deletableIn.map(humanize).join(' or ')} can be deleted.`
                  : `a ${table.entity} is never deleted; move it to a final status instead.`),
              { code: 'DELETE_REFUSED', entity: table.entity, record: record.label, status: record.status },
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
