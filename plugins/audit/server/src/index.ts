import type { Core } from '@strapi/strapi';

import contentTypes from './content-types';
import { createAuditMiddleware } from './middleware';
import audit from './services/audit';

export { ENTRY_UID } from './services/audit';

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
];

const isAudited = (uid: string) => AUDITED_PREFIXES.some((prefix) => uid.startsWith(prefix));

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(createAuditMiddleware(strapi, isAudited));
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const service = strapi.plugin('audit').service('audit');
    strapi.plugin('workflow').service('workflow').onTransition((event: any) => service.recordTransition(event));
  },

  contentTypes,
  services: { audit },
};
