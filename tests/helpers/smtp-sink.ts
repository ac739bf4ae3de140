import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

/** One mail as the SMTP server received it. */
export interface ReceivedMail {
  messageId: string | null;
  subject: string | null;
  from: string | null;
  to: string[];
  raw: string;
}

/** A header's value from a raw message, with folded lines joined (RFC 5322 section 2.2.3). */
function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head
    .split(/\r?\n/)
    .find((row) => row.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

/**
 * A real SMTP server on loopback that keeps what it receives. It can be stopped and started
 * again on the same port, to play an SMTP relay that is down for a while.
 */
export function createSmtpSink() {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  let port = 0;

  const newServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Pooled client connections stay open; a short grace period keeps stop() quick.
      closeTimeout: 100,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          received.push({
            messageId: header(raw, 'Message-ID'),
            subject: header(raw, 'Subject'),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
          });
          callback();
        });
      },
    });

  return {
    received,

    /** Listens on the given port, or on a free one the first time; resolves with the port. */
    async start(onPort = port): Promise<number> {
      if (server) throw new Error('The SMTP sink is already running.');
      const next = newServer();
      await new Promise<void>((resolve, reject) => {
        next.server.once('error', reject);
        next.listen(onPort, '127.0.0.1', () => resolve());
      });
      server = next;
      port = (next.server.address() as AddressInfo).port;
      return port;
    },

    async stop(): Promise<void> {
      const running = server;
      server = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },

    get port(): number {
      return port;
    },

    get url(): string {
      return `smtp://127.0.0.1:${port}`;
    },

    clear(): void {
      received.length = 0;
    },
  };
}

export type SmtpSink = ReturnType<typeof createSmtpSink>;
