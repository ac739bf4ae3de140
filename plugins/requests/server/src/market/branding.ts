import { loadSettings } from '@desk/config';
import type { ClientBranding } from '@desk/plugin-outbox';

/** The client fields a mail in its branding needs, for a `populate` of a client. */
export const BRANDING_POPULATE = {
  select: [
    'id',
    'name',
    'slug',
    'primaryColor',
    'accentColor',
    'supportEmail',
    'supportPhone',
    'defaultLocale',
  ],
  populate: { logo: { select: ['url'] } },
};

/** A client's look for the outbox; a logo kept by the cms becomes an absolute address. */
export function brandingOf(client: any): ClientBranding {
  const logo = client?.logo?.url;
  return {
    name: client.name,
    slug: client.slug,
    primaryColor: client.primaryColor,
    accentColor: client.accentColor,
    logoUrl: logo ? new URL(logo, loadSettings().cms.publicUrl).toString() : null,
    supportEmail: client.supportEmail ?? null,
    supportPhone: client.supportPhone ?? null,
  };
}

/**
 * Where a signed-in supplier reads a request on the portal (portal/src/pages/requests). The mail
 * that carries the link is in the client's branding; the page is, on the client's host name.
 */
export function portalPathOf(requestDocumentId: string): string {
  return `/requests/${requestDocumentId}`;
}
