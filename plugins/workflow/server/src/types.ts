import type { Core } from '@strapi/strapi';

/** Who acts: desk staff in the admin, portal users by their organisation, or the system. */
export type ActorKind = 'desk' | 'supplier' | 'client' | 'worker' | 'system';

export interface Actor {
  kind: ActorKind;
  /** Where the action came from: the admin, the portal's REST calls, an API token or a job. */
  source: 'admin' | 'portal' | 'api-token' | 'job' | 'system';
  id: string | null;
  /** A name to show in the audit trail: an e-mail address or a job's name; never a secret. */
  label: string;
}

/**
 * Finds what stops a record from making a move, as a sentence ("it needs a title"), or null
 * when nothing does. It runs inside the move's transaction after the write, so it sees the
 * record as it would be committed, however the move was made.
 */
export type TransitionCheck = (
  strapi: Core.Strapi,
  documentId: string,
  to: string,
) => Promise<string | null>;

/** Work that commits or fails with a move however it is made: a date stamp, mails. */
export type TransitionEffect = (strapi: Core.Strapi, event: TransitionEvent) => Promise<void>;

export interface Transition<S extends string = string> {
  from: S;
  to: S;
  /** The kinds of actor allowed to make this move. */
  by: readonly ActorKind[];
  check?: TransitionCheck;
  alongside?: TransitionEffect;
  /** The actors who must say why they make this move, and what they are told when they do not. */
  reasonRequired?: ReasonRequired;
}

export interface ReasonRequired {
  from: readonly ActorKind[];
  message: string;
}

export interface MoveOptions {
  check?: TransitionCheck;
  alongside?: TransitionEffect;
  reasonRequired?: ReasonRequired;
}

/** The allowed moves of one entity's status: data, kept in one module per entity. */
export interface TransitionTable<S extends string = string> {
  uid: string;
  /** The entity's name in messages: "request", "proposal", ... */
  entity: string;
  /** The status attribute; "state" unless said otherwise ("status" is taken by Strapi's content manager). */
  field?: string;
  /** An attribute that names a record to people (SRQ number, ...); the documentId otherwise. */
  labelField?: string;
  initial: readonly S[];
  transitions: readonly Transition<S>[];
  /** Statuses in which a record may still be deleted; none when left out. */
  deletableIn?: readonly S[];
  /** The entity's name in REST paths: POST /api/workflow/<path>/<documentId>/transitions. */
  path?: string;
  /**
   * Relations, as dotted paths, that tie a record to the organisation whose portal users may
   * move it: a supplier user's supplier, a client user's client, a worker's own user record.
   */
  ownedBy?: Partial<Record<'supplier' | 'client' | 'worker', string>>;
  /**
   * Boolean role attributes of the users-permissions user, one of which a portal user of that
   * kind must hold to move a record through REST: `{ supplier: ['isConsultant'] }`. Without an
   * entry, every user of the owning organisation may.
   */
  portalRoles?: Partial<Record<'supplier' | 'client' | 'worker', readonly string[]>>;
}

/** Expands `from` lists so tables stay short: move(['a', 'b'], 'c', ['desk']). */
export function move<S extends string>(
  from: S | readonly S[],
  to: S,
  by: readonly ActorKind[],
  options: MoveOptions = {},
): Transition<S>[] {
  return (Array.isArray(from) ? from : [from]).map((one) => ({
    from: one as S,
    to,
    by,
    ...options,
  }));
}

export function defineTransitions<S extends string>(table: TransitionTable<S>): TransitionTable<S> {
  return table;
}

export interface TransitionEvent {
  uid: string;
  entity: string;
  documentId: string;
  recordLabel: string;
  from: string;
  to: string;
  reason?: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  actor: Actor;
}
