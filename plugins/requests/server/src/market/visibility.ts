import type { Knex } from 'knex';

import type { MarketTables } from './sql';
import { UID, VISIBLE_STATES } from './uids';

/** The DASes a supplier is admitted to, as a subquery of DAS ids. */
function admittedDases(
  knex: Knex,
  t: MarketTables,
  supplier: number | Knex.Raw,
): Knex.QueryBuilder {
  const state = t.col(UID.admission, 'state');
  return knex({ ad: t.admissionDas.table })
    .select(`ad.${t.admissionDas.other}`)
    .join({ a: t.admissions }, 'a.id', `ad.${t.admissionDas.own}`)
    .join({ asu: t.admissionSupplier.table }, `asu.${t.admissionSupplier.own}`, 'a.id')
    .where(`asu.${t.admissionSupplier.other}`, supplier)
    .where(`a.${state}`, 'admitted');
}

/**
 * The requests a supplier can see, computed when read: shown to suppliers (published, closed
 * or awarded), in a segment it subscribes to and, for a DAS request, only with an admission
 * to that DAS. Nothing is stored per supplier, so a new subscription shows requests at once.
 */
export function visibleRequests(
  knex: Knex,
  t: MarketTables,
  supplierId: number,
): Knex.QueryBuilder {
  const { requestSegment: rs, supplierSegments: ss, requestDas: rd } = t;
  return knex({ r: t.requests })
    .join({ rs: rs.table }, `rs.${rs.own}`, 'r.id')
    .join({ ss: ss.table }, function joinSubscription() {
      this.on(`ss.${ss.other}`, `rs.${rs.other}`).andOnVal(`ss.${ss.own}`, supplierId);
    })
    .leftJoin({ rd: rd.table }, `rd.${rd.own}`, 'r.id')
    .whereIn(`r.${t.col(UID.request, 'state')}`, [...VISIBLE_STATES])
    .where((where) =>
      where
        .whereNull(`rd.${rd.other}`)
        .orWhereIn(`rd.${rd.other}`, admittedDases(knex, t, supplierId)),
    );
}

export interface Recipient {
  id: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
}

/**
 * The consultants of every active supplier that can see a request of this segment and DAS:
 * the people who are told about it. One row per person.
 */
export async function consultantsWhoSee(
  knex: Knex,
  t: MarketTables,
  request: { segmentId: number; dasId: number | null },
): Promise<Recipient[]> {
  const user = (name: string) => `u.${t.col(UID.user, name)}`;
  const { userSupplier: us, supplierSegments: ss } = t;
  const query = knex({ u: t.users })
    .join({ us: us.table }, `us.${us.own}`, 'u.id')
    .join({ s: t.suppliers }, 's.id', `us.${us.other}`)
    .join({ ss: ss.table }, `ss.${ss.own}`, 's.id')
    .where(`ss.${ss.other}`, request.segmentId)
    .where(`s.${t.col(UID.supplier, 'state')}`, 'active')
    .where(user('userKind'), 'supplier_user')
    .where(user('isConsultant'), true)
    .where((where) => where.whereNull(user('blocked')).orWhere(user('blocked'), false))
    .select({
      id: 'u.id',
      email: user('email'),
      firstName: user('firstName'),
      lastName: user('lastName'),
      locale: user('locale'),
    })
    .orderBy('u.id');

  if (request.dasId !== null) {
    query.whereIn(`s.id`, admittedSuppliers(knex, t, request.dasId));
  }
  return query;
}

/** The suppliers admitted to a DAS, as a subquery of supplier ids. */
function admittedSuppliers(knex: Knex, t: MarketTables, dasId: number): Knex.QueryBuilder {
  return knex({ ad: t.admissionDas.table })
    .select(`asu.${t.admissionSupplier.other}`)
    .join({ a: t.admissions }, 'a.id', `ad.${t.admissionDas.own}`)
    .join({ asu: t.admissionSupplier.table }, `asu.${t.admissionSupplier.own}`, 'a.id')
    .where(`ad.${t.admissionDas.other}`, dasId)
    .where(`a.${t.col(UID.admission, 'state')}`, 'admitted');
}
