import type { MailTemplate } from '../types';

/** Asks a client's hiring managers and budget holders to approve a request the desk prepared. */
export const requestApprovalRequested: MailTemplate = {
  required: ['number', 'title', 'actionUrl'],
  optional: ['segment', 'startDate'],
  action: { url: 'actionUrl' },
  nl: {
    subject: 'Aanvraag {{number}} wacht op uw goedkeuring',
    paragraphs: [
      'De desk heeft aanvraag {{number}}, {{title}}, voorbereid.',
      'Segment: {{segment}}',
      'Start: {{startDate}}',
      'Na uw goedkeuring wordt de aanvraag verspreid onder de leveranciers van het segment. Klopt er iets niet, stuur haar dan terug met een reden.',
    ],
    actionLabel: 'Aanvraag beoordelen',
  },
  en: {
    subject: 'Request {{number}} awaits your approval',
    paragraphs: [
      'The desk has prepared request {{number}}, {{title}}.',
      'Segment: {{segment}}',
      'Start: {{startDate}}',
      "Once you approve it, it is distributed to the segment's suppliers. If something is wrong, send it back with a reason.",
    ],
    actionLabel: 'Review the request',
  },
};
