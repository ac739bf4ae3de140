import type { MailTemplate } from '../types';

/** Sends a link to choose a new password; the second factor is still asked at sign-in. */
export const accountPasswordReset: MailTemplate = {
  required: ['name', 'link', 'validMinutes'],
  action: { url: 'link' },
  nl: {
    subject: 'Nieuw wachtwoord kiezen',
    paragraphs: [
      'Beste {{name}},',
      'U vroeg om een nieuw wachtwoord. Kies het met de knop hieronder; de link is ' +
        '{{validMinutes}} minuten geldig. Bij het inloggen vragen we daarna ook weer uw ' +
        'tweede factor.',
      'Heeft u dit niet gevraagd? Dan kunt u dit bericht negeren; uw wachtwoord blijft ' +
        'hetzelfde.',
    ],
    actionLabel: 'Nieuw wachtwoord kiezen',
  },
  en: {
    subject: 'Choose a new password',
    paragraphs: [
      'Dear {{name}},',
      'You asked for a new password. Choose it with the button below; the link is valid for ' +
        '{{validMinutes}} minutes. When you sign in afterwards, we still ask for your second ' +
        'factor.',
      'If you did not ask for this, you can ignore this message; your password stays the same.',
    ],
    actionLabel: 'Choose a new password',
  },
};
