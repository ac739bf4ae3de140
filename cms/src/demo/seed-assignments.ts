import { CLIENTS, HOUR_TYPES } from './data';
import { ASSIGNMENTS, REQUESTS } from './data-requests';
import {
  create,
  DESK,
  found,
  portalActor,
  step,
  UID,
  update,
  walk,
  type Demo,
  type Rec,
} from './context';
import { createUser } from './seed-people';
import { allCandidates } from './seed-proposals';
import { endDateOf, startDateOf } from './seed-requests';
import { seedTimesheets } from './seed-timesheets';

type AssignmentSpec = (typeof ASSIGNMENTS)[number];

/** A rate in basis points of another, rounded half up, in whole cents. */
export function applyBasisPoints(cents: number, basisPoints: number): number {
  return Math.floor((cents * basisPoints + 5000) / 10000);
}

/** The hourly rate per kind of hours, and the fixed amount of each allowance the worker uses. */
function ratesOf(
  rateCents: number,
  spec: AssignmentSpec,
): { hourType: string; rateCents: number }[] {
  const used = new Set(['NORMAAL', 'OVERWERK125', 'OVERWERK150']);
  if (spec.travelKm) used.add('REISKOSTEN');
  if (spec.homeWorkFriday) used.add('THUISWERK');

  return HOUR_TYPES.filter((hourType) => used.has(hourType.code)).map((hourType) => ({
    hourType: hourType.code,
    rateCents:
      'amountCents' in hourType
        ? hourType.amountCents
        : applyBasisPoints(rateCents, hourType.rateFactorBasisPoints),
  }));
}

/** The worker's own portal account, linked to the candidate they were. */
async function createWorker(demo: Demo, spec: AssignmentSpec, clientName: string): Promise<Rec> {
  const candidate = allCandidates().find((one) => one.key === spec.candidate)!;
  const supplier = found(demo.suppliers, candidate.supplier);
  const worker = await createUser(demo, {
    key: `worker.${spec.candidate}`,
    person: candidate,
    who: `${candidate.firstName} ${candidate.lastName}, worker at ${clientName} for ${supplier.legalName}`,
    userKind: 'worker',
    supplier,
  });
  await update(demo, UID.candidate, found(demo.candidates, spec.candidate), { user: worker.id });

  return worker;
}

/** Drafted by the desk, approved by the supplier and then by the client's hiring manager. */
async function seedAssignment(demo: Demo, spec: AssignmentSpec): Promise<void> {
  const request = REQUESTS.find((one) => one.key === spec.request)!;
  const client = CLIENTS.find((one) => one.slug === request.client)!;
  const proposal = found(demo.proposals, `${spec.request}/${spec.candidate}`);
  const supplierKey = allCandidates().find((one) => one.key === spec.candidate)!.supplier;
  const hiringManager = found(demo.users, `${client.slug}.hiringManager`);
  const worker = await createWorker(demo, spec, client.name);
  const { feeKind, feePercentBasisPoints, feePerHourCents, feePaidBy } = client.fields;

  const assignment = await create(demo, UID.assignment, {
    proposal: proposal.id,
    request: found(demo.requests, spec.request).id,
    client: found(demo.clients, client.slug).id,
    supplier: found(demo.suppliers, supplierKey).id,
    worker: worker.id,
    hiringManager: hiringManager.id,
    title: request.title,
    startDate: startDateOf(demo, request),
    endDate: endDateOf(demo, request),
    rates: ratesOf(proposal.offeredRateCents, spec),
    feeKind,
    feePercentBasisPoints: feePercentBasisPoints ?? null,
    feePerHourCents: feePerHourCents ?? null,
    feePaidBy,
  });
  await walk(demo, UID.assignment, assignment, [
    step('awaiting_supplier_approval', DESK),
    step(
      'awaiting_client_approval',
      portalActor(found(demo.users, `${supplierKey}.administrator`), 'supplier'),
    ),
    step('final', portalActor(hiringManager, 'client')),
  ]);

  await seedTimesheets(demo, {
    assignment,
    worker,
    hiringManager,
    hoursPerWeek: request.hoursPerWeek,
    ...spec,
  });
}

/** The four running placements, each with its worker and three weeks of hours. */
export async function seedAssignments(demo: Demo): Promise<void> {
  for (const spec of ASSIGNMENTS) await seedAssignment(demo, spec);
}
