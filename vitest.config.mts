import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig } from 'vitest/config';

// One throw-away database per run: a SQLite file, or a fresh PostgreSQL database on the server
// DATABASE_URL points at (created and dropped by tests/global-setup.ts).
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const baseUrl = process.env.DATABASE_URL;
const testDatabaseUrl = baseUrl
  ? Object.assign(new URL(baseUrl), { pathname: `/desk_test_${runId}` }).toString()
  : '';

export default defineConfig({
  test: {
    include: [
      'config/src/**/*.test.ts',
      'plugins/*/server/src/**/*.test.ts',
      'portal/src/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    // One process for all files, not isolated: Strapi boots once per run and is shared.
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    isolate: false,
    globalSetup: ['tests/global-setup.ts'],
    // The cms logs every HTTP call; shown only for the tests that fail, where it helps.
    silent: 'passed-only',
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    env: {
      NODE_ENV: 'test',
      DESK_TEST_BASE_DATABASE_URL: baseUrl ?? '',
      DATABASE_URL: testDatabaseUrl,
      DATABASE_FILENAME: join(tmpdir(), `desk-test-${runId}.db`),
      FILES_DIR: join(tmpdir(), `desk-test-files-${runId}`),
      JOBS_ENABLED: 'false',
      // The demo is seeded by its own test (tests/demo-data.test.ts), not at every boot.
      DEMO_DATA: 'false',
      CMS_HOST: '127.0.0.1',
      STRAPI_TELEMETRY_DISABLED: 'true',
      BROWSER: 'none',
    },
  },
});
