import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CMS_DIR } from './helpers/strapi';

/** Starts the compiled cms in a child process with the given environment and returns its output. */
function startCms(env: Record<string, string>) {
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    createStrapi({ appDir: ${JSON.stringify(CMS_DIR)}, distDir: ${JSON.stringify(join(CMS_DIR, 'dist'))} })
      .load()
      .then(() => { console.log('STARTED'); process.exit(0); })
      .catch((error) => { console.error(error.message); process.exit(1); });
  `;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: CMS_DIR,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('settings at start-up', () => {
  it('stops the cms with a message naming a malformed setting', () => {
    const { code, output } = startCms({ CMS_PORT: 'eighty', SMTP_URL: 'mail.example.nl' });

    expect(code).not.toBe(0);
    expect(output).toContain('CMS_PORT must be a whole number from 1 to 65535; it is "eighty"');
    expect(output).toContain('SMTP_URL must be a URL starting with smtp://… or smtps://…');
    expect(output).not.toContain('STARTED');
  });

  it('stops the cms in production when a required secret is missing', () => {
    const { code, output } = startCms({
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://127.0.0.1:2525',
    });

    expect(code).not.toBe(0);
    expect(output).toContain('JWT_SECRET is required in production.');
  });
});
