// Builds and runs the hiring desk on one machine: the cms (admin and API) and the portal.
// On the embedded defaults it uses a SQLite file, local files and the development inbox,
// and fills an empty database with demo data.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildApps, buildLibraries } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

buildLibraries();
buildApps();

const { loadEnvFile, loadSettings } = await import('../config/dist/esm/index.js');
loadEnvFile(root);
const settings = loadSettings();

const children = [
  start('cms', 'npm', ['run', 'start', '-w', '@desk/cms']),
  start('portal', 'node', ['portal/dist/server/entry.mjs'], {
    HOST: settings.portal.host,
    PORT: String(settings.portal.port),
  }),
];

/** Runs one part with its output prefixed, and stops everything when one part stops. */
function start(name, command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code) => {
    console.log(`[${name}] stopped (${code ?? 'signal'})`);
    stopAll(code ?? 0);
  });
  return child;
}

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

await waitFor(`${settings.cms.url}/_health`);
await waitFor(`http://127.0.0.1:${settings.portal.port}/`);
console.log(`
  The hiring desk is running.
    Admin (desk staff):   ${settings.cms.publicUrl}/admin
    Portal:               ${settings.portal.publicUrl}/
    Development inbox:    ${settings.portal.publicUrl}/dev/inbox
  Demo logins are listed in the cms output above and in README.md. Stop with Ctrl+C.
`);

async function waitFor(url) {
  for (let attempt = 0; attempt < 240 && !stopping; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
