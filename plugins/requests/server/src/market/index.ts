/** Part of the requests plugin; merged into the plugin by ../index.ts. */
export default {
  contentTypes: {} as Record<string, { schema: unknown }>,
  controllers: {} as Record<string, unknown>,
  services: {} as Record<string, unknown>,
  routes: [] as unknown[],
  register: async (_: { strapi: unknown }) => {},
  bootstrap: async (_: { strapi: unknown }) => {},
  destroy: async (_: { strapi: unknown }) => {},
};
