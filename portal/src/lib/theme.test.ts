import { describe, expect, it } from 'vitest';

import type { PublicClient } from './cms';
import { contrastRatio, NEUTRAL_NAME, textColourOn, themeFor } from './theme';

const client = (primaryColor: string, accentColor: string) =>
  ({ name: 'Acme', slug: 'acme', logoUrl: null, primaryColor, accentColor }) as PublicClient;

describe('themeFor', () => {
  it('gives the neutral hiring-desk theme without a client', () => {
    const theme = themeFor(null);

    expect(theme.name).toBe(NEUTRAL_NAME);
    expect(contrastRatio(theme.primary, theme.onPrimary)).toBeGreaterThanOrEqual(4.5);
  });

  it("uses the client's colours with readable text on them", () => {
    const theme = themeFor(client('#123456', '#f2a900'));

    expect(theme).toMatchObject({ name: 'Acme', primary: '#123456', accent: '#f2a900' });
    expect(theme.onPrimary).toBe('#ffffff');
    expect(theme.onAccent).not.toBe('#ffffff');
  });

  it('colours links with the accent only when it is readable on white', () => {
    expect(themeFor(client('#123456', '#0f5132')).link).toBe('#0f5132');
    expect(themeFor(client('#123456', '#f2a900')).link).toBe('#123456');
    expect(themeFor(client('#fafafa', '#f2f2f2')).link).toBe('#16202c');
  });
});

describe('contrast helpers', () => {
  it('computes the WCAG ratio of black and white as 21', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('puts dark text on light colours and white text on dark ones', () => {
    expect(textColourOn('#ffff00')).not.toBe('#ffffff');
    expect(textColourOn('#1f3a5f')).toBe('#ffffff');
  });
});
