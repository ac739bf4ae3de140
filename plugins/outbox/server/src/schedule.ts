/**
 * A cron expression (with a seconds field) that fires every `seconds`. The seconds field
 * counts only to 59, so longer intervals are taken in whole minutes, an hour or more hourly.
 */
export function scheduleFor(seconds: number): string {
  if (seconds < 60) return `*/${seconds} * * * * *`;
  if (seconds < 3600) return `0 */${Math.round(seconds / 60)} * * * *`;
  return '0 0 * * * *';
}
