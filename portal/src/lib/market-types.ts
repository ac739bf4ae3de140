/** Shapes of the requests plugin's answers that the portal renders (`/api/requests/*`). */

export interface Named {
  name: string;
  slug: string;
}

/** One row of a supplier's request list. */
export interface RequestSummary {
  documentId: string;
  number: string;
  title: string;
  state: string;
  closesAt: string | null;
  location: string | null;
  hoursPerWeek: number | null;
  maxRateCents: number | null;
  das: boolean;
  client: Named | null;
  segment: Named;
}

export interface Criterion {
  key: string;
  text: string | null;
  weight: number | null;
  knockOut: boolean | null;
  /** Who fills it in: the supplier, or the desk from the CV. */
  filledBy: 'supplier' | 'desk' | null;
}

export interface Question {
  documentId: string;
  text: string;
  answer: string | null;
  askedAt: string | null;
  answeredAt: string | null;
  /** Asked by the reader's own organisation. */
  yours: boolean;
}

/** A request as a supplier (or its client) reads it. */
export interface RequestDetail {
  documentId: string;
  number: string;
  title: string;
  description: string | null;
  location: string | null;
  state: string;
  client: Named;
  segment: Named;
  das: { name: string; reference: string | null } | null;
  financialInformation: { maxRateCents: number | null };
  evaluationCriteria: Criterion[];
  schedule: {
    startDate: string | null;
    endDate: string | null;
    hoursPerWeek: number | null;
    closesAt: string | null;
    timeZone: string;
  };
  /** Open for questions and proposals at this moment, by the cms's clock. */
  open: boolean;
  questions: Question[];
  /** Only in the client's view. */
  clientApprovedAt?: string | null;
  mayApprove?: boolean;
}

/** One row of a client's own request list. */
export interface ClientRequestSummary {
  documentId: string;
  number: string;
  title: string;
  state: string;
  closesAt: string | null;
  startDate: string | null;
  hoursPerWeek: number | null;
  maxRateCents: number | null;
  segment: Named | null;
}

export interface Segment {
  documentId: string;
  name: string;
  slug: string;
  description: string | null;
  subscribed: boolean;
}

export interface CvFile {
  documentId: string;
  name: string;
  mime: string;
  size: number;
}

export interface Candidate {
  documentId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  skills: string | null;
  isSelf: boolean;
  createdAt: string;
  cv: CvFile | null;
}

export interface ProposalSummary {
  documentId: string;
  number: string;
  state: string;
  offeredRateCents: number;
  flexWorkerType: string;
  invoicingParty: string;
  proposedAt: string | null;
  request: { documentId: string; number: string; title: string; closesAt: string | null } | null;
  candidate: { documentId: string; firstName: string; lastName: string } | null;
}

export interface HistoryLine {
  from: string;
  to: string;
  at: string;
  by: string;
  reason: string | null;
}

export interface CriterionAnswer {
  key: string;
  met: boolean;
  explanation: string | null;
}

/** The candidate card of one proposal (SPR): the list's row with the whole story. */
export interface ProposalCard extends Omit<ProposalSummary, 'request' | 'candidate'> {
  criteriaAnswers: CriterionAnswer[] | null;
  availability: string | null;
  statusHistory: HistoryLine[] | null;
  completedData: Record<string, string> | null;
  completedAt: string | null;
  request:
    | (NonNullable<ProposalSummary['request']> & {
        state: string;
        startDate: string | null;
        hoursPerWeek: number | null;
      })
    | null;
  candidate: (Omit<Candidate, 'createdAt'> & { cv: CvFile | null }) | null;
  completeData: {
    editable: boolean;
    required: string[];
    problems: { field: string; message: string }[];
  };
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount?: number;
  total: number;
}

/** The pagination of a list answer, with a page count however the cms sent it. */
export function paginationOf(meta: Record<string, unknown> | undefined): Pagination {
  const raw = (meta?.pagination ?? {}) as Partial<Pagination>;
  const page = Number(raw.page) || 1;
  const pageSize = Number(raw.pageSize) || 25;
  const total = Number(raw.total) || 0;
  return { page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
