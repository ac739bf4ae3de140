import type { Core } from '@strapi/strapi';

type Query = (this: unknown, connection: object, query: unknown) => Promise<unknown>;

/**
 * Sends a PostgreSQL connection its next query only once the one before has answered.
 *
 * Inside a transaction every query goes over the transaction's one connection, and Strapi runs
 * the populates of a query side by side (`Promise.all`), so pg gets a query while another is
 * still running on that connection. pg queues it, but warns that it will refuse this from
 * pg 9. Here knex's PostgreSQL client waits for the connection's previous query first: the
 * same order pg's queue gives, without the second call. Outside a transaction a pooled
 * connection runs one query at a time anyway.
 */
export function oneQueryPerPostgresConnection(strapi: Core.Strapi): void {
  if (strapi.db.dialect.client !== 'postgres') return;
  // A transaction's client is made from the same prototype (knex's makeTxClient), so the
  // prototype is where every query passes.
  const prototype = Object.getPrototypeOf(strapi.db.connection.client) as { _query: Query };
  if ((prototype._query as { serialised?: boolean }).serialised) return;
  const send = prototype._query;
  const last = new WeakMap<object, Promise<unknown>>();

  const serialised: Query = function (connection, query) {
    const previous = last.get(connection) ?? Promise.resolve();
    const mine = previous.then(() => send.call(this, connection, query));
    // The next query waits for this one to end, answered or failed.
    last.set(
      connection,
      mine.catch(() => undefined),
    );
    return mine;
  };
  Object.assign(serialised, { serialised: true });
  prototype._query = serialised;
}
