// Bulk test data for the benchmark, written with knex straight into Strapi's tables: the
// document service would take minutes for 20,000 requests. Names come from Strapi's metadata.
import { randomBytes } from 'node:crypto';

const UID = {
  client: 'plugin::organisations.client',
  segment: 'plugin::organisations.segment',
  supplier: 'plugin::organisations.supplier',
  user: 'plugin::users-permissions.user',
  role: 'plugin::users-permissions.role',
  request: 'plugin::requests.request',
  das: 'plugin::das.das',
  admission: 'plugin::das.admission',
};

const CHUNK = 400;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const documentId = () =>
  Array.from(randomBytes(24), (byte) => ALPHABET[byte % ALPHABET.length]).join('');

/** A small deterministic random source, so every run seeds the same data. */
function random(seed) {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

/** Inserts rows given by attribute name, with explicit ids, in chunks. */
async function insert(strapi, trx, uid, rows) {
  const meta = strapi.db.metadata.get(uid);
  const now = new Date();
  const column = (name) => meta.attributes[name]?.columnName ?? name;
  const mapped = rows.map((row) =>
    Object.fromEntries(
      Object.entries({
        documentId: documentId(),
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
        ...row,
      }).map(([name, value]) => [column(name), value]),
    ),
  );
  for (let at = 0; at < mapped.length; at += CHUNK) {
    await trx(meta.tableName).insert(mapped.slice(at, at + CHUNK));
  }
}

/** Fills a relation's join table from [ownerId, relatedId] pairs. */
async function link(strapi, trx, uid, attribute, pairs) {
  const { joinTable } = strapi.db.metadata.get(uid).attributes[attribute];
  const rows = pairs.map(([own, other], at) => ({
    [joinTable.joinColumn.name]: own,
    [joinTable.inverseJoinColumn.name]: other,
    ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: 1 } : {}),
    ...(joinTable.inverseOrderColumnName ? { [joinTable.inverseOrderColumnName]: at + 1 } : {}),
  }));
  for (let at = 0; at < rows.length; at += CHUNK) {
    await trx(joinTable.name).insert(rows.slice(at, at + CHUNK));
  }
}

const range = (count) => Array.from({ length: count }, (_, at) => at + 1);

/** Clients, segments, suppliers with their consultants and subscriptions, and one DAS. */
async function seedOrganisations(strapi, trx, size, pick) {
  await insert(
    strapi,
    trx,
    UID.client,
    range(size.clients).map((id) => ({
      id,
      name: `Bench client ${id}`,
      slug: `bench-client-${id}`,
      primaryColor: '#1f3a5f',
      accentColor: '#f2a900',
      feeKind: 'percentage',
      feePaidBy: 'supplier',
      vogPolicy: 'not_required',
      defaultLocale: 'nl',
      clientApprovalBeforeDistribution: false,
      publishAwardRates: false,
    })),
  );
  await insert(
    strapi,
    trx,
    UID.segment,
    range(size.segments).map((id) => ({
      id,
      name: `Bench segment ${id}`,
      slug: `bench-segment-${id}`,
    })),
  );
  await insert(
    strapi,
    trx,
    UID.supplier,
    range(size.suppliers).map((id) => ({
      id,
      kind: 'organisation',
      legalName: `Bench supplier ${id} B.V.`,
      kvkNumber: String(10000000 + id),
      state: 'active',
    })),
  );
  // Every supplier follows segment 1 (where the benchmark publishes) and four more.
  const follows = range(size.suppliers).flatMap((supplier) => {
    const segments = new Set([1]);
    while (segments.size < 5) segments.add(2 + pick(size.segments - 1));
    return [...segments].map((segment) => [supplier, segment]);
  });
  await link(strapi, trx, UID.supplier, 'segments', follows);

  const role = await trx(strapi.db.metadata.get(UID.role).tableName)
    .where({ type: 'authenticated' })
    .first('id');
  await insert(
    strapi,
    trx,
    UID.user,
    range(size.suppliers).map((id) => ({
      id,
      username: `bench-${id}@example.nl`,
      email: `bench-${id}@example.nl`,
      provider: 'local',
      confirmed: true,
      blocked: false,
      userKind: 'supplier_user',
      isConsultant: true,
      locale: id % 3 ? 'nl' : 'en',
    })),
  );
  await link(
    strapi,
    trx,
    UID.user,
    'supplier',
    range(size.suppliers).map((id) => [id, id]),
  );
  await link(
    strapi,
    trx,
    UID.user,
    'role',
    range(size.suppliers).map((id) => [id, role.id]),
  );

  await insert(strapi, trx, UID.das, [{ id: 1, name: 'Bench DAS', state: 'open' }]);
  const admitted = range(size.suppliers).filter((id) => id % 10 === 0);
  await insert(
    strapi,
    trx,
    UID.admission,
    admitted.map((id, at) => ({ id: at + 1, state: 'admitted' })),
  );
  await link(
    strapi,
    trx,
    UID.admission,
    'das',
    admitted.map((_, at) => [at + 1, 1]),
  );
  await link(
    strapi,
    trx,
    UID.admission,
    'supplier',
    admitted.map((id, at) => [at + 1, id]),
  );
}

