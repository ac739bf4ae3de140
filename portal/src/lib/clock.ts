import { readFileSync } from 'node:fs';

/** Milliseconds since the epoch; passed in wherever time matters so tests can control it. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/**
 * The clock for session timing. Tests run the portal in a child process, so they set its time
 * through a file named by `DESK_TEST_CLOCK_FILE` holding an ISO instant; it is read on every
 * call and only when NODE_ENV is test, so no deployment can move the portal's time.
 */
export function sessionClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const file = env.NODE_ENV === 'test' ? env.DESK_TEST_CLOCK_FILE : undefined;
  if (!file) return systemClock;

  return () => {
    let content = '';
    try {
      content = readFileSync(file, 'utf8').trim();
    } catch {
      return Date.now();
    }
    const instant = Date.parse(content);
    return Number.isNaN(instant) ? Date.now() : instant;
  };
}
