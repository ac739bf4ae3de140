import type { MailTemplate } from '../types';

/** Shares the desk's answer to a question on a request with every supplier who can see it. */
export const requestQuestionAnswered: MailTemplate = {
  required: ['number', 'title', 'question', 'answer', 'actionUrl'],
  action: { url: 'actionUrl' },
  nl: {
    subject: 'Vraag beantwoord bij {{number}}: {{title}}',
    paragraphs: [
      'Er is een vraag gesteld over aanvraag {{number}}, {{title}}. Het antwoord geldt voor alle leveranciers.',
      'Vraag: {{question}}',
      'Antwoord: {{answer}}',
    ],
    actionLabel: 'Aanvraag bekijken',
  },
  en: {
    subject: 'Question answered on {{number}}: {{title}}',
    paragraphs: [
      'A question was asked about request {{number}}, {{title}}. The answer applies to every supplier.',
      'Question: {{question}}',
      'Answer: {{answer}}',
    ],
    actionLabel: 'View the request',
  },
};
