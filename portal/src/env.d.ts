/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The client whose branding this request gets; null for the neutral look. */
    client: import('./lib/cms').PublicClient | null;
    /** Every client, for the neutral home page. */
    clients: import('./lib/cms').PublicClient[];
    /** Set when the page failed because the CMS was unavailable: the error page answers 503. */
    cmsUnavailable?: boolean;
  }
}
