/**
 * The session store, chosen when the portal starts rather than when it is built: Redis when
 * REDIS_URL is set (several portal nodes share sessions), else files on this machine.
 *
 * Astro bakes its session driver into the build; this module is that driver and picks the real
 * one from the run-time settings.
 */
import { loadSettings } from '@desk/config';
import fsLiteDriver from 'unstorage/drivers/fs-lite';
import redisDriver from 'unstorage/drivers/redis';

/** Redis keeps a session a little past the idle limit, so abandoned sessions clean themselves. */
const EXPIRY_MARGIN_SECONDS = 300;

export default function sessionDriver(options: { base: string }) {
  const settings = loadSettings();
  if (!settings.redisUrl) return fsLiteDriver({ base: options.base });

  return redisDriver({
    url: settings.redisUrl,
    base: 'desk:portal-session',
    ttl: settings.portal.sessionIdleMinutes * 60 + EXPIRY_MARGIN_SECONDS,
  });
}
