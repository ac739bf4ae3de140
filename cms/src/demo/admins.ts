import type { Core } from '@strapi/strapi';

import type { DemoLogin } from './context';
import { DEMO_PASSWORD } from './data';

/** The demo's desk staff: a super admin and one person per desk role. */
export const DEMO_ADMINS = [
  {
    email: 'admin@hiring-desk.test',
    firstname: 'Ada',
    lastname: 'Beheer',
    role: 'strapi-super-admin',
    who: 'Super admin (everything)',
  },
  {
    email: 'agent@hiring-desk.test',
    firstname: 'Anouk',
    lastname: 'Agent',
    role: 'desk-agent',
    who: 'Desk agent',
  },
  {
    email: 'finance@hiring-desk.test',
    firstname: 'Floor',
    lastname: 'Financiën',
    role: 'desk-finance',
    who: 'Desk finance',
  },
  {
    email: 'administrator@hiring-desk.test',
    firstname: 'Bram',
    lastname: 'Beheerder',
    role: 'desk-administrator',
    who: 'Desk administrator',
  },
] as const;

/**
 * Creates the demo's admin users when no admin user exists yet (a first start), and returns
 * their logins. An installation whose desk has registered its own admin gets none.
 */
export async function seedDemoAdmins(strapi: Core.Strapi): Promise<DemoLogin[]> {
  const existing = await strapi.db.query('admin::user').count();
  if (existing > 0) return [];

  const logins: DemoLogin[] = [];
  for (const admin of DEMO_ADMINS) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: admin.role } });
    if (!role)
      throw new Error(`The admin role "${admin.role}" is missing; the demo desk staff need it.`);
    await strapi.service('admin::user').create({
      email: admin.email,
      firstname: admin.firstname,
      lastname: admin.lastname,
      password: DEMO_PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    logins.push({ who: admin.who, where: 'admin', email: admin.email, password: DEMO_PASSWORD });
  }
  return logins;
}
