import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createClient,
  createRequest,
  createSegment,
  publishRequest,
  unique,
} from './helpers/factories';
import { getWithHost, startPortal, type StartedPortal } from './helpers/portal';
import { cmsUrl, getStrapi } from './helpers/strapi';

/** What a page says about its branding, read from the rendered HTML. */
function brandingOf(html: string) {
  return {
    slug: /<body[^>]*data-client="([^"]+)"/.exec(html)?.[1] ?? null,
    primary: /--brand-primary: (#[0-9a-f]{6})/.exec(html)?.[1] ?? null,
    accent: /--brand-accent: (#[0-9a-f]{6})/.exec(html)?.[1] ?? null,
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null,
  };
}

describe('portal branding', () => {
  let strapi: Core.Strapi;
  let portal: StartedPortal;
  let north: any;
  let south: any;
  let northRequest: any;
  let southRequest: any;
  let northDraft: any;
  let southHost: string;

  beforeAll(async () => {
    strapi = await getStrapi();
    const segment = await createSegment(strapi, { name: `ICT ${unique()}` });
    southHost = `Inhuur-${unique()}.Zuid.test`;

    north = await createClient(strapi, {
      name: `Gemeente Noord ${unique()}`,
      primaryColor: '#7a1f5c',
      accentColor: '#2a9d8f',
      supportPhone: '+31 50 123 4567',
    });
    south = await createClient(strapi, {
      name: `Provincie Zuid ${unique()}`,
      hostNames: [southHost],
      primaryColor: '#0b4f8a',
      accentColor: '#f2a900',
    });

    northRequest = await publishRequest(
      strapi,
      await createRequest(strapi, { client: north, segment, title: 'Senior Java-ontwikkelaar' }),
    );
    southRequest = await publishRequest(
      strapi,
      await createRequest(strapi, { client: south, segment, title: 'Projectleider wijkaanpak' }),
    );
    northDraft = await createRequest(strapi, {
      client: north,
      segment,
      title: 'Nog niet gepubliceerd',
    });

    portal = await startPortal({ cmsUrl: cmsUrl() });
  });

  afterAll(async () => {
    await portal?.stop();
  });

  it("shows each client's name, colours and published requests on its /c/<slug> page", async () => {
    for (const [client, own, other] of [
      [north, northRequest, southRequest],
      [south, southRequest, northRequest],
    ]) {
      const response = await fetch(`${portal.url}/c/${client.slug}`);
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(brandingOf(html)).toMatchObject({
        slug: client.slug,
        primary: client.primaryColor,
        accent: client.accentColor,
      });
      expect(html).toContain(client.name);
      expect(html).toContain(own.number);
      expect(html).toContain(own.title);
      expect(html).not.toContain(other.number);
      expect(html).not.toContain(other.title);
    }
  });

  it('leaves unpublished requests off the landing page', async () => {
    const html = await (await fetch(`${portal.url}/c/${north.slug}`)).text();

    expect(html).not.toContain(northDraft.title);
  });

  it("shows the closing moment in Amsterdam time and the client's support contact", async () => {
    const html = await (await fetch(`${portal.url}/c/${north.slug}`)).text();

    expect(html).toContain(`<time datetime="${new Date(northRequest.closesAt).toISOString()}">`);
    expect(html).toContain(`mailto:${north.supportEmail}`);
    expect(html).toContain(north.supportPhone);
  });

  it('brands the root by a configured host name, ignoring case and port', async () => {
    const response = await getWithHost(
      portal.url,
      '/',
      `${southHost.toUpperCase()}:${portal.port}`,
    );

    expect(response.status).toBe(200);
    expect(brandingOf(response.body)).toMatchObject({ slug: south.slug, primary: '#0b4f8a' });
    expect(response.body).toContain(southRequest.number);
    expect(response.body).not.toContain(northRequest.number);
  });

  it('brands the error pages of a client host too', async () => {
    const response = await getWithHost(portal.url, '/no-such-page', southHost);

    expect(response.status).toBe(404);
    expect(brandingOf(response.body).slug).toBe(south.slug);
    expect(response.body).toContain('Pagina niet gevonden');
  });

  it('gives an unconfigured host the neutral look with a link to every client', async () => {
    const response = await getWithHost(portal.url, '/', `${south.slug}.evil.example`);

    expect(response.status).toBe(200);
    expect(brandingOf(response.body)).toMatchObject({
      slug: null,
      title: 'Opdrachtgevers · Hiring desk',
    });
    expect(response.body).toContain(`href="/c/${north.slug}"`);
    expect(response.body).toContain(`href="/c/${south.slug}"`);
    expect(response.body).not.toContain(southRequest.number);
  });

  it("lets a /c/<slug> path win over another client's host name", async () => {
    const response = await getWithHost(portal.url, `/c/${north.slug}`, southHost);

    expect(brandingOf(response.body)).toMatchObject({ slug: north.slug, primary: '#7a1f5c' });
    expect(response.body).toContain(northRequest.number);
  });

  it('answers an unknown slug with the neutral 404 page', async () => {
    const response = await fetch(`${portal.url}/c/no-such-client-${unique()}`);
    const html = await response.text();

    expect(response.status).toBe(404);
    expect(brandingOf(html).slug).toBeNull();
    expect(html).toContain('Pagina niet gevonden');
  });
});
