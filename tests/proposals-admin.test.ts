import type { Core } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ANNA_CV, makePdf, upload } from './candidates-files';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './helpers/browser';
import {
  call,
  createClient,
  createPortalUser,
  createRequest,
  createSegment,
  createSupplier,
  publishRequest,
  unique,
} from './helpers/factories';
import { cmsUrl, getStrapi } from './helpers/strapi';

const available = browserAvailable();
const PROPOSAL = 'plugin::requests.proposal';

let strapi: Core.Strapi;

/** A proposal in status proposed, made through the API by a supplier's consultant. */
async function proposedCandidate() {
  const client = await createClient(strapi);
  const segment = await createSegment(strapi);
  const supplier = await createSupplier(strapi, { segments: [segment.id] });
  const consultant = await createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier,
    isConsultant: true,
  });
  const request = await publishRequest(
    strapi,
    await createRequest(strapi, {
      client,
      segment,
      startDate: '2027-03-01',
      endDate: '2027-12-31',
    }),
  );
  const candidate = await upload(
    '/api/requests/candidates',
    consultant.jwt,
    { bytes: makePdf(ANNA_CV), name: 'cv.pdf' },
    { firstName: 'Anna', lastName: 'de Vries' },
  );
  const proposal = await call('POST', '/api/requests/proposals', consultant.jwt, {
    request: request.documentId,
    candidate: candidate.body.data.documentId,
    offeredRateCents: 9000,
  });
  return proposal.body.data;
}

/** Signs a new super admin in through the admin's own login form. */
async function signInToAdmin(page: Page) {
  const email = `desk-${unique()}@example.nl`;
  const password = `Desk-password-${unique()}1`;
  const role = await strapi.db
    .query('admin::role' as any)
    .findOne({ where: { code: 'strapi-super-admin' } });
  await strapi.service('admin::user').create({
    email,
    firstname: 'Desk',
    lastname: 'Agent',
    password,
    isActive: true,
    roles: [role.id],
  });

  await page.goto(`${cmsUrl()}/admin/auth/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/admin(?!\/auth)/);
}

describe.skipIf(!available.ok)('the desk moves a candidate with buttons in the admin', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    strapi = await getStrapi();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows one button per next status and moves the proposal with a reason', async () => {
    const proposal = await proposedCandidate();
    const page = await browser.context.newPage();
    await signInToAdmin(page);

    await page.goto(
      `${cmsUrl()}/admin/content-manager/collection-types/${PROPOSAL}/${proposal.documentId}`,
    );
    const submit = page.getByRole('button', { name: 'Move to submitted to client' });
    await submit.waitFor({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Move to reserve' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Move to accepted' }).count()).resolves.toBe(0);

    await submit.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.locator('textarea').fill('Strong CV');
    await dialog.getByRole('button', { name: 'Submitted to client' }).click();
    await page.getByRole('button', { name: 'Move to accepted' }).waitFor({ timeout: 30_000 });

    const stored = (await strapi.db
      .query(PROPOSAL as any)
      .findOne({ where: { documentId: proposal.documentId } })) as any;
    expect(stored.state).toBe('submitted_to_client');
    expect(stored.statusHistory.at(-1)).toMatchObject({
      to: 'submitted_to_client',
      reason: 'Strong CV',
    });
    await page.close();
  });
});
