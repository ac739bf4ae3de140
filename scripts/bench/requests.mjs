#!/usr/bin/env node
// Benchmark of the market: a supplier's request list and publishing a request (issue 4).
//
//   node scripts/bench/requests.mjs                      SQLite (a throw-away file)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/x node scripts/bench/requests.mjs
//                                                        PostgreSQL (a throw-away database
//                                                        on that server, dropped afterwards)
//
// It seeds 20,000 requests, 200 segments and 5,000 active suppliers (each with a consultant,
// following five segments; every supplier follows segment 1) with bulk inserts, boots Strapi
// and measures:
//   a. GET /api/requests/requests at 20 concurrent clients (in a child process) against the
//      same list as hand-written SQL run in the cms process on the same pool: p50, p95, p99,
//      throughput. Both first answer the same 80 pages alike. Target: within 3x of raw SQL.
//      At one client at a time it also splits a call into its parts: the HTTP round trip,
//      the sign-in checks, the whole route, the SQL.
//   b. Publishing one request in segment 1 to its 5,000 subscribers: the time to queue every
//      mail with the move (target <= 2 s), then the mail worker on its own schedule, sending
//      to an SMTP server on loopback in a child process: mails per second from the first to
//      arrive to the last (target >= 200), and how long the first took.
//   and the cms process's resident memory: after boot, and the peak of each phase.
// Progress goes to stderr, the figures and charts to stdout. Needs the plugins built
// (node scripts/build.mjs). BENCH_CALLS sets the calls per list series (default 2,000).
import { cpus, totalmem } from 'node:os';

import { rawList } from './lib/baseline.mjs';
import { measureInChild } from './lib/http-clients.mjs';
import { httpGetter, memorySampler, runConcurrent } from './lib/load.mjs';
import { seed } from './lib/seed.mjs';
import { bootStrapi, throwAwayDatabase, workflowLib } from './lib/setup.mjs';
import { startSmtpSink } from './lib/smtp-sink.mjs';
import {
  barChart,
  fixed,
  histogramChart,
  latencyRows,
  summarise,
  table,
  verdict,
} from './lib/stats.mjs';

const SIZE = { requests: 20_000, segments: 200, suppliers: 5_000, clients: 20 };
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const CONCURRENCY = 20;
const PAGE_SIZE = 25;
const PAGES = 4;
const WARM_UP = 100;
const PARTS_CALLS = Math.max(50, Math.round(CALLS / 8));
/** The mail worker's runs are waited for this long at most before the rate is taken. */
const DELIVERY_TIMEOUT_MS = Number(process.env.BENCH_DELIVERY_TIMEOUT_S ?? 600) * 1000;
const TARGET = { ratio: 3, queueMs: 2000, mailsPerSecond: 200 };
const DESK = { kind: 'desk', source: 'admin', id: null, label: 'bench-desk' };
const LIST = '/api/requests/requests';

