import { addDays, amsterdamInstant, isoWeekOf, mondayOf } from './dates';
import {
  create,
  portalActor,
  step,
  UID,
  update,
  walk,
  type Demo,
  type Rec,
  type Step,
} from './context';
import { isWorkingDay } from './working-days';

export interface TimesheetLine {
  date: string;
  hourType: string;
  quantityHundredths: number;
  note: string | null;
}

interface Placement {
  assignment: Rec;
  worker: Rec;
  hiringManager: Rec;
  hoursPerWeek: number;
  travelKm?: number;
  homeWorkFriday?: boolean;
}

/**
 * A week of hours, spread evenly over its working days (public holidays stay empty), with
 * travel per office day, a home-working day on Fridays and, in one week, some overtime.
 */
function linesOf(placement: Placement, monday: string, withOvertime: boolean): TimesheetLine[] {
  const perDay = (placement.hoursPerWeek * 100) / 5;
  const lines: TimesheetLine[] = [];
  for (let day = 0; day < 5; day += 1) {
    const date = addDays(monday, day);
    if (!isWorkingDay(date)) continue;

    const line = (hourType: string, quantityHundredths: number, note: string | null = null) =>
      lines.push({ date, hourType, quantityHundredths, note });
    const atHome = placement.homeWorkFriday && day === 4;
    line('NORMAAL', perDay);
    if (atHome) line('THUISWERK', 100);
    if (placement.travelKm && !atHome) line('REISKOSTEN', placement.travelKm * 100);
    if (withOvertime && day === 2) line('OVERWERK125', 150, 'Avondoverleg met de stuurgroep');
  }

  return lines;
}

/** Submitted on Friday afternoon by the worker; approved on Monday morning by the hiring manager. */
function timesheetSteps(placement: Placement, monday: string, state: string): Step[] {
  const submitted = step('submitted', portalActor(placement.worker, 'worker'), {
    submittedAt: amsterdamInstant(addDays(monday, 4), '16:30'),
  });
  const approved = step('approved', portalActor(placement.hiringManager, 'client'), {
    approvedAt: amsterdamInstant(addDays(monday, 7), '09:15'),
  });

  return { draft: [], submitted: [submitted], approved: [submitted, approved] }[state] ?? [];
}

/** The last three ISO weeks (Amsterdam time): approved, waiting for approval, still being filled. */
const WEEKS = [
  { weeksAgo: 3, state: 'approved' },
  { weeksAgo: 2, state: 'submitted' },
  { weeksAgo: 1, state: 'draft' },
];

export async function seedTimesheets(demo: Demo, placement: Placement): Promise<void> {
  for (const { weeksAgo, state } of WEEKS) {
    const monday = addDays(mondayOf(demo.today), -7 * weeksAgo);
    const timesheet = await create(demo, UID.timesheet, {
      assignment: placement.assignment.id,
      ...isoWeekOf(monday),
      lines: linesOf(placement, monday, weeksAgo === 3),
    });
    await walk(demo, UID.timesheet, timesheet, timesheetSteps(placement, monday, state));
    // A relation cannot ride along with the move's conditional update, so it is set after it.
    if (state === 'approved') {
      await update(demo, UID.timesheet, timesheet, { approvedBy: placement.hiringManager.id });
    }
  }
}
