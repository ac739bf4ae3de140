import { loadSettings, type Settings } from '@desk/config';

let cached: Settings | null = null;

/** The desk's settings, read once per process (the cms loads the .env file before plugins). */
export function settings(): Settings {
  cached ??= loadSettings();
  return cached;
}
