import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { humanize } from '@desk/plugin-workflow';

import { CANDIDATE_UID } from './candidates';
import { sendFile } from './controllers';

/**
 * The desk's buttons in the content manager. Generic over every entity with a transition table,
 * so the request's buttons come with the proposal's. Admin routes: the actor is the admin user.
 */
export const selectionDesk = ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => strapi.plugin('workflow').service('workflow');

  /** The table of the uid in the path, if the admin user may edit that content type at all. */
  function tableFor(ctx: any) {
    const uid = String(ctx.params.uid ?? '');
    const table = workflow().table(uid);
    if (!table) throw new errors.NotFoundError(`${uid} has no statuses to move.`);
    const ability = ctx.state.userAbility;
    if (ability && !ability.can('plugin::content-manager.explorer.update', uid)) {
      throw new errors.PolicyError(`Your desk role may not change ${table.entity} records.`);
    }
    return table;
  }

  async function currentStatus(table: any, documentId: string): Promise<string> {
    const field = table.field ?? 'state';
    const row = (await strapi.db
      .query(table.uid)
      .findOne({ where: { documentId }, select: [field] })) as any;
    if (!row) throw new errors.NotFoundError(`There is no ${table.entity} ${documentId}.`);
    return row[field];
  }

  return {
    /** GET /requests/transitions/:uid/:documentId: the statuses the desk may move it to now. */
    async allowed(ctx: any) {
      const table = tableFor(ctx);
      const current = await currentStatus(table, ctx.params.documentId);
      const next = table.transitions
        .filter((move: any) => move.from === current && move.by.includes('desk'))
        .map((move: any) => ({ to: move.to, label: humanize(move.to) }));
      ctx.body = { data: { uid: table.uid, documentId: ctx.params.documentId, current, next } };
    },

    /** POST /requests/transitions/:uid/:documentId { to, reason? }: one move, as the admin user. */
    async move(ctx: any) {
      const table = tableFor(ctx);
      const { to, reason } = ctx.request.body ?? {};
      if (typeof to !== 'string' || !/^[a-z_]{1,60}$/.test(to)) {
        throw new errors.ValidationError('Say which status to move to, as "to".');
      }
      if (
        reason !== undefined &&
        reason !== null &&
        (typeof reason !== 'string' || reason.length > 2000)
      ) {
        throw new errors.ValidationError('A reason is text of at most 2000 characters.');
      }
      const event = await workflow().transition({
        uid: table.uid,
        documentId: ctx.params.documentId,
        to,
        reason: reason?.trim() || undefined,
      });
      ctx.body = {
        data: {
          documentId: event.documentId,
          record: event.recordLabel,
          from: event.from,
          to: event.to,
        },
      };
    },

    /** GET /requests/candidates/:documentId/cv: the desk reads every CV to assess it. */
    async cv(ctx: any) {
      const ability = ctx.state.userAbility;
      if (ability && !ability.can('plugin::content-manager.explorer.read', CANDIDATE_UID)) {
        throw new errors.PolicyError('Your desk role may not read candidates.');
      }
      const file = await strapi
        .plugin('requests')
        .service('selectionCandidates')
        .openCv(ctx.params.documentId, null);
      sendFile(ctx, file);
    },
  };
};
