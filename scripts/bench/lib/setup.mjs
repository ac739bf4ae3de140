// A throw-away database and a Strapi booted on it, the way tests/global-setup.ts does it.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CMS_DIR = join(import.meta.dirname, '..', '..', '..', 'cms');
const requireFromCms = createRequire(join(CMS_DIR, 'package.json'));

/** Points the settings at a fresh SQLite file, or a fresh database on DATABASE_URL's server. */
export async function throwAwayDatabase() {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = process.env.DATABASE_URL;
  const files = join(tmpdir(), `desk-bench-files-${runId}`);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    JOBS_ENABLED: 'false',
    DEMO_DATA: 'false',
    CMS_HOST: '127.0.0.1',
    STRAPI_TELEMETRY_DISABLED: 'true',
    FILES_DIR: files,
  });
  const dropFiles = () => rmSync(files, { recursive: true, force: true });

  if (!server) {
    const file = join(tmpdir(), `desk-bench-${runId}.db`);
    process.env.DATABASE_FILENAME = file;
    const drop = async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(`${file}${suffix}`, { force: true });
      dropFiles();
    };
    return { label: 'SQLite', drop };
  }

  const pg = requireFromCms('pg');
  const name = `desk_bench_${runId}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  process.env.DATABASE_URL = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  const drop = async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    dropFiles();
  };
  return { label: 'PostgreSQL', drop };
}

/** Compiles the cms, boots it and listens on a free loopback port. */
export async function bootStrapi() {
  const { compileStrapi, createStrapi } = requireFromCms('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR, ignoreDiagnostics: false });

  const strapi = createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') });
  // One log line per HTTP call would cost more than some calls themselves; the boot's own
  // lines would bury the benchmark's progress.
  strapi.log.level = 'warn';
  await strapi.load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address();
  return { strapi, baseUrl: `http://127.0.0.1:${port}` };
}

/** The workflow plugin's library as Strapi loaded it. */
export const workflowLib = () => requireFromCms('@desk/plugin-workflow');
