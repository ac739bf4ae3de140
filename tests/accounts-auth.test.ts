import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import { call, createPortalUser, createSupplier } from './helpers/factories';
import { getStrapi } from './helpers/strapi';

/*
 * The signed-in call's checks take shortcuts (plugins/accounts/server/src/lib/role-permissions.ts
 * and middlewares/session-guard.ts): a role's permissions and the user's role are kept for a
 * while, a verified portal token is not verified again nor looked up among the API tokens.
 * These tests show each shortcut gives the answer the full check would.
 */

const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';
const SEGMENTS_ACTION = 'plugin::requests.marketSubscriptions.segments';

let strapi: Core.Strapi;
let supplier: any;

beforeAll(async () => {
  strapi = await getStrapi();
  supplier = await createSupplier(strapi);
});

const consultant = () =>
  createPortalUser(strapi, { userKind: 'supplier_user', supplier, isConsultant: true });

describe('the checks of a signed-in call', () => {
  it("refuses an action at once when the desk takes it from the user's role", async () => {
    const { jwt } = await consultant();
    expect((await call('GET', '/api/requests/segments', jwt)).status).toBe(200);

    const authenticated = await strapi.db
      .query(ROLE as any)
      .findOne({ where: { type: 'authenticated' } });
    const permission = await strapi.db.query(PERMISSION as any).findOne({
      where: { action: SEGMENTS_ACTION, role: { id: authenticated.id } },
    });
    await strapi.db.query(PERMISSION as any).delete({ where: { id: permission.id } });
    try {
      expect((await call('GET', '/api/requests/segments', jwt)).status).toBe(403);
    } finally {
      await strapi.db
        .query(PERMISSION as any)
        .create({ data: { action: SEGMENTS_ACTION, role: authenticated.id } });
    }
    expect((await call('GET', '/api/requests/segments', jwt)).status).toBe(200);
  });

  it('takes a role given to the user at once, and a user blocked meanwhile is refused', async () => {
    const person = await consultant();
    const bare = await strapi.db.query(ROLE as any).create({
      data: {
        name: `Bare ${person.user.id}`,
        description: 'No permissions',
        type: `bare-${person.user.id}`,
      },
    });
    await call('GET', '/api/requests/segments', person.jwt);

    await strapi.db.query('plugin::users-permissions.user' as any).update({
      where: { id: person.user.id },
      data: { role: bare.id },
    });
    expect((await call('GET', '/api/requests/segments', person.jwt)).status).toBe(403);

    const other = await consultant();
    expect((await call('GET', '/api/requests/segments', other.jwt)).status).toBe(200);
    await strapi.db.query('plugin::users-permissions.user' as any).update({
      where: { id: other.user.id },
      data: { blocked: true },
    });
    expect((await call('GET', '/api/requests/segments', other.jwt)).status).toBe(401);
  });

  it('still lets an API token of the admin in, and refuses a portal token whose session ended', async () => {
    const token = await strapi.service('admin::api-token').create({
      name: `bench-${Date.now()}`,
      type: 'read-only',
      lifespan: null,
    });
    const users = await call('GET', '/api/users', token.accessKey);
    expect(users.status).toBe(200);
    expect(Array.isArray(users.body)).toBe(true);
    expect((await call('GET', '/api/users', 'not-a-token')).status).toBe(401);

    const person = await consultant();
    expect((await call('POST', '/api/accounts/sign-out', person.jwt)).status).toBe(204);
    expect((await call('GET', '/api/requests/segments', person.jwt)).status).toBe(401);
  });
});
