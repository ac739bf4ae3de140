// Builds what Strapi and Astro cannot build themselves: the settings module and the plugins'
// server code. With --all it also builds the cms (admin included) and the portal.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' });

export function buildLibraries() {
  run(tsc, ['-b', 'config/tsconfig.json']);
  run(tsc, ['-p', 'config/tsconfig.esm.json']);
  run('node', [
    'scripts/mark-module-kind.mjs',
    'config/dist/cjs',
    'commonjs',
    'config/dist/esm',
    'module',
  ]);
  const plugins = readdirSync(join(root, 'plugins'))
    .filter((name) => existsSync(join(root, 'plugins', name, 'server/src/index.ts')))
    .map((name) => `plugins/${name}/tsconfig.json`);
  run(tsc, ['-b', ...plugins]);
}

export function buildApps() {
  run('npm', ['run', 'build', '-w', '@desk/cms']);
  run('npm', ['run', 'build', '-w', '@desk/portal']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildLibraries();
  if (process.argv.includes('--all')) buildApps();
}
