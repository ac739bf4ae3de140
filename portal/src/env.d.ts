/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The client whose branding this request gets; null for the neutral look. */
    client: import('./lib/cms').PublicClient | null;
    /** Every client, for the neutral home page. */
    clients: import('./lib/cms').PublicClient[];
    /** Set when the page failed because the CMS was unavailable: the error page answers 503. */
    cmsUnavailable?: boolean;
    /** The signed-in user, or null. */
    user: import('./lib/session').SessionUser | null;
    /** The signed-in user's cms token; server-side only, never rendered. */
    token: string | null;
    /** This session's CSRF token for forms, when the page has forms or the user is signed in. */
    csrf: string | null;
    /** The visitor's address, browser and branded client, forwarded to the cms. */
    visitor: import('./lib/accounts').Visitor;
  }

  interface SessionData {
    csrf: string;
    auth: import('./lib/session').SessionAuth;
    flash: import('./lib/session').Flash;
    signIn: import('./lib/sign-in').PendingSignIn;
    totpEnrolment: import('./lib/sign-in').TotpEnrolment & { enrolment: string };
  }
}
