import { systemClock, type Clock } from './clock';
import type { PublicClient } from './cms';

/** The list of clients every request needs for its branding, kept in memory for a short while. */
export interface ClientDirectory {
  clients(): Promise<PublicClient[]>;
}

export interface ClientDirectoryOptions {
  load: () => Promise<PublicClient[]>;
  clock?: Clock;
  /** How long a fetched list is used before the next request fetches it again. */
  ttlMs?: number;
}

const DEFAULT_TTL_MS = 30_000;

/**
 * Caches the client list for `ttlMs`. Requests arriving while a fetch runs share it, so a busy
 * portal asks the CMS once per period. A failed fetch is not cached: the next request retries.
 */
export function createClientDirectory({
  load,
  clock = systemClock,
  ttlMs = DEFAULT_TTL_MS,
}: ClientDirectoryOptions): ClientDirectory {
  let cached: { clients: PublicClient[]; fetchedAt: number } | null = null;
  let pending: Promise<PublicClient[]> | null = null;

  return {
    clients() {
      if (cached && clock() - cached.fetchedAt < ttlMs) return Promise.resolve(cached.clients);
      if (pending) return pending;

      pending = load()
        .then((clients) => {
          cached = { clients, fetchedAt: clock() };
          return clients;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
  };
}
