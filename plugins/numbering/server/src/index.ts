import type { Core } from '@strapi/strapi';

import numbers from './services/numbers';

export { prefixed } from './services/numbers';
export type { Series } from './services/numbers';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(strapi.plugin('numbering').service('numbers').middleware());
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('numbering').service('numbers').ensureTable();
  },

  services: { numbers },
};
