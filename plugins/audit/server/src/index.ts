import type { Core } from '@strapi/strapi';
import { shapeAdminLayout } from '@desk/plugin-workflow';

import contentTypes from './content-types';
import { createAuditMiddleware } from './middleware';
import audit, { ENTRY_UID } from './services/audit';

export { ENTRY_UID };

/** The desk's own plugins whose records are audited, and the portal users. */
const AUDITED_PREFIXES = [
  'plugin::organisations.',
  'plugin::requests.',
  'plugin::assignments.',
  'plugin::compliance.',
  'plugin::billing.',
  'plugin::das.',
  'plugin::files.',
  'plugin::users-permissions.user',
  // Sign-in factors: the desk deletes them for a lost phone, and that must be traceable.
  'plugin::accounts.factor',
];

const isAudited = (uid: string) => AUDITED_PREFIXES.some((prefix) => uid.startsWith(prefix));

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(createAuditMiddleware(strapi, isAudited));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const service = strapi.plugin('audit').service('audit');
    strapi
      .plugin('workflow')
      .service('workflow')
      .onTransition((event: any) => service.recordTransition(event));

    // The desk browses the trail in the content manager: newest first, filterable by column.
    await shapeAdminLayout(strapi, {
      uid: ENTRY_UID,
      list: ['at', 'action', 'entity', 'record', 'fromStatus', 'toStatus', 'actor'],
      sortBy: 'at',
      sortOrder: 'DESC',
      mainField: 'record',
      labels: {
        at: 'When',
        actor: 'Who',
        fromStatus: 'From status',
        toStatus: 'To status',
        changedFields: 'Changed fields',
      },
    });
  },

  contentTypes,
  services: { audit },
};
