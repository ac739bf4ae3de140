import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  call,
  createAdmin,
  createClient,
  createPortalUser,
  createRequest,
  createSegment,
  createSupplier,
  moveTo,
  asDesk,
} from './helpers/factories';
import { getStrapi } from './helpers/strapi';

const REQUEST = 'plugin::requests.request';
const PROPOSAL = 'plugin::requests.proposal';
const CM = '/content-manager/collection-types';

let strapi: Core.Strapi;
let admin: { email: string; token: string };
let clientA: any;
let clientB: any;
let segment: any;

const statusOf = async (uid: string, documentId: string) =>
  ((await strapi.db.query(uid as any).findOne({ where: { documentId } })) as any).state;

const auditEntries = (documentId: string) =>
  strapi.db.query('plugin::audit.entry' as any).findMany({
    where: { recordDocumentId: documentId },
    orderBy: { id: 'asc' },
  }) as Promise<any[]>;

beforeAll(async () => {
  strapi = await getStrapi();
  admin = await createAdmin(strapi);
  clientA = await createClient(strapi);
  clientB = await createClient(strapi);
  segment = await createSegment(strapi);
});

describe('the workflow guard on the REST API', () => {
  it('refuses a status skip and changes nothing', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    const hiringManager = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: clientA,
      isHiringManager: true,
    });
    const before = await auditEntries(request.documentId);

    const response = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      hiringManager.jwt,
      {
        to: 'closed',
      },
    );

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      `Cannot move request ${request.number} from draft to closed: ` +
        'from draft it can move to awaiting client approval, published or cancelled.',
    );
    expect(await statusOf(REQUEST, request.documentId)).toBe('draft');
    expect(await auditEntries(request.documentId)).toHaveLength(before.length);
  });

  it("lets a client user approve their own client's request, and records who did", async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    await moveTo(strapi, REQUEST, request.documentId, 'awaiting_client_approval');
    const hiringManager = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: clientA,
      isHiringManager: true,
    });

    const response = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      hiringManager.jwt,
      {
        to: 'approved',
        reason: 'Budget confirmed',
      },
    );

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ from: 'awaiting_client_approval', to: 'approved' });
    expect(await statusOf(REQUEST, request.documentId)).toBe('approved');
    const last = (await auditEntries(request.documentId)).at(-1);
    expect(last).toMatchObject({
      action: 'transition',
      fromStatus: 'awaiting_client_approval',
      toStatus: 'approved',
      actorKind: 'client',
      actorSource: 'portal',
      actor: hiringManager.email,
      reason: 'Budget confirmed',
    });
  });

  it("answers 404 for another client's request, as if it did not exist", async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    await moveTo(strapi, REQUEST, request.documentId, 'awaiting_client_approval');
    const otherClientUser = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: clientB,
    });

    const response = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      otherClientUser.jwt,
      {
        to: 'approved',
      },
    );

    expect(response.status).toBe(404);
    expect(await statusOf(REQUEST, request.documentId)).toBe('awaiting_client_approval');
  });

  it('refuses a user of the owning organisation without the role the move asks for', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    await moveTo(strapi, REQUEST, request.documentId, 'awaiting_client_approval');
    const noRole = await createPortalUser(strapi, { userKind: 'client_user', client: clientA });
    const supplier = await createSupplier(strapi);
    const payroll = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier,
      isPayroll: true,
    });
    const proposal = await (strapi.documents(PROPOSAL as any) as any).create({
      data: { request: request.id, supplier: supplier.id, offeredRateCents: 8000 },
    });
    await moveTo(strapi, PROPOSAL, proposal.documentId, 'proposed');

    const approve = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      noRole.jwt,
      {
        to: 'approved',
      },
    );
    const withdraw = await call(
      'POST',
      `/api/workflow/proposals/${proposal.documentId}/transitions`,
      payroll.jwt,
      {
        to: 'withdrawn',
      },
    );

    expect(approve.status).toBe(403);
    expect(approve.body.error.message).toBe(
      'Only a user with the hiring manager or budget holder role can change this request.',
    );
    expect(withdraw.status).toBe(403);
    expect(withdraw.body.error.message).toBe(
      'Only a user with the consultant role can change this proposal.',
    );
    expect(await statusOf(REQUEST, request.documentId)).toBe('awaiting_client_approval');
    expect(await statusOf(PROPOSAL, proposal.documentId)).toBe('proposed');
  });

  it('refuses a move that belongs to the desk, naming both statuses', async () => {
    const supplier = await createSupplier(strapi);
    const consultant = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier,
      isConsultant: true,
    });
    const request = await createRequest(strapi, { client: clientA, segment });
    const proposal = await (strapi.documents(PROPOSAL as any) as any).create({
      data: { request: request.id, supplier: supplier.id, offeredRateCents: 8000 },
    });
    await moveTo(strapi, PROPOSAL, proposal.documentId, 'proposed');

    const response = await call(
      'POST',
      `/api/workflow/proposals/${proposal.documentId}/transitions`,
      consultant.jwt,
      {
        to: 'submitted_to_client',
      },
    );

    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      `A supplier user cannot move proposal ${proposal.number} from proposed to submitted to client.`,
    );
    expect(await statusOf(PROPOSAL, proposal.documentId)).toBe('proposed');
  });

  it('asks anonymous callers to sign in and checks the body', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    const user = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: clientA,
      isHiringManager: true,
    });

    expect(
      (
        await call('POST', `/api/workflow/requests/${request.documentId}/transitions`, null, {
          to: 'approved',
        })
      ).status,
    ).toBe(403);
    const empty = await call(
      'POST',
      `/api/workflow/requests/${request.documentId}/transitions`,
      user.jwt,
      {},
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/Say which status to move to/);
    const unknown = await call(
      'POST',
      `/api/workflow/unicorns/${request.documentId}/transitions`,
      user.jwt,
      { to: 'x' },
    );
    expect(unknown.status).toBe(404);
  });
});

