import type { MailTemplate } from '../types';

/** Confirms that a companion phone now approves the user's sign-ins. */
export const accountPushPaired: MailTemplate = {
  required: ['name', 'label', 'pairedAt'],
  nl: {
    subject: 'Telefoon gekoppeld voor inloggen',
    paragraphs: [
      'Beste {{name}},',
      'Op {{pairedAt}} is de telefoon "{{label}}" aan uw account gekoppeld. Voortaan keurt u ' +
        'het inloggen goed op die telefoon. Uw andere sessies zijn beëindigd.',
      'Heeft u dit niet zelf gedaan? Wijzig dan direct uw wachtwoord en neem contact op met ' +
        'de inhuurdesk.',
    ],
  },
  en: {
    subject: 'Phone connected for signing in',
    paragraphs: [
      'Dear {{name}},',
      'On {{pairedAt}} the phone "{{label}}" was connected to your account. From now on you ' +
        'approve signing in on that phone. Your other sessions have been ended.',
      'Did you not do this yourself? Change your password at once and contact the hiring desk.',
    ],
  },
};
