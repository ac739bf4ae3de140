import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clock } from '@desk/plugin-workflow';

import { readConfig } from './config';
import { messageIdFor, newDocumentId } from './ids';
import { MESSAGE_UID, type OutboxMessage } from './message';
import {
  LOCALES,
  renderMail,
  type ClientBranding,
  type Locale,
  type TemplateData,
} from './templates';

export interface EnqueueInput {
  to: string;
  toName?: string | null;
  /** The recipient's language; the desk's default language when left out. */
  locale?: Locale | null;
  template: string;
  data: TemplateData;
  /** The client whose branding the mail wears; null or left out for the neutral desk look. */
  client?: ClientBranding | null;
  /** Makes a retried step harmless: a second mail with the same key is not written. */
  dedupeKey?: string | null;
}

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

function checkRecipient(input: EnqueueInput): { to: string; toName: string | null } {
  const to = typeof input.to === 'string' ? input.to.trim() : '';
  // The address itself stays out of the message: errors end up in logs.
  if (!EMAIL.test(to) || to.length > 254) {
    throw new errors.ValidationError('The recipient of the mail has no valid e-mail address.', {
      code: 'MAIL_RECIPIENT_INVALID',
    });
  }

  // A name goes into the To header; line breaks there could add headers of their own.
  const name = input.toName?.replace(/[\r\n\t]+/g, ' ').trim() ?? '';
  return { to, toName: name.slice(0, 200) || null };
}

function localeOf(input: EnqueueInput, fallback: Locale): Locale {
  const locale = input.locale ?? fallback;
  if (LOCALES.includes(locale)) return locale;

  const allowed = LOCALES.join(' or ');
  throw new errors.ValidationError(`Mails are written in ${allowed}, not in "${locale}".`, {
    code: 'MAIL_LOCALE_INVALID',
  });
}

function dedupeKeyOf(input: EnqueueInput): string | null {
  const key = input.dedupeKey?.trim();
  if (!key) return null;
  if (key.length <= 200) return key;

  throw new errors.ValidationError('A mail dedupe key has at most 200 characters.', {
    code: 'MAIL_DEDUPE_KEY_INVALID',
  });
}

/** SQLite and PostgreSQL each name a broken unique index their own way. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Renders the mail now and writes it in the caller's running transaction, if any, so the mail
 * exists exactly when the change that caused it does. A bad template call writes nothing.
 */
export async function enqueueMail(
  strapi: Core.Strapi,
  input: EnqueueInput,
): Promise<OutboxMessage> {
  const config = readConfig(strapi);
  const recipient = checkRecipient(input);
  const locale = localeOf(input, config.defaultLocale);
  const dedupeKey = dedupeKeyOf(input);
  const mail = renderMail({
    template: input.template,
    locale,
    data: input.data ?? {},
    client: input.client,
    portalUrl: config.portalUrl,
  });

  const messages = strapi.db.query(MESSAGE_UID as never);
  if (dedupeKey) {
    const existing = await messages.findOne({ where: { dedupeKey } });
    if (existing) return existing as OutboxMessage;
  }

  const now = clock.now();
  const documentId = newDocumentId();
  const data = {
    documentId,
    ...recipient,
    locale,
    template: input.template,
    ...mail,
    clientSlug: input.client?.slug ?? null,
    // Without an SMTP server the mail is kept for the development inbox and never sent.
    status: config.smtpUrl ? 'queued' : 'kept',
    attempts: 0,
    nextAttemptAt: config.smtpUrl ? now : null,
    messageId: messageIdFor(documentId, config.from),
    dedupeKey,
    publishedAt: now,
  };

  try {
    return (await messages.create({ data })) as OutboxMessage;
  } catch (error) {
    if (!dedupeKey || !isUniqueViolation(error)) throw error;
    // Two steps with one key wrote at the same moment (PostgreSQL); the other one's mail stands.
    throw new errors.ApplicationError(
      'This mail is being written by another step at the same moment; try again.',
      { code: 'MAIL_DUPLICATE', dedupeKey },
    );
  }
}
