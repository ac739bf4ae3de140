import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { sessionClock } from './clock';

describe('sessionClock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-clock-'));
  const file = join(dir, 'now');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the test clock file on every call when NODE_ENV is test', () => {
    const clock = sessionClock({ NODE_ENV: 'test', DESK_TEST_CLOCK_FILE: file });
    writeFileSync(file, '2026-12-18T16:00:00.000Z');
    expect(clock()).toBe(Date.parse('2026-12-18T16:00:00.000Z'));
    writeFileSync(file, '2026-12-18T18:01:00.000Z');
    expect(clock()).toBe(Date.parse('2026-12-18T18:01:00.000Z'));
  });

  it('ignores the file outside tests, so no deployment can move its time', () => {
    writeFileSync(file, '2000-01-01T00:00:00.000Z');
    const clock = sessionClock({ NODE_ENV: 'production', DESK_TEST_CLOCK_FILE: file });
    expect(Math.abs(clock() - Date.now())).toBeLessThan(1_000);
  });

  it('uses the real time when the file is empty or missing', () => {
    writeFileSync(file, '');
    expect(
      Math.abs(sessionClock({ NODE_ENV: 'test', DESK_TEST_CLOCK_FILE: file })() - Date.now()),
    ).toBeLessThan(1_000);
    const missing = sessionClock({ NODE_ENV: 'test', DESK_TEST_CLOCK_FILE: join(dir, 'none') });
    expect(Math.abs(missing() - Date.now())).toBeLessThan(1_000);
  });
});
