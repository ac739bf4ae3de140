export type Locale = 'nl' | 'en';

export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** The values a caller hands to a template; anything else has no place in a mail. */
export type TemplateData = Record<string, string | number | null | undefined>;

/** One language of a template: plain text with {{placeholders}}, never HTML. */
export interface TemplateText {
  subject: string;
  /** Paragraphs in order; one that names an optional placeholder without a value is left out. */
  paragraphs: readonly string[];
  /** Label of the action button when the template has an action link. */
  actionLabel?: string;
}

export interface MailTemplate {
  /** Placeholders the caller must give; a missing one refuses the mail. */
  required: readonly string[];
  optional?: readonly string[];
  /** Placeholders that hold the action link and, optionally, a label that overrides the default. */
  action?: { url: string; label?: string };
  nl: TemplateText;
  en: TemplateText;
}

/** A mail ready to store: what the recipient will read, in both forms. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
