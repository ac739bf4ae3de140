import { randomInt } from 'node:crypto';

/**
 * Three distinct two-digit numbers in random order and the one the sign-in page shows.
 * Matching it proves the person approving sees that page, which defeats approve-by-reflex.
 */
export function drawNumbers(): { number: number; numbers: number[] } {
  const numbers: number[] = [];
  while (numbers.length < 3) {
    const next = randomInt(10, 100);
    if (!numbers.includes(next)) numbers.push(next);
  }
  return { number: numbers[randomInt(3)], numbers };
}
