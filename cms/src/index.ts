import type { Core } from '@strapi/strapi';

import { ensureDeskRoles } from './desk-roles';
import { printDemoLogins, seedDemoData, type DemoLogin } from './demo';
import { seedDemoAdmins } from './demo/admins';
import { oneQueryPerPostgresConnection } from './one-query-per-connection';
import { settings } from './settings';
import { turnBeforeEachSqliteQuery } from './turn-between-queries';

/** Where the demo keeps its login table, so that every later start prints it again. */
const loginStore = (strapi: Core.Strapi) =>
  strapi.store({ type: 'core', name: 'desk', key: 'demo-logins' });

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    turnBeforeEachSqliteQuery(strapi);
    oneQueryPerPostgresConnection(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureDeskRoles(strapi);
    if (!settings().demoData) return;

    // On first start with an empty database the demo fills it; every start prints its logins.
    const admins = await seedDemoAdmins(strapi);
    const portal = await seedDemoData(strapi);
    const store = loginStore(strapi);
    if (admins.length > 0 || portal) {
      const earlier = ((await store.get({})) as DemoLogin[] | null) ?? [];
      const keep = (where: DemoLogin['where']) => earlier.filter((login) => login.where === where);
      await store.set({
        value: [...(admins.length > 0 ? admins : keep('admin')), ...(portal ?? keep('portal'))],
      });
    }
    printDemoLogins(strapi, ((await store.get({})) as DemoLogin[] | null) ?? []);
  },
};
