import type { Core } from '@strapi/strapi';

import { areaAround, isInside, type Position } from '../location';
import { AREA_UID, query } from '../uids';

/** Areas kept per factor; the oldest goes when a new one is remembered past this number. */
const AREAS_PER_FACTOR = 5;

/** Approved areas ("Always approve from this location"), kept per push factor. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const areas = () => query(strapi, AREA_UID);

  return {
    /** Remembers the area around a position for a factor; keeps the newest five. */
    async remember(factorId: number, position: Position): Promise<void> {
      const data = { factor: factorId, ...areaAround(position) };
      await strapi.documents(AREA_UID as never).create({ data: data as never });

      const kept = await areas().findMany({
        where: { factor: { id: factorId } },
        select: ['id'],
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      const dropped = kept.slice(AREAS_PER_FACTOR).map((area: { id: number }) => area.id);
      if (dropped.length) await areas().deleteMany({ where: { id: { $in: dropped } } });
    },

    /** True when a position lies inside one of the factor's approved areas. */
    async covers(factorId: number, position: Position): Promise<boolean> {
      const rows = await areas().findMany({
        where: { factor: { id: factorId } },
        select: ['latitude', 'longitude', 'radiusMeters'],
      });
      return rows.some((area: any) => isInside(area, position));
    },
  };
};