/** Progress on stderr, so the figures on stdout stay clean. */
const progress = (message) => {
  const time = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${time}] ${message}\n`);
};

/** Progress of a counted task, in steps of a tenth. */
function tenths(label, total) {
  let shown = 0;
  return (done) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth <= shown) return;
    shown = tenth;
    progress(`${label}: ${done} of ${total}`);
  };
}

/** Signed-in consultants of the first suppliers, one per concurrent client. */
async function sessions(strapi) {
  const visitor = { ip: '127.0.0.1', userAgent: 'bench', clientSlug: null };
  const open = (userId) => strapi.plugin('accounts').service('sessions').open(userId, visitor);
  const opened = Array.from({ length: CONCURRENCY }, (_, at) => open(at + 1));
  return (await Promise.all(opened)).map(({ jwt }) => jwt);
}

/**
 * The calls of a series, the same for SQL and HTTP: each of the first suppliers (user n is
 * the consultant of supplier n) reads each page, the suppliers taking turns.
 */
function callPlan(tokens) {
  return Array.from({ length: CONCURRENCY * PAGES }, (_, at) => {
    const supplier = (at % CONCURRENCY) + 1;
    const page = (Math.floor(at / CONCURRENCY) % PAGES) + 1;
    const path = `${LIST}?page=${page}&pageSize=${PAGE_SIZE}`;
    return { supplier, page, path, token: tokens[supplier - 1] };
  });
}

/** Refuses to measure unless the SQL gives every page of the plan exactly as the route does. */
async function checkBaseline(plan, baseUrl, raw) {
  const get = httpGetter(baseUrl, 1);
  for (const { supplier, page, path, token } of plan) {
    const [answer, rows] = await Promise.all([get(path, token), raw(supplier, page)]);
    const viaHttp = answer.data.map((row) => row.documentId).join();
    const viaSql = rows.map((row) => row.document_id).join();
    const total = Number(rows[0]?.total ?? 0);
    if (viaHttp !== viaSql || answer.meta.pagination.total !== total) {
      throw new Error(`the raw SQL differs from the route for supplier ${supplier}, page ${page}`);
    }
  }
  const totals = await Promise.all(plan.map(({ supplier }) => raw(supplier, 1)));
  return totals.map((rows) => Number(rows[0]?.total ?? 0));
}

/** (a) The list through HTTP and as raw SQL: same suppliers and pages, same concurrency. */
async function benchList(strapi, baseUrl, memory) {
  const plan = callPlan(await sessions(strapi));
  const raw = rawList(strapi, PAGE_SIZE);
  const visible = await checkBaseline(plan, baseUrl, raw);
  progress(`the raw SQL gives the route's ${plan.length} pages; measuring it`);

  const viaSql = (index) => raw(plan[index % plan.length].supplier, plan[index % plan.length].page);
  memory.phase('list: raw SQL');
  await runConcurrent(WARM_UP, CONCURRENCY, viaSql);
  const sql = await runConcurrent(CALLS, CONCURRENCY, viaSql, tenths('raw SQL calls', CALLS));

  memory.phase('list: HTTP');
  const options = { baseUrl, plan, calls: CALLS, concurrency: CONCURRENCY, warmUp: WARM_UP };
  const http = await measureInChild(options, tenths('HTTP calls', CALLS));
  return { plan, sql, http, visible: { low: Math.min(...visible), high: Math.max(...visible) } };
}

/**
 * One caller at a time, where a call's time goes: the HTTP round trip alone, the same plus the
 * sign-in checks (the list refused by its parameter check, before any list query), the whole
 * route, and its SQL.
 */
async function benchParts(strapi, baseUrl, plan, memory) {
  memory.phase('list: parts, one caller');
  const one = (entries, expect) =>
    measureInChild({
      baseUrl,
      plan: entries,
      calls: PARTS_CALLS,
      concurrency: 1,
      warmUp: 20,
      expect,
    });
  const health = await one([{ path: '/_health', token: null }], 204);
  const refused = await one(
    plan.map((entry) => ({ ...entry, path: `${LIST}?bench=1` })),
    400,
  );
  const route = await one(plan, 200);

  const raw = rawList(strapi, PAGE_SIZE);
  const viaSql = (index) => raw(plan[index % plan.length].supplier, plan[index % plan.length].page);
  await runConcurrent(20, 1, viaSql);
  const sql = await runConcurrent(PARTS_CALLS, 1, viaSql);
  progress('split a call into its parts');
  return { health, refused, route, sql };
}

/** A complete request in the segment every supplier follows, created as the desk would. */
async function requestToPublish(strapi) {
  const client = await strapi.db
    .query('plugin::organisations.client')
    .findOne({ where: { id: 1 } });
  return strapi.documents('plugin::requests.request').create({
    data: {
      title: 'Benchmark: published to every supplier',
      description: 'Measures the distribution.',
      location: 'Utrecht',
      hoursPerWeek: 36,
      startDate: '2027-01-04',
      endDate: '2027-06-30',
      closesAt: new Date(Date.now() + 7 * 86_400_000),
      client: client.id,
      segment: 1,
    },
  });
}

