import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { unique } from './helpers/factories';
import { startPortal, type StartedPortal } from './helpers/portal';
import { cmsUrl, getStrapi } from './helpers/strapi';

/** The production settings the portal's settings module insists on (values for this test only). */
const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  APP_KEYS: 'testKeyOne0123456789==,testKeyTwo0123456789==',
  API_TOKEN_SALT: 'test-api-token-salt-0123',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret-0123',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret-0123456789',
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  PORTAL_API_KEY: 'test-portal-api-key-0123456',
  SMTP_URL: 'smtp://127.0.0.1:2525',
};

describe('portal development inbox', () => {
  let strapi: Core.Strapi;
  let portal: StartedPortal;
  let mail: any;
  let subject: string;

  beforeAll(async () => {
    strapi = await getStrapi();
    subject = `Welkom bij de desk ${unique()}`;
    mail = await strapi
      .plugin('outbox')
      .service('outbox')
      .enqueue({
        to: `inbox-${unique()}@example.nl`,
        template: 'generic.notification',
        data: { title: subject, body: 'Een bericht uit de test.' },
      });
    portal = await startPortal({ cmsUrl: cmsUrl() });
  });

  afterAll(async () => {
    await portal?.stop();
  });

  it('lists kept mail with a link to each one', async () => {
    const response = await fetch(`${portal.url}/dev/inbox`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(subject);
    expect(html).toContain(`href="/dev/inbox/${mail.id}"`);
  });

  it("shows one mail's HTML in a sandboxed frame and its text", async () => {
    const response = await fetch(`${portal.url}/dev/inbox/${mail.id}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toMatch(/<iframe[^>]*sandbox=""[^>]*srcdoc="[^"]*Een bericht uit de test/);
    expect(html).toContain('<pre class="mail-text"');
    expect(html).toContain('Een bericht uit de test.');
  });

  it('answers 404 for a mail that does not exist', async () => {
    expect((await fetch(`${portal.url}/dev/inbox/999999999`)).status).toBe(404);
  });

  it('does not exist in production, even when the CMS still keeps mail', async () => {
    const production = await startPortal({ cmsUrl: cmsUrl(), env: PRODUCTION_ENV });
    try {
      for (const path of ['/dev/inbox', `/dev/inbox/${mail.id}`]) {
        const response = await fetch(`${production.url}${path}`);
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain(subject);
      }
    } finally {
      await production.stop();
    }
  });
});
