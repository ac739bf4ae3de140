/** Milliseconds since the epoch; passed in wherever time matters so tests can control it. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
