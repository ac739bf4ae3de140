import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import type { Transporter } from 'nodemailer';
import { clock } from '@desk/plugin-workflow';

import { retryDelayMs } from './backoff';
import { readConfig, type OutboxConfig } from './config';
import { MESSAGE_UID, type OutboxMessage } from './message';
import { MAX_CONNECTIONS, type Transports } from './transports';

/** How long a claim holds a mail; a worker that dies mid-send gives it up after this. */
export const LEASE_MS = 2 * 60_000;

/**
 * Mails claimed together: three per pooled connection, so that even at the socket timeout
 * (30 s a mail) the chunk is sent before its two-minute lease ends.
 */
const CHUNK = MAX_CONNECTIONS * 3;

export interface BatchOptions {
  /** The moment to act at; the desk's clock when left out. */
  now?: Date;
  /** At most this many mails per run. */
  limit?: number;
}

export interface BatchCounts {
  claimed: number;
  sent: number;
  failed: number;
  retried: number;
}

type Outcome = 'sent' | 'failed' | 'retried';

const messages = (strapi: Core.Strapi) => strapi.db.query(MESSAGE_UID as never);

/** The conditions under which a mail may be claimed: due, or its claim has lapsed. */
const claimable = (now: Date) => ({
  $or: [
    { status: 'queued', nextAttemptAt: { $lte: now } },
    { status: 'sending', leaseUntil: { $lt: now } },
  ],
});

/** The ids of the mails due now, oldest first; the mails themselves are read once claimed. */
async function findDue(
  strapi: Core.Strapi,
  now: Date,
  limit: number,
): Promise<Array<{ id: number }>> {
  return (await messages(strapi).findMany({
    where: claimable(now),
    select: ['id'],
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    limit,
  })) as Array<{ id: number }>;
}

/**
 * Claims a chunk of mails with one conditional update that stamps them with this run's
 * token. When two workers (or two CMS processes) saw the same rows, each row matches only
 * the first update, so only one of them sends it. The attempt is counted before the send.
 */
async function claimChunk(
  strapi: Core.Strapi,
  rows: Array<{ id: number }>,
  now: Date,
): Promise<OutboxMessage[]> {
  const claimToken = randomUUID();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const ids = rows.map((row) => row.id);
  const { count } = await messages(strapi).updateMany({
    where: { id: { $in: ids }, ...claimable(now) },
    data: { status: 'sending', leaseUntil, claimToken },
  });
  if (count === 0) return [];

  // By id as well as token: the token has no index, and the table keeps every mail ever sent.
  const { tableName, attributes } = strapi.db.metadata.get(MESSAGE_UID) as any;
  const column = (name: string) => attributes[name].columnName ?? name;
  await strapi.db
    .connection(tableName)
    .whereIn('id', ids)
    .where(column('claimToken'), claimToken)
    .increment(column('attempts'), 1);

  return (await messages(strapi).findMany({
    where: { id: { $in: ids }, claimToken },
    orderBy: [{ id: 'asc' }],
  })) as OutboxMessage[];
}

/** Only the holder of the claim may record the outcome; a lapsed claim was taken over. */
async function settle(strapi: Core.Strapi, rows: OutboxMessage[], data: Record<string, unknown>) {
  if (rows.length === 0) return;
  await messages(strapi).updateMany({
    where: {
      id: { $in: rows.map((row) => row.id) },
      status: 'sending',
      claimToken: rows[0].claimToken,
    },
    data: { leaseUntil: null, claimToken: null, ...data },
  });
}

/** One line of the SMTP error, without anything that looks like a password in a URL. */
function shortError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const line = String(message ?? error)
    .split('\n')[0]
    .replace(/\/\/[^/@\s]+@/g, '//***@');
  return (code && !line.includes(code) ? `${code}: ${line}` : line).slice(0, 500);
}

async function recordFailure(
  strapi: Core.Strapi,
  config: OutboxConfig,
  row: OutboxMessage,
  now: Date,
  error: unknown,
): Promise<Outcome> {
  const lastError = shortError(error);

  if (row.attempts >= config.maxAttempts) {
    await settle(strapi, [row], { status: 'failed', nextAttemptAt: null, lastError });
    // Ids only: the address, subject and body are personal data.
    strapi.log.warn(
      `Outbox message ${row.documentId} was not sent after ${row.attempts} attempts; ` +
        'it is marked failed.',
    );
    return 'failed';
  }

  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(row.attempts));
  await settle(strapi, [row], { status: 'queued', nextAttemptAt, lastError });
  strapi.log.debug(`Outbox message ${row.documentId} will be retried (attempt ${row.attempts}).`);
  return 'retried';
}

/**
 * Sends one claimed mail with the Message-ID it was written with. If the process dies
 * between the server's answer and the "sent" record, the mail goes out again once the claim
 * lapses, with that same Message-ID, which lets receiving systems drop the copy.
 */
async function deliver(
  strapi: Core.Strapi,
  transport: Transporter,
  config: OutboxConfig,
  row: OutboxMessage,
  now: Date,
): Promise<Outcome> {
  try {
    await transport.sendMail({
      from: config.from,
      to: row.toName ? { name: row.toName, address: row.to } : row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      messageId: row.messageId,
      // RFC 3834: tells auto-responders not to answer a machine-written mail.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  } catch (error) {
    return recordFailure(strapi, config, row, now, error);
  }
  // Recorded with the rest of its chunk, in one update.
  return 'sent';
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}

/**
 * Claims and sends the mails that are due. A chunk is claimed just before it is sent, small
 * enough for the pooled connections to send well inside the lease, so no claim lapses while
 * it waits its turn; the sent ones of a chunk are recorded together.
 */
export async function processBatch(
  strapi: Core.Strapi,
  transports: Transports,
  options: BatchOptions = {},
): Promise<BatchCounts> {
  const counts: BatchCounts = { claimed: 0, sent: 0, failed: 0, retried: 0 };
  const config = readConfig(strapi);
  // Without an SMTP server there is nothing to send through; queued mail waits for one.
  if (!config.smtpUrl) return counts;

  const transport = transports.get(config.smtpUrl);
  const at = () => options.now ?? clock.now();
  const due = await findDue(strapi, at(), options.limit ?? 50);

  for (const chunk of chunksOf(due, CHUNK)) {
    const now = at();
    const claimed = await claimChunk(strapi, chunk, now);
    counts.claimed += claimed.length;

    const outcomes = await Promise.all(
      claimed.map((row) => deliver(strapi, transport, config, row, now)),
    );
    const sent = claimed.filter((_, index) => outcomes[index] === 'sent');
    await settle(strapi, sent, {
      status: 'sent',
      sentAt: now,
      nextAttemptAt: null,
      lastError: null,
    });
    for (const outcome of outcomes) counts[outcome] += 1;
  }
  return counts;
}
