import type { Core } from '@strapi/strapi';

import { handle } from '../../lib/errors';
import { visitorOf } from '../../lib/visitor';
import { attemptNotFound } from '../errors';
import { readAttemptId, readAutoPosition, readDecision } from '../read';

/** The companion on the phone; it proves itself with its device token, not a user session. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const devices = () => strapi.plugin('accounts').service('pushDevices');
  const attempts = () => strapi.plugin('accounts').service('pushAttempts');

  const deviceOf = (ctx: any) => devices().authenticate(ctx.request.headers['x-desk-device']);

  /** The paired factor of the calling device and the attempt id from the path, or the refusal. */
  async function pairedRequest(ctx: any) {
    const factor = await devices().pairedFactor(await deviceOf(ctx));
    const attemptId = readAttemptId(ctx);
    if (!attemptId) throw attemptNotFound();
    return { factor, attemptId };
  }

  return {
    /** POST /companion/devices → a new unpaired device, its token and a two-word phrase. */
    createDevice: handle(async (ctx) => {
      ctx.status = 201;
      ctx.body = { data: await devices().create(visitorOf(ctx).ip) };
    }),

    /** GET /companion/devices/me → paired to whom, or the phrase to type on the account page. */
    me: handle(async (ctx) => {
      ctx.body = { data: await devices().describe(await deviceOf(ctx)) };
    }),

    /** GET /companion/attempts → the sign-ins waiting for this phone's user. */
    list: handle(async (ctx) => {
      const factor = await devices().pairedFactor(await deviceOf(ctx));
      ctx.body = { data: await attempts().pendingFor(factor) };
    }),

    /** POST /companion/attempts/:attempt { decision, number, position?, alwaysHere? }. */
    decide: handle(async (ctx) => {
      const decision = readDecision(ctx);
      const { factor, attemptId } = await pairedRequest(ctx);
      ctx.body = { data: await attempts().decide(factor, attemptId, decision) };
    }),

    /** POST /companion/attempts/:attempt/auto { position } → approved inside an approved area. */
    auto: handle(async (ctx) => {
      const position = readAutoPosition(ctx);
      const { factor, attemptId } = await pairedRequest(ctx);
      ctx.body = { data: await attempts().auto(factor, attemptId, position) };
    }),
  };
};
