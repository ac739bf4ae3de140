import type { MailTemplate } from '../types';

/** Confirms a changed password, so the owner notices a change they did not make. */
export const accountPasswordChanged: MailTemplate = {
  required: ['name'],
  nl: {
    subject: 'Uw wachtwoord is gewijzigd',
    paragraphs: [
      'Beste {{name}},',
      'Het wachtwoord van uw account is zojuist gewijzigd. Andere sessies zijn beëindigd.',
      'Was u dit niet? Neem dan direct contact op met de inhuurdesk.',
    ],
  },
  en: {
    subject: 'Your password was changed',
    paragraphs: [
      'Dear {{name}},',
      'The password of your account was just changed. Other sessions were ended.',
      'Was it not you? Then contact the hiring desk at once.',
    ],
  },
};
