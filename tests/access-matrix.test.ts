import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import { api, freshIp } from './accounts-support';
import {
  createClient,
  createPortalUser,
  createRequest,
  createSegment,
  createSupplier,
  publishRequest,
} from './helpers/factories';
import { getStrapi } from './helpers/strapi';

/*
 * Every content-API route of the project, called by every kind of caller. The routes are
 * read from Strapi's router at run time: a route added without a row here fails the first
 * test, so no route goes unchecked. A cell is the HTTP status that caller must get.
 */

const CALLERS = [
  'anonymous',
  'otherConsultant',
  'payrollOnly',
  'worker',
  'clientUser',
  'otherClientUser',
  'owningConsultant',
  'administrator',
] as const;
type Caller = (typeof CALLERS)[number];
type Statuses = Record<Caller, number>;

interface Fixture {
  requestDocumentId: string;
  clientSlug: string;
}

interface Row {
  /** The address to call, with the route's parameters filled in. */
  url: (fixture: Fixture) => string;
  body?: unknown;
  expect: Statuses;
}

const everyone = (status: number): Statuses =>
  Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Statuses;

/** Signed-in callers get `status`; anonymous ones are refused by users-permissions. */
const signedIn = (status: number, overrides: Partial<Statuses> = {}): Statuses => ({
  ...everyone(status),
  anonymous: 403,
  ...overrides,
});

const notClients = { worker: 403, clientUser: 403, otherClientUser: 403 };
const supplierUsersOnly = (status: number) => signedIn(status, notClients);
const consultants = (status: number) => signedIn(status, { ...notClients, payrollOnly: 403 });
/** Client users get `status`; supplier users and workers are refused. */
const clientUsers = (status: number, other = status) =>
  signedIn(403, { clientUser: status, otherClientUser: other });
const nobody = everyone(403);
const fixed = (url: string) => () => url;

