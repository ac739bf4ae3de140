import type { Core } from '@strapi/strapi';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  call,
  createAdmin,
  createClient,
  createPortalUser,
  createRequest,
  createSegment,
  moveTo,
  workflowLib,
} from './helpers/factories';
import { createCompleteRequest } from './helpers/market';
import { getStrapi } from './helpers/strapi';

const REQUEST = 'plugin::requests.request';
const CM = `/content-manager/collection-types/${REQUEST}`;

let strapi: Core.Strapi;
let admin: { email: string; token: string };
let client: any;
let approvingClient: any;
let segment: any;

const stored = (documentId: string) =>
  strapi.db.query(REQUEST as any).findOne({ where: { documentId } }) as Promise<any>;

const transitions = (documentId: string) =>
  strapi.db.query('plugin::audit.entry' as any).findMany({
    where: { recordDocumentId: documentId, action: 'transition' },
    orderBy: { id: 'asc' },
  }) as Promise<any[]>;

beforeAll(async () => {
  strapi = await getStrapi();
  admin = await createAdmin(strapi);
  client = await createClient(strapi);
  approvingClient = await createClient(strapi, { clientApprovalBeforeDistribution: true });
  segment = await createSegment(strapi);
});

afterEach(() => workflowLib().clock.reset());

describe('saving a request in the admin', () => {
  it('keeps an incomplete request in draft when the desk saves it in its current status', async () => {
    const created = await call('POST', CM, admin.token, { title: 'Half a request' });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;

    const saved = await call('PUT', `${CM}/${documentId}`, admin.token, {
      title: 'Still half',
      location: 'Zwolle',
    });

    expect(saved.status).toBe(200);
    expect(await stored(documentId)).toMatchObject({
      title: 'Still half',
      location: 'Zwolle',
      state: 'draft',
    });
    expect((await stored(documentId)).number).toMatch(/^SRQ\d+$/);
  });

  it('refuses to publish an incomplete request, naming everything it still needs', async () => {
    const created = await call('POST', CM, admin.token, { title: 'Only a title' });
    const { documentId, number } = created.body.data;

    const response = await call('PUT', `${CM}/${documentId}`, admin.token, {
      location: 'Assen',
      state: 'published',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      `Cannot move request ${number} from draft to published: it still needs a client; a segment; ` +
        'a description; hours per week; a start date; an end date; a closing date-time.',
    );
    // The refusal takes back the whole save, not only the status.
    expect(await stored(documentId)).toMatchObject({ state: 'draft', location: null });
    expect(await transitions(documentId)).toHaveLength(0);
  });

  it('publishes from the admin once the same save completes the request', async () => {
    const request = await createRequest(strapi, { client, segment, description: '' });

    const response = await call('PUT', `${CM}/${request.documentId}`, admin.token, {
      description: 'Now described.',
      state: 'published',
    });

    expect(response.status).toBe(200);
    const after = await stored(request.documentId);
    expect(after.state).toBe('published');
    expect(after.distributedAt).not.toBeNull();
  });

  it('refuses a closing date-time in the past, checked by the desk clock', async () => {
    const request = await createRequest(strapi, {
      client,
      segment,
      closesAt: '2027-02-01T11:00:00.000Z',
    });
    workflowLib().clock.set('2027-02-01T11:00:00.000Z');

    await expect(moveTo(strapi, REQUEST, request.documentId, 'published')).rejects.toThrow(
      /it still needs a closing date-time in the future\.$/,
    );
    expect((await stored(request.documentId)).state).toBe('draft');
  });

  it('refuses criteria that are not valid and a maximum rate of zero', async () => {
    const request = await createRequest(strapi, {
      client,
      segment,
      maxRateCents: 0,
      evaluationCriteria: [
        { key: 'a', text: 'x'.repeat(501), weight: 50, knockOut: true, filledBy: 'supplier' },
        { key: 'a', text: 'Fine', weight: 40.5, knockOut: 'yes', filledBy: 'client' },
      ],
    });

    const error = await moveTo(strapi, REQUEST, request.documentId, 'published').catch(
      (caught) => caught,
    );

    expect(error.message).toBe(
      `Cannot move request ${request.number} from draft to published: it still needs ` +
        'a maximum rate above zero, or none for a rate in line with the market; ' +
        'a text of 1 to 500 characters for criterion 1; ' +
        'a key for criterion 2 other than "a", which is used twice; ' +
        'a weight from 0 to 100 (whole number) for criterion 2; knockOut true or false for criterion 2; ' +
        'filledBy "supplier" or "desk" for criterion 2; criteria weights that add up to 100 (now 50).',
    );
    expect(error.details).toMatchObject({
      code: 'TRANSITION_CHECK_FAILED',
      from: 'draft',
      to: 'published',
    });
  });

  it('publishes a request without a maximum rate and with valid criteria', async () => {
    const request = await createCompleteRequest(strapi, { client, segment, maxRateCents: null });

    await moveTo(strapi, REQUEST, request.documentId, 'published');

    expect(await stored(request.documentId)).toMatchObject({
      state: 'published',
      maxRateCents: null,
    });
    expect(await transitions(request.documentId)).toHaveLength(1);
  });
});

describe('client approval before distribution', () => {
  it('refuses to publish straight from draft when the client approves requests first', async () => {
    const request = await createCompleteRequest(strapi, { client: approvingClient, segment });

    await expect(moveTo(strapi, REQUEST, request.documentId, 'published')).rejects.toThrow(
      `Cannot move request ${request.number} from draft to published: ${approvingClient.name} approves ` +
        'requests before they are distributed; move it to awaiting client approval instead.',
    );
  });

  it('refuses to ask approval for an incomplete request', async () => {
    const request = await createRequest(strapi, { client: approvingClient, segment, location: '' });

    await expect(
      moveTo(strapi, REQUEST, request.documentId, 'awaiting_client_approval'),
    ).rejects.toThrow(/it still needs a location\.$/);
  });

  it('lets a client user approve on the portal, after which the desk publishes', async () => {
    const request = await createCompleteRequest(strapi, { client: approvingClient, segment });
    await moveTo(strapi, REQUEST, request.documentId, 'awaiting_client_approval');
    const budgetHolder = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: approvingClient,
      isBudgetHolder: true,
    });

    const approved = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      budgetHolder.jwt,
      {
        to: 'approved',
      },
    );
    await moveTo(strapi, REQUEST, request.documentId, 'published');

    expect(approved.status).toBe(200);
    const after = await stored(request.documentId);
    expect(after.state).toBe('published');
    expect(after.clientApprovedAt).not.toBeNull();
    expect((await transitions(request.documentId)).map((entry) => entry.toStatus)).toEqual([
      'awaiting_client_approval',
      'approved',
      'published',
    ]);
  });

  it('answers 404 to a client user of another client who tries to approve', async () => {
    const request = await createCompleteRequest(strapi, { client: approvingClient, segment });
    await moveTo(strapi, REQUEST, request.documentId, 'awaiting_client_approval');
    const stranger = await createPortalUser(strapi, {
      userKind: 'client_user',
      client,
      isBudgetHolder: true,
    });

    const response = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      stranger.jwt,
      {
        to: 'approved',
      },
    );

    expect(response.status).toBe(404);
    expect((await stored(request.documentId)).state).toBe('awaiting_client_approval');
  });

  it('refuses a supplier user who tries to approve', async () => {
    const request = await createCompleteRequest(strapi, { client: approvingClient, segment });
    await moveTo(strapi, REQUEST, request.documentId, 'awaiting_client_approval');
    const supplierUser = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      isConsultant: true,
    });

    const response = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      supplierUser.jwt,
      {
        to: 'approved',
      },
    );

    expect(response.status).toBe(404);
  });
});
