import type { BatchCounts } from './delivery';

export interface DrainOptions {
  /** A run ends after this long even with mail left; the next one takes up the rest. */
  budgetMs: number;
  /** Asked after each batch; true ends the run there. */
  stopping: () => boolean;
  now?: () => number;
}

/**
 * Runs batch after batch until one claims nothing (no mail is due, or other workers took it),
 * the budget is spent, or the worker is stopping. Resolves with the number of batches run.
 */
export async function sendWhileDue(
  batch: () => Promise<BatchCounts>,
  { budgetMs, stopping, now = Date.now }: DrainOptions,
): Promise<number> {
  const started = now();
  let runs = 1;
  let counts = await batch();
  while (counts.claimed > 0 && !stopping() && now() - started < budgetMs) {
    counts = await batch();
    runs += 1;
  }
  return runs;
}
