import { addDays, isoWeekday } from './dates';

const holidaysByYear = new Map<number, Set<string>>();

/** Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h =
    (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((8 * b + 13) / 25)) / 3) + 15) %
    30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;

  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The generally recognised public holidays of art. 3 Algemene termijnenwet: New Year's Day,
 * Easter Monday, King's Day (26 April when the 27th is a Sunday), 5 May, Ascension Day,
 * Whit Monday and both days of Christmas.
 */
export function dutchHolidays(year: number): Set<string> {
  const known = holidaysByYear.get(year);
  if (known) return known;

  const easter = easterSunday(year);
  const kingsDay = isoWeekday(`${year}-04-27`) === 7 ? `${year}-04-26` : `${year}-04-27`;
  const holidays = new Set([
    `${year}-01-01`,
    addDays(easter, 1),
    kingsDay,
    `${year}-05-05`,
    addDays(easter, 39),
    addDays(easter, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  holidaysByYear.set(year, holidays);

  return holidays;
}

export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && !dutchHolidays(Number(date.slice(0, 4))).has(date);
}

/** The working day `count` working days after `date` (not counting `date` itself). */
export function addWorkingDays(date: string, count: number): string {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }

  return day;
}

/** The date itself when it is a working day, else the next working day. */
export function onWorkingDay(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}
