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
