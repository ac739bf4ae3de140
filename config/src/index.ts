export { loadSettings, SettingsError } from './settings.js';
export type { NodeEnv, S3Settings, Settings } from './settings.js';
export { loadEnvFile } from './env-file.js';
