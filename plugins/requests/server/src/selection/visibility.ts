import type { Core } from '@strapi/strapi';

const VISIBLE_STATES = ['published', 'closed', 'awarded'];

/**
 * Whether a supplier can see a request on the market: published, closed or awarded, in a segment
 * the supplier subscribes to, and for a DAS request only once the supplier is admitted to it.
 * The market part owns this rule; this check keeps the selection from proposing on a request
 * the supplier could not even open.
 */
export async function supplierSeesRequest(
  strapi: Core.Strapi,
  supplierId: number,
  request: { id: number; state: string },
): Promise<boolean> {
  if (!VISIBLE_STATES.includes(request.state)) return false;

  const full = (await strapi.db.query('plugin::requests.request' as any).findOne({
    where: { id: request.id },
    select: ['id'],
    populate: { segment: { select: ['id'] }, das: { select: ['id'] } },
  })) as any;
  if (!full?.segment) return false;

  const subscribed = await strapi.db.query('plugin::organisations.supplier' as any).count({
    where: { id: supplierId, state: 'active', segments: { id: full.segment.id } },
  });
  if (!subscribed) return false;
  if (!full.das) return true;

  const admitted = await strapi.db.query('plugin::das.admission' as any).count({
    where: { supplier: { id: supplierId }, das: { id: full.das.id }, state: 'admitted' },
  });
  return admitted > 0;
}
