const AMSTERDAM_DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as Dutch readers expect it, in Amsterdam time: "vr 18 dec 2026 17:00".
 *
 * Built from parts because the locale's own pattern puts a comma before the time.
 */
export function formatDateTime(iso: string): string {
  const parts = AMSTERDAM_DATE_TIME.formatToParts(new Date(iso));
  // Some ICU versions end abbreviations with a dot ("sep."); Dutch tables usually drop it.
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    (parts.find((candidate) => candidate.type === type)?.value ?? '').replace(/\.$/, '');

  const date = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  return `${date} ${part('hour')}:${part('minute')}`;
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A calendar date (2027-01-04) as "4 januari 2027"; the date has no time, so no zone shift. */
export function formatDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return AMSTERDAM_DATE.format(new Date(`${date}T12:00:00Z`));
}

/** Whole cents as euros the Dutch way, from the digits and never through a float: "€ 1.234,50". */
export function formatEuros(cents: number): string {
  const negative = cents < 0;
  const digits = String(Math.abs(Math.trunc(cents))).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}€ ${whole},${digits.slice(-2)}`;
}

/**
 * Reads an amount in euros as typed ("92,50", "92.50", "€ 1.234,5", "95") into whole cents,
 * by its digits; null when it is not an amount of at most two decimals.
 */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[€\s]/g, '');
  // Dutch first (1.234,50); the English form (1,234.50) only with its decimals, as "92,505"
  // would otherwise read as ninety-two thousand.
  const match =
    /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(cleaned) ??
    /^(\d{1,3}(?:,\d{3})*|\d+)\.(\d{1,2})$/.exec(cleaned);
  if (!match) return null;

  const euros = match[1].replace(/[.,]/g, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  const value = Number(`${euros}${cents}`);
  return Number.isSafeInteger(value) ? value : null;
}
