import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';

import { CMS_DIR, cmsUrl } from './strapi';

/* Small factories for test data. Each goes through the document service, so the workflow
   guard, the numbering and the audit trail act on test data as on real data. */

const TEST_DESK = { kind: 'desk', source: 'admin', id: null, label: 'test-desk' } as const;

let counter = 0;
/** A short suffix that keeps names, slugs and e-mail addresses unique within the run. */
export function unique(): string {
  counter += 1;
  return `${randomBytes(2).toString('hex')}${counter}`;
}

/** The workflow plugin's library, the same instance Strapi loaded (CommonJS, from the cms). */
export function workflowLib(): typeof import('@desk/plugin-workflow') {
  return createRequire(join(CMS_DIR, 'package.json'))('@desk/plugin-workflow');
}

/** Runs work as desk staff, the way an admin action would. */
export function asDesk<T>(work: () => Promise<T>): Promise<T> {
  return workflowLib().runAs(TEST_DESK, work);
}

export async function moveTo(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  ...statuses: string[]
) {
  for (const to of statuses) {
    await asDesk(() =>
      strapi.plugin('workflow').service('workflow').transition({ uid, documentId, to }),
    );
  }
}

const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as any) as any;

export async function createClient(strapi: Core.Strapi, overrides: Record<string, unknown> = {}) {
  const suffix = unique();
  return docs(strapi, 'plugin::organisations.client').create({
    data: {
      name: `Client ${suffix}`,
      slug: `client-${suffix}`,
      hostNames: [`werk-${suffix}.test`],
      primaryColor: '#123456',
      accentColor: '#abcdef',
      supportEmail: `support-${suffix}@example.nl`,
      feeKind: 'percentage',
      feePercentBasisPoints: 350,
      feePaidBy: 'supplier',
      vogPolicy: 'not_required',
      ...overrides,
    },
  });
}

export async function createSegment(strapi: Core.Strapi, overrides: Record<string, unknown> = {}) {
  const suffix = unique();
  return docs(strapi, 'plugin::organisations.segment').create({
    data: { name: `Segment ${suffix}`, slug: `segment-${suffix}`, ...overrides },
  });
}

export async function createSupplier(strapi: Core.Strapi, overrides: Record<string, unknown> = {}) {
  const supplier = await docs(strapi, 'plugin::organisations.supplier').create({
    data: {
      kind: 'organisation',
      legalName: `Supplier ${unique()} B.V.`,
      kvkNumber: String(10000000 + Math.floor(Math.random() * 89999999)),
      state: 'pending_review',
      ...overrides,
    },
  });
  await moveTo(strapi, 'plugin::organisations.supplier', supplier.documentId, 'active');
  return supplier;
}

export interface PortalUser {
  user: any;
  jwt: string;
  email: string;
  password: string;
}

/** A users-permissions user of a supplier or client, signed in with a session's JWT. */
export async function createPortalUser(
  strapi: Core.Strapi,
  fields: {
    userKind: 'supplier_user' | 'worker' | 'client_user';
    supplier?: any;
    client?: any;
  } & Record<string, unknown>,
): Promise<PortalUser> {
  const email = `user-${unique()}@example.nl`;
  const password = `Test-password-${unique()}`;
  const role = await strapi.db
    .query('plugin::users-permissions.role' as any)
    .findOne({ where: { type: 'authenticated' } });
  const { supplier, client, ...rest } = fields;
  const user = await docs(strapi, 'plugin::users-permissions.user').create({
    data: {
      username: email,
      email,
      password,
      confirmed: true,
      blocked: false,
      role: role.id,
      provider: 'local',
      supplier: supplier?.id ?? null,
      client: client?.id ?? null,
      ...rest,
    },
  });
  // A portal token is only good with a live session (the accounts plugin checks each request).
  const visitor = { ip: '127.0.0.1', userAgent: 'test', clientSlug: null };
  const { jwt } = await strapi.plugin('accounts').service('sessions').open(user.id, visitor);
  return { user, jwt, email, password };
}

export async function createRequest(
  strapi: Core.Strapi,
  fields: { client: any; segment: any } & Record<string, unknown>,
) {
  const { client, segment, ...rest } = fields;
  return docs(strapi, 'plugin::requests.request').create({
    data: {
      title: `Request ${unique()}`,
      description: 'A request made by a test.',
      location: 'Utrecht',
      hoursPerWeek: 36,
      maxRateCents: 9500,
      closesAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
      startDate: '2027-01-04',
      endDate: '2027-06-30',
      client: client.id,
      segment: segment.id,
      ...rest,
    },
  });
}

export async function publishRequest(strapi: Core.Strapi, request: any) {
  await moveTo(strapi, 'plugin::requests.request', request.documentId, 'published');
  return docs(strapi, 'plugin::requests.request').findOne({ documentId: request.documentId });
}

/** An admin user in one of the desk roles (or super admin), signed in to the admin API. */
export async function createAdmin(strapi: Core.Strapi, roleCode = 'strapi-super-admin') {
  const email = `desk-${unique()}@example.nl`;
  const password = `Desk-password-${unique()}1`;
  const role = await strapi.db.query('admin::role' as any).findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`No admin role ${roleCode}`);
  await strapi.service('admin::user').create({
    email,
    firstname: 'Desk',
    lastname: 'Tester',
    password,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const response = await fetch(`${cmsUrl()}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as any;
  if (!body?.data?.token) throw new Error(`Admin login failed: ${JSON.stringify(body)}`);
  return { email, token: body.data.token as string };
}

/** Calls the cms over HTTP with an optional bearer token and JSON body. */
export async function call(method: string, path: string, token?: string | null, body?: unknown) {
  const response = await fetch(`${cmsUrl()}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}
