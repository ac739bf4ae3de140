import type { Core } from '@strapi/strapi';

import { defaultConfig, readConfig, validateConfig } from './config';
import contentTypes from './content-types';
import devInbox from './controllers/dev-inbox';
import { refuseMessageWrites } from './middleware';
import routes from './routes';
import outbox from './services/outbox';
import worker from './services/worker';

export { MESSAGE_UID } from './message';
export type { MessageStatus, OutboxMessage } from './message';
export type { EnqueueInput } from './enqueue';
export type { BatchCounts, BatchOptions } from './delivery';
export type { OutboxConfig } from './config';
export { TEMPLATES } from './templates';
export type { ClientBranding, Locale, TemplateData } from './templates';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(refuseMessageWrites);
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (!readConfig(strapi).jobsEnabled) {
      strapi.log.info('The mail worker is off in this process (JOBS_ENABLED=false).');
      return;
    }
    strapi.plugin('outbox').service('worker').start();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('outbox').service('worker').stop();
    strapi.plugin('outbox').service('outbox').close();
  },

  config: { default: defaultConfig, validator: validateConfig },
  contentTypes,
  services: { outbox, worker },
  controllers: { devInbox },
  routes,
};
