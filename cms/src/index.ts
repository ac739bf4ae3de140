import type { Core } from '@strapi/strapi';

import { ensureDeskRoles } from './desk-roles';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureDeskRoles(strapi);
  },
};
