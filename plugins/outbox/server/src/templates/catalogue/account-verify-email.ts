import type { MailTemplate } from '../types';

/** Asks a new registrant to confirm the e-mail address through a link that expires. */
export const accountVerifyEmail: MailTemplate = {
  required: ['name', 'link', 'validHours'],
  action: { url: 'link' },
  nl: {
    subject: 'Bevestig uw e-mailadres',
    paragraphs: [
      'Beste {{name}},',
      'Bedankt voor uw registratie. Bevestig met de knop hieronder uw e-mailadres; daarna ' +
        'beoordeelt de inhuurdesk uw registratie.',
      'De link is {{validHours}} uur geldig. Heeft u zich niet geregistreerd? Dan kunt u dit ' +
        'bericht negeren.',
    ],
    actionLabel: 'E-mailadres bevestigen',
  },
  en: {
    subject: 'Confirm your e-mail address',
    paragraphs: [
      'Dear {{name}},',
      'Thank you for registering. Use the button below to confirm your e-mail address; the ' +
        'hiring desk then reviews your registration.',
      'The link is valid for {{validHours}} hours. If you did not register, you can ignore ' +
        'this message.',
    ],
    actionLabel: 'Confirm e-mail address',
  },
};
