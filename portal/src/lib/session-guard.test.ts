import { describe, expect, it } from 'vitest';

import { fromOwnOrigin } from './session-guard';

const PUBLIC_URL = 'https://werk.example.nl';

function post(headers: Record<string, string>): Request {
  return new Request('http://127.0.0.1:4321/sign-in', { method: 'POST', headers });
}

describe('fromOwnOrigin', () => {
  it('accepts a post from the public address, behind a proxy that rewrote the host', () => {
    expect(fromOwnOrigin(post({ origin: PUBLIC_URL, host: '10.0.0.5:4321' }), PUBLIC_URL)).toBe(
      true,
    );
  });

  it('accepts a post from the host the browser asked for, such as a client host name', () => {
    const request = post({ origin: 'https://portal.gemeente.test', host: 'portal.gemeente.test' });
    expect(fromOwnOrigin(request, PUBLIC_URL)).toBe(true);
  });

  it('falls back to the Referer when a browser sends no Origin', () => {
    const request = post({ referer: `${PUBLIC_URL}/sign-in`, host: 'x' });
    expect(fromOwnOrigin(request, PUBLIC_URL)).toBe(true);
  });

  it('refuses another site, an opaque origin and a post without either header', () => {
    expect(
      fromOwnOrigin(post({ origin: 'https://evil.test', host: 'werk.example.nl' }), PUBLIC_URL),
    ).toBe(false);
    expect(fromOwnOrigin(post({ origin: 'null', host: 'werk.example.nl' }), PUBLIC_URL)).toBe(
      false,
    );
    expect(fromOwnOrigin(post({ host: 'werk.example.nl' }), PUBLIC_URL)).toBe(false);
  });
});
