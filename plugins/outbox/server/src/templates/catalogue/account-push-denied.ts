import type { MailTemplate } from '../types';

/** Warns that a sign-in with the right password was denied on the user's phone. */
export const accountPushDenied: MailTemplate = {
  required: ['name', 'at', 'browser', 'place'],
  nl: {
    subject: 'Iemand probeerde in te loggen op uw account',
    paragraphs: [
      'Beste {{name}},',
      'Op {{at}} probeerde iemand in te loggen op uw account met {{browser}} ' +
        '(plaats: {{place}}). Deze poging is op uw telefoon geweigerd.',
      'Was u dit niet? Dan kent iemand anders uw wachtwoord. Wijzig het direct.',
    ],
  },
  en: {
    subject: 'Someone tried to sign in to your account',
    paragraphs: [
      'Dear {{name}},',
      'On {{at}} someone tried to sign in to your account with {{browser}} ' +
        '(place: {{place}}). The attempt was denied on your phone.',
      'Was this not you? Then someone else knows your password. Change it at once.',
    ],
  },
};
