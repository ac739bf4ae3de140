import type { Locale } from './types';

/** A client's look, as the caller passes it with a mail; null gives the neutral desk look. */
export interface ClientBranding {
  name: string;
  slug: string;
  primaryColor: string;
  accentColor: string;
  logoUrl?: string | null;
  supportEmail?: string | null;
  supportPhone?: string | null;
}

/** The look a mail is drawn in, every value checked and safe to place in HTML attributes. */
export interface Branding {
  name: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
}

const NEUTRAL_NAME: Record<Locale, string> = { nl: 'Inhuurdesk', en: 'Hiring desk' };
const NEUTRAL_PRIMARY = '#1f2937';
const NEUTRAL_ACCENT = '#2563eb';

const HEX_COLOUR = /^#(?:[0-9a-f]{3}){1,2}$/i;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^[0-9+()\-. ]{6,30}$/;

/**
 * A colour goes into a style attribute: anything but a hex colour falls back to the neutral
 * one, so a badly kept client record changes the look of a mail but never stops it.
 */
function colour(value: string | undefined, fallback: string): string {
  return value && HEX_COLOUR.test(value.trim()) ? value.trim().toLowerCase() : fallback;
}

/** Only absolute http(s) addresses may become an image source or a link. */
export function webAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function brandingOf(client: ClientBranding | null | undefined, locale: Locale): Branding {
  const email = client?.supportEmail?.trim();
  const phone = client?.supportPhone?.trim();

  return {
    name: client?.name?.trim() || NEUTRAL_NAME[locale],
    primaryColor: colour(client?.primaryColor, NEUTRAL_PRIMARY),
    accentColor: colour(client?.accentColor, NEUTRAL_ACCENT),
    logoUrl: webAddress(client?.logoUrl),
    supportEmail: email && EMAIL.test(email) ? email : null,
    supportPhone: phone && PHONE.test(phone) ? phone : null,
  };
}

/** White or near-black text, whichever reads better on the given background (WCAG luminance). */
export function textColourOn(background: string): string {
  const hex =
    background.length === 4
      ? [...background.slice(1)].map((c) => c + c).join('')
      : background.slice(1);
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#111827' : '#ffffff';
}
