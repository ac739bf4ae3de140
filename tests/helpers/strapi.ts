import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';

export const CMS_DIR = join(__dirname, '..', '..', 'cms');

let booting: Promise<Core.Strapi> | null = null;
let baseUrl = '';

/** The run's one Strapi, booted on first use and shared by every test file. */
export function getStrapi(): Promise<Core.Strapi> {
  booting ??= boot();
  return booting;
}

/** The base URL of the shared Strapi's HTTP server, e.g. http://127.0.0.1:40123. */
export function cmsUrl(): string {
  if (!baseUrl) throw new Error('Call getStrapi() before cmsUrl().');
  return baseUrl;
}

async function boot(): Promise<Core.Strapi> {
  // @strapi/strapi cannot be imported as an ES module (a directory import inside lodash).
  const require = createRequire(join(CMS_DIR, 'package.json'));
  const { createStrapi } = require('@strapi/strapi');

  const strapi: Core.Strapi = createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') });
  await strapi.load();
  await strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  return strapi;
}
