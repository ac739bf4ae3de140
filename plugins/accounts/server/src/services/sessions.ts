import type { Core } from '@strapi/strapi';
import { clock, compiledQueriesOf } from '@desk/plugin-workflow';

import { settings } from '../lib/settings';
import { SESSION_UID, USER_UID } from '../lib/users';
import type { Visitor } from '../lib/visitor';

export type EndReason =
  | 'sign_out'
  | 'idle'
  | 'password_changed'
  | 'factor_changed'
  | 'password_reset'
  | 'desk';

export interface OpenedSession {
  jwt: string;
  session: { id: string; idleMinutes: number };
}

/** A live session names its user's role, which users-permissions then need not look up. */
export type SessionCheck = { ok: true; sessionId: string; roleId: number | null } | { ok: false };

/** A session as the guard reads it; times as the driver gives them. */
interface SessionRow {
  id: number;
  lastSeenAt: string | number | Date;
  endedAt: string | number | Date | null;
  userId: number | null;
  roleId: number | null;
}

/** A session's lastSeenAt moves at most once a minute: fewer writes, same idle rule. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Portal sessions kept on the server: the JWT only names the session, so signing out, the
 * idle timeout and a password change end it for real (ASVS 5.0 V7.3.1, V7.4.1, V7.4.3).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(SESSION_UID as any);
  const idleMs = () => settings().portal.sessionIdleMinutes * 60_000;

  /**
   * The session with its user's id and the user's role in one query, compiled once: this runs
   * on every signed-in call, where populates would cost two more.
   */
  async function sessionRow(sid: string): Promise<SessionRow | undefined> {
    const [row] = await compiledQueriesOf(strapi)<SessionRow>('accounts.session', [sid], (slot) => {
      const meta = strapi.db.metadata.get(SESSION_UID as any) as any;
      const link = meta.attributes.user.joinTable;
      const roleLink = (strapi.db.metadata.get(USER_UID as any) as any).attributes.role.joinTable;
      const column = (name: string) => `s.${meta.attributes[name].columnName ?? name}`;
      return strapi.db
        .connection({ s: meta.tableName })
        .leftJoin({ l: link.name }, `l.${link.joinColumn.name}`, 's.id')
        .leftJoin(
          { r: roleLink.name },
          `r.${roleLink.joinColumn.name}`,
          `l.${link.inverseJoinColumn.name}`,
        )
        .where('s.document_id', slot(0))
        .first({
          id: 's.id',
          lastSeenAt: column('lastSeenAt'),
          endedAt: column('endedAt'),
          userId: `l.${link.inverseJoinColumn.name}`,
          roleId: `r.${roleLink.inverseJoinColumn.name}`,
        });
    });
    return row;
  }

  async function endWhere(where: Record<string, unknown>, reason: EndReason): Promise<void> {
    const open = (await rows().findMany({
      where: { ...where, endedAt: null },
      select: ['id'],
    })) as any[];
    if (!open.length) return;
    await rows().updateMany({
      where: { id: { $in: open.map((row) => row.id) } },
      data: { endedAt: clock.now(), endReason: reason },
    });
  }

  return {
    /** Opens a session and issues the JWT { id, sid } the portal keeps on its server. */
    async open(userId: number, visitor: Visitor): Promise<OpenedSession> {
      const row = (await rows().create({
        data: {
          user: userId,
          lastSeenAt: clock.now(),
          ip: visitor.ip || null,
          userAgent: visitor.userAgent || null,
        },
      })) as any;
      const jwt = strapi
        .plugin('users-permissions')
        .service('jwt')
        .issue({ id: userId, sid: row.documentId });
      return {
        jwt,
        session: { id: row.documentId, idleMinutes: settings().portal.sessionIdleMinutes },
      };
    },

    /** Checks a session for a request and moves lastSeenAt; an idle one is ended. */
    async check(userId: number, sid: string): Promise<SessionCheck> {
      const row = await sessionRow(sid);
      if (!row || row.endedAt !== null || Number(row.userId) !== userId) return { ok: false };

      const now = clock.now().getTime();
      const lastSeen = new Date(row.lastSeenAt).getTime();
      if (now - lastSeen > idleMs()) {
        await endWhere({ id: row.id }, 'idle');
        return { ok: false };
      }
      if (now - lastSeen >= TOUCH_INTERVAL_MS) {
        await rows().updateMany({
          where: { id: row.id, endedAt: null },
          data: { lastSeenAt: new Date(now) },
        });
      }
      return { ok: true, sessionId: sid, roleId: row.roleId === null ? null : Number(row.roleId) };
    },

    async end(sid: string, reason: EndReason): Promise<void> {
      await endWhere({ documentId: sid }, reason);
    },

    /** Ends every session of a user but one (the one making the change stays signed in). */
    async endOthers(userId: number, keepSid: string | null, reason: EndReason): Promise<void> {
      const where: Record<string, unknown> = { user: { id: userId } };
      if (keepSid) where.documentId = { $ne: keepSid };
      await endWhere(where, reason);
    },
  };
};
