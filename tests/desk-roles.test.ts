import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  call,
  createAdmin,
  createClient,
  createRequest,
  createSegment,
  createSupplier,
  unique,
} from './helpers/factories';
import { getStrapi } from './helpers/strapi';

const CM = '/content-manager/collection-types';
const REQUEST = 'plugin::requests.request';
const INVOICE = 'plugin::billing.invoice';

let strapi: Core.Strapi;
let request: any;
let invoice: any;
let client: any;
let segment: any;

beforeAll(async () => {
  strapi = await getStrapi();
  client = await createClient(strapi);
  segment = await createSegment(strapi);
  request = await createRequest(strapi, { client, segment });
  const supplier = await createSupplier(strapi);
  invoice = await (strapi.documents(INVOICE as any) as any).create({
    data: {
      kind: 'self_billed',
      supplier: supplier.id,
      client: client.id,
      netCents: '10000',
      vatCents: '2100',
      totalCents: '12100',
    },
  });
});

describe('desk roles in the admin', () => {
  it('creates the desk agent, desk finance and desk administrator roles', async () => {
    const roles = (await strapi.db
      .query('admin::role' as any)
      .findMany({ select: ['code', 'name'] })) as any[];

    expect(roles.map((role) => role.name)).toEqual(
      expect.arrayContaining(['Desk agent', 'Desk finance', 'Desk administrator']),
    );
  });

  it('lets a desk agent edit a request but not an invoice', async () => {
    const agent = await createAdmin(strapi, 'desk-agent');

    const edited = await call('PUT', `${CM}/${REQUEST}/${request.documentId}`, agent.token, {
      title: 'Data engineer',
    });
    const refused = await call('PUT', `${CM}/${INVOICE}/${invoice.documentId}`, agent.token, {
      supplierNumber: 'X-1',
    });

    expect(edited.status).toBe(200);
    expect(refused.status).toBe(403);
  });

  it('lets desk finance edit an invoice but not create a request', async () => {
    const finance = await createAdmin(strapi, 'desk-finance');

    const edited = await call('PUT', `${CM}/${INVOICE}/${invoice.documentId}`, finance.token, {
      supplierNumber: 'F-2026-17',
    });
    const refused = await call('POST', `${CM}/${REQUEST}`, finance.token, {
      title: 'Not for finance',
      client: client.id,
      segment: segment.id,
    });

    expect(edited.status).toBe(200);
    expect(refused.status).toBe(403);
  });

  it('lets a desk administrator set up a client', async () => {
    const administrator = await createAdmin(strapi, 'desk-administrator');
    const suffix = unique();

    const created = await call('POST', `${CM}/plugin::organisations.client`, administrator.token, {
      name: `Waterschap ${suffix}`,
      slug: `waterschap-${suffix}`,
      primaryColor: '#005a9c',
      accentColor: '#ffcc00',
      feeKind: 'per_hour',
      feePerHourCents: 150,
      feePaidBy: 'client',
      vogPolicy: 'required_for_all',
      defaultLocale: 'nl',
    });

    expect(created.status).toBe(201);
  });

  it('shows every desk role the audit trail, newest first, but lets none of them change it', async () => {
    for (const role of ['desk-agent', 'desk-finance', 'desk-administrator']) {
      const desk = await createAdmin(strapi, role);

      const list = await call(
        'GET',
        `${CM}/plugin::audit.entry?page=1&pageSize=5&sort=at:DESC`,
        desk.token,
      );
      const entry = list.body.results[0];
      const change = await call(
        'PUT',
        `${CM}/plugin::audit.entry/${entry.documentId}`,
        desk.token,
        { actor: 'x' },
      );

      expect(list.status).toBe(200);
      expect(list.body.results.length).toBeGreaterThan(0);
      expect(change.status).toBe(403);
    }
  });

  it('lists the audit trail newest first by default and filters it by entity', async () => {
    const administrator = await createAdmin(strapi, 'desk-administrator');

    const layout = await call(
      'GET',
      '/content-manager/content-types/plugin::audit.entry/configuration',
      administrator.token,
    );
    const filtered = await call(
      'GET',
      `${CM}/plugin::audit.entry?page=1&pageSize=50&filters[$and][0][entity][$eq]=invoice`,
      administrator.token,
    );

    expect(layout.body.data.contentType.settings).toMatchObject({
      defaultSortBy: 'at',
      defaultSortOrder: 'DESC',
    });
    expect(filtered.status).toBe(200);
    expect(filtered.body.results.length).toBeGreaterThan(0);
    expect(filtered.body.results.every((entry: any) => entry.entity === 'invoice')).toBe(true);
  });
});
