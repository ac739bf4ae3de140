import { describe, expect, it } from 'vitest';

import { loadSettings, SettingsError } from './settings.js';

describe('settings', () => {
  it('works on one machine with no variables at all', () => {
    const settings = loadSettings({});

    expect(settings.database.client).toBe('sqlite');
    expect(settings.cms.port).toBe(1337);
    expect(settings.portal.port).toBe(4321);
    expect(settings.mail.smtpUrl).toBeNull();
    expect(settings.portal.sessionIdleMinutes).toBe(120);
    expect(settings.demoData).toBe(true);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const settings = loadSettings({ DATABASE_URL: 'postgres://127.0.0.1:5432/test' });

    expect(settings.database.client).toBe('postgres');
  });

  it('names every malformed variable in one message', () => {
    const attempt = () =>
      loadSettings({ CMS_PORT: 'abc', SMTP_URL: 'mail.example.com', DEMO_DATA: 'perhaps' });

    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(/CMS_PORT must be a whole number from 1 to 65535; it is "abc"/);
    expect(attempt).toThrow(/SMTP_URL must be a URL starting with smtp:\/\/… or smtps:\/\/…/);
    expect(attempt).toThrow(/DEMO_DATA must be true or false/);
  });

  it('never repeats a password found in a malformed URL', () => {
    expect(() => loadSettings({ DATABASE_URL: 'mysql://desk:hunter2@db/desk' })).toThrow(
      /mysql:\/\/desk:\*\*\*@db\/desk/,
    );
  });

  it('requires real secrets and a mail server in production', () => {
    let message = '';
    try {
      loadSettings({ NODE_ENV: 'production' });
    } catch (error) {
      message = (error as Error).message;
    }

    for (const name of ['APP_KEYS', 'JWT_SECRET', 'ADMIN_JWT_SECRET', 'ENCRYPTION_KEY', 'SMTP_URL']) {
      expect(message).toContain(name);
    }
  });

  it('refuses an encryption key that is not 32 bytes', () => {
    expect(() => loadSettings({ ENCRYPTION_KEY: 'c2hvcnQta2V5LXNob3J0LWtleQ==' })).toThrow(
      /ENCRYPTION_KEY must be 32 bytes/,
    );
  });
});
