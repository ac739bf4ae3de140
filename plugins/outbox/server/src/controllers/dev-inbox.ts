import type { Core } from '@strapi/strapi';

import { devInboxIsOpen, readConfig } from '../config';
import type { OutboxMessage } from '../message';

type Context = { query: Record<string, unknown>; body: unknown; notFound: () => void };

/** What the inbox page shows of a mail: no attempts, errors or keys. */
function entryOf(message: OutboxMessage) {
  const { id, documentId, to, subject, template, locale, status, createdAt, html, text } = message;
  return { id, documentId, to, subject, template, locale, status, createdAt, html, text };
}

/** The development inbox: mail kept on a machine without SMTP, for people trying the desk. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    // Anywhere mail really leaves, the page does not exist: it would show anyone's mail.
    if (!devInboxIsOpen(readConfig(strapi))) return ctx.notFound();

    const limit = Number(ctx.query.limit ?? 50);
    const messages = await strapi.plugin('outbox').service('outbox').devInbox({ limit });
    ctx.body = { data: messages.map(entryOf) };
  },
});
