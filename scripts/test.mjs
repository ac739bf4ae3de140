// The project's test command: builds what the tests need, then runs every test with vitest.
// Browser tests need Chromium; without it they are skipped with a notice, except on CI,
// where a missing browser fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildLibraries } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const onCi = process.env.CI === 'true';

const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    .status ?? 1;

function browserNotice() {
  if (existsSync(chromium)) return null;
  return `no Chromium at ${chromium} (install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH)`;
}

const missingBrowser = browserNotice();
if (missingBrowser && onCi) {
  console.error(`Browser tests cannot run on CI: ${missingBrowser}.`);
  process.exit(1);
}

buildLibraries();
// The plugins are type-checked as they build; the cms and the portal are compiled without it.
const tsc = join(root, 'node_modules', '.bin', 'tsc');
for (const project of ['cms', 'portal']) {
  if (run(tsc, ['--noEmit', '-p', project]) !== 0) process.exit(1);
}
if (run('npm', ['run', 'build', '-w', '@desk/portal']) !== 0) process.exit(1);
// The browser tests also drive the desk's admin, which Strapi serves from its built panel.
if (!missingBrowser && run('npm', ['run', 'build', '-w', '@desk/cms']) !== 0) process.exit(1);

mkdirSync(join(root, '.tmp'), { recursive: true });
const report = join(root, '.tmp', 'vitest-report.json');
const status = run(
  join(root, 'node_modules', '.bin', 'vitest'),
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  missingBrowser ? { DESK_BROWSER_SKIPPED: missingBrowser } : {},
);

if (missingBrowser) console.log(`\nBrowser tests were skipped: ${missingBrowser}.`);
if (existsSync(report)) {
  const totals = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = totals.numPendingTests + totals.numTodoTests;
  console.log(
    `\nTests: ${totals.numPassedTests} passed, ${totals.numFailedTests} failed, ${skipped} skipped`,
  );
}
process.exit(status);
