import type { MailTemplate } from '../types';

/** Invites a new portal user to choose a password through a link that expires. */
export const accountSetPassword: MailTemplate = {
  required: ['name', 'link', 'validHours'],
  action: { url: 'link' },
  nl: {
    subject: 'Kies een wachtwoord voor uw account',
    paragraphs: [
      'Beste {{name}},',
      'Er is een account voor u aangemaakt. Kies met de knop hieronder een wachtwoord ' +
        'om in te loggen.',
      'De link is {{validHours}} uur geldig. Heeft u dit account niet aangevraagd? ' +
        'Dan kunt u dit bericht negeren.',
    ],
    actionLabel: 'Wachtwoord kiezen',
  },
  en: {
    subject: 'Choose a password for your account',
    paragraphs: [
      'Dear {{name}},',
      'An account has been created for you. Use the button below to choose a password and sign in.',
      'The link is valid for {{validHours}} hours. If you did not ask for this account, ' +
        'you can ignore this message.',
    ],
    actionLabel: 'Choose a password',
  },
};
