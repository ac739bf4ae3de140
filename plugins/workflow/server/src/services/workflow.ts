import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { currentActor } from '../actors';
import { createGuard } from '../guard';
import { lockRecord } from '../records';
import { assertMove, assertReason, completeMove, nextStatuses } from '../transitions';
import type { TransitionEvent, TransitionTable } from '../types';

type Listener = (event: TransitionEvent) => Promise<void>;

export interface TransitionInput {
  uid: string;
  documentId: string;
  to: string;
  /** Other attributes written with the move (a reason, a date, ...). */
  data?: Record<string, unknown>;
  reason?: string;
  /** Work that must commit or fail with the move: an outbox mail, a history line. */
  alongside?: (event: TransitionEvent) => Promise<void>;
}

/** The workflow service: the registry of transition tables and the one way to move a status. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = new Map<string, TransitionTable>();
  const listeners: Listener[] = [];

  return {
    register(table: TransitionTable): void {
      registry.set(table.uid, table);
    },

    table(uid: string): TransitionTable | undefined {
      return registry.get(uid);
    },

    tables(): TransitionTable[] {
      return [...registry.values()];
    },

    /** Listeners run inside the transaction of every move (the audit trail is one). */
    onTransition(listener: Listener): void {
      listeners.push(listener);
    },

    guard() {
      return createGuard(strapi, registry);
    },

    /** The statuses a record may move to next, for buttons and forms. */
    nextStatuses(uid: string, from: string): string[] {
      const table = registry.get(uid);
      return table ? nextStatuses(table, from) : [];
    },

    /**
     * Moves one record along its table: guard, conditional update, the move's own check and
     * work, then listeners and the caller's own work, all in one transaction. A retry of a move already made fails
     * with the same message as any other refused move and changes nothing.
     */
    async transition(input: TransitionInput): Promise<TransitionEvent> {
      const table = registry.get(input.uid);
      if (!table) throw new errors.ApplicationError(`${input.uid} has no transition table.`);
      const field = table.field ?? 'state';
      const actor = currentActor(strapi);

      return strapi.db.transaction(async ({ trx }) => {
        const record = await lockRecord(
          strapi,
          trx,
          input.uid,
          input.documentId,
          field,
          table.labelField,
        );
        if (!record)
          throw new errors.NotFoundError(`There is no ${table.entity} ${input.documentId}.`);
        const move = assertMove(table, record.label, record.status, input.to, actor);
        assertReason(move, actor, input.reason);

        const data = { ...(input.data ?? {}), [field]: input.to };
        const { count } = await strapi.db
          .query(input.uid as any)
          .updateMany({ where: { id: record.id, [field]: record.status }, data });
        if (count !== 1) {
          throw new errors.ApplicationError(
            `${table.entity} ${record.label} changed while it was being moved; try again.`,
            { code: 'TRANSITION_CONFLICT' },
          );
        }

        const changes: TransitionEvent['changes'] = {
          [field]: { from: record.status, to: input.to },
        };
        for (const [key, value] of Object.entries(input.data ?? {}))
          changes[key] = { from: undefined, to: value };
        const event: TransitionEvent = {
          uid: input.uid,
          entity: table.entity,
          documentId: input.documentId,
          recordLabel: record.label,
          from: record.status,
          to: input.to,
          reason: input.reason,
          changes,
          actor,
        };

        await completeMove(strapi, table, move, event);
        for (const listener of listeners) await listener(event);
        if (input.alongside) await input.alongside(event);
        return event;
      });
    },
  };
};
