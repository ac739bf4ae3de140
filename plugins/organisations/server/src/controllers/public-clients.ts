import type { Core } from '@strapi/strapi';

/** The branding the portal needs for each client; nothing confidential. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    ctx.body = { data: await strapi.plugin('organisations').service('branding').publicClients() };
  },
});
