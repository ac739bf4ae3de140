import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const COUNTER_TABLE = 'desk_number_counters';

export interface Series {
  /** The counter's key, for example "SRQ" or "INV-2026". */
  key: string;
  /** How a value is written: SRQ000042. */
  format: (value: number) => string;
}

export interface Assignment {
  field: string;
  series: (data: Record<string, unknown>) => Series;
}

/** A prefix and six digits, the shape of every desk number. */
export function prefixed(prefix: string, digits = 6): Series {
  return { key: prefix, format: (value) => `${prefix}${String(value).padStart(digits, '0')}` };
}

/**
 * Per-series counters. A number is taken inside the transaction that stores the record, with
 * one upsert that locks the counter row until commit: concurrent writers wait for each other,
 * and a rolled-back record gives its number back, so every series stays unique and gap-free.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const assignments = new Map<string, Assignment>();

  return {
    async ensureTable(): Promise<void> {
      const knex = strapi.db.connection;
      if (await knex.schema.hasTable(COUNTER_TABLE)) return;
      try {
        await knex.schema.createTable(COUNTER_TABLE, (table) => {
          table.string('series', 40).primary();
          table.integer('last_value').notNullable();
        });
      } catch (error) {
        // Another node created it at the same moment; that is all we wanted.
        if (!(await knex.schema.hasTable(COUNTER_TABLE))) throw error;
      }
    },

    /** Takes the next value of a series in the running transaction (or in its own). */
    async next(series: Series): Promise<string> {
      return strapi.db.transaction(async ({ trx }) => {
        const result = await trx.raw(
          `INSERT INTO ${COUNTER_TABLE} (series, last_value) VALUES (?, 1)
           ON CONFLICT (series) DO UPDATE SET last_value = ${COUNTER_TABLE}.last_value + 1
           RETURNING last_value`,
          [series.key],
        );
        const rows = Array.isArray(result) ? result : result.rows;
        return series.format(Number(rows[0].last_value));
      });
    },

    /** Gives every new record of `uid` a number from its series when it is created. */
    assignOnCreate(uid: string, assignment: Assignment): void {
      assignments.set(uid, assignment);
    },

    middleware() {
      return async (
        ctx: { uid: string; action: string; params: any },
        next: () => Promise<unknown>,
      ) => {
        const assignment = assignments.get(ctx.uid);
        if (!assignment) return next();
        const data = ctx.params?.data;

        if (ctx.action === 'create' || ctx.action === 'clone') {
          return strapi.db.transaction(async () => {
            ctx.params.data = {
              ...(data ?? {}),
              [assignment.field]: await this.next(assignment.series(data ?? {})),
            };
            return next();
          });
        }
        if (ctx.action === 'update' && data && assignment.field in data) {
          const current = await strapi.db
            .query(ctx.uid as any)
            .findOne({ where: { documentId: ctx.params.documentId }, select: [assignment.field] });
          if (current && current[assignment.field] !== data[assignment.field]) {
            throw new errors.ValidationError(
              `The ${assignment.field} ${current[assignment.field]} is given by the desk and cannot be changed.`,
              { code: 'NUMBER_IMMUTABLE' },
            );
          }
        }
        return next();
      };
    },
  };
};
