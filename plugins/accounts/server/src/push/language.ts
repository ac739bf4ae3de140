/** The language a user reads in; the desk's Dutch when the user chose none. */
export function languageOf(user: { locale?: unknown } | null): 'nl' | 'en' {
  return user?.locale === 'en' ? 'en' : 'nl';
}

/** An instant as a Dutch reader expects it: Amsterdam time, in the reader's language. */
export function formatInstant(at: Date, locale: unknown): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(at);
}
