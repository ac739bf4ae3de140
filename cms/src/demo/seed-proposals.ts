import type { Actor } from '@desk/plugin-workflow';

import { demoEmail, SUPPLIERS } from './data';
import {
  CANDIDATES,
  PROPOSALS,
  REQUESTS,
  type CandidateSpec,
  type ProposalState,
} from './data-requests';
import {
  create,
  daysFrom,
  DESK,
  earliest,
  found,
  portalActor,
  step,
  UID,
  walk,
  type Demo,
  type Rec,
  type Step,
} from './context';
import { closesAtOf } from './seed-requests';

/** A self-employed supplier's one candidate: the person, under the supplier's key. */
function selfCandidates(): (CandidateSpec & { isSelf: true })[] {
  return SUPPLIERS.filter((supplier) => supplier.kind === 'self_employed').map((supplier) => ({
    key: supplier.key,
    supplier: supplier.key,
    ...supplier.administrator,
    skills: supplier.skills ?? '',
    isSelf: true,
  }));
}

export const allCandidates = (): (CandidateSpec & { isSelf?: boolean })[] => [
  ...CANDIDATES,
  ...selfCandidates(),
];

/** The suppliers' candidate pools; the self-employed are their own candidate and user. */
export async function seedCandidates(demo: Demo): Promise<void> {
  for (const spec of allCandidates()) {
    const record = await create(demo, UID.candidate, {
      supplier: found(demo.suppliers, spec.supplier).id,
      firstName: spec.firstName,
      lastName: spec.lastName,
      email: demoEmail(spec),
      phone: spec.phone,
      skills: spec.skills,
      isSelf: spec.isSelf ?? false,
      user: spec.isSelf ? found(demo.users, `${spec.supplier}.administrator`).id : null,
    });
    demo.candidates.set(spec.key, record);
  }
}

/** The moves to each state: the supplier proposes, the desk selects, the supplier confirms. */
const PATHS: Record<ProposalState, [to: string, by: 'supplier' | 'desk'][]> = {
  proposed: [['proposed', 'supplier']],
  submitted_to_client: [
    ['proposed', 'supplier'],
    ['submitted_to_client', 'desk'],
  ],
  reserve: [
    ['proposed', 'supplier'],
    ['submitted_to_client', 'desk'],
    ['reserve', 'desk'],
  ],
  rejected: [
    ['proposed', 'supplier'],
    ['rejected', 'desk'],
  ],
  accepted: [
    ['proposed', 'supplier'],
    ['submitted_to_client', 'desk'],
    ['accepted', 'desk'],
  ],
  may_be_hired: [
    ['proposed', 'supplier'],
    ['submitted_to_client', 'desk'],
    ['accepted', 'desk'],
    ['may_be_hired', 'supplier'],
  ],
  withdrawn: [
    ['proposed', 'supplier'],
    ['withdrawn', 'supplier'],
  ],
};

function proposalSteps(state: ProposalState, consultant: Actor, proposedAt: Date): Step[] {
  return PATHS[state].map(([to, by]) =>
    step(to, by === 'desk' ? DESK : consultant, to === 'proposed' ? { proposedAt } : undefined),
  );
}

function proposalData(
  demo: Demo,
  proposal: (typeof PROPOSALS)[number],
  candidate: CandidateSpec & { isSelf?: boolean },
) {
  const request = REQUESTS.find((spec) => spec.key === proposal.request)!;
  // A professional working for themselves is self-employed; whoever they work through invoices.
  const selfEmployed = Boolean(candidate.isSelf || candidate.selfEmployed);
  const criteriaAnswers = request.criteria
    .filter((criterion) => criterion.filledBy === 'supplier')
    .map((criterion) => ({
      key: criterion.key,
      met: true,
      explanation: `Zie cv: ${candidate.skills}.`,
    }));

  return {
    request: found(demo.requests, proposal.request).id,
    candidate: found(demo.candidates, candidate.key).id,
    supplier: found(demo.suppliers, candidate.supplier).id,
    proposedBy: found(demo.users, `${candidate.supplier}.administrator`).id,
    offeredRateCents: proposal.rateCents,
    flexWorkerType: selfEmployed ? 'self_employed' : 'flex_employee',
    invoicingParty: candidate.isSelf ? 'self_employed' : 'supplier',
    criteriaAnswers,
    availability: `Beschikbaar vanaf de gevraagde startdatum, ${request.hoursPerWeek} uur per week.`,
  };
}

/** The proposals on published, closed and awarded requests, each walked to its state. */
export async function seedProposals(demo: Demo): Promise<void> {
  const candidates = allCandidates();
  for (const proposal of PROPOSALS) {
    const candidate = candidates.find((spec) => spec.key === proposal.candidate)!;
    const request = REQUESTS.find((spec) => spec.key === proposal.request)!;
    const record: Rec = await create(demo, UID.proposal, proposalData(demo, proposal, candidate));

    const consultant = portalActor(
      found(demo.users, `${candidate.supplier}.administrator`),
      'supplier',
    );
    const proposedAt = earliest(daysFrom(demo.now, -1), daysFrom(closesAtOf(demo, request), -3));
    await walk(demo, UID.proposal, record, proposalSteps(proposal.state, consultant, proposedAt));
    demo.proposals.set(`${proposal.request}/${proposal.candidate}`, record);
  }
}
