import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { currentActor } from '../actors';

/** Builds a nested `where` from a dotted relation path: a.b + 7 -> { a: { b: { id: 7 } } }. */
function whereOwned(path: string, id: number): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { id });
}

/** Role attributes in words, for the refusal: isConsultant -> "consultant". */
const roleName = (attribute: string) =>
  attribute
    .replace(/^is/, '')
    .replace(/[A-Z]/g, (letter, at) => `${at ? ' ' : ''}${letter.toLowerCase()}`);

/**
 * Which organisation (or person) a portal user acts for, by the kind of user, and whether the
 * user holds one of the roles the table asks of that kind.
 */
async function ownerOf(
  strapi: Core.Strapi,
  userId: number,
  kind: string,
  roles: readonly string[],
) {
  // A worker acts for their own record: nothing to look up unless a role is asked of them.
  if (kind === 'worker' && roles.length === 0) return { id: userId, hasRole: true };
  const user = (await strapi.db.query('plugin::users-permissions.user' as any).findOne({
    where: { id: userId },
    populate: { supplier: { select: ['id'] }, client: { select: ['id'] } },
  })) as any;
  const id =
    kind === 'worker'
      ? userId
      : ((kind === 'client' ? user?.client?.id : user?.supplier?.id) ?? null);
  return { id, hasRole: roles.length === 0 || roles.some((role) => Boolean(user?.[role])) };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/workflow/:entity/:documentId/transitions { to, reason? } for portal users. */
  async move(ctx: any) {
    const workflow = strapi.plugin('workflow').service('workflow');
    const table = workflow.tables().find((one: any) => one.path === ctx.params.entity);
    const notFound = () =>
      ctx.notFound(`There is no ${table?.entity ?? 'record'} ${ctx.params.documentId}.`);
    if (!table) return notFound();

    const { to, reason } = ctx.request.body ?? {};
    if (typeof to !== 'string' || !/^[a-z_]{1,60}$/.test(to)) {
      throw new errors.ValidationError(
        'Say which status to move to, as "to": for example "approved".',
      );
    }
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) {
      throw new errors.ValidationError('A reason is text of at most 2000 characters.');
    }

    // A record of another organisation answers exactly like one that does not exist.
    const actor = currentActor(strapi);
    const kind = actor.kind as 'supplier' | 'client' | 'worker';
    const path = table.ownedBy?.[kind];
    const roles = table.portalRoles?.[kind] ?? [];
    const owner = path ? await ownerOf(strapi, Number(actor.id), actor.kind, roles) : null;
    if (!path || !owner || owner.id === null) return notFound();
    const record = await strapi.db.query(table.uid as any).findOne({
      where: { documentId: ctx.params.documentId, ...whereOwned(path, owner.id) },
      select: ['id'],
    });
    if (!record) return notFound();
    if (!owner.hasRole) {
      throw new errors.PolicyError(
        `Only a user with the ${roles.map(roleName).join(' or ')} role can change this ${table.entity}.`,
        { code: 'ROLE_REQUIRED' },
      );
    }

    const event = await workflow.transition({
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
});
