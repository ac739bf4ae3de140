import { describe, expect, it } from 'vitest';

import { formatDateTime } from './format';

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
