import nodemailer, { type Transporter } from 'nodemailer';

/** At most this many mails go to the SMTP server at once, each over its own connection. */
export const MAX_CONNECTIONS = 10;

/**
 * Short timeouts: a worker holds a claimed mail for two minutes, and nodemailer's own
 * defaults (two minutes to connect, ten of silence) would let a claim lapse mid-send.
 */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** Pooled SMTP transports, one per server address, kept open between worker runs. */
export function createTransports() {
  const pools = new Map<string, Transporter>();

  return {
    get(url: string): Transporter {
      let pool = pools.get(url);
      if (!pool) {
        // The options object (not a second argument, which nodemailer reads as message
        // defaults) is what turns pooling on for a connection URL.
        pool = nodemailer.createTransport({
          url,
          pool: true,
          maxConnections: MAX_CONNECTIONS,
          ...TIMEOUTS,
        });
        pools.set(url, pool);
      }
      return pool;
    },

    closeAll(): void {
      for (const pool of pools.values()) pool.close();
      pools.clear();
    },
  };
}

export type Transports = ReturnType<typeof createTransports>;
