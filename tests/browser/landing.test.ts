import type { Core } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { browserAvailable, launchBrowser, type LaunchedBrowser } from '../helpers/browser';
import {
  createClient,
  createRequest,
  createSegment,
  publishRequest,
  unique,
} from '../helpers/factories';
import { startPortal, type StartedPortal } from '../helpers/portal';
import { cmsUrl, getStrapi } from '../helpers/strapi';

const available = browserAvailable();

/** `#0b4f8a` as the browser reports a computed colour: `rgb(11, 79, 138)`. */
function rgb(hex: string): string {
  const [red, green, blue] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${red}, ${green}, ${blue})`;
}

/** What a visitor sees of the page's branding and requests. */
async function landingOf(page: Page) {
  const header = page.locator('header.site-header');
  return {
    // The logo's alt text, or the text logo's name (its initials mark is decoration).
    brand: await header
      .locator('.brand')
      .evaluate(
        (brand) =>
          brand.querySelector('img')?.alt ?? brand.querySelector('.brand-name')?.textContent,
      ),
    headerBackground: await header.evaluate((element) => getComputedStyle(element).backgroundColor),
    numbers: await page
      .locator('[data-request]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-request'))),
    titles: await page.locator('.request-title').allInnerTexts(),
  };
}

describe.skipIf(!available.ok)('client landing pages in Chromium', () => {
  let strapi: Core.Strapi;
  let portal: StartedPortal;
  let browser: LaunchedBrowser;
  let west: any;
  let east: any;
  let westRequests: any[];
  let eastRequest: any;
  let eastHost: string;

  beforeAll(async () => {
    strapi = await getStrapi();
    const segment = await createSegment(strapi, { name: `Zorg ${unique()}` });
    eastHost = `werk-${unique()}.oost.test`;

    west = await createClient(strapi, {
      name: `Gemeente West ${unique()}`,
      primaryColor: '#14532d',
      accentColor: '#ca8a04',
      supportPhone: '+31 70 555 0101',
      supportHours: 'ma–vr 9:00–17:00',
    });
    east = await createClient(strapi, {
      name: `Ziekenhuis Oost ${unique()}`,
      hostNames: [eastHost],
      primaryColor: '#7c2d12',
      accentColor: '#0369a1',
    });

    const publish = (client: any, title: string) =>
      createRequest(strapi, { client, segment, title }).then((draft) =>
        publishRequest(strapi, draft),
      );
    westRequests = [
      await publish(west, 'Senior beleidsadviseur wonen'),
      await publish(west, 'Data-engineer sociaal domein'),
    ];
    eastRequest = await publish(east, 'Verpleegkundige intensive care');

    portal = await startPortal({ cmsUrl: cmsUrl() });
    browser = await launchBrowser({ args: [`--host-resolver-rules=MAP ${eastHost} 127.0.0.1`] });
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it("shows a client's name, colour and only its own requests at /c/<slug>", async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${portal.url}/c/${west.slug}`);

    expect(response?.status()).toBe(200);
    const landing = await landingOf(page);
    expect(landing.brand).toBe(west.name);
    expect(landing.headerBackground).toBe(rgb(west.primaryColor));
    expect(landing.numbers.sort()).toEqual(westRequests.map((request) => request.number).sort());
    expect(landing.titles.sort()).toEqual(westRequests.map((request) => request.title).sort());
    expect(landing.numbers).not.toContain(eastRequest.number);
    expect(await page.locator('footer').innerText()).toContain(west.supportPhone);

    await page.screenshot({ path: '/tmp/portal-landing.png', fullPage: true });
    await page.close();
  });

  it("brands the root by the client's host name", async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`http://${eastHost}:${portal.port}/`);

    expect(response?.status()).toBe(200);
    const landing = await landingOf(page);
    expect(landing.brand).toBe(east.name);
    expect(landing.headerBackground).toBe(rgb(east.primaryColor));
    expect(landing.numbers).toEqual([eastRequest.number]);
    expect(landing.titles).toEqual([eastRequest.title]);
    expect(landing.numbers).not.toContain(westRequests[0].number);
    await page.close();
  });

  it('shows the neutral look and links to both clients on the plain address', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/`);

    expect((await landingOf(page)).brand).toBe('Hiring desk');
    await page.getByRole('link', { name: new RegExp(east.name) }).click();
    await page.waitForURL(`**/c/${east.slug}`);
    expect((await landingOf(page)).headerBackground).toBe(rgb(east.primaryColor));
    await page.close();
  });
});
