import type { Core } from '@strapi/strapi';
import { loadSettings } from '@desk/config';

export interface PublicClient {
  name: string;
  slug: string;
  hostNames: string[];
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  supportEmail: string | null;
  supportPhone: string | null;
  supportHours: string | null;
}

/** Host names are compared as the portal sees them: lower case, without a port. */
export function normaliseHostNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((host): host is string => typeof host === 'string')
    .map((host) => host.trim().toLowerCase().replace(/:\d+$/, ''))
    .filter((host) => /^[a-z0-9.-]{1,253}$/.test(host));
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async publicClients(): Promise<PublicClient[]> {
    const cmsUrl = loadSettings().cms.publicUrl;
    const clients = await strapi.documents('plugin::organisations.client' as any).findMany({
      fields: [
        'name',
        'slug',
        'hostNames',
        'primaryColor',
        'accentColor',
        'supportEmail',
        'supportPhone',
        'supportHours',
      ],
      populate: { logo: { fields: ['url'] } },
      sort: 'name:asc',
      limit: 1000,
    } as any);

    return (clients as any[]).map((client) => ({
      name: client.name,
      slug: client.slug,
      hostNames: normaliseHostNames(client.hostNames),
      logoUrl: client.logo?.url ? new URL(client.logo.url, cmsUrl).toString() : null,
      primaryColor: client.primaryColor,
      accentColor: client.accentColor,
      supportEmail: client.supportEmail ?? null,
      supportPhone: client.supportPhone ?? null,
      supportHours: client.supportHours ?? null,
    }));
  },
});
