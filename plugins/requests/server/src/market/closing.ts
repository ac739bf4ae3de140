import type { Core } from '@strapi/strapi';
import cron, { type ScheduledTask } from 'node-cron';
import { clock, runAsJob } from '@desk/plugin-workflow';

import { UID } from './uids';

export const CLOSE_JOB = 'close-requests';
/** Requests closed per run at most; a longer backlog is finished by the next minutes' runs. */
const BATCH = 500;

export interface CloseResult {
  closed: string[];
  /** True when another process held the lock and this run did nothing. */
  skipped: boolean;
}

/**
 * One run inside one transaction. On PostgreSQL a transaction-level advisory lock makes
 * the runs of several cms nodes take turns: a node that cannot take it skips this minute,
 * and the lock ends with the transaction even when the node dies. The transitions reuse
 * the transaction, so each request moves (with its audit entry) exactly once.
 */
async function closeInTransaction(strapi: Core.Strapi, now: Date): Promise<CloseResult> {
  return strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      const { rows } = await trx.raw('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [
        `desk:${CLOSE_JOB}`,
      ]);
      if (!rows[0]?.locked) return { closed: [], skipped: true };
    }

    const due = (await strapi.db.query(UID.request as any).findMany({
      where: { state: 'published', closesAt: { $lte: now } },
      select: ['documentId'],
      orderBy: [{ closesAt: 'asc' }, { id: 'asc' }],
      limit: BATCH,
    })) as any[];
    const workflow = strapi.plugin('workflow').service('workflow');
    for (const { documentId } of due) {
      await workflow.transition({
        uid: UID.request,
        documentId,
        to: 'closed',
        data: { closedAt: now },
      });
    }
    return { closed: due.map((request) => request.documentId), skipped: false };
  });
}

/** SQLite runs in one process; its runs queue here so two never overlap. */
let sqliteTurn: Promise<unknown> = Promise.resolve();

/** Closes the published requests whose closing time has passed, as the job 'close-requests'. */
export function closeDueRequests(
  strapi: Core.Strapi,
  { now }: { now?: Date } = {},
): Promise<CloseResult> {
  const run = () => runAsJob(CLOSE_JOB, () => closeInTransaction(strapi, now ?? clock.now()));
  if (strapi.db.dialect.client === 'postgres') return run();

  const turn = sqliteTurn.then(run, run);
  sqliteTurn = turn.catch(() => undefined);
  return turn;
}

/** Runs the closing every minute in this process, when it runs jobs at all. */
export function scheduleClosing(strapi: Core.Strapi): ScheduledTask {
  return cron.schedule(
    '* * * * *',
    async () => {
      try {
        const { closed } = await closeDueRequests(strapi);
        if (closed.length)
          strapi.log.info(`The ${CLOSE_JOB} job closed ${closed.length} request(s).`);
      } catch (error) {
        strapi.log.error(
          `The ${CLOSE_JOB} job stopped a run: ${(error as Error)?.message ?? error}`,
        );
      }
    },
    { name: CLOSE_JOB },
  );
}
