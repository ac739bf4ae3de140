import { describe, expect, it } from 'vitest';

import { homePath, hostNameOf, ownClientOf, resolveClient, slugFromPath } from './branding';
import type { PublicClient } from './cms';

function client(slug: string, hostNames: string[]): PublicClient {
  return {
    name: `Client ${slug}`,
    slug,
    hostNames,
    logoUrl: null,
    primaryColor: '#123456',
    accentColor: '#abcdef',
    supportEmail: null,
    supportPhone: null,
    supportHours: null,
  };
}

const acme = client('acme', ['werk.acme.nl', 'inhuur.acme.nl']);
const gemeente = client('gemeente-zuid', ['Inhuur.Gemeente-Zuid.nl']);
const clients = [acme, gemeente];

describe('resolveClient', () => {
  it('picks the client named in a /c/<slug> path', () => {
    expect(resolveClient('/c/acme', null, clients)).toBe(acme);
    expect(resolveClient('/c/acme/', 'localhost:4321', clients)).toBe(acme);
    expect(resolveClient('/c/gemeente-zuid/requests/SRQ000012', null, clients)).toBe(gemeente);
  });

  it('lets the path win over the host name of another client', () => {
    expect(resolveClient('/c/gemeente-zuid', 'werk.acme.nl', clients)).toBe(gemeente);
  });

  it('gives no client for an unknown slug, even on a client host', () => {
    expect(resolveClient('/c/unknown', null, clients)).toBeNull();
    expect(resolveClient('/c/unknown', 'werk.acme.nl', clients)).toBeNull();
  });

  it('matches a configured host name without its port', () => {
    expect(resolveClient('/', 'werk.acme.nl:4321', clients)).toBe(acme);
    expect(resolveClient('/dev/inbox', 'inhuur.acme.nl', clients)).toBe(acme);
  });

  it('matches host names case-insensitively, on both sides', () => {
    expect(resolveClient('/', 'WERK.Acme.NL', clients)).toBe(acme);
    expect(resolveClient('/', 'inhuur.gemeente-zuid.nl', clients)).toBe(gemeente);
  });

  it('gives no client for a host name nobody configured', () => {
    expect(resolveClient('/', 'evil.example', clients)).toBeNull();
    expect(resolveClient('/', 'acme.nl', clients)).toBeNull();
    expect(resolveClient('/', 'werk.acme.nl.evil.example', clients)).toBeNull();
    expect(resolveClient('/', '127.0.0.1:4321', clients)).toBeNull();
  });

  it('gives no client without a Host header or without clients', () => {
    expect(resolveClient('/', null, clients)).toBeNull();
    expect(resolveClient('/', '', clients)).toBeNull();
    expect(resolveClient('/', 'werk.acme.nl', [])).toBeNull();
  });

  it('does not read a slug from paths that merely look alike', () => {
    expect(resolveClient('/cacme', 'evil.example', clients)).toBeNull();
    expect(resolveClient('/x/c/acme', 'evil.example', clients)).toBeNull();
  });
});

describe('hostNameOf', () => {
  it('drops the port and a trailing dot and lowers the case', () => {
    expect(hostNameOf('Werk.Acme.nl:8443')).toBe('werk.acme.nl');
    expect(hostNameOf('werk.acme.nl.')).toBe('werk.acme.nl');
  });

  it('keeps an IPv6 address whole', () => {
    expect(hostNameOf('[::1]:4321')).toBe('[::1]');
  });
});

describe('slugFromPath and homePath', () => {
  it('reads the slug only from the first path segment after /c/', () => {
    expect(slugFromPath('/c/acme/x')).toBe('acme');
    expect(slugFromPath('/c/')).toBeNull();
    expect(slugFromPath('/')).toBeNull();
  });

  it('points home to the path prefix for path branding and to the root otherwise', () => {
    expect(homePath(acme, '/c/acme/anything')).toBe('/c/acme');
    expect(homePath(acme, '/')).toBe('/');
    expect(homePath(null, '/c/unknown')).toBe('/');
  });
});

describe('ownClientOf', () => {
  it("gives a client user their own client, and a supplier user or a stranger's slug none", () => {
    const user = {
      firstName: 'H',
      lastName: 'W',
      email: 'h@example.nl',
      kind: 'client_user' as const,
    };

    expect(ownClientOf({ ...user, clientSlug: 'acme' }, clients)).toBe(acme);
    expect(ownClientOf({ ...user, kind: 'supplier_user', clientSlug: null }, clients)).toBeNull();
    expect(ownClientOf({ ...user, clientSlug: 'gone' }, clients)).toBeNull();
    expect(ownClientOf(null, clients)).toBeNull();
  });
});
