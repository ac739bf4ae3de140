export { loadSettings, SettingsError } from './settings.js';
export type { NodeEnv, Settings } from './settings.js';
export { loadEnvFile } from './env-file.js';
