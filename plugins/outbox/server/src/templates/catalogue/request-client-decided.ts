import type { MailTemplate } from '../types';

/** Tells the desk that the client approved a request, which it may now publish. */
export const requestClientApproved: MailTemplate = {
  required: ['number', 'title', 'client', 'by'],
  nl: {
    subject: 'Aanvraag {{number}} goedgekeurd door {{client}}',
    paragraphs: [
      '{{by}} van {{client}} heeft aanvraag {{number}}, {{title}}, goedgekeurd.',
      'De aanvraag staat op goedgekeurd en kan nu worden gepubliceerd.',
    ],
  },
  en: {
    subject: 'Request {{number}} approved by {{client}}',
    paragraphs: [
      '{{by}} of {{client}} approved request {{number}}, {{title}}.',
      'The request is approved and can now be published.',
    ],
  },
};

/** Tells the desk that the client sent a request back, and why. */
export const requestClientReturned: MailTemplate = {
  required: ['number', 'title', 'client', 'by', 'reason'],
  nl: {
    subject: 'Aanvraag {{number}} teruggestuurd door {{client}}',
    paragraphs: [
      '{{by}} van {{client}} heeft aanvraag {{number}}, {{title}}, teruggestuurd.',
      'Reden: {{reason}}',
      'De aanvraag staat weer op concept. Pas haar aan en vraag opnieuw om goedkeuring.',
    ],
  },
  en: {
    subject: 'Request {{number}} sent back by {{client}}',
    paragraphs: [
      '{{by}} of {{client}} sent request {{number}}, {{title}}, back.',
      'Reason: {{reason}}',
      'The request is a draft again. Change it and ask for approval again.',
    ],
  },
};
