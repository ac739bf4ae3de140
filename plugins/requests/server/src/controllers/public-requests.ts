import type { Core } from '@strapi/strapi';

/** A client's published requests for its public landing page: nothing confidential. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const slug = String(ctx.params.slug ?? '');
    if (!/^[a-z0-9-]{1,120}$/.test(slug))
      return ctx.notFound('There is no client with this address.');

    const client = await strapi.db
      .query('plugin::organisations.client' as any)
      .findOne({ where: { slug }, select: ['id'] });
    if (!client) return ctx.notFound('There is no client with this address.');

    // Requests of a DAS are for its admitted suppliers only, so they stay off the public page.
    const requests = await strapi.db.query('plugin::requests.request' as any).findMany({
      where: {
        client: { id: (client as any).id },
        state: 'published',
        das: { id: { $null: true } },
      },
      select: ['number', 'title', 'closesAt', 'location'],
      populate: { segment: { select: ['name'] } },
      orderBy: [{ closesAt: 'asc' }, { number: 'asc' }],
      limit: 500,
    });

    ctx.body = {
      data: (requests as any[]).map((request) => ({
        number: request.number,
        title: request.title,
        segment: request.segment?.name ?? null,
        closesAt: request.closesAt ? new Date(request.closesAt).toISOString() : null,
        location: request.location ?? null,
      })),
    };
  },
});
