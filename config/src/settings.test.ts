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

    for (const name of [
      'APP_KEYS',
      'JWT_SECRET',
      'ADMIN_JWT_SECRET',
      'ENCRYPTION_KEY',
      'SMTP_URL',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('refuses an encryption key that is not 32 bytes', () => {
    expect(() => loadSettings({ ENCRYPTION_KEY: 'c2hvcnQta2V5LXNob3J0LWtleQ==' })).toThrow(
      /ENCRYPTION_KEY must be 32 bytes/,
    );
  });

  it('keeps files on local disk unless an S3 bucket is given, then reads the whole bucket', () => {
    expect(loadSettings({}).files.s3).toBeNull();

    const settings = loadSettings({
      FILES_S3_BUCKET: 'desk-files',
      FILES_S3_ENDPOINT: 'https://s3.eu-central-1.amazonaws.com/',
      FILES_S3_REGION: 'eu-central-1',
      FILES_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      FILES_S3_SECRET_ACCESS_KEY: 'secret-key-example',
      FILES_S3_PATH_STYLE: 'false',
      FILES_S3_PREFIX: 'desk/',
    });

    expect(settings.files.s3).toEqual({
      endpoint: 'https://s3.eu-central-1.amazonaws.com',
      bucket: 'desk-files',
      region: 'eu-central-1',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'secret-key-example',
      pathStyle: false,
      prefix: 'desk/',
    });
  });

  it('names what object storage lacks or has wrong, and never a secret key', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadSettings(env);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };

    expect(message({ FILES_S3_ENDPOINT: 'http://minio:9000' })).toContain(
      'FILES_S3_BUCKET is required with FILES_S3_ENDPOINT: it turns object storage on.',
    );
    const wrong = message({
      FILES_S3_BUCKET: 'Desk_Files',
      FILES_S3_ENDPOINT: 'minio:9000',
      FILES_S3_PREFIX: '/absolute',
      FILES_S3_SECRET_ACCESS_KEY: 'do-not-print-me',
    });
    expect(wrong).toContain('FILES_S3_BUCKET must be a bucket name');
    expect(wrong).toContain('FILES_S3_ENDPOINT must be a URL starting with http://… or https://…');
    expect(wrong).toContain('FILES_S3_PREFIX must be letters, digits');
    expect(wrong).toContain('FILES_S3_ACCESS_KEY_ID is required with FILES_S3_BUCKET.');
    expect(wrong).not.toContain('do-not-print-me');
  });
});
