import type { Core } from '@strapi/strapi';

import { handle } from '../../lib/errors';
import { visitorOf } from '../../lib/visitor';
import { attemptNotFound } from '../errors';
import { readAttemptId, readChallenge, readEnrolment } from '../read';

/** Sign-in with push: start an attempt, poll it until the companion answers; or enrol a phone. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('accounts').service(name);

  return {
    /** POST /sign-in/push { challenge } → { attempt, number, expiresAt }. */
    start: handle(async (ctx) => {
      const challenge = readChallenge(ctx.request.body);
      ctx.body = { data: await service('pushAttempts').start(challenge, visitorOf(ctx)) };
    }),

    /**
     * GET /sign-in/push/:attempt?challenge=… → { state } and, once approved, jwt and session.
     * The challenge may come as header x-desk-challenge instead: request logs keep query strings.
     */
    state: handle(async (ctx) => {
      const header = ctx.request.headers['x-desk-challenge'];
      const challenge = readChallenge(header ? { challenge: header } : ctx.query);
      const attemptId = readAttemptId(ctx);
      if (!attemptId) throw attemptNotFound();
      const visitor = visitorOf(ctx);
      ctx.body = { data: await service('pushAttempts').state(attemptId, challenge, visitor) };
    }),

    /** POST /sign-in/enrol/push { challenge, phrase, label? } → { stage: 'done', jwt, session }. */
    enrol: handle(async (ctx) => {
      const { challenge, phrase, label } = readEnrolment(ctx);
      const visitor = visitorOf(ctx);
      const { row, user } = await service('sign-in').resolveChallenge(challenge, visitor, 'enrol');

      ctx.body = {
        data: await strapi.db.transaction(async () => {
          const pairing = { user, keepSessionId: null, phrase, label };
          await service('pushDevices').pairDuringSignIn(pairing);
          return service('sign-in').finish(row, user.id, visitor);
        }),
      };
    }),
  };
};
