// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { loadSettings } from '@desk/config';

/**
 * Astro sets NODE_ENV=production for every build, which would demand the servers' production
 * secrets here; the build reads only the portal's address, so it checks settings as development.
 */
const settings = loadSettings({ ...process.env, NODE_ENV: 'development' });

/**
 * Every page is rendered on request: branding depends on the host name and the CMS's current
 * data, so nothing is prerendered.
 */
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // Baked into the build; at run time the standalone server takes HOST and PORT first, which
  // scripts/start.mjs and tests/helpers/portal.ts set from PORTAL_HOST and PORTAL_PORT.
  server: { host: settings.portal.host, port: settings.portal.port },
  devToolbar: { enabled: false },
});
