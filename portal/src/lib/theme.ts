import type { PublicClient } from './cms';

/** What the layout needs to dress a page: a name to show and readable colour pairs. */
export interface Theme {
  name: string;
  logoUrl: string | null;
  primary: string;
  accent: string;
  /** Text on the primary colour (the header bar). */
  onPrimary: string;
  /** Text on the accent colour (buttons). */
  onAccent: string;
  /** Link text on the white page: the accent when it is readable there, else a darker colour. */
  link: string;
}

export const NEUTRAL_NAME = 'Hiring desk';
const NEUTRAL_PRIMARY = '#22364f';
const NEUTRAL_ACCENT = '#0f766e';
const DARK_TEXT = '#16202c';
const LIGHT_TEXT = '#ffffff';
const PAGE_BACKGROUND = '#ffffff';

/** WCAG 2 asks 4.5:1 for body text. */
const READABLE_RATIO = 4.5;

/** The client's theme, or the neutral hiring-desk theme when there is no client. */
export function themeFor(client: PublicClient | null): Theme {
  const primary = client?.primaryColor ?? NEUTRAL_PRIMARY;
  const accent = client?.accentColor ?? NEUTRAL_ACCENT;

  return {
    name: client?.name ?? NEUTRAL_NAME,
    logoUrl: client?.logoUrl ?? null,
    primary,
    accent,
    onPrimary: textColourOn(primary),
    onAccent: textColourOn(accent),
    link: [accent, primary].find((colour) => readableOnPage(colour)) ?? DARK_TEXT,
  };
}

/** White or dark text, whichever contrasts more with `background` (`#rrggbb`). */
export function textColourOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT)
    ? LIGHT_TEXT
    : DARK_TEXT;
}

/** The WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

function readableOnPage(colour: string): boolean {
  return contrastRatio(colour, PAGE_BACKGROUND) >= READABLE_RATIO;
}

/** Relative luminance as WCAG 2 defines it. */
function luminance(colour: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(colour.slice(start, start + 2), 16) / 255);
  const [red, green, blue] = channels.map((channel) =>
    channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}
