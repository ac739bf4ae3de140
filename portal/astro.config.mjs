// @ts-check
import { fileURLToPath } from 'node:url';

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
  // Astro's own check compares Origin with the URL it rebuilt from the socket, which is wrong
  // behind a proxy or on a client's host name; src/lib/session-guard.ts checks Origin against
  // the public address and the requested host, together with the CSRF token.
  security: { checkOrigin: false },
  session: {
    // Picks Redis or files at run time; see the module.
    driver: fileURLToPath(new URL('./src/lib/session-driver.ts', import.meta.url)),
    options: { base: fileURLToPath(new URL('./node_modules/.astro/sessions', import.meta.url)) },
    // Secure is added at run time when the public address is https (src/lib/session.ts).
    cookie: { name: 'desk_session', sameSite: 'lax', secure: false, path: '/' },
  },
});
