import type { Core } from '@strapi/strapi';
import { clock, currentActor, type Actor, type TransitionEvent } from '@desk/plugin-workflow';

import { alertDesk, mailConsultants, proposalForMail } from './notify';

export const PROPOSAL_UID = 'plugin::requests.proposal';

/** One line of a proposal's history, as suppliers and the desk read it. */
export interface HistoryLine {
  from: string;
  to: string;
  at: string;
  by: string;
  reason: string | null;
}

interface Change {
  documentId: string;
  from: string;
  to: string;
  reason?: string;
  actor: Actor;
}

/**
 * Records one status change of a proposal: a line in statusHistory, a mail to the supplier's
 * consultants and, for a withdrawal after closing, a mail to the desk. Runs in the caller's
 * transaction, so the change, its history and its mails commit together.
 */
export async function recordProposalChange(strapi: Core.Strapi, change: Change): Promise<void> {
  const proposals = strapi.db.query(PROPOSAL_UID as any);
  const row = (await proposals.findOne({
    where: { documentId: change.documentId },
    select: ['id', 'statusHistory'],
  })) as any;
  if (!row) return;

  const now = clock.now();
  const line: HistoryLine = {
    from: change.from,
    to: change.to,
    at: now.toISOString(),
    by: change.actor.kind === 'desk' ? 'hiring desk' : change.actor.label,
    reason: change.reason ?? null,
  };
  const history = [...(Array.isArray(row.statusHistory) ? row.statusHistory : []), line];
  await proposals.update({ where: { id: row.id }, data: { statusHistory: history } });

  const proposal = await proposalForMail(strapi, change.documentId);
  if (!proposal) return;
  const key = `${change.documentId}:${history.length}`;
  await mailConsultants(strapi, proposal, {
    from: change.from,
    to: change.to,
    reason: change.reason,
    key,
  });

  const closesAt = proposal.request?.closesAt ? new Date(proposal.request.closesAt) : null;
  if (change.to === 'withdrawn' && closesAt && now.getTime() >= closesAt.getTime()) {
    const detail =
      `Withdrawn by ${line.by} at ${line.at}` + (line.reason ? `: ${line.reason}` : '.');
    await alertDesk(strapi, proposal, { kind: 'late_withdrawal', detail, key });
  }
}

/** The workflow's listener: every move made through workflow.transition(). */
export function historyListener(strapi: Core.Strapi) {
  return async (event: TransitionEvent) => {
    if (event.uid !== PROPOSAL_UID) return;
    await recordProposalChange(strapi, { ...event });
  };
}

/**
 * A Document Service middleware for the other path: a status edited in the content manager (or
 * by any document service update). workflow.transition() writes through the query layer and
 * never passes here, so no change is recorded twice.
 */
export function historyMiddleware(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) => {
    const data = ctx.params?.data;
    if (ctx.uid !== PROPOSAL_UID || ctx.action !== 'update' || !data || !('state' in data))
      return next();

    return strapi.db.transaction(async () => {
      const before = (await strapi.db.query(PROPOSAL_UID as any).findOne({
        where: { documentId: ctx.params.documentId },
        select: ['state'],
      })) as any;
      const result = await next();

      if (before && before.state !== data.state) {
        await recordProposalChange(strapi, {
          documentId: ctx.params.documentId,
          from: before.state,
          to: data.state,
          actor: currentActor(strapi),
        });
      }
      return result;
    });
  };
}
