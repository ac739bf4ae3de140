import type { MailTemplate } from '../types';

/** Confirms that a sign-in factor was connected or removed (by the user or by the desk). */
export const accountFactorConnected: MailTemplate = {
  required: ['name', 'factor'],
  nl: {
    subject: 'Nieuwe inlogmethode gekoppeld',
    paragraphs: [
      'Beste {{name}},',
      'Aan uw account is een inlogmethode gekoppeld: {{factor}}. Voortaan vragen we die bij ' +
        'het inloggen.',
      'Was u dit niet? Neem dan direct contact op met de inhuurdesk.',
    ],
  },
  en: {
    subject: 'New sign-in method connected',
    paragraphs: [
      'Dear {{name}},',
      'A sign-in method was connected to your account: {{factor}}. From now on we ask for it ' +
        'when you sign in.',
      'Was it not you? Then contact the hiring desk at once.',
    ],
  },
};

export const accountFactorRemoved: MailTemplate = {
  required: ['name', 'factor'],
  nl: {
    subject: 'Inlogmethode verwijderd',
    paragraphs: [
      'Beste {{name}},',
      'De inlogmethode {{factor}} is van uw account verwijderd. Vraagt uw opdrachtgever om ' +
        'een tweede factor, dan koppelt u bij de volgende keer inloggen een nieuwe.',
      'Was u dit niet, en heeft u dit ook niet aan de inhuurdesk gevraagd? Neem dan direct ' +
        'contact op met de inhuurdesk.',
    ],
  },
  en: {
    subject: 'Sign-in method removed',
    paragraphs: [
      'Dear {{name}},',
      'The sign-in method {{factor}} was removed from your account. If your client asks for a ' +
        'second factor, you connect a new one the next time you sign in.',
      'Was it not you, and did you not ask the hiring desk for it? Then contact the hiring ' +
        'desk at once.',
    ],
  },
};

/** Tells the owner that wrong codes locked a factor; a sign of someone guessing. */
export const accountFactorLocked: MailTemplate = {
  required: ['name', 'factor', 'minutes'],
  nl: {
    subject: 'Inlogmethode tijdelijk geblokkeerd',
    paragraphs: [
      'Beste {{name}},',
      'Er zijn te vaak verkeerde codes ingevoerd voor {{factor}}. Deze inlogmethode is ' +
        '{{minutes}} minuten geblokkeerd.',
      'Was u dit niet? Dan kent iemand mogelijk uw wachtwoord: kies een nieuw wachtwoord.',
    ],
  },
  en: {
    subject: 'Sign-in method locked for a while',
    paragraphs: [
      'Dear {{name}},',
      'Wrong codes were entered too often for {{factor}}. This sign-in method is locked for ' +
        '{{minutes}} minutes.',
      'Was it not you? Then someone may know your password: choose a new password.',
    ],
  },
};
