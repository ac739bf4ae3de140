import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makePdf } from '../candidates-files';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from '../helpers/browser';
import {
  createAdmin,
  createClient,
  createSegment,
  createSupplier,
  publishRequest,
  unique,
} from '../helpers/factories';
import { createCompleteRequest, createConsultant, follow } from '../helpers/market';
import { startPortal, type StartedPortal } from '../helpers/portal';
import { cmsUrl, getStrapi } from '../helpers/strapi';

const available = browserAvailable();
const ADMIN_PASSWORD_PREFIX = 'Desk-password-';

/*
 * Issue 4 end to end: a consultant finds a request by its SRQ number, asks a question and
 * proposes a candidate with a CV on the portal; the desk accepts the candidate in the admin;
 * the consultant completes the data and sees May be hired.
 */
describe.skipIf(!available.ok)('requests and offers in Chromium', () => {
  let strapi: Core.Strapi;
  let portal: StartedPortal;
  let browser: LaunchedBrowser;
  let page: Page;
  let request: any;
  let client: any;
  let segment: any;
  let consultant: { email: string; password: string };
  let desk: { email: string; password: string };
  let files: string;
  let proposalUrl = '';

  beforeAll(async () => {
    strapi = await getStrapi();
    client = await createClient(strapi);
    segment = await createSegment(strapi);
    const supplier = await createSupplier(strapi);
    await follow(strapi, supplier, [segment]);
    consultant = await createConsultant(strapi, supplier, { firstName: 'Sanne', lastName: 'Test' });
    request = await publishRequest(
      strapi,
      await createCompleteRequest(strapi, { client, segment, title: `Java developer ${unique()}` }),
    );
    desk = await deskAgent(strapi);

    files = mkdtempSync(join(tmpdir(), 'desk-market-browser-'));
    writeFileSync(
      join(files, 'cv-jan-de-wit.pdf'),
      makePdf([
        'Jan de Wit',
        'jan.dewit@example.nl',
        '+31 6 12345678',
        'Skills: Java, Kotlin, PostgreSQL',
      ]),
    );

    portal = await startPortal({ cmsUrl: cmsUrl() });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  /** A new tab signed in to the admin as the desk agent. */
  async function adminPage(): Promise<Page> {
    const admin = await browser.context.newPage();
    await admin.goto(`${cmsUrl()}/admin/auth/login`);
    // A tab of a signed-in browser is sent on to the admin's home by the page itself.
    const email = admin.locator('input[name="email"]');
    await Promise.race([
      email.waitFor({ timeout: 30_000 }),
      admin.waitForURL(/\/admin\/?$/, { timeout: 30_000 }),
    ]);
    if (await email.isVisible()) {
      await admin.locator('input[name="email"]').fill(desk.email);
      await admin.locator('input[name="password"]').fill(desk.password);
      await admin.getByRole('button', { name: 'Login' }).click();
    }
    await admin.waitForURL(/\/admin(\/)?$/, { timeout: 30_000 });
    return admin;
  }

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('finds the request by its SRQ number on the Requests tab', async () => {
    await page.goto(`${portal.url}/sign-in`);
    await page.locator('#field-email').fill(consultant.email);
    await page.locator('#field-password').fill(consultant.password);
    await page.locator('.auth-card form button[type=submit]').first().click();
    await page.waitForURL('**/account');

    await page.locator('[data-tab="/requests"]').click();
    await page.waitForURL('**/requests');
    await page.locator('#field-number').fill(request.number);
    await page.getByRole('button', { name: /Zoeken/ }).click();
    await page.waitForURL(/number=/);

    const rows = page.locator('[data-request-table] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().getAttribute('data-request')).toBe(request.number);
    await rows.first().getByRole('link', { name: request.title }).click();
    await page.waitForURL(`**/requests/${request.documentId}`);
    expect(await page.locator('[data-financial]').textContent()).toContain('€ 95,00');
  });

  it('asks a question with New Question and Send', async () => {
    await page.locator('summary', { hasText: 'New Question' }).click();
    await page.locator('#field-text').fill('Is part of the work possible from home?');
    await page.getByRole('button', { name: /^Send/ }).click();
    await page.waitForURL(`**/requests/${request.documentId}#questions`);

    expect(await page.locator('.notice-success').textContent()).toContain('Your question was sent');
    const question = page.locator('.question', {
      hasText: 'Is part of the work possible from home?',
    });
    expect(await question.locator('.tag').textContent()).toContain('Your question');
  });

  it('adds a candidate from a CV and proposes them', async () => {
    await page.locator('[data-propose]').click();
    await page.waitForURL('**/propose');
    await page.locator('[data-new-candidate]').click();
    await page.waitForURL(/\/candidates\/new/);

    await page.locator('#field-cv').setInputFiles(join(files, 'cv-jan-de-wit.pdf'));
    // The CV's text fills the empty fields for the user to check.
    await expect
      .poll(() => page.locator('#field-email').inputValue(), { timeout: 10_000 })
      .toBe('jan.dewit@example.nl');
    expect(await page.locator('#field-firstName').inputValue()).toBe('Jan');
    expect(await page.locator('#field-lastName').inputValue()).toBe('de Wit');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.waitForURL(/\/propose\?candidate=/);

    expect(await page.locator('#field-candidate option:checked').textContent()).toContain(
      'Jan de Wit',
    );
    await page.locator('#field-offeredRate').fill('90,00');
    await page.locator('[data-criterion-answer="java"] input[value="yes"]').check();
    await page.locator('#field-availability').fill('From 4 January, 36 hours a week.');
    await page.getByRole('button', { name: /^Propose/ }).click();
    await page.waitForURL(/\/proposals\/[a-z0-9]+$/);

    proposalUrl = page.url();
    expect(await page.locator('[data-proposal-state]').getAttribute('data-proposal-state')).toBe(
      'proposed',
    );
    expect(await page.locator('.notice-success').textContent()).toMatch(/Proposed as SPR\d+/);
  });

  it('lets the desk accept the candidate in the admin', async () => {
    const proposal = await strapi.db.query('plugin::requests.proposal' as any).findOne({
      where: { request: { documentId: request.documentId } },
    });
    const admin = await adminPage();

    await admin.goto(
      `${cmsUrl()}/admin/content-manager/collection-types/plugin::requests.proposal/${proposal.documentId}`,
    );
    for (const label of ['submitted to client', 'accepted']) {
      await admin.getByRole('button', { name: `Move to ${label}` }).click({ timeout: 30_000 });
      const dialog = admin.getByRole('alertdialog');
      // The button reloads the edit view once the move is made; a page closed mid-reload hangs.
      const reloaded = admin.waitForEvent('load', { timeout: 30_000 });
      await dialog.getByRole('button', { name: new RegExp(`^${label}$`, 'i') }).click();
      await reloaded;
      await expect
        .poll(
          async () =>
            (
              await strapi.db
                .query('plugin::requests.proposal' as any)
                .findOne({ where: { id: proposal.id } })
            ).state,
          {
            timeout: 15_000,
          },
        )
        .toBe(label.replace(/ /g, '_'));
    }
    await admin.close();
  });

  it('keeps an incomplete request in draft with Save in current status in the admin', async () => {
    const draft = await createCompleteRequest(strapi, { client, segment, location: '' });
    const admin = await adminPage();
    await admin.goto(
      `${cmsUrl()}/admin/content-manager/collection-types/plugin::requests.request/${draft.documentId}`,
    );
    const title = admin.locator('input[name="title"]');
    await title.fill('Senior Java developer, renamed by the desk');
    await admin.getByRole('button', { name: 'Save in current status' }).click({ timeout: 30_000 });

    await expect
      .poll(
        async () =>
          (
            await strapi.db
              .query('plugin::requests.request' as any)
              .findOne({ where: { id: draft.id } })
          ).title,
        {
          timeout: 15_000,
        },
      )
      .toBe('Senior Java developer, renamed by the desk');
    const saved = await strapi.db
      .query('plugin::requests.request' as any)
      .findOne({ where: { id: draft.id } });
    expect(saved.state).toBe('draft');
    await admin.close();
  });

  it('completes the data with Complete Data and Submit Completed, and shows May be hired', async () => {
    await page.goto(proposalUrl);
    expect(await page.locator('[data-proposal-state]').getAttribute('data-proposal-state')).toBe(
      'accepted',
    );
    await page.locator('[data-complete-data]').click();
    await page.waitForURL('**/complete-data');

    // Save Only keeps a partial form; Submit Completed names what is still missing.
    await page.locator('#field-legalFirstNames').fill('Jan Pieter');
    await page.getByRole('button', { name: /^Save Only/ }).click();
    await page.waitForURL('**/complete-data');
    expect(await page.locator('#field-legalFirstNames').inputValue()).toBe('Jan Pieter');
    await page.getByRole('button', { name: /^Submit Completed/ }).click();
    await page.waitForURL('**/complete-data');
    expect(await page.locator('[data-error-summary]').textContent()).toContain(
      'Fill in the last name',
    );

    const fields: Record<string, string> = {
      lastName: 'de Wit',
      dateOfBirth: '1990-05-31',
      nationality: 'NL',
      street: 'Oudegracht',
      houseNumber: '12',
      postalCode: '3511 AB',
      city: 'Utrecht',
      country: 'NL',
      startDateConfirmed: '2027-01-04',
      hoursPerWeek: '36',
    };
    for (const [name, value] of Object.entries(fields))
      await page.locator(`#field-${name}`).fill(value);
    await page.getByRole('button', { name: /^Submit Completed/ }).click();
    await page.waitForURL(proposalUrl);

    expect(await page.locator('[data-proposal-state]').getAttribute('data-proposal-state')).toBe(
      'may_be_hired',
    );
    expect(await page.locator('[data-proposal-state]').textContent()).toContain('May be hired');
    expect(await page.locator('[data-history]').textContent()).toContain('Mag worden ingehuurd');
  });
});

/** A desk agent of the admin with a password the browser can type. */
async function deskAgent(strapi: Core.Strapi) {
  const { email } = await createAdmin(strapi, 'desk-agent');
  const password = `${ADMIN_PASSWORD_PREFIX}${unique()}1A`;
  const user = await strapi.db.query('admin::user' as any).findOne({ where: { email } });
  await strapi.service('admin::user').updateById(user.id, { password });
  return { email, password };
}