/** The request's mails in the outbox with the given status. */
function mailsOf(strapi, request, status) {
  const dedupeKey = { $startsWith: `request-published:${request.documentId}:` };
  return strapi.db.query('plugin::outbox.message').count({ where: { dedupeKey, status } });
}

/**
 * (b) Queue the mails with the move; then start the mail worker as the cms does and time the
 * mails' arrival at the SMTP server, from the first to the last.
 */
async function benchPublish(strapi, memory) {
  const sink = await startSmtpSink();
  strapi.config.set('plugin::outbox.smtpUrl', sink.url);
  const { runAs } = workflowLib();
  const request = await runAs(DESK, () => requestToPublish(strapi));
  const workflow = strapi.plugin('workflow').service('workflow');
  const to = { uid: 'plugin::requests.request', documentId: request.documentId, to: 'published' };

  memory.phase('publish: queue');
  const queueStarted = performance.now();
  await runAs(DESK, () => workflow.transition(to));
  const queueMs = performance.now() - queueStarted;
  const queued = await mailsOf(strapi, request, 'queued');
  progress(`${queued} mails queued in ${queueMs.toFixed(0)} ms; the mail worker sends them`);

  memory.phase('publish: delivery');
  const delivery = await deliver(strapi, sink, queued);
  const sent = await settled(strapi, request, delivery.received);
  await sink.close();
  return { queued, queueMs, sent, ...delivery };
}

/**
 * Starts the mail worker on its schedule and follows the SMTP server's count: when the first
 * mail and the last one arrived, after the start (ms), and the rate between them.
 */
async function deliver(strapi, sink, expected) {
  const worker = strapi.plugin('outbox').service('worker');
  const started = performance.now();
  const seen = { count: 0, first: NaN, last: NaN };
  const shown = tenths('mails received', expected);
  const arrived = sink.waitFor(expected, (received) => {
    if (received === 0) return;
    if (Number.isNaN(seen.first)) seen.first = performance.now();
    Object.assign(seen, { count: received, last: performance.now() });
    shown(received);
  });
  worker.start();
  const timeout = new Promise((resolve) => setTimeout(resolve, DELIVERY_TIMEOUT_MS).unref());
  const complete = (await Promise.race([arrived.then(() => true), timeout])) === true;
  await worker.stop();

  return {
    received: seen.count,
    complete,
    firstAfterMs: seen.first - started,
    allAfterMs: seen.last - started,
    mailsPerSecond: (seen.count - 1) / ((seen.last - seen.first) / 1000),
    intervalSeconds: strapi.config.get('plugin::outbox.workerIntervalSeconds'),
  };
}

