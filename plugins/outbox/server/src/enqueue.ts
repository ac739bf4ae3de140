import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clock } from '@desk/plugin-workflow';

import { readConfig, type OutboxConfig } from './config';
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

/** Dedupe keys looked up per query: well below SQLite's limit on bound values. */
const KEY_CHUNK = 500;

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

type Render = (input: EnqueueInput, locale: Locale) => ReturnType<typeof renderMail>;

/** Renders straight away; a bulk write shares one rendering between mails that read alike. */
function renderer(config: OutboxConfig, share: boolean): Render {
  const cache = new Map<string, ReturnType<typeof renderMail>>();
  return (input, locale) => {
    const key = share ? JSON.stringify([input.template, locale, input.data, input.client]) : '';
    const known = share ? cache.get(key) : undefined;
    if (known) return known;

    const mail = renderMail({
      template: input.template,
      locale,
      data: input.data ?? {},
      client: input.client,
      portalUrl: config.portalUrl,
    });
    if (share) cache.set(key, mail);
    return mail;
  };
}

/** The stored row of one mail, checked and rendered; throws before anything is written. */
function rowOf(config: OutboxConfig, input: EnqueueInput, now: Date, render: Render) {
  const recipient = checkRecipient(input);
  const locale = localeOf(input, config.defaultLocale);
  const documentId = newDocumentId();

  return {
    documentId,
    ...recipient,
    locale,
    template: input.template,
    ...render(input, locale),
    clientSlug: input.client?.slug ?? null,
    // Without an SMTP server the mail is kept for the development inbox and never sent.
    status: config.smtpUrl ? 'queued' : 'kept',
    attempts: 0,
    nextAttemptAt: config.smtpUrl ? now : null,
    messageId: messageIdFor(documentId, config.from),
    dedupeKey: dedupeKeyOf(input),
    publishedAt: now,
  };
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
  const data = rowOf(config, input, clock.now(), renderer(config, false));

  const messages = strapi.db.query(MESSAGE_UID as never);
  if (data.dedupeKey) {
    const existing = await messages.findOne({ where: { dedupeKey: data.dedupeKey } });
    if (existing) return existing as OutboxMessage;
  }

  try {
    return (await messages.create({ data })) as OutboxMessage;
  } catch (error) {
    if (!data.dedupeKey || !isUniqueViolation(error)) throw error;
    // Two steps with one key wrote at the same moment (PostgreSQL); the other one's mail stands.
    throw new errors.ApplicationError(
      'This mail is being written by another step at the same moment; try again.',
      { code: 'MAIL_DUPLICATE', dedupeKey: data.dedupeKey },
    );
  }
}

/** Dedupe keys among the given ones that a mail already carries. */
async function keysTaken(strapi: Core.Strapi, keys: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let at = 0; at < keys.length; at += KEY_CHUNK) {
    const rows = await strapi.db.query(MESSAGE_UID as never).findMany({
      where: { dedupeKey: { $in: keys.slice(at, at + KEY_CHUNK) } },
      select: ['dedupeKey'],
    });
    for (const row of rows as Array<{ dedupeKey: string }>) taken.add(row.dedupeKey);
  }
  return taken;
}

/**
 * Writes many mails in bulk in the caller's transaction: every mail is checked first, mails
 * that read alike are rendered once, and a mail whose dedupe key is taken (already written,
 * or earlier in the list) is skipped. Thousands of mails take one pass of batched inserts.
 */
export async function enqueueMails(
  strapi: Core.Strapi,
  inputs: EnqueueInput[],
): Promise<{ written: number; skipped: number }> {
  const config = readConfig(strapi);
  const render = renderer(config, true);
  const now = clock.now();
  const rows = inputs.map((input) => rowOf(config, input, now, render));

  const keys = rows.map((row) => row.dedupeKey).filter((key): key is string => key !== null);
  const taken = await keysTaken(strapi, keys);
  const fresh = rows.filter((row) => {
    if (row.dedupeKey === null) return true;
    if (taken.has(row.dedupeKey)) return false;
    taken.add(row.dedupeKey);
    return true;
  });

  if (fresh.length) await strapi.db.query(MESSAGE_UID as never).createMany({ data: fresh });
  return { written: fresh.length, skipped: rows.length - fresh.length };
}
