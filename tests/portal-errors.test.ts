import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startPortal, type StartedPortal } from './helpers/portal';

/**
 * The CMS going away is the portal's most likely failure, and no real CMS can be made to fail
 * on cue: these tests point the portal at a port where nothing answers, or at a server that
 * answers only 503, as a proxy in front of a stopped CMS would.
 */
describe('portal error pages', () => {
  let failing: Server;
  const portals: StartedPortal[] = [];

  beforeAll(async () => {
    failing = createServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end('<h1>upstream down</h1>');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await Promise.all(portals.map((portal) => portal.stop()));
    await new Promise((resolve) => failing?.close(resolve));
  });

  async function portalWithCmsAt(url: string): Promise<StartedPortal> {
    const portal = await startPortal({ cmsUrl: url });
    portals.push(portal);
    return portal;
  }

  it('answers 503 with a friendly page, no stack trace, when the CMS is unreachable', async () => {
    const portal = await portalWithCmsAt('http://127.0.0.1:9');

    for (const path of ['/', '/c/anyone', '/dev/inbox']) {
      const response = await fetch(`${portal.url}${path}`);
      const html = await response.text();

      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(html).toContain('Even niet bereikbaar');
      expect(html).not.toMatch(/CmsError|at \w+ \(|node_modules|127\.0\.0\.1:9/);
    }
  });

  it('answers 503 when the CMS answers with server errors', async () => {
    const { port } = failing.address() as AddressInfo;
    const portal = await portalWithCmsAt(`http://127.0.0.1:${port}`);

    const response = await fetch(`${portal.url}/`);

    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain('upstream down');
  });
});
