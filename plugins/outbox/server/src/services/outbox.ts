import type { Core } from '@strapi/strapi';

import { processBatch, type BatchCounts, type BatchOptions } from '../delivery';
import { enqueueMail, enqueueMails, type EnqueueInput } from '../enqueue';
import { MESSAGE_UID, type OutboxMessage } from '../message';
import { createTransports } from '../transports';

const INBOX_MAX = 200;

/** The outbox: write a mail with the change that causes it; the worker sends it later. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const transports = createTransports();

  return {
    /** Renders and writes one mail in the caller's transaction; returns the stored message. */
    enqueue(input: EnqueueInput): Promise<OutboxMessage> {
      return enqueueMail(strapi, input);
    },

    /** Writes many mails at once in the caller's transaction, skipping taken dedupe keys. */
    enqueueMany(inputs: EnqueueInput[]): Promise<{ written: number; skipped: number }> {
      return enqueueMails(strapi, inputs);
    },

    /** Claims the mails that are due and sends them; the worker calls this on its schedule. */
    processBatch(options: BatchOptions = {}): Promise<BatchCounts> {
      return processBatch(strapi, transports, options);
    },

    /** The latest mails of every status, newest first, for the development inbox. */
    async devInbox({ limit = 50 }: { limit?: number } = {}): Promise<OutboxMessage[]> {
      const size = Math.min(Math.max(Math.trunc(limit) || 1, 1), INBOX_MAX);
      return (await strapi.db.query(MESSAGE_UID as never).findMany({
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: size,
      })) as OutboxMessage[];
    },

    /** Closes the pooled SMTP connections; called when the plugin stops. */
    close(): void {
      transports.closeAll();
    },
  };
};