/** The request's sent mails, once the worker's last run recorded what the server received. */
async function settled(strapi, request, received) {
  for (let waited = 0; ; waited += 100) {
    const sent = await mailsOf(strapi, request, 'sent');
    if (sent >= received || waited >= 10_000) return sent;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The database's own name and version, for the report's header. */
async function databaseVersion(strapi) {
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client === 'postgres') {
    const { rows } = await knex.raw('show server_version');
    return `PostgreSQL ${rows[0].server_version}`;
  }
  const [row] = await knex.raw('select sqlite_version() as version');
  return `SQLite ${row.version}`;
}

/** The figures of a run, with each target's verdict. */
function figuresOf(list, parts, publish) {
  const sql = summarise(list.sql);
  const http = summarise(list.http);
  const ratio = {
    p50: http.p50 / sql.p50,
    p95: http.p95 / sql.p95,
    p99: http.p99 / sql.p99,
    throughput: sql.perSecond / http.perSecond,
  };
  const one = Object.fromEntries(
    Object.entries(parts).map(([name, run]) => [name, summarise(run)]),
  );
  return { sql, http, ratio, one, publish };
}

/** Targets, met or missed, in one place at the top of the report. */
function summaryReport({ ratio, publish }) {
  const worst = Math.max(ratio.p50, ratio.p95, ratio.p99, ratio.throughput);
  const delivery = publish.complete
    ? ''
    : ` (only ${publish.received} of ${publish.queued} arrived)`;
  return table(
    ['target', 'measured', 'verdict'],
    [
      [
        'list: HTTP within 3x raw SQL',
        `${fixed(worst, 2)}x at worst`,
        verdict(worst, TARGET.ratio, 'lower'),
      ],
      [
        'publish: queue 5,000 mails',
        `${fixed(publish.queueMs, 0)} ms`,
        verdict(publish.queueMs, TARGET.queueMs, 'lower'),
      ],
      [
        'publish: mails reaching SMTP',
        `${fixed(publish.mailsPerSecond, 0)} /s${delivery}`,
        verdict(publish.mailsPerSecond, TARGET.mailsPerSecond, 'higher'),
      ],
    ],
  );
}

function listReport(list, { sql, http, ratio, one }) {
  const series = [
    { name: 'raw SQL', stats: sql, latencies: list.sql.latencies },
    { name: 'HTTP', stats: http, latencies: list.http.latencies },
  ];
  const bars = ['p50', 'p95', 'p99'].flatMap((key) => [
    { label: `${key} raw SQL`, value: sql[key] },
    { label: `${key} HTTP`, value: http[key], mark: sql[key] * TARGET.ratio },
  ]);
  const ratioLine = ([key, value]) =>
    `  ${key.padEnd(10)} ${fixed(value, 2)}x  ${verdict(value, TARGET.ratio, 'lower')}`;

  return [
    `-- the request list: ${CALLS} calls per series, ${CONCURRENCY} at once; pages 1-${PAGES} ` +
      `of ${PAGE_SIZE} for each of ${CONCURRENCY} suppliers, who see ` +
      `${list.visible.low}-${list.visible.high} requests each`,
    '',
    table(['list', 'calls', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'per s'], latencyRows(series)),
    '',
    'HTTP against raw SQL (times slower):',
    Object.entries(ratio).map(ratioLine).join('\n'),
    '',
    `latency at ${CONCURRENCY} clients (ms); | marks 3x raw SQL, the most HTTP may take:`,
    barChart(bars, { unit: 'ms' }),
    '',
    'latency histogram (calls per bucket):',
    histogramChart(series),
    '',
    `where a call's time goes, one caller at a time (p50 of ${PARTS_CALLS} calls each):`,
    barChart(
      [
        { label: 'HTTP round trip (GET /_health)', value: one.health.p50 },
        { label: '+ sign-in checks (list refused, 400)', value: one.refused.p50 },
        { label: 'whole list route', value: one.route.p50, mark: one.sql.p50 * TARGET.ratio },
        { label: 'its raw SQL', value: one.sql.p50 },
      ],
      { unit: 'ms', digits: 2 },
    ),
    '(| marks 3x the raw SQL)',
  ].join('\n');
}

function publishReport(publish) {
  const arrival = publish.complete
    ? `all ${publish.received} had arrived after ${fixed(publish.allAfterMs / 1000, 1)} s ` +
      `(${publish.sent} recorded sent)`
    : `only ${publish.received} had arrived when the benchmark stopped waiting`;
  return [
    `-- publishing to ${SIZE.suppliers} subscribers: ${publish.queued} mails queued with the ` +
      `move in ${fixed(publish.queueMs, 0)} ms. The mail worker (every ` +
      `${publish.intervalSeconds} s) delivered the first after ` +
      `${fixed(publish.firstAfterMs / 1000, 1)} s; ${arrival}.`,
    '',
    '| marks the target:',
    barChart(
      [
        {
          label: 'time to queue every mail',
          value: publish.queueMs,
          mark: TARGET.queueMs,
          note: verdict(publish.queueMs, TARGET.queueMs, 'lower'),
        },
      ],
      { unit: 'ms', digits: 0 },
    ),
    barChart(
      [
        {
          label: 'mails reaching SMTP per s',
          value: publish.mailsPerSecond,
          mark: TARGET.mailsPerSecond,
          note: verdict(publish.mailsPerSecond, TARGET.mailsPerSecond, 'higher'),
        },
      ],
      { unit: '/s', digits: 0 },
    ),
  ].join('\n');
}

const PHASES = ['seed', 'list: raw SQL', 'list: HTTP', 'list: parts, one caller', 'publish: queue'];

function memoryReport(memory) {
  const booted = memory.peakOf('booted');
  const peaks = [...PHASES, 'publish: delivery'].map((name) => ({
    label: `peak ${name}`,
    value: memory.peakOf(name),
    mark: booted,
  }));
  return [
    `-- resident memory of the cms process (MB); | marks ${fixed(booted, 0)} MB after boot:`,
    barChart([{ label: 'after boot', value: booted }, ...peaks], { unit: 'MB', digits: 0 }),
    `heap in use after a full collection at the end: ${fixed(memory.liveHeap(), 0)} MB ` +
      '(the peaks above include garbage V8 had not yet collected)',
  ].join('\n');
}

function report(header, seedMs, list, parts, publish, memory) {
  const figures = figuresOf(list, parts, publish);
  console.log(
    [
      `\n== Market benchmark: ${header}`,
      `seeded ${SIZE.requests} requests, ${SIZE.segments} segments, ${SIZE.suppliers} suppliers ` +
        `in ${fixed(seedMs / 1000, 1)} s\n`,
      summaryReport(figures),
      '',
      listReport(list, figures),
      '',
      publishReport(publish),
      '',
      memoryReport(memory),
    ].join('\n'),
  );
}

/** The share of the machine's CPU time that was busy over the next second (0-1). */
async function busyShare() {
  const total = () =>
    cpus().reduce(
      (sum, { times }) => {
        const all = times.user + times.nice + times.sys + times.irq + times.idle;
        return { all: sum.all + all, idle: sum.idle + times.idle };
      },
      { all: 0, idle: 0 },
    );
  const before = total();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = total();
  return 1 - (after.idle - before.idle) / (after.all - before.all);
}

/** How busy other work keeps the CPU, now: on two cores it skews every figure. */
async function otherWork(when) {
  const busy = await busyShare();
  if (busy > 0.1) {
    progress(`other work keeps ${fixed(busy * 100, 0)}% of the CPU busy ${when}: figures suffer`);
  }
  return `${fixed(busy * 100, 0)}%`;
}

function machineOf() {
  const cores = cpus();
  const memory = `${fixed(totalmem() / 2 ** 30, 0)} GB`;
  return `${cores.length} cores (${cores[0]?.model.trim()}), ${memory}, Node ${process.version}`;
}

async function main() {
  const before = await otherWork('at the start');
  const memory = memorySampler();
  const database = await throwAwayDatabase();
  const { strapi, baseUrl } = await bootStrapi();
  try {
    memory.phase('booted');
    const day = new Date().toISOString().slice(0, 10);
    const title = `${await databaseVersion(strapi)}, ${day}`;
    progress(`booted on ${database.label}; seeding`);

    memory.phase('seed');
    const seedMs = await seed(strapi, SIZE, (step) => progress(`seeding ${step}`));
    progress('measuring the request list');
    const list = await benchList(strapi, baseUrl, memory);
    const parts = await benchParts(strapi, baseUrl, list.plan, memory);
    progress('measuring publishing');
    const publish = await benchPublish(strapi, memory);
    memory.stop();
    const after = await otherWork('at the end');
    const busy = `CPU busy with other work: ${before} at the start, ${after} at the end`;
    const machine = `${machineOf()}; ${busy}`;
    report(`${title} ==\n${machine}`, seedMs, list, parts, publish, memory);
  } finally {
    await strapi.destroy();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
