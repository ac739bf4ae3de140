/**
 * The desk's clock. Code asks it the time instead of calling Date.now(), so tests can set it.
 * Business time is Dutch (Europe/Amsterdam); the clock itself hands out instants.
 */
export interface Clock {
  now(): Date;
}

let fixed: Date | null = null;
let offsetMs = 0;

export const clock: Clock & {
  set(instant: Date | string | null): void;
  advance(ms: number): void;
  reset(): void;
} = {
  now: () => (fixed ? new Date(fixed.getTime() + offsetMs) : new Date(Date.now() + offsetMs)),
  set(instant) {
    fixed = instant === null ? null : new Date(instant);
    offsetMs = 0;
  },
  advance(ms) {
    offsetMs += ms;
  },
  reset() {
    fixed = null;
    offsetMs = 0;
  },
};
