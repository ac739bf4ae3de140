import type { MailTemplate } from '../types';

/** Tells the people involved that a record moved to another status, and why when known. */
export const workflowStatusChanged: MailTemplate = {
  required: ['entity', 'record', 'from', 'to'],
  optional: ['reason', 'actionUrl'],
  action: { url: 'actionUrl' },
  nl: {
    subject: '{{entity}} {{record}}: {{to}}',
    paragraphs: [
      'De status van {{entity}} {{record}} is gewijzigd van {{from}} naar {{to}}.',
      'Reden: {{reason}}',
    ],
    actionLabel: 'Bekijken in het portaal',
  },
  en: {
    subject: '{{entity}} {{record}}: {{to}}',
    paragraphs: [
      'The status of {{entity}} {{record}} changed from {{from}} to {{to}}.',
      'Reason: {{reason}}',
    ],
    actionLabel: 'View in the portal',
  },
};
