const ZONE = 'Europe/Amsterdam';

/** Date and time as read on a clock in Amsterdam: "2026-03-09 12:00". */
function clockAt(instant: Date): string {
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

/** The instant a day starts in Amsterdam (UTC+1 in winter, UTC+2 in summer). */
export function startOfAmsterdamDay(date: string): Date {
  for (const offsetHours of [1, 2]) {
    const instant = new Date(Date.parse(`${date}T00:00:00Z`) - offsetHours * 3_600_000);
    if (clockAt(instant) === `${date} 00:00`) return instant;
  }
  throw new Error(`${date} has no midnight in ${ZONE}.`);
}

/** The day after a calendar date ("2026-03-09" -> "2026-03-10"). */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** An instant written for people in Amsterdam, in their language: "9 maart 2026 12:00". */
export function formatAmsterdam(instant: Date, locale: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** A calendar date (2027-01-04) for people, in their language: "4 januari 2027"; null if none. */
export function formatCalendarDate(date: string | null, locale: 'nl' | 'en'): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  // Noon UTC is the same calendar day everywhere near Amsterdam, so the zone cannot shift it.
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}
