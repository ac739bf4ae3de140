import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { loadEnvFile, loadSettings, type Settings } from '@desk/config';

let cached: Settings | null = null;

/** The project's root: the folder whose package.json lists the workspaces. */
function projectRoot(): string {
  let dir = __dirname;
  while (dirname(dir) !== dir) {
    if (existsSync(join(dir, '.env.example'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** The settings, read once per process from the environment and the root `.env`. */
export function settings(): Settings {
  if (!cached) {
    loadEnvFile(projectRoot());
    cached = loadSettings();
  }
  return cached;
}

/** The cms folder, where relative file settings (SQLite file, private files) are resolved. */
export const cmsRoot = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();
