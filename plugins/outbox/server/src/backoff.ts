const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** Waits 30 s after the first failed attempt, doubling each time, never more than an hour. */
export function retryDelayMs(attempts: number): number {
  const doublings = Math.max(0, attempts - 1);
  // Past 2^7 the wait is over the cap anyway; stopping there keeps the number finite.
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(doublings, 7), LONGEST_WAIT_MS);
}
