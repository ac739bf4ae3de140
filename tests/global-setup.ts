import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import pg from 'pg';
import type { TestProject } from 'vitest/node';

const CMS_DIR = join(__dirname, '..', 'cms');

/** Compiles the cms once and prepares the run's throw-away database. */
export default async function setup(project: TestProject) {
  const env = project.config.env as Record<string, string>;

  const require = createRequire(join(CMS_DIR, 'package.json'));
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: CMS_DIR, ignoreDiagnostics: false });

  if (env.DATABASE_URL)
    await withServer(
      env.DESK_TEST_BASE_DATABASE_URL,
      `CREATE DATABASE ${databaseName(env.DATABASE_URL)}`,
    );

  return async () => {
    if (env.DATABASE_URL) {
      await withServer(
        env.DESK_TEST_BASE_DATABASE_URL,
        `DROP DATABASE IF EXISTS ${databaseName(env.DATABASE_URL)} WITH (FORCE)`,
      );
    }
    rmSync(env.DATABASE_FILENAME, { force: true });
    rmSync(env.FILES_DIR, { recursive: true, force: true });
  };
}

function databaseName(url: string): string {
  const name = new URL(url).pathname.slice(1);
  if (!/^desk_test_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to touch database ${name}`);
  return name;
}

async function withServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
