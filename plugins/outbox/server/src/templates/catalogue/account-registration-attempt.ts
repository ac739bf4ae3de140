import type { MailTemplate } from '../types';

/**
 * Tells the owner of an address that someone tried to register with it; the registration
 * form answers the same either way, so only the owner learns the address is known.
 */
export const accountRegistrationAttempt: MailTemplate = {
  required: ['name', 'link'],
  action: { url: 'link' },
  nl: {
    subject: 'Poging tot registratie met uw e-mailadres',
    paragraphs: [
      'Beste {{name}},',
      'Iemand probeerde zich te registreren met uw e-mailadres, maar u heeft al een account. ' +
        'Was u dit zelf? Log dan in, of kies een nieuw wachtwoord als u het vergeten bent.',
      'Was u dit niet? Dan hoeft u niets te doen; er is niets gewijzigd.',
    ],
    actionLabel: 'Inloggen',
  },
  en: {
    subject: 'Someone tried to register with your e-mail address',
    paragraphs: [
      'Dear {{name}},',
      'Someone tried to register with your e-mail address, but you already have an account. ' +
        'Was it you? Then sign in, or choose a new password if you forgot it.',
      'Was it not you? Then there is nothing to do; nothing was changed.',
    ],
    actionLabel: 'Sign in',
  },
};
