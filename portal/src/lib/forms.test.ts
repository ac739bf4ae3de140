import { describe, expect, it } from 'vitest';

import { atField, field, readForm, refuse } from './forms';

/** Just enough of Astro's context for refuse(): a session that records what is set. */
function fakeContext() {
  const stored = new Map<string, unknown>();
  const session = { set: (key: string, value: unknown) => stored.set(key, value) };
  const redirect = (to: string, status: number) =>
    new Response(null, { status, headers: { location: to } });
  return { stored, context: { session, cookies: {}, redirect } as never };
}

describe('form handling', () => {
  it('reads repeated fields, as checkboxes send them', async () => {
    const body = new URLSearchParams([
      ['roles', 'consultant'],
      ['roles', 'payroll'],
      ['email', ' a@b.nl '],
    ]);
    const request = new Request('http://portal.test/', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const form = await readForm(request);

    expect(form.get('roles')).toEqual(['consultant', 'payroll']);
    expect(field(form, 'email')).toBe('a@b.nl');
  });

  it('keeps typed values for the next page but never passwords, codes or tokens', () => {
    const { stored, context } = fakeContext();
    const posted = new Map([
      ['email', ['a@b.nl']],
      ['postalCode', ['3511 AB']],
      ['password', ['secret-password']],
      ['newPasswordConfirm', ['secret-password']],
      ['code', ['123456']],
      ['_csrf', ['t']],
      ['token', ['link']],
    ]);
    const response = refuse(context, '/sign-in', 'sign-in', { message: 'No', fields: {} }, posted);

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in');
    expect((stored.get('flash') as any).values).toEqual({ email: 'a@b.nl', postalCode: '3511 AB' });
  });

  it('adds the wait to a throttling message', () => {
    const { stored, context } = fakeContext();
    refuse(context, '/sign-in', 'sign-in', {
      status: 429,
      code: 'THROTTLED',
      message: 'Too many attempts.',
      fields: {},
      retryAfterSeconds: 600,
    });
    expect((stored.get('flash') as any).message).toBe('Too many attempts. (10 min)');
  });

  it('shows a message without a field at the field the user must change', () => {
    expect(atField({ message: 'Wrong code.', fields: {} }, 'code').fields).toEqual({
      code: 'Wrong code.',
    });
    expect(atField({ message: 'x', fields: { email: 'y' } }, 'code').fields).toEqual({
      email: 'y',
    });
  });

  it('says "correct the marked fields" instead of listing API field names', () => {
    const { stored, context } = fakeContext();
    refuse(context, '/register', 'register', {
      status: 400,
      code: 'INPUT_INVALID',
      message: 'Please correct: kvkNumber.',
      fields: { kvkNumber: 'A KvK number has 8 digits.' },
      retryAfterSeconds: null,
    });
    expect((stored.get('flash') as any).message).toMatch(/Please correct the marked fields/);
  });
});
