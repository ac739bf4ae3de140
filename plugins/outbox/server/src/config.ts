import type { Core } from '@strapi/strapi';
import { loadSettings } from '@desk/config';

import { LOCALES, type Locale } from './templates';

export const CONFIG_KEY = 'plugin::outbox';

/**
 * The outbox's settings. They start from the desk's settings module and are read again at
 * each use, so a change through `strapi.config.set('plugin::outbox.…')` takes effect at once.
 */
export interface OutboxConfig {
  /** SMTP server to send through; null keeps every mail in the development inbox. */
  smtpUrl: string | null;
  from: string;
  workerIntervalSeconds: number;
  maxAttempts: number;
  defaultLocale: Locale;
  /** Whether this process runs the mail worker on a schedule. */
  jobsEnabled: boolean;
  isDevelopment: boolean;
  /** The portal's public address, for links given as a path. */
  portalUrl: string;
}

export function defaultConfig(): OutboxConfig {
  const settings = loadSettings();

  return {
    smtpUrl: settings.mail.smtpUrl,
    from: settings.mail.from,
    workerIntervalSeconds: settings.mail.workerIntervalSeconds,
    maxAttempts: settings.mail.maxAttempts,
    defaultLocale: settings.mail.defaultLocale,
    jobsEnabled: settings.jobs.enabled,
    isDevelopment: settings.isDevelopment,
    portalUrl: settings.portal.publicUrl,
  };
}

const isWholeNumber = (value: unknown, min: number, max: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** Names every wrong value at start-up instead of failing on the first mail. */
export function validateConfig(config: OutboxConfig): void {
  const problems: string[] = [];

  if (config.smtpUrl !== null && !/^smtps?:\/\/./.test(String(config.smtpUrl))) {
    problems.push('smtpUrl must be null or a URL starting with smtp:// or smtps://');
  }
  if (typeof config.from !== 'string' || !config.from.includes('@')) {
    problems.push('from must be an e-mail address, optionally as "Name <address>"');
  }
  if (!isWholeNumber(config.workerIntervalSeconds, 1, 3600)) {
    problems.push('workerIntervalSeconds must be a whole number from 1 to 3600');
  }
  if (!isWholeNumber(config.maxAttempts, 1, 100)) {
    problems.push('maxAttempts must be a whole number from 1 to 100');
  }
  if (!LOCALES.includes(config.defaultLocale)) {
    problems.push(`defaultLocale must be one of ${LOCALES.join(', ')}`);
  }
  if (problems.length) throw new Error(`the outbox settings are wrong: ${problems.join('; ')}.`);
}

/** The settings as they are now; tests change them while Strapi runs. */
export function readConfig(strapi: Core.Strapi): OutboxConfig {
  return strapi.config.get(CONFIG_KEY) as OutboxConfig;
}

/** The development inbox exists only on one machine that sends no mail at all. */
export function devInboxIsOpen(config: OutboxConfig): boolean {
  return config.isDevelopment && !config.smtpUrl;
}
