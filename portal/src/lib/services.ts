import { loadSettings, type Settings } from '@desk/config';

import { createClientDirectory, type ClientDirectory } from './client-directory';
import { createCmsClient, type CmsClient } from './cms';

export interface Services {
  settings: Settings;
  cms: CmsClient;
  clientDirectory: ClientDirectory;
}

let services: Services | null = null;

/** The portal's settings and shared clients, created on first use and kept for the process. */
export function getServices(): Services {
  if (services) return services;

  const settings = loadSettings();
  const cms = createCmsClient({ baseUrl: settings.cms.url });
  services = {
    settings,
    cms,
    clientDirectory: createClientDirectory({ load: () => cms.listClients() }),
  };
  return services;
}

/** The development inbox shows every mail the desk sends: never in production. */
export function devInboxEnabled(settings: Settings): boolean {
  return settings.nodeEnv !== 'production';
}
