import { errors } from '@strapi/utils';

import { MESSAGE_UID } from './message';

type DocumentContext = { uid: string; action: string };

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/**
 * Keeps outbox messages read-only for the admin, the REST API and services: a mail edited
 * after it was written would no longer be the mail its change caused. The outbox itself
 * writes through the query engine, which does not pass here.
 */
export async function refuseMessageWrites(ctx: DocumentContext, next: () => Promise<any>) {
  if (ctx.uid !== MESSAGE_UID || READS.has(ctx.action)) return next();

  throw new errors.PolicyError(
    'Outbox messages are written and sent by the hiring desk itself; they cannot be added, ' +
      'changed or removed. To send another mail, repeat the step that sends it.',
    { code: 'OUTBOX_READ_ONLY', action: ctx.action },
  );
}
