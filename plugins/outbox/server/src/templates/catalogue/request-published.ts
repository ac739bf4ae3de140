import type { MailTemplate } from '../types';

/** Tells a supplier's consultants that a request in one of their segments is open. */
export const requestPublished: MailTemplate = {
  required: ['number', 'title', 'client', 'closesAt', 'actionUrl'],
  optional: ['segment', 'location'],
  action: { url: 'actionUrl' },
  nl: {
    subject: 'Nieuwe aanvraag {{number}}: {{title}}',
    paragraphs: [
      '{{client}} heeft een nieuwe aanvraag uitgezet: {{number}}, {{title}}.',
      'Segment: {{segment}}',
      'Locatie: {{location}}',
      'Reageren kan tot {{closesAt}} (Nederlandse tijd).',
    ],
    actionLabel: 'Aanvraag bekijken',
  },
  en: {
    subject: 'New request {{number}}: {{title}}',
    paragraphs: [
      '{{client}} has published a new request: {{number}}, {{title}}.',
      'Segment: {{segment}}',
      'Location: {{location}}',
      'You can respond until {{closesAt}} (Dutch time).',
    ],
    actionLabel: 'View the request',
  },
};
