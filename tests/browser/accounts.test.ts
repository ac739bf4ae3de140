import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { browserAvailable, launchBrowser, type LaunchedBrowser } from '../helpers/browser';
import { unique } from '../helpers/factories';
import { startPortal, type StartedPortal } from '../helpers/portal';
import { cmsUrl, getStrapi } from '../helpers/strapi';

const available = browserAvailable();
const MINUTE = 60_000;
const SCREENSHOTS = '/tmp';

/** The verification link of the newest mail to `email` in the cms's development inbox. */
async function mailedLink(email: string, path: string): Promise<string> {
  const pattern = new RegExp(`${path.replace('?', '\\?')}\\?token=([\\w.%~-]+)`);
  for (let tries = 0; tries < 50; tries += 1) {
    const response = await fetch(`${cmsUrl()}/api/outbox/dev-inbox`);
    const { data } = (await response.json()) as { data: any[] };
    const token = data
      .filter((mail) => mail.to === email)
      .map((mail) => pattern.exec(`${mail.text ?? ''} ${mail.html ?? ''}`)?.[1])
      .find(Boolean);
    if (token) return `${path}?token=${token}`;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail with ${path} to ${email}.`);
}

/** A six-digit code for the secret at `epoch` seconds, as the user's authenticator app shows. */
function codeAt(secret: string, epochSeconds: number): Promise<string> {
  return generate({ secret, epoch: epochSeconds });
}

/** A KvK number nobody registered in this run: eight digits. */
function kvkNumber(): string {
  return String(20_000_000 + Math.floor(Math.random() * 70_000_000));
}

describe.skipIf(!available.ok)('accounts in Chromium', () => {
  let portal: StartedPortal;
  let browser: LaunchedBrowser;
  let page: Page;
  let clockDir: string;
  let clockFile: string;
  let secret = '';
  const email = `zzp-${unique()}@example.nl`;
  const password = `Fietsen-langs-de-Vecht-${unique()}`;

  async function signInWithPassword() {
    await page.goto(`${portal.url}/sign-in`);
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(password);
    await page.locator('.auth-card form button[type=submit]').first().click();
    await page.waitForLoadState('load');
  }

  beforeAll(async () => {
    await getStrapi();
    clockDir = mkdtempSync(join(tmpdir(), 'desk-portal-clock-'));
    clockFile = join(clockDir, 'now');
    writeFileSync(clockFile, '');
    portal = await startPortal({ cmsUrl: cmsUrl(), env: { DESK_TEST_CLOCK_FILE: clockFile } });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    rmSync(clockDir, { recursive: true, force: true });
  });

  it('shows the refused fields of a registration next to each field and in a summary', async () => {
    await page.goto(`${portal.url}/register`);
    await page.locator('#field-kvkNumber').fill('123');
    await page.locator('#field-city').fill('Utrecht');
    await page.getByRole('button', { name: 'Submit Registration' }).click();

    await page.waitForSelector('.error-summary');
    expect(await page.locator('#field-kvkNumber-error').isVisible()).toBe(true);
    expect(await page.locator('#field-kvkNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary a[href="#field-kvkNumber"]').count()).toBe(1);
    expect(await page.locator('#field-city').inputValue()).toBe('Utrecht');
    await page.screenshot({ path: `${SCREENSHOTS}/portal-register-errors.png`, fullPage: true });
  });

  it('registers a self-employed person and confirms the address from the mailed link', async () => {
    await page.goto(`${portal.url}/register`);
    await page.getByLabel(/Zelfstandige/).check();
    const fields: Record<string, string> = {
      legalName: `Studio Vecht ${unique()}`,
      kvkNumber: kvkNumber(),
      vatNumber: 'NL123456789B01',
      street: 'Oudegracht',
      houseNumber: '12',
      postalCode: '3511 AB',
      city: 'Utrecht',
      iban: 'NL91ABNA0417164300',
      invoicingContactName: 'Jip de Boer',
      invoicingEmail: email,
      firstName: 'Jip',
      lastName: 'de Boer',
      email,
      password,
    };
    for (const [name, value] of Object.entries(fields)) {
      await page.locator(`#field-${name}`).fill(value);
    }
    await page.locator('#field-acceptTerms').check();
    await page.screenshot({ path: `${SCREENSHOTS}/portal-register.png`, fullPage: true });
    await page.getByRole('button', { name: 'Submit Registration' }).click();

    await page.waitForURL('**/register/sent');
    await page.goto(`${portal.url}${await mailedLink(email, '/verify-email')}`);
    await page.getByRole('button', { name: /Bevestigen/ }).click();
    await page.waitForURL('**/sign-in?done=verified');
  });

  it('signs in under review and connects an authenticator from the shown secret', async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/portal-sign-in.png`, fullPage: true });
    await signInWithPassword();
    await page.waitForURL('**/account');
    expect(await page.locator('[data-user-name]').innerText()).toBe('Jip de Boer');
    await expect.poll(() => page.locator('[data-pending-review]').count()).toBe(1);

    await page.locator('#connect-password').fill(password);
    await page.locator('#connect button[type=submit]').click();
    await page.waitForSelector('[data-totp-secret]');
    secret = (await page.locator('[data-totp-secret]').getAttribute('data-totp-secret'))!;
    expect(await page.locator('#connect img.qr').isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/portal-account-qr.png`, fullPage: true });

    await page.locator('#connect #field-code').fill(await codeAt(secret, Date.now() / 1000));
    await page.locator('#connect').getByRole('button', { name: 'Connect' }).click();
    await page.waitForSelector('[data-factor="totp"]');
    expect(await page.locator('.notice-success').innerText()).toContain('gekoppeld');
  });

  it('signs out and signs in again with a code from the app', async () => {
    await page.getByRole('button', { name: /Afmelden/ }).click();
    await page.waitForURL('**/sign-in?done=signed-out');
    expect(await page.locator('[data-user-name]').count()).toBe(0);

    await signInWithPassword();
    await page.waitForSelector('[data-step="totp"]');
    await page.screenshot({ path: `${SCREENSHOTS}/portal-sign-in-code.png`, fullPage: true });
    // The code of the step just used is spent; the next step's code is within the drift allowed.
    await page.locator('#field-code').fill(await codeAt(secret, Date.now() / 1000 + 30));
    await page.locator('.auth-card form button[type=submit]').first().click();
    await page.waitForURL('**/account');
    expect(await page.locator('[data-user-name]').innerText()).toBe('Jip de Boer');
  });

  it('lets the organisation administrator add a supplier user', async () => {
    await page.getByRole('link', { name: /Mijn instellingen/ }).click();
    await page.waitForURL('**/my-settings/supplier');
    await page.getByRole('link', { name: 'New Supplier User' }).click();

    const colleague = `collega-${unique()}@example.nl`;
    await page.locator('#field-firstName').fill('Noor');
    await page.locator('#field-lastName').fill('Bakker');
    await page.locator('#field-email').fill(colleague);
    await page.getByLabel(/Consultant/).check();
    await page.getByLabel(/Payroll/).check();
    await page.getByRole('button', { name: /Save/ }).click();

    await page.waitForURL('**/my-settings/supplier');
    await page.waitForSelector(`[data-user="${colleague}"]`);
    expect(await page.locator(`[data-user="${colleague}"]`).innerText()).toContain('Payroll');
    await page.screenshot({ path: `${SCREENSHOTS}/portal-supplier-settings.png`, fullPage: true });
  });

  it('pairs the companion on a phone and approves a sign-in by its number', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${portal.url}/companion`);
    const phrase = phone.locator('[data-phrase]');
    await expect.poll(() => phrase.innerText(), { timeout: 10_000 }).toMatch(/\w+ \w+/);
    await phone.screenshot({ path: `${SCREENSHOTS}/portal-companion-phrase.png` });

    await page.goto(`${portal.url}/account`);
    await page.locator('#pair-password').fill(password);
    await page.locator('#pair #field-phrase').fill(await phrase.innerText());
    await page.locator('#pair').getByRole('button', { name: 'Connect' }).click();
    await page.waitForSelector('[data-factor="push"]');
    await expect
      .poll(() => phone.locator('[data-view="paired"]').isVisible(), { timeout: 10_000 })
      .toBe(true);

    await page.getByRole('button', { name: /Afmelden/ }).click();
    await signInWithPassword();
    if ((await page.locator('[data-step="push"]').count()) === 0) {
      await page.getByRole('button', { name: /Use another authentication method/ }).click();
    }
    const number = (await page.locator('[data-push-number]').innerText()).trim();
    await page.screenshot({ path: `${SCREENSHOTS}/portal-sign-in-push.png`, fullPage: true });

    const attempt = phone.locator('[data-attempt]');
    await attempt.waitFor({ timeout: 10_000 });
    await phone.screenshot({ path: `${SCREENSHOTS}/portal-companion-attempt.png` });
    await attempt.locator('.number-choice', { hasText: new RegExp(`^${number}$`) }).click();
    await attempt.getByRole('button', { name: /Goedkeuren/ }).click();

    await page.waitForURL('**/account', { timeout: 15_000 });
    expect(await page.locator('[data-user-name]').innerText()).toBe('Jip de Boer');
    await phone.close();
  });

  it('sends the same user, idle past the timeout, to sign in', async () => {
    writeFileSync(clockFile, new Date(Date.now() + 121 * MINUTE).toISOString());
    await page.reload();

    await page.waitForURL('**/sign-in?expired=1');
    expect(await page.locator('[data-session-expired]').innerText()).toContain(
      'Je sessie is verlopen',
    );
    await page.goto(`${portal.url}/account`);
    await page.waitForURL('**/sign-in?next=%2Faccount');
  });
});
