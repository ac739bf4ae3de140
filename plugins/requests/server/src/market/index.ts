import type { Core } from '@strapi/strapi';
import type { ScheduledTask } from 'node-cron';
import { loadSettings } from '@desk/config';
import { allowSignedInUsers } from '@desk/plugin-workflow';

import { closeDueRequests, scheduleClosing } from './closing';
import controllers from './controllers';
import { answerMiddleware } from './questions';
import routes, { SIGNED_IN_ACTIONS } from './routes';

export { closeDueRequests };

let closing: ScheduledTask | null = null;

/**
 * The market half of the requests plugin: requests reach their segment's suppliers, who
 * read them, ask questions before closing, and see the awards. Merged by ../index.ts.
 */
export default {
  contentTypes: {} as Record<string, { schema: unknown }>,
  controllers: controllers as Record<string, unknown>,
  services: {
    marketClosing: ({ strapi }: { strapi: Core.Strapi }) => ({
      /** One run of the closing job; tests and operators call it by hand. */
      closeDueRequests: (options: { now?: Date } = {}) => closeDueRequests(strapi, options),
    }),
  } as Record<string, unknown>,
  routes: routes as unknown[],

  register: async ({ strapi }: { strapi: Core.Strapi }) => {
    strapi.documents.use(answerMiddleware(strapi));
  },

  bootstrap: async ({ strapi }: { strapi: Core.Strapi }) => {
    await allowSignedInUsers(strapi, SIGNED_IN_ACTIONS);
    if (!loadSettings().jobs.enabled) {
      strapi.log.info('Closing requests is off in this process (JOBS_ENABLED=false).');
      return;
    }
    closing = scheduleClosing(strapi);
  },

  destroy: async () => {
    await closing?.destroy();
    closing = null;
  },
};
