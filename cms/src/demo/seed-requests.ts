import { CLIENTS } from './data';
import { PROPOSALS, REQUESTS, type RequestSpec } from './data-requests';
import { addDays, addMonths, amsterdamInstant, mondayOnOrAfter } from './dates';
import {
  create,
  daysFrom,
  DESK,
  earliest,
  found,
  portalActor,
  step,
  UID,
  update,
  walk,
  type Demo,
  type Rec,
  type Step,
} from './context';

/** Requests close at noon, Amsterdam time. */
export const closesAtOf = (demo: Demo, spec: RequestSpec): Date =>
  amsterdamInstant(addDays(demo.today, spec.closesInDays), '12:00');

/** A deadline that lets the request be published today: its own, or tomorrow noon for now. */
const closesAtWhenPublished = (demo: Demo, spec: RequestSpec): Date =>
  spec.closesInDays > 0
    ? closesAtOf(demo, spec)
    : amsterdamInstant(addDays(demo.today, 1), '12:00');

/** When the desk published a request: two weeks before it closes, or now if that is later. */
const publishedAtOf = (demo: Demo, spec: RequestSpec): Date =>
  earliest(demo.now, daysFrom(closesAtOf(demo, spec), -14));

const clientOf = (spec: RequestSpec) => CLIENTS.find((client) => client.slug === spec.client)!;

export function startDateOf(demo: Demo, spec: RequestSpec): string {
  return mondayOnOrAfter(addDays(demo.today, spec.startInDays));
}

export function endDateOf(demo: Demo, spec: RequestSpec): string {
  return addDays(addMonths(startDateOf(demo, spec), spec.months), -1);
}

function requestData(demo: Demo, spec: RequestSpec): Record<string, unknown> {
  return {
    title: spec.title,
    description: spec.description,
    location: clientOf(spec).fields.city,
    hoursPerWeek: spec.hoursPerWeek,
    maxRateCents: spec.maxRateCents,
    evaluationCriteria: spec.criteria,
    closesAt: closesAtWhenPublished(demo, spec),
    startDate: startDateOf(demo, spec),
    endDate: endDateOf(demo, spec),
    client: found(demo.clients, spec.client).id,
    segment: found(demo.segments, spec.segment).id,
    hiringManager: found(demo.users, `${spec.client}.hiringManager`).id,
    das: spec.das ? demo.das!.id : null,
  };
}

/**
 * The moves up to distribution: the budget holder approves first where the client asks for
 * that, then the desk publishes. A request meant to stay earlier stops on the way.
 */
function openingSteps(demo: Demo, spec: RequestSpec): Step[] {
  const publishedAt = publishedAtOf(demo, spec);
  const budgetHolder = portalActor(found(demo.users, `${spec.client}.budgetHolder`), 'client');
  const approval = clientOf(spec).fields.clientApprovalBeforeDistribution
    ? [
        step('awaiting_client_approval', DESK),
        step('approved', budgetHolder, { clientApprovedAt: daysFrom(publishedAt, -1) }),
      ]
    : [];
  const publication = [...approval, step('published', DESK, { distributedAt: publishedAt })];

  switch (spec.state) {
    case 'draft':
      return [];
    case 'awaiting_client_approval':
      return approval.slice(0, 1);
    case 'approved':
      return approval;
    case 'cancelled':
      return spec.cancelledFrom === 'published' ? publication : [];
    default:
      return publication;
  }
}

/** The thirty requests, each moved as far as publication (proposals come in after that). */
export async function seedRequests(demo: Demo): Promise<void> {
  for (const spec of REQUESTS) {
    const record = await create(demo, UID.request, requestData(demo, spec));
    await walk(demo, UID.request, record, openingSteps(demo, spec));
    demo.requests.set(spec.key, record);
  }
}

/**
 * Puts a closed or awarded request's deadline back where its story has it, in the past. It was
 * published with a deadline still ahead, as publishing demands; this rewrites the demo's
 * invented history rather than changing the request, so it goes around the audit trail and
 * its mails, straight to the database.
 */
async function backdate(demo: Demo, spec: RequestSpec, record: Rec): Promise<void> {
  await demo.strapi.db.query(UID.request as any).update({
    where: { id: record.id },
    data: { closesAt: closesAtOf(demo, spec) },
  });
}

/** The award names the winning proposal first, as the desk picks it before awarding. */
async function award(demo: Demo, spec: RequestSpec, record: Rec): Promise<void> {
  const winner = PROPOSALS.find(
    (proposal) =>
      proposal.request === spec.key && ['accepted', 'may_be_hired'].includes(proposal.state),
  );
  if (!winner) throw new Error(`Demo request ${spec.key} is awarded but has no accepted proposal.`);

  const awardedAt = earliest(demo.now, daysFrom(closesAtOf(demo, spec), 7));
  await update(demo, UID.request, record, {
    awardedProposal: found(demo.proposals, `${spec.key}/${winner.candidate}`).id,
  });
  await walk(demo, UID.request, record, [step('awarded', DESK, { awardedAt })]);
}

/**
 * The moves after the proposals came in: closing (by the system, at the deadline), award and
 * cancellation.
 */
export async function finishRequests(demo: Demo): Promise<void> {
  for (const spec of REQUESTS) {
    const record = found(demo.requests, spec.key);
    const closed = step('closed', null, { closedAt: closesAtOf(demo, spec) });

    if (spec.state === 'closed' || spec.state === 'awarded') {
      await backdate(demo, spec, record);
      await walk(demo, UID.request, record, [closed]);
    }
    if (spec.state === 'awarded') await award(demo, spec, record);
    if (spec.state === 'cancelled') {
      await walk(demo, UID.request, record, [
        step('cancelled', DESK, undefined, 'De functie wordt intern ingevuld.'),
      ]);
    }
  }
}
