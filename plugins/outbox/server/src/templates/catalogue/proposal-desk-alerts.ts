import type { MailTemplate } from '../types';

/** Warns the desk that one person is proposed on one request by more than one supplier. */
export const proposalDualRepresentation: MailTemplate = {
  required: ['proposal', 'candidate', 'request', 'detail'],
  nl: {
    subject: 'Dubbele voordracht: {{candidate}} op {{request}}',
    paragraphs: [
      'Kandidaat {{candidate}} ({{proposal}}) is op aanvraag {{request}} voorgesteld door meer dan ' +
        'één leverancier.',
      '{{detail}}',
      'Beoordeel welke voordracht geldt voordat de kandidaat aan de opdrachtgever wordt voorgelegd.',
    ],
  },
  en: {
    subject: 'Dual representation: {{candidate}} on {{request}}',
    paragraphs: [
      'Candidate {{candidate}} ({{proposal}}) on request {{request}} is proposed by more than one ' +
        'supplier.',
      '{{detail}}',
      'Decide which proposal stands before the candidate is submitted to the client.',
    ],
  },
};

/** Tells the desk a supplier withdrew a candidate after the request closed. */
export const proposalLateWithdrawal: MailTemplate = {
  required: ['proposal', 'candidate', 'request', 'detail'],
  nl: {
    subject: 'Teruggetrokken na sluiting: {{candidate}} op {{request}}',
    paragraphs: [
      'De leverancier heeft kandidaat {{candidate}} ({{proposal}}) op aanvraag {{request}} ' +
        'teruggetrokken na de sluitingsdatum.',
      '{{detail}}',
    ],
  },
  en: {
    subject: 'Withdrawn after closing: {{candidate}} on {{request}}',
    paragraphs: [
      'The supplier withdrew candidate {{candidate}} ({{proposal}}) on request {{request}} after ' +
        'the closing date.',
      '{{detail}}',
    ],
  },
};
