import type { Core } from '@strapi/strapi';
import { prefixed } from '@desk/plugin-numbering';

import contentTypes from './content-types';
import publicRequests from './controllers/public-requests';
import market from './market';
import routes from './routes';
import selection from './selection';
import proposalTransitions from './transitions/proposal';
import requestTransitions from './transitions/request';

/** The two halves of the capability: the market (requests, distribution, questions, closing,
 * awards) and the selection (candidates, proposals, complete data). */
const parts = [market, selection];

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    const workflow = strapi.plugin('workflow').service('workflow');
    workflow.register(requestTransitions);
    workflow.register(proposalTransitions);

    const numbers = strapi.plugin('numbering').service('numbers');
    numbers.assignOnCreate('plugin::requests.request', {
      field: 'number',
      series: () => prefixed('SRQ'),
    });
    numbers.assignOnCreate('plugin::requests.proposal', {
      field: 'number',
      series: () => prefixed('SPR'),
    });

    for (const part of parts) await part.register({ strapi });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    for (const part of parts) await part.bootstrap({ strapi });
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    for (const part of parts) await part.destroy({ strapi });
  },

  contentTypes: Object.assign({}, contentTypes, ...parts.map((part) => part.contentTypes)),
  controllers: Object.assign({ publicRequests }, ...parts.map((part) => part.controllers)),
  services: Object.assign({}, ...parts.map((part) => part.services)),
  routes: {
    'content-api': {
      type: 'content-api',
      routes: [...routes['content-api'].routes, ...parts.flatMap((part) => part.routes)],
    },
    // Admin routes are mounted without /api, behind the admin's own sign-in.
    admin: {
      type: 'admin',
      routes: parts.flatMap((part) =>
        'adminRoutes' in part ? (part.adminRoutes as unknown[]) : [],
      ),
    },
  },
};
