import { describe, expect, it, vi } from 'vitest';

import { sendWhileDue } from './drain';

const counts = (claimed: number) => ({ claimed, sent: claimed, failed: 0, retried: 0 });

/** A batch that answers the given claims in turn, then claims nothing. */
function batches(...claimed: number[]) {
  return vi.fn(async () => counts(claimed.shift() ?? 0));
}

describe('a run of the mail worker', () => {
  it('sends batch after batch until a batch finds no mail due', async () => {
    const batch = batches(300, 300, 120);

    const runs = await sendWhileDue(batch, { budgetMs: 60_000, stopping: () => false });

    expect(runs).toBe(4);
    expect(batch).toHaveBeenCalledTimes(4);
  });

  it('ends after the batch in hand when the worker is stopping', async () => {
    const batch = batches(300, 300, 300);

    const runs = await sendWhileDue(batch, { budgetMs: 60_000, stopping: () => true });

    expect(runs).toBe(1);
  });

  it('ends once its time is spent, with mail left for the next run', async () => {
    let clock = 0;
    const batch = vi.fn(async () => {
      clock += 25_000;
      return counts(300);
    });

    const runs = await sendWhileDue(batch, {
      budgetMs: 60_000,
      stopping: () => false,
      now: () => clock,
    });

    expect(runs).toBe(3);
  });
});
