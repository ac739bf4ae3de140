import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CmsError, createCmsClient, isCmsUnavailable } from './cms';

/** Answers per path, set by each test: a status and a JSON body, or 'hang' to never answer. */
const answers = new Map<string, { status: number; body?: unknown } | 'hang'>();
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const answer = answers.get(request.url ?? '');
    if (answer === 'hang') return;
    response.writeHead(answer?.status ?? 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer?.body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const CLIENTS = '/api/organisations/public/clients';

describe('createCmsClient', () => {
  it('reads the client list and normalises host names', async () => {
    answers.set(CLIENTS, {
      status: 200,
      body: {
        data: [
          {
            name: 'Acme',
            slug: 'acme',
            hostNames: ['Werk.Acme.nl', 42, ''],
            logoUrl: 'http://cms.test/uploads/acme.png',
            primaryColor: '#12AB34',
            accentColor: '#abcdef',
            supportEmail: 'support@acme.nl',
            supportPhone: null,
            supportHours: 'ma-vr 9-17',
          },
        ],
      },
    });

    const [acme] = await createCmsClient({ baseUrl }).listClients();

    expect(acme).toEqual({
      name: 'Acme',
      slug: 'acme',
      hostNames: ['werk.acme.nl'],
      logoUrl: 'http://cms.test/uploads/acme.png',
      primaryColor: '#12ab34',
      accentColor: '#abcdef',
      supportEmail: 'support@acme.nl',
      supportPhone: null,
      supportHours: 'ma-vr 9-17',
    });
  });

  it('refuses colours and logo addresses that could inject CSS or scripts', async () => {
    answers.set(CLIENTS, {
      status: 200,
      body: {
        data: [
          {
            name: 'Sly',
            slug: 'sly',
            logoUrl: 'javascript:alert(1)',
            primaryColor: 'red; background: url(//evil)',
            accentColor: '#abc',
          },
          { name: 'No slug' },
        ],
      },
    });

    const clients = await createCmsClient({ baseUrl }).listClients();

    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({
      logoUrl: null,
      primaryColor: '#1f3a5f',
      accentColor: '#f2a900',
    });
  });

  it('gives null for the requests of a slug the CMS does not know', async () => {
    expect(await createCmsClient({ baseUrl }).listPublishedRequests('nobody')).toBeNull();
  });

  it('reads published requests and drops an unreadable closing moment', async () => {
    answers.set('/api/requests/public/clients/acme/requests', {
      status: 200,
      body: {
        data: [
          {
            number: 'SRQ000012',
            title: 'Developer',
            segment: 'ICT',
            closesAt: 'soon',
            location: 'Utrecht',
          },
        ],
      },
    });

    const requests = await createCmsClient({ baseUrl }).listPublishedRequests('acme');

    expect(requests).toEqual([
      {
        number: 'SRQ000012',
        title: 'Developer',
        segment: 'ICT',
        closesAt: null,
        location: 'Utrecht',
      },
    ]);
  });

  it('reports a CMS failing with 5xx as unavailable', async () => {
    answers.set(CLIENTS, { status: 502, body: {} });

    const error = await createCmsClient({ baseUrl })
      .listClients()
      .catch((caught) => caught);

    expect(error).toBeInstanceOf(CmsError);
    expect(isCmsUnavailable(error)).toBe(true);
  });

  it('reports an answer without a data list as a bad response, not an outage', async () => {
    answers.set(CLIENTS, { status: 200, body: { clients: [] } });

    const error = await createCmsClient({ baseUrl })
      .listClients()
      .catch((caught) => caught);

    expect(error).toMatchObject({ code: 'cms_bad_response' });
    expect(isCmsUnavailable(error)).toBe(false);
  });

  it('gives up on a CMS that does not answer within the timeout', async () => {
    answers.set(CLIENTS, 'hang');
    const started = Date.now();

    const error = await createCmsClient({ baseUrl, timeoutMs: 200 })
      .listClients()
      .catch((caught) => caught);

    expect(error).toMatchObject({
      code: 'cms_unavailable',
      message: expect.stringContaining('timed out'),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a CMS nobody listens for as unavailable', async () => {
    const error = await createCmsClient({ baseUrl: 'http://127.0.0.1:9' })
      .listClients()
      .catch((caught) => caught);

    expect(isCmsUnavailable(error)).toBe(true);
  });
});
