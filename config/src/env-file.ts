import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads the `.env` file at the project's root into process.env, if there is one.
 * Values already in the environment win, so a deployment can override the file.
 */
export function loadEnvFile(projectRoot: string): void {
  const file = resolve(projectRoot, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