const MATRIX: Record<string, Row> = {
  // Public pages of the portal: the same answer for everyone.
  'GET /api/organisations/public/clients': {
    url: fixed('/organisations/public/clients'),
    expect: everyone(200),
  },
  'GET /api/requests/public/clients/:slug/requests': {
    url: (f) => `/requests/public/clients/${f.clientSlug}/requests`,
    expect: everyone(200),
  },
  'GET /api/outbox/dev-inbox': { url: fixed('/outbox/dev-inbox'), expect: everyone(200) },

  // Accounts, public steps: an empty body is refused the same way for everyone.
  'GET /api/accounts/terms': { url: fixed('/accounts/terms'), expect: everyone(200) },
  'POST /api/accounts/register': {
    url: fixed('/accounts/register'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/verify-email': {
    url: fixed('/accounts/verify-email'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/verify-email/resend': {
    url: fixed('/accounts/verify-email/resend'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/sign-in': {
    url: fixed('/accounts/sign-in'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/sign-in/totp': {
    url: fixed('/accounts/sign-in/totp'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/sign-in/enrol/totp': {
    url: fixed('/accounts/sign-in/enrol/totp'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/sign-in/enrol/totp/confirm': {
    url: fixed('/accounts/sign-in/enrol/totp/confirm'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/password/forgot': {
    url: fixed('/accounts/password/forgot'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/password/reset': {
    url: fixed('/accounts/password/reset'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/set-password': {
    url: fixed('/accounts/set-password'),
    body: {},
    expect: everyone(400),
  },

  // Accounts, signed in.
  'POST /api/accounts/sign-out': { url: fixed('/accounts/sign-out'), expect: signedIn(204) },
  'GET /api/accounts/me': { url: fixed('/accounts/me'), expect: signedIn(200) },
  'POST /api/accounts/password': {
    url: fixed('/accounts/password'),
    body: {},
    expect: signedIn(400),
  },
  'POST /api/accounts/factors/totp': {
    url: fixed('/accounts/factors/totp'),
    body: {},
    expect: signedIn(400),
  },
  'POST /api/accounts/factors/totp/confirm': {
    url: fixed('/accounts/factors/totp/confirm'),
    body: {},
    expect: signedIn(400),
  },
  'POST /api/accounts/factors/:id/remove': {
    url: fixed('/accounts/factors/nosuchfactor/remove'),
    body: {},
    expect: signedIn(400),
  },
  'GET /api/accounts/supplier': {
    url: fixed('/accounts/supplier'),
    expect: supplierUsersOnly(200),
  },
  'POST /api/accounts/supplier/users': {
    url: fixed('/accounts/supplier/users'),
    body: {},
    expect: signedIn(403, { administrator: 400 }),
  },
  'PUT /api/accounts/supplier/administrator': {
    url: fixed('/accounts/supplier/administrator'),
    body: {},
    expect: signedIn(403, { administrator: 400 }),
  },

  // Accounts, push factor and companion (the push part): challenges and device tokens
  // are checked by the controllers, so an empty call is refused alike for everyone.
  'POST /api/accounts/sign-in/push': {
    url: fixed('/accounts/sign-in/push'),
    body: {},
    expect: everyone(400),
  },
  'GET /api/accounts/sign-in/push/:attempt': {
    url: fixed('/accounts/sign-in/push/nosuchattempt'),
    expect: everyone(400),
  },
  'POST /api/accounts/sign-in/enrol/push': {
    url: fixed('/accounts/sign-in/enrol/push'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/factors/push': {
    url: fixed('/accounts/factors/push'),
    body: {},
    expect: signedIn(400),
  },
  'POST /api/accounts/companion/devices': {
    url: fixed('/accounts/companion/devices'),
    body: {},
    expect: everyone(201),
  },
  'GET /api/accounts/companion/devices/me': {
    url: fixed('/accounts/companion/devices/me'),
    expect: everyone(401),
  },
  'GET /api/accounts/companion/attempts': {
    url: fixed('/accounts/companion/attempts'),
    expect: everyone(401),
  },
  'POST /api/accounts/companion/attempts/:attempt': {
    url: fixed('/accounts/companion/attempts/nosuchattempt'),
    body: {},
    expect: everyone(400),
  },
  'POST /api/accounts/companion/attempts/:attempt/auto': {
    url: fixed('/accounts/companion/attempts/nosuchattempt/auto'),
    body: {},
    expect: everyone(400),
  },

  // Requests market (the requests plugin): supplier users only; a request outside the
  // supplier's segments answers like one that does not exist.
  'GET /api/requests/public/clients/:slug/awards': {
    url: (f) => `/requests/public/clients/${f.clientSlug}/awards`,
    expect: everyone(200),
  },
  'GET /api/requests/segments': {
    url: fixed('/requests/segments'),
    expect: supplierUsersOnly(200),
  },
  'PUT /api/requests/subscriptions': {
    url: fixed('/requests/subscriptions'),
    body: {},
    expect: consultants(400),
  },
  'GET /api/requests/requests': { url: fixed('/requests/requests'), expect: consultants(200) },
  'GET /api/requests/requests/:documentId': {
    url: (f) => `/requests/requests/${f.requestDocumentId}`,
    expect: consultants(404),
  },
  'POST /api/requests/requests/:documentId/questions': {
    url: (f) => `/requests/requests/${f.requestDocumentId}/questions`,
    body: {},
    expect: consultants(404),
  },
  // A client's own requests: its client users only; another client's request is not found.
  'GET /api/requests/client/requests': {
    url: fixed('/requests/client/requests'),
    expect: clientUsers(200),
  },
  'GET /api/requests/client/requests/:documentId': {
    url: (f) => `/requests/client/requests/${f.requestDocumentId}`,
    expect: clientUsers(200, 404),
  },
  'GET /api/requests/candidates': {
    url: fixed('/requests/candidates'),
    expect: supplierUsersOnly(200),
  },
  'GET /api/requests/candidates/:documentId': {
    url: fixed('/requests/candidates/nosuchcandidate'),
    expect: supplierUsersOnly(404),
  },
  'GET /api/requests/candidates/:documentId/cv': {
    url: fixed('/requests/candidates/nosuchcandidate/cv'),
    expect: supplierUsersOnly(404),
  },
  'POST /api/requests/candidates': {
    url: fixed('/requests/candidates'),
    body: {},
    expect: consultants(400),
  },
  'POST /api/requests/candidates/cv-preview': {
    url: fixed('/requests/candidates/cv-preview'),
    body: {},
    expect: consultants(400),
  },
  'GET /api/requests/proposals': {
    url: fixed('/requests/proposals'),
    expect: supplierUsersOnly(200),
  },
  'GET /api/requests/proposals/:documentId': {
    url: fixed('/requests/proposals/nosuchproposal'),
    expect: supplierUsersOnly(404),
  },
  'POST /api/requests/proposals': {
    url: fixed('/requests/proposals'),
    body: {},
    expect: consultants(400),
  },
  'PUT /api/requests/proposals/:documentId/completed-data': {
    url: fixed('/requests/proposals/nosuchproposal/completed-data'),
    body: {},
    expect: consultants(404),
  },

  // Workflow: a record of another organisation answers like one that does not exist (404);
  // the owning client's user reaches the table, which refuses the unknown status (400).
  'POST /api/workflow/:entity/:documentId/transitions': {
    url: (f) => `/workflow/requests/${f.requestDocumentId}/transitions`,
    body: { to: 'no_such_status' },
    expect: signedIn(404, { clientUser: 400 }),
  },

  // Strapi's own content-API routes: granted to no portal role.
  'GET /api/content-type-builder/content-types': {
    url: fixed('/content-type-builder/content-types'),
    expect: nobody,
  },
  'GET /api/content-type-builder/content-types/:uid': {
    url: fixed('/content-type-builder/content-types/plugin::organisations.client'),
    expect: nobody,
  },
  'GET /api/content-type-builder/components': {
    url: fixed('/content-type-builder/components'),
    expect: nobody,
  },
  'GET /api/content-type-builder/components/:uid': {
    url: fixed('/content-type-builder/components/x.y'),
    expect: nobody,
  },
  'POST /api/email': { url: fixed('/email'), body: {}, expect: nobody },
  'POST /api/upload': { url: fixed('/upload'), body: {}, expect: nobody },
  'GET /api/upload/files': { url: fixed('/upload/files'), expect: nobody },
  'GET /api/upload/files/page': { url: fixed('/upload/files/page'), expect: nobody },
  'GET /api/upload/files/:id': { url: fixed('/upload/files/1'), expect: nobody },
  'DELETE /api/upload/files/:id': { url: fixed('/upload/files/1'), expect: nobody },
  'GET /api/i18n/locales': { url: fixed('/i18n/locales'), expect: nobody },
  'GET /api/users/count': { url: fixed('/users/count'), expect: nobody },
  'GET /api/users': { url: fixed('/users'), expect: nobody },
  // users-permissions' own profile route: the caller's own record, sanitised.
  'GET /api/users/me': { url: fixed('/users/me'), expect: signedIn(200) },
  'GET /api/users/:id': { url: fixed('/users/1'), expect: nobody },
  'POST /api/users': { url: fixed('/users'), body: {}, expect: nobody },
  'PUT /api/users/:id': { url: fixed('/users/1'), body: {}, expect: nobody },
  'DELETE /api/users/:id': { url: fixed('/users/1'), expect: nobody },
  'GET /api/users-permissions/roles/:id': {
    url: fixed('/users-permissions/roles/1'),
    expect: nobody,
  },
  'GET /api/users-permissions/roles': { url: fixed('/users-permissions/roles'), expect: nobody },
  'POST /api/users-permissions/roles': {
    url: fixed('/users-permissions/roles'),
    body: {},
    expect: nobody,
  },
  'PUT /api/users-permissions/roles/:role': {
    url: fixed('/users-permissions/roles/1'),
    body: {},
    expect: nobody,
  },
  'DELETE /api/users-permissions/roles/:role': {
    url: fixed('/users-permissions/roles/1'),
    expect: nobody,
  },
  'GET /api/users-permissions/permissions': {
    url: fixed('/users-permissions/permissions'),
    expect: nobody,
  },
};

let strapi: Core.Strapi;
let fixture: Fixture;
const people = new Map<Caller, number>();

/** The content-API routes Strapi serves, as "METHOD /api/path". */
function servedRoutes(): string[] {
  const layers = (strapi.server.router as any).stack as Array<{ path: string; methods: string[] }>;
  return layers
    .filter((layer) => layer.path.startsWith('/api/') && layer.methods.length)
    .map((layer) => `${layer.methods.filter((method) => method !== 'HEAD')[0]} ${layer.path}`);
}

/** A fresh session per call: the sign-out cell must not end the session of the next. */
async function tokenOf(caller: Caller): Promise<string | null> {
  const userId = people.get(caller);
  if (userId === undefined) return null;
  const visitor = { ip: '127.0.0.1', userAgent: 'access-matrix', clientSlug: null };
  return (await strapi.plugin('accounts').service('sessions').open(userId, visitor)).jwt;
}

beforeAll(async () => {
  strapi = await getStrapi();
  const owning = await createSupplier(strapi);
  const other = await createSupplier(strapi);
  const client = await createClient(strapi);
  const request = await publishRequest(
    strapi,
    await createRequest(strapi, { client, segment: await createSegment(strapi) }),
  );
  fixture = { requestDocumentId: request.documentId, clientSlug: client.slug };

  const make = async (caller: Caller, fields: Record<string, unknown>) => {
    const person = await createPortalUser(strapi, fields as any);
    people.set(caller, person.user.id);
    return person;
  };
  await make('otherConsultant', { userKind: 'supplier_user', supplier: other, isConsultant: true });
  await make('payrollOnly', { userKind: 'supplier_user', supplier: owning, isPayroll: true });
  await make('worker', { userKind: 'worker' });
  await make('clientUser', { userKind: 'client_user', client, isHiringManager: true });
  await make('otherClientUser', {
    userKind: 'client_user',
    client: await createClient(strapi),
    isBudgetHolder: true,
  });
  await make('owningConsultant', {
    userKind: 'supplier_user',
    supplier: owning,
    isConsultant: true,
  });
  const administrator = await make('administrator', {
    userKind: 'supplier_user',
    supplier: owning,
    isConsultant: true,
  });
  await strapi.db.query('plugin::organisations.supplier' as any).update({
    where: { id: owning.id },
    data: { administrator: administrator.user.id },
  });
});

describe('the access matrix', () => {
  it('has a row for every content-API route, and none for a route that is gone', () => {
    const served = [...new Set(servedRoutes())].sort();
    expect({ missing: served.filter((route) => !MATRIX[route]) }).toEqual({ missing: [] });
    expect({ gone: Object.keys(MATRIX).filter((route) => !served.includes(route)) }).toEqual({
      gone: [],
    });
  });

  describe.each(Object.keys(MATRIX))('%s', (route) => {
    it.each(CALLERS)('answers as expected to %s', async (caller) => {
      const row = MATRIX[route];
      const method = route.split(' ')[0];
      const answer = await api(method, row.url(fixture), {
        token: await tokenOf(caller),
        body: row.body,
        ip: freshIp(),
      });
      expect({ route, caller, status: answer.status }).toEqual({
        route,
        caller,
        status: row.expect[caller],
      });
    });
  });
});
