import { loadSettings, type Settings } from '@desk/config';

import { createApiClient, type ApiClient } from './accounts';
import { createClientDirectory, type ClientDirectory } from './client-directory';
import { sessionClock, type Clock } from './clock';
import { createCmsClient, type CmsClient } from './cms';

export interface Services {
  settings: Settings;
  cms: CmsClient;
  clientDirectory: ClientDirectory;
  accounts: ApiClient;
  /** The requests plugin's API (`/api/requests/*`): requests, candidates, proposals. */
  market: ApiClient;
  /** The workflow plugin's API (`/api/workflow/*`): moves along a transition table. */
  workflow: ApiClient;
  /** The clock sessions are timed by; tests may set it (see clock.ts). */
  clock: Clock;
}

let services: Services | null = null;

/** The portal's settings and shared clients, created on first use and kept for the process. */
export function getServices(): Services {
  if (services) return services;

  const settings = loadSettings();
  const cms = createCmsClient({ baseUrl: settings.cms.url });
  const api = (prefix: string) =>
    createApiClient({
      baseUrl: settings.cms.url,
      portalKey: settings.secrets.portalApiKey,
      prefix,
    });
  services = {
    settings,
    cms,
    clientDirectory: createClientDirectory({ load: () => cms.listClients() }),
    accounts: api('/api/accounts'),
    market: api('/api/requests'),
    workflow: api('/api/workflow'),
    clock: sessionClock(),
  };
  return services;
}

/** The development inbox shows every mail the desk sends: never in production. */
export function devInboxEnabled(settings: Settings): boolean {
  return settings.nodeEnv !== 'production';
}
