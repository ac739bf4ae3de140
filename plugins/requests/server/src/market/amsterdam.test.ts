import { describe, expect, it } from 'vitest';

import { formatAmsterdam, nextDay, startOfAmsterdamDay } from './amsterdam';

describe('Amsterdam time', () => {
  it('starts a day at midnight in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(startOfAmsterdamDay('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(startOfAmsterdamDay('2027-07-15').toISOString()).toBe('2027-07-14T22:00:00.000Z');
    expect(startOfAmsterdamDay('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
  });

  it('counts to the next day across the end of a month and a year', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('writes an instant as people in Amsterdam read it, in Dutch and English', () => {
    const instant = new Date('2027-03-01T11:00:00.000Z');

    expect(formatAmsterdam(instant, 'nl')).toBe('1 maart 2027 om 12:00');
    expect(formatAmsterdam(instant, 'en')).toBe('1 March 2027 at 12:00');
  });
});
