// The supplier's request list written by hand as plain SQL: the baseline the HTTP route is
// measured against. It applies the route's rules (plugins/requests/server/src/market/
// queries.ts and visibility.ts) in the same shape: requests in a segment the supplier follows,
// a DAS request only with an admission to that DAS, only the states shown to suppliers,
// ordered by closing time, one page, with the total as a window count. The benchmark checks
// that both give the same pages before it measures either.

/** The states in which suppliers see a request (VISIBLE_STATES in the market's uids.ts). */
const VISIBLE_STATES = ['published', 'closed', 'awarded'];

/** Table and join-column names from Strapi's metadata; the SQL around them is written out. */
function namesOf(strapi) {
  const meta = (uid) => strapi.db.metadata.get(uid);
  const link = (uid, attribute) => {
    const { joinTable } = meta(uid).attributes[attribute];
    return {
      table: joinTable.name,
      own: joinTable.joinColumn.name,
      other: joinTable.inverseJoinColumn.name,
    };
  };
  return {
    requests: meta('plugin::requests.request').tableName,
    clients: meta('plugin::organisations.client').tableName,
    segments: meta('plugin::organisations.segment').tableName,
    admissions: meta('plugin::das.admission').tableName,
    rs: link('plugin::requests.request', 'segment'),
    rc: link('plugin::requests.request', 'client'),
    rd: link('plugin::requests.request', 'das'),
    ss: link('plugin::organisations.supplier', 'segments'),
    ad: link('plugin::das.admission', 'das'),
    asu: link('plugin::das.admission', 'supplier'),
  };
}

/** A page of the requests one supplier sees, then the names of their client and segment. */
function pageSql(n) {
  const states = VISIBLE_STATES.map(() => '?').join(', ');
  return `
    select p.*, c.name as client_name, c.slug as client_slug,
      sg.name as segment_name, sg.slug as segment_slug
    from (
      select r.id, r.document_id, r.number, r.title, r.state, r.closes_at, r.location,
        r.hours_per_week, r.max_rate_cents, rs.${n.rs.other} as segment_id,
        rd.${n.rd.other} as das_id, count(*) over () as total
      from ${n.requests} r
      join ${n.rs.table} rs on rs.${n.rs.own} = r.id
      join ${n.ss.table} ss on ss.${n.ss.other} = rs.${n.rs.other} and ss.${n.ss.own} = ?
      left join ${n.rd.table} rd on rd.${n.rd.own} = r.id
      where r.state in (${states})
        and (rd.${n.rd.other} is null or rd.${n.rd.other} in (
          select ad.${n.ad.other}
          from ${n.ad.table} ad
          join ${n.admissions} a on a.id = ad.${n.ad.own}
          join ${n.asu.table} asu on asu.${n.asu.own} = a.id
          where asu.${n.asu.other} = ? and a.state = ?))
      order by r.closes_at asc, r.id asc
      limit ? offset ?
    ) p
    left join ${n.rc.table} rc on rc.${n.rc.own} = p.id
    left join ${n.clients} c on c.id = rc.${n.rc.other}
    join ${n.segments} sg on sg.id = p.segment_id
    order by p.closes_at asc, p.id asc`;
}

/**
 * A function that runs the list for a supplier and page as raw SQL and resolves with the
 * rows, as the driver gives them (PostgreSQL's result object has them under `rows`).
 */
export function rawList(strapi, pageSize) {
  const sql = pageSql(namesOf(strapi));
  const knex = strapi.db.connection;
  const postgres = strapi.db.dialect.client === 'postgres';

  return async (supplierId, page) => {
    const bindings = [supplierId, ...VISIBLE_STATES, supplierId, 'admitted'];
    const result = await knex.raw(sql, [...bindings, pageSize, (page - 1) * pageSize]);
    return postgres ? result.rows : result;
  };
}
