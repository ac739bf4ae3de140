import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { currentActor } from '@desk/plugin-workflow';
import type { Actor, TransitionEvent } from '@desk/plugin-workflow';
import { clock } from '@desk/plugin-workflow';

import { redactValue } from '../redact';

export const ENTRY_UID = 'plugin::audit.entry';

type Changes = Record<string, { from: unknown; to: unknown }>;

export interface AuditRecord {
  action: 'create' | 'update' | 'delete' | 'transition';
  uid: string;
  documentId: string | null;
  record?: string | null;
  changes: Changes;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string;
  actor?: Actor;
}

/** Document ids in Strapi's own shape: 24 lower-case letters and digits. */
function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(24), (byte) => alphabet[byte % alphabet.length]).join('');
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const entityName = (uid: string) =>
    (strapi.getModel(uid as any)?.info as any)?.singularName ?? uid;

  const redact = (uid: string, changes: Changes): Changes => {
    const attributes = (strapi.getModel(uid as any)?.attributes ?? {}) as Record<
      string,
      { type?: string }
    >;
    const out: Changes = {};
    for (const [name, change] of Object.entries(changes)) {
      const type = attributes[name]?.type;
      out[name] = {
        from: redactValue(name, type, change.from),
        to: redactValue(name, type, change.to),
      };
    }
    return out;
  };

  return {
    /** Writes one entry in the running transaction; with it the change commits or neither does. */
    async record(entry: AuditRecord): Promise<void> {
      const actor = entry.actor ?? currentActor(strapi);
      const changes = redact(entry.uid, entry.changes);
      const now = clock.now();

      await strapi.db.query(ENTRY_UID as any).create({
        data: {
          documentId: newDocumentId(),
          at: now,
          action: entry.action,
          entity: entityName(entry.uid),
          entityUid: entry.uid,
          recordDocumentId: entry.documentId,
          record: entry.record ?? entry.documentId,
          fromStatus: entry.fromStatus ?? null,
          toStatus: entry.toStatus ?? null,
          actorKind: actor.kind,
          actorSource: actor.source,
          actorId: actor.id,
          actor: actor.label,
          changedFields: Object.keys(changes).join(', ').slice(0, 2000),
          changes,
          reason: entry.reason ?? null,
          publishedAt: now,
        },
      });
    },

    async recordTransition(event: TransitionEvent): Promise<void> {
      await this.record({
        action: 'transition',
        uid: event.uid,
        documentId: event.documentId,
        record: event.recordLabel,
        changes: event.changes,
        fromStatus: event.from,
        toStatus: event.to,
        reason: event.reason,
        actor: event.actor,
      });
    },
  };
};
