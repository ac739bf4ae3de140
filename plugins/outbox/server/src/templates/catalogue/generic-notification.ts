import type { MailTemplate } from '../types';

/** A message of a title and free text, for notices that need no template of their own. */
export const genericNotification: MailTemplate = {
  required: ['title', 'body'],
  optional: ['actionUrl', 'actionLabel'],
  action: { url: 'actionUrl', label: 'actionLabel' },
  nl: {
    subject: '{{title}}',
    paragraphs: ['{{body}}'],
    actionLabel: 'Bekijken',
  },
  en: {
    subject: '{{title}}',
    paragraphs: ['{{body}}'],
    actionLabel: 'View',
  },
};