describe("the workflow guard on the admin's content manager", () => {
  it('refuses a status skip and changes nothing, not even the other fields sent with it', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });

    const response = await call('PUT', `${CM}/${REQUEST}/${request.documentId}`, admin.token, {
      title: 'Renamed while skipping',
      state: 'awarded',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(`from draft to awarded`);
    const stored = (await strapi.db
      .query(REQUEST as any)
      .findOne({ where: { documentId: request.documentId } })) as any;
    expect(stored.state).toBe('draft');
    expect(stored.title).toBe(request.title);
  });

  it('allows the next step and records the admin edit in the audit trail', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });

    const response = await call('PUT', `${CM}/${REQUEST}/${request.documentId}`, admin.token, {
      title: 'Senior Java developer',
      state: 'published',
    });

    expect(response.status).toBe(200);
    expect(await statusOf(REQUEST, request.documentId)).toBe('published');
    const entry = (await auditEntries(request.documentId)).at(-1);
    expect(entry).toMatchObject({
      action: 'update',
      entity: 'request',
      record: request.number,
      actorKind: 'desk',
      actorSource: 'admin',
      actor: admin.email,
      fromStatus: 'draft',
      toStatus: 'published',
    });
    expect(entry.changes.title).toEqual({ from: request.title, to: 'Senior Java developer' });
    expect(entry.changedFields).toContain('title');
  });

  it('refuses to delete a published request', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    await moveTo(strapi, REQUEST, request.documentId, 'published');

    const response = await call('DELETE', `${CM}/${REQUEST}/${request.documentId}`, admin.token);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /Cannot delete request SRQ\d{6} in status published/,
    );
    expect(await statusOf(REQUEST, request.documentId)).toBe('published');
  });

  it('refuses edits of the audit trail itself', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    const [entry] = await auditEntries(request.documentId);

    const response = await call(
      'PUT',
      `${CM}/plugin::audit.entry/${entry.documentId}`,
      admin.token,
      { actor: 'nobody' },
    );

    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/cannot be added, changed or removed/);
  });
});

describe('the workflow guard in services', () => {
  it('refuses a new record that starts in a later status', async () => {
    await expect(
      createRequest(strapi, { client: clientA, segment, state: 'published' }),
    ).rejects.toThrow('A new request starts as draft, not as published.');
  });

  it('undoes the whole step when a later write fails: no status change, no audit record', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    const before = await auditEntries(request.documentId);

    const failing = asDesk(() =>
      strapi
        .plugin('workflow')
        .service('workflow')
        .transition({
          uid: REQUEST,
          documentId: request.documentId,
          to: 'published',
          alongside: async () => {
            throw new Error('the mail could not be written');
          },
        }),
    );

    await expect(failing).rejects.toThrow('the mail could not be written');
    expect(await statusOf(REQUEST, request.documentId)).toBe('draft');
    expect(await auditEntries(request.documentId)).toHaveLength(before.length);
  });

  it('does not make the same move twice when two arrive at once', async () => {
    const request = await createRequest(strapi, { client: clientA, segment });
    const publish = () =>
      asDesk(() =>
        strapi
          .plugin('workflow')
          .service('workflow')
          .transition({ uid: REQUEST, documentId: request.documentId, to: 'published' }),
      );

    const results = await Promise.allSettled([publish(), publish()]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.message).toContain('from published to published');
    const transitions = (await auditEntries(request.documentId)).filter(
      (entry) => entry.action === 'transition',
    );
    expect(transitions).toHaveLength(1);
  });

  it('never writes a password into the audit trail', async () => {
    const user = await createPortalUser(strapi, { userKind: 'client_user', client: clientA });

    await (strapi.documents('plugin::users-permissions.user' as any) as any).update({
      documentId: user.user.documentId,
      data: { password: 'A-completely-new-password-1' },
    });

    const entries = await auditEntries(user.user.documentId);
    const serialised = JSON.stringify(entries);
    expect(serialised).not.toContain('A-completely-new-password-1');
    expect(serialised).not.toContain(user.password);
    expect(entries.at(-1).changes.password).toEqual({ from: '[redacted]', to: '[redacted]' });
  });
});
