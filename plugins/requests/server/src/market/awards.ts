import type { Core } from '@strapi/strapi';

import { isoOf } from './queries';
import { UID } from './uids';

const SLUG = /^[a-z0-9-]{1,120}$/;
const MAX_AWARDS = 500;

/**
 * A client's awards for its public page: request, client, supplier and date; the awarded
 * rate only where the client publishes rates. Null when there is no such client.
 */
export async function awardsOf(strapi: Core.Strapi, slug: string) {
  if (!SLUG.test(slug)) return null;
  const client = (await strapi.db.query(UID.client as any).findOne({
    where: { slug },
    select: ['id', 'name', 'publishAwardRates'],
  })) as any;
  if (!client) return null;

  const requests = (await strapi.db.query(UID.request as any).findMany({
    where: { client: { id: client.id }, state: 'awarded' },
    select: ['number', 'title', 'awardedAt'],
    populate: {
      awardedProposal: {
        select: ['offeredRateCents'],
        populate: { supplier: { select: ['legalName'] } },
      },
    },
    orderBy: [{ awardedAt: 'desc' }, { id: 'desc' }],
    limit: MAX_AWARDS,
  })) as any[];

  return requests.map((request) => ({
    number: request.number,
    title: request.title,
    client: client.name,
    supplier: request.awardedProposal?.supplier?.legalName ?? null,
    awardedAt: isoOf(request.awardedAt),
    ...(client.publishAwardRates
      ? { rateCents: request.awardedProposal?.offeredRateCents ?? null }
      : {}),
  }));
}
