import type { MailTemplate } from '../types';

/** Tells a supplier's consultants that one of their candidates moved in the selection. */
export const proposalStatusChanged: MailTemplate = {
  required: ['proposal', 'candidate', 'request', 'from', 'to'],
  optional: ['reason', 'actionUrl'],
  action: { url: 'actionUrl' },
  nl: {
    subject: '{{proposal}} {{candidate}}: {{to}}',
    paragraphs: [
      'De status van kandidaat {{candidate}} ({{proposal}}) op aanvraag {{request}} is gewijzigd ' +
        'van {{from}} naar {{to}}.',
      'Toelichting: {{reason}}',
    ],
    actionLabel: 'Kandidaat bekijken',
  },
  en: {
    subject: '{{proposal}} {{candidate}}: {{to}}',
    paragraphs: [
      'The status of candidate {{candidate}} ({{proposal}}) on request {{request}} changed ' +
        'from {{from}} to {{to}}.',
      'Note: {{reason}}',
    ],
    actionLabel: 'View the candidate',
  },
};
