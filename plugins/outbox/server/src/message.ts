import type { Locale } from './templates';

export const MESSAGE_UID = 'plugin::outbox.message';

/**
 * queued: waits for the worker; sending: claimed by a worker until leaseUntil;
 * sent: accepted by the SMTP server; kept: held in the development inbox, never sent;
 * failed: given up after the maximum attempts.
 */
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'kept' | 'failed';

export interface OutboxMessage {
  id: number;
  documentId: string;
  to: string;
  toName: string | null;
  locale: Locale;
  template: string;
  subject: string;
  text: string;
  html: string;
  clientSlug: string | null;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: Date | string | null;
  leaseUntil: Date | string | null;
  /** Which worker run holds the mail while it is being sent. */
  claimToken?: string | null;
  lastError: string | null;
  sentAt: Date | string | null;
  messageId: string;
  dedupeKey: string | null;
  createdAt: Date | string;
}
