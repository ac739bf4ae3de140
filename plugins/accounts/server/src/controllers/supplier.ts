import type { Core } from '@strapi/strapi';

import { handle, invalidFields } from '../lib/errors';
import { loadUser } from '../lib/users';
import { bodyOf, FieldReader } from '../lib/validation';
import { assertAdministrator, SUPPLIER_ROLES, type SupplierRole } from '../services/supplier-users';

function readRoles(value: unknown): SupplierRole[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > SUPPLIER_ROLES.length)
    return null;
  if (!value.every((role) => SUPPLIER_ROLES.includes(role))) return null;
  return [...new Set(value as SupplierRole[])];
}

/** My Supplier Information: the supplier card and its users (organisation administrator). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.plugin('accounts').service('supplier-users');
  const me = (ctx: any) => loadUser(strapi, { id: ctx.state.user.id });

  return {
    show: handle(async (ctx) => {
      ctx.body = { data: await users().overview(await me(ctx)) };
    }),

    addUser: handle(async (ctx) => {
      const administrator = await me(ctx);
      // A non-administrator is refused before anything about the input is said.
      assertAdministrator(administrator);
      const body = bodyOf(ctx);
      const reader = new FieldReader(body);
      const input = {
        firstName: reader.text('firstName', { max: 80 }),
        lastName: reader.text('lastName', { max: 80 }),
        email: reader.email('email'),
        roles:
          readRoles(body.roles) ??
          reader.fail('roles', 'Choose one or more of: consultant, payroll, statement_of_work.'),
      };
      reader.done();
      ctx.status = 201;
      ctx.body = { data: await users().add(administrator, input) };
    }),

    setAdministrator: handle(async (ctx) => {
      const administrator = await me(ctx);
      assertAdministrator(administrator);
      const userId = Number(bodyOf(ctx).userId);
      if (!Number.isInteger(userId) || userId < 1)
        throw invalidFields({ userId: 'Choose one of your users.' });
      ctx.body = { data: await users().setAdministrator(administrator, userId) };
    }),
  };
};
