import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Document ids in Strapi's own shape: 24 lower-case letters and digits. */
export function newDocumentId(): string {
  return Array.from(randomBytes(24), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/**
 * A Message-ID (RFC 5322) fixed when the mail is written: a retry after a lost answer from
 * the SMTP server sends the same id again, so receiving systems can recognise the duplicate.
 */
export function messageIdFor(documentId: string, from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim().toLowerCase() || 'hiring-desk.local';
  return `<${documentId}@${domain}>`;
}
