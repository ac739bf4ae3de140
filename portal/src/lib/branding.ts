import type { PublicClient } from './cms';
import type { SessionUser } from './session';

/** The slug in a path `/c/<slug>` or `/c/<slug>/...`, or null for any other path. */
export function slugFromPath(pathname: string): string | null {
  const match = /^\/c\/([^/]+)(?:\/|$)/.exec(pathname);
  return match ? match[1] : null;
}

/**
 * The host name in a Host header, lower-case and without port or trailing dot.
 *
 * @example hostNameOf('Portal.Example.nl:4321') // 'portal.example.nl'
 */
export function hostNameOf(hostHeader: string | null | undefined): string | null {
  const value = hostHeader?.trim().toLowerCase();
  if (!value) return null;

  const hostName = value.startsWith('[')
    ? value.slice(0, value.indexOf(']') + 1)
    : value.split(':')[0];
  return hostName.replace(/\.$/, '') || null;
}

/**
 * The client whose branding a request gets, or null for the neutral hiring-desk look.
 *
 * A `/c/<slug>` path wins over the host, so every client's pages are reachable on any host.
 * The Host header is a visitor's claim: it only selects among host names the desk configured,
 * and an unknown name (or an unknown slug) falls back to the neutral look.
 */
export function resolveClient(
  pathname: string,
  hostHeader: string | null | undefined,
  clients: readonly PublicClient[],
): PublicClient | null {
  const slug = slugFromPath(pathname);
  if (slug !== null) return clients.find((client) => client.slug === slug) ?? null;

  const hostName = hostNameOf(hostHeader);
  if (hostName === null) return null;
  return (
    clients.find((client) => client.hostNames.some((name) => name.toLowerCase() === hostName)) ??
    null
  );
}

/** Where "home" links point: a client branded by path keeps its prefix, one by host the root. */
export function homePath(client: PublicClient | null, pathname: string): string {
  return client && slugFromPath(pathname) === client.slug ? `/c/${client.slug}` : '/';
}

/**
 * The client whose look a signed-in client user's page wears where neither path nor host names
 * one: their own. Supplier users work for many clients and keep the neutral look.
 */
export function ownClientOf(
  user: SessionUser | null,
  clients: readonly PublicClient[],
): PublicClient | null {
  const slug = user?.clientSlug;
  return slug ? (clients.find((client) => client.slug === slug) ?? null) : null;
}
