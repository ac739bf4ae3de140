/** The statuses of requests and proposals as the portal names them, in Dutch and English. */

type Label = { nl: string; en: string };

const REQUEST_STATES: Record<string, Label> = {
  draft: { nl: 'Concept', en: 'Draft' },
  awaiting_client_approval: { nl: 'Wacht op goedkeuring', en: 'Awaiting approval' },
  approved: { nl: 'Goedgekeurd', en: 'Approved' },
  published: { nl: 'Open', en: 'Open' },
  closed: { nl: 'Gesloten', en: 'Closed' },
  awarded: { nl: 'Gegund', en: 'Awarded' },
  cancelled: { nl: 'Geannuleerd', en: 'Cancelled' },
};

/** The proposal statuses by the names the desk uses for them. */
const PROPOSAL_STATES: Record<string, Label> = {
  draft: { nl: 'Concept, nog niet voorgesteld', en: 'Draft, not yet proposed' },
  proposed: { nl: 'Voorgesteld', en: 'Proposed' },
  submitted_to_client: { nl: 'Voorgelegd aan opdrachtgever', en: 'Submitted to client' },
  reserve: { nl: 'Reserve', en: 'Reserve' },
  rejected: { nl: 'Afgewezen', en: 'Rejected' },
  accepted: { nl: 'Geaccepteerd', en: 'Accepted' },
  may_be_hired: { nl: 'Mag worden ingehuurd', en: 'May be hired' },
  withdrawn: { nl: 'Teruggetrokken', en: 'Withdrawn' },
};

const FLEX_WORKER_TYPES: Record<string, Label> = {
  flex_employee: { nl: 'Flexkracht in loondienst', en: 'Flex employee' },
  self_employed: { nl: 'Zelfstandige (zzp)', en: 'Self-employed' },
};

const fallback = (value: string): Label => {
  const words = value.replace(/_/g, ' ');
  return { nl: words, en: words };
};

export const requestState = (state: string): Label => REQUEST_STATES[state] ?? fallback(state);
export const proposalState = (state: string): Label => PROPOSAL_STATES[state] ?? fallback(state);
export const flexWorkerType = (type: string): Label => FLEX_WORKER_TYPES[type] ?? fallback(type);

/** The request statuses a supplier can filter its list by. */
export const SUPPLIER_REQUEST_STATES = ['published', 'closed', 'awarded'] as const;

/** Proposal statuses from which the supplier may still withdraw. */
export const WITHDRAWABLE = [
  'draft',
  'proposed',
  'submitted_to_client',
  'reserve',
  'accepted',
  'may_be_hired',
];

/** "Voorgesteld / Proposed", or one language when both say the same. */
export function both(label: Label): string {
  return label.nl === label.en ? label.nl : `${label.nl} / ${label.en}`;
}