const STATES = [
  'published',
  'published',
  'published',
  'published',
  'published',
  'published',
  'published',
  'closed',
  'closed',
  'closed',
  'awarded',
  'awarded',
  'draft',
];
const TITLES = [
  'Java developer',
  'Project leader',
  'Data analyst',
  'Nurse',
  'Policy advisor',
  'Tester',
];

/** Requests spread evenly over the segments and clients; one in twenty is a DAS request. */
async function seedRequests(strapi, trx, size, pick) {
  const day = 86_400_000;
  const now = Date.now();
  const rows = range(size.requests).map((id) => ({
    id,
    number: `SRQ${100000 + id}`,
    title: `${TITLES[id % TITLES.length]} ${id}`,
    description:
      'A request seeded by the benchmark, with a description of average length for a search.',
    location: 'Utrecht',
    hoursPerWeek: 36,
    startDate: '2027-01-04',
    endDate: '2027-12-31',
    maxRateCents: id % 4 ? 9500 : null,
    evaluationCriteria: JSON.stringify([
      { key: 'cv', text: 'Fit', weight: 100, knockOut: false, filledBy: 'desk' },
    ]),
    closesAt: new Date(now + (pick(60) - 10) * day + pick(day)),
    state: STATES[id % STATES.length],
  }));
  await insert(strapi, trx, UID.request, rows);
  await link(
    strapi,
    trx,
    UID.request,
    'segment',
    rows.map(({ id }) => [id, 1 + (id % size.segments)]),
  );
  await link(
    strapi,
    trx,
    UID.request,
    'client',
    rows.map(({ id }) => [id, 1 + (id % size.clients)]),
  );
  await link(
    strapi,
    trx,
    UID.request,
    'das',
    rows.filter(({ id }) => id % 20 === 0).map(({ id }) => [id, 1]),
  );
}

/** PostgreSQL sequences must start past the ids given explicitly. */
async function resetSequences(strapi, trx) {
  if (strapi.db.dialect.client !== 'postgres') return;
  for (const uid of Object.values(UID)) {
    const table = strapi.db.metadata.get(uid).tableName;
    await trx.raw(
      `select setval(pg_get_serial_sequence(?, 'id'), coalesce((select max(id) from ??), 1))`,
      [table, table],
    );
  }
}

/**
 * Seeds everything in one transaction and returns how long it took (ms); `onProgress` hears
 * each step as it starts.
 */
export async function seed(strapi, size, onProgress = () => {}) {
  const started = performance.now();
  const pick = random(42);
  await strapi.db.connection.transaction(async (trx) => {
    onProgress(`${size.clients} clients, ${size.segments} segments, ${size.suppliers} suppliers`);
    await seedOrganisations(strapi, trx, size, pick);
    onProgress(`${size.requests} requests`);
    await seedRequests(strapi, trx, size, pick);
    await resetSequences(strapi, trx);
  });
  // The planner's statistics and visibility map, as autovacuum would leave them.
  if (strapi.db.dialect.client === 'postgres') {
    onProgress('vacuum analyze');
    await strapi.db.connection.raw('vacuum analyze');
  }
  return performance.now() - started;
}
