/**
 * Plain calendar dates ("YYYY-MM-DD") and Dutch local time. Date arithmetic runs on UTC
 * midnights, so no time zone or daylight-saving change can shift a day.
 */

const DAY_MS = 86_400_000;
const ZONE = 'Europe/Amsterdam';

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** 1 for Monday up to 7 for Sunday, as ISO 8601 counts. */
export function isoWeekday(date: string): number {
  const day = new Date(toUtc(date)).getUTCDay();

  return day === 0 ? 7 : day;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function mondayOnOrAfter(date: string): string {
  return isoWeekday(date) === 1 ? date : addDays(mondayOf(date), 7);
}

/** The ISO week a date falls in: the week belongs to the year of its Thursday. */
export function isoWeekOf(date: string): { isoYear: number; isoWeek: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const isoYear = Number(thursday.slice(0, 4));
  const isoWeek = 1 + Math.floor((toUtc(thursday) - toUtc(`${isoYear}-01-01`)) / (7 * DAY_MS));

  return { isoYear, isoWeek };
}

/** Week 1 is the week with 4 January in it. */
export function mondayOfIsoWeek(isoYear: number, isoWeek: number): string {
  return addDays(mondayOf(`${isoYear}-01-04`), (isoWeek - 1) * 7);
}

export function weeksInIsoYear(isoYear: number): number {
  return isoWeekOf(`${isoYear}-12-28`).isoWeek;
}

/** The last day of a month (1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  return fromUtc(Date.UTC(year, month, 0));
}

/** The same day some months later, or the month's last day when it is shorter. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const last = lastDayOfMonth(year, month + months);

  return `${last.slice(0, 8)}${String(Math.min(day, Number(last.slice(8)))).padStart(2, '0')}`;
}

/** Date and time on the clock in Amsterdam: "2026-03-09 12:00". */
function amsterdamClock(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((one) => one.type === type)?.value ?? '';

  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The date in Amsterdam at an instant. */
export function amsterdamDate(instant: Date): string {
  return amsterdamClock(instant).slice(0, 10);
}

/** The instant a date and time ("12:00") occur in Amsterdam, in summer (UTC+2) or winter (UTC+1). */
export function amsterdamInstant(date: string, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  for (const offset of [2, 1]) {
    const instant = new Date(toUtc(date) + ((hours - offset) * 60 + minutes) * 60_000);
    if (amsterdamClock(instant) === `${date} ${time}`) return instant;
  }

  throw new Error(`${date} ${time} does not occur in ${ZONE}.`);
}
