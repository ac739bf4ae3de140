import { describe, expect, it } from 'vitest';

import { pendingFrom, safeNext } from './sign-in';
import { normalisePhrase } from './sign-in-actions';

describe('safeNext', () => {
  it('keeps a local path with its query', () => {
    expect(safeNext('/my-settings/supplier?tab=users')).toBe('/my-settings/supplier?tab=users');
  });

  it('refuses addresses that leave the portal', () => {
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'account']) {
      expect(safeNext(next)).toBeNull();
    }
  });
});

describe('pendingFrom', () => {
  it('asks the preferred factor first', () => {
    const pending = pendingFrom(
      { stage: 'factor', challenge: 'c', factors: ['totp', 'push'], preferred: 'push' },
      '/account',
    );
    expect(pending).toMatchObject({ stage: 'factor', method: 'push', next: '/account' });
  });

  it('starts an enrolment with the authenticator app', () => {
    expect(pendingFrom({ stage: 'enrol', challenge: 'c' }, null)).toMatchObject({
      stage: 'enrol',
      method: 'totp',
    });
  });

  it('needs no step once the cms signed the user in', () => {
    expect(pendingFrom({ stage: 'done', jwt: 'x' }, null)).toBeNull();
  });
});

describe('normalisePhrase', () => {
  it('reads two typed words the way the phone shows them', () => {
    expect(normalisePhrase('  Blauwe   VIS ')).toBe('blauwe vis');
    expect(normalisePhrase('blauwe-vis')).toBe('blauwe vis');
  });
});
