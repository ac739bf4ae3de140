import { describe, expect, it, vi } from 'vitest';

import { createClientDirectory } from './client-directory';
import type { PublicClient } from './cms';

const acme = { name: 'Acme', slug: 'acme' } as PublicClient;

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createClientDirectory', () => {
  it('asks the CMS once within the cache period and again after it', async () => {
    const clock = manualClock();
    const load = vi.fn(async () => [acme]);
    const directory = createClientDirectory({ load, clock: clock.now, ttlMs: 30_000 });

    expect(await directory.clients()).toEqual([acme]);
    clock.advance(29_999);
    await directory.clients();
    expect(load).toHaveBeenCalledTimes(1);

    clock.advance(1);
    await directory.clients();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one fetch between requests that arrive while it runs', async () => {
    const load = vi.fn(async () => [acme]);
    const directory = createClientDirectory({ load, clock: manualClock().now });

    await Promise.all([directory.clients(), directory.clients(), directory.clients()]);

    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not cache a failure: the next request asks again', async () => {
    const load = vi
      .fn<() => Promise<PublicClient[]>>()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce([acme]);
    const directory = createClientDirectory({ load, clock: manualClock().now });

    await expect(directory.clients()).rejects.toThrow('down');
    expect(await directory.clients()).toEqual([acme]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
