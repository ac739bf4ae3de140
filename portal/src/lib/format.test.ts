import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime, formatEuros, parseEuros } from './format';

describe('formatDateTime', () => {
  it('shows a winter moment in Amsterdam time (UTC+1)', () => {
    expect(formatDateTime('2026-12-18T16:00:00.000Z')).toBe('vr 18 dec 2026 17:00');
  });

  it('shows a summer moment in Amsterdam time (UTC+2)', () => {
    expect(formatDateTime('2026-07-01T07:05:00Z')).toBe('wo 1 jul 2026 09:05');
  });

  it('rolls over to the next Amsterdam day near midnight UTC', () => {
    expect(formatDateTime('2026-03-31T22:30:00Z')).toBe('wo 1 apr 2026 00:30');
  });
});

describe('formatEuros', () => {
  it('writes cents as Dutch euros with thousands dots', () => {
    expect(formatEuros(9250)).toBe('€ 92,50');
    expect(formatEuros(123450)).toBe('€ 1.234,50');
    expect(formatEuros(5)).toBe('€ 0,05');
    expect(formatEuros(100000000)).toBe('€ 1.000.000,00');
  });
});

describe('parseEuros', () => {
  it('reads what people type, comma or point, into whole cents', () => {
    expect(parseEuros('92,50')).toBe(9250);
    expect(parseEuros('92.50')).toBe(9250);
    expect(parseEuros('€ 95')).toBe(9500);
    expect(parseEuros('1.234,5')).toBe(123450);
    expect(parseEuros('1,234.56')).toBe(123456);
    expect(parseEuros('0,07')).toBe(7);
  });

  it('refuses what is not an amount of at most two decimals', () => {
    for (const wrong of ['', 'abc', '92,505', '-10', '1e3', '12,3,4', '.5']) {
      expect(parseEuros(wrong)).toBeNull();
    }
  });
});

describe('formatDate', () => {
  it('writes a calendar date in Dutch without shifting its day', () => {
    expect(formatDate('2027-01-04')).toBe('4 januari 2027');
  });
});
