import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { Actor, Transition, TransitionEvent, TransitionTable } from './types';

export const DESK_ONLY_SOURCES = new Set(['admin']);

/** Writes a status the way people read it: "awaiting_client_approval" -> "awaiting client approval". */
export function humanize(status: unknown): string {
  return typeof status === 'string' ? status.replace(/_/g, ' ') : String(status);
}

function listOf(items: string[]): string {
  if (items.length === 0) return 'nothing: it is final';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function nextStatuses(table: TransitionTable, from: string): string[] {
  return table.transitions.filter((move) => move.from === from).map((move) => move.to);
}

/** Refuses a new record whose status is not one the table starts in. */
export function assertInitial(table: TransitionTable, status: unknown): void {
  if (table.initial.includes(status as string)) return;

  throw new errors.ValidationError(
    `A new ${table.entity} starts as ${listOf(table.initial.map(humanize))}, not as ${humanize(status)}.`,
    { code: 'TRANSITION_REFUSED', entity: table.entity, from: null, to: status },
  );
}

/**
 * Finds the move from -> to in the table and checks the actor may make it.
 * The message names the current and the asked status, and what is possible instead.
 */
export function assertMove(
  table: TransitionTable,
  record: string,
  from: string,
  to: unknown,
  actor: Actor,
): Transition {
  const details = { code: 'TRANSITION_REFUSED', entity: table.entity, record, from, to };
  const found = table.transitions.find((move) => move.from === from && move.to === to);

  if (!found) {
    const allowed = listOf(nextStatuses(table, from).map(humanize));
    throw new errors.ValidationError(
      `Cannot move ${table.entity} ${record} from ${humanize(from)} to ${humanize(to)}: ` +
        `from ${humanize(from)} it can move to ${allowed}.`,
      { ...details, allowed: nextStatuses(table, from) },
    );
  }
  if (!found.by.includes(actor.kind)) {
    throw new errors.PolicyError(
      `A ${actor.kind === 'system' ? 'system process' : `${actor.kind} user`} cannot move ` +
        `${table.entity} ${record} from ${humanize(from)} to ${humanize(to)}.`,
      { ...details, code: 'TRANSITION_NOT_YOURS' },
    );
  }
  return found;
}

/** Refuses a move whose table asks this actor for a reason, when none (or only blanks) is given. */
export function assertReason(move: Transition, actor: Actor, reason: string | undefined): void {
  const required = move.reasonRequired;
  if (!required || !required.from.includes(actor.kind) || reason?.trim()) return;
  throw new errors.ValidationError(required.message, { code: 'REASON_REQUIRED', field: 'reason' });
}

/**
 * Runs a move's own check and work inside its transaction, after the write: a problem the
 * check finds refuses the move and the transaction takes the write back with it.
 */
export async function completeMove(
  strapi: Core.Strapi,
  table: TransitionTable,
  move: Transition,
  event: TransitionEvent,
): Promise<void> {
  const problem = move.check ? await move.check(strapi, event.documentId, event.to) : null;
  if (problem) {
    throw new errors.ValidationError(
      `Cannot move ${table.entity} ${event.recordLabel} from ${humanize(event.from)} to ` +
        `${humanize(event.to)}: ${problem}`,
      {
        code: 'TRANSITION_CHECK_FAILED',
        entity: table.entity,
        record: event.recordLabel,
        from: event.from,
        to: event.to,
      },
    );
  }
  if (move.alongside) await move.alongside(strapi, event);
}
