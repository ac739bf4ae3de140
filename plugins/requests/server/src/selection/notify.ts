import type { Core } from '@strapi/strapi';

import { BRANDING_POPULATE, brandingOf } from '../market/branding';

const USER_UID = 'plugin::users-permissions.user';

/** Proposal statuses as suppliers read them in their own language. */
const STATUS_LABELS: Record<'nl' | 'en', Record<string, string>> = {
  nl: {
    draft: 'concept, nog niet voorgesteld',
    proposed: 'voorgesteld',
    submitted_to_client: 'voorgelegd aan de opdrachtgever',
    reserve: 'reserve',
    rejected: 'afgewezen',
    accepted: 'geaccepteerd',
    may_be_hired: 'mag worden ingehuurd',
    withdrawn: 'teruggetrokken',
  },
  en: {
    draft: 'draft, not yet proposed',
    proposed: 'proposed',
    submitted_to_client: 'submitted to client',
    reserve: 'reserve',
    rejected: 'rejected',
    accepted: 'accepted',
    may_be_hired: 'may be hired',
    withdrawn: 'withdrawn',
  },
};

/** A proposal with what its mails name: the SPR number, the candidate, the request, the client. */
export interface ProposalForMail {
  documentId: string;
  number: string | null;
  supplier: { id: number } | null;
  candidate: { firstName: string; lastName: string } | null;
  request: {
    number: string | null;
    title: string;
    closesAt: string | Date | null;
    client: Record<string, any> | null;
  } | null;
}

/** Loads a proposal with the relations its mails and checks need. */
export async function proposalForMail(
  strapi: Core.Strapi,
  documentId: string,
): Promise<ProposalForMail | null> {
  return (await strapi.db.query('plugin::requests.proposal' as any).findOne({
    where: { documentId },
    select: ['documentId', 'number'],
    populate: {
      supplier: { select: ['id'] },
      candidate: { select: ['firstName', 'lastName'] },
      request: {
        select: ['number', 'title', 'closesAt'],
        populate: { client: BRANDING_POPULATE },
      },
    },
  })) as ProposalForMail | null;
}

const nameOf = (proposal: ProposalForMail) =>
  proposal.candidate
    ? `${proposal.candidate.firstName} ${proposal.candidate.lastName}`
    : 'unknown candidate';

/** Mails every active consultant of the proposal's supplier, in the client's branding. */
export async function mailConsultants(
  strapi: Core.Strapi,
  proposal: ProposalForMail,
  change: { from: string; to: string; reason?: string; key: string },
): Promise<void> {
  if (!proposal.supplier) return;
  const consultants = (await strapi.db.query(USER_UID as any).findMany({
    where: { supplier: { id: proposal.supplier.id }, isConsultant: true, blocked: false },
    select: ['id', 'email', 'firstName', 'lastName', 'locale'],
  })) as any[];

  for (const consultant of consultants) {
    const locale: 'nl' | 'en' = consultant.locale === 'en' ? 'en' : 'nl';
    await strapi
      .plugin('outbox')
      .service('outbox')
      .enqueue({
        to: consultant.email,
        toName: [consultant.firstName, consultant.lastName].filter(Boolean).join(' ') || null,
        locale,
        template: 'proposal.status-changed',
        client: proposal.request?.client ? brandingOf(proposal.request.client) : null,
        dedupeKey: `proposal-status:${change.key}:${consultant.id}`,
        data: {
          proposal: proposal.number ?? proposal.documentId,
          candidate: nameOf(proposal),
          request: `${proposal.request?.number ?? ''} ${proposal.request?.title ?? ''}`.trim(),
          from: STATUS_LABELS[locale][change.from] ?? change.from,
          to: STATUS_LABELS[locale][change.to] ?? change.to,
          reason: change.reason ?? null,
          actionUrl: `/proposals/${proposal.documentId}`,
        },
      });
  }
}

/** The desk's own mailbox: the address its mail is sent from (MAIL_FROM). */
export function deskAddress(strapi: Core.Strapi): string {
  const from = String((strapi.config.get('plugin::outbox') as { from?: string })?.from ?? '');
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/** Warns the desk about a proposal that needs a person's judgement. */
export async function alertDesk(
  strapi: Core.Strapi,
  proposal: ProposalForMail,
  alert: { kind: 'dual_representation' | 'late_withdrawal'; detail: string; key: string },
): Promise<void> {
  await strapi
    .plugin('outbox')
    .service('outbox')
    .enqueue({
      to: deskAddress(strapi),
      locale: 'nl',
      template:
        alert.kind === 'late_withdrawal'
          ? 'proposal.late-withdrawal'
          : 'proposal.dual-representation',
      dedupeKey: `proposal-${alert.kind}:${alert.key}`,
      data: {
        proposal: proposal.number ?? proposal.documentId,
        candidate: nameOf(proposal),
        request: `${proposal.request?.number ?? ''} ${proposal.request?.title ?? ''}`.trim(),
        detail: alert.detail,
      },
    });
}
