import type { Core } from '@strapi/strapi';
import { prefixed } from '@desk/plugin-numbering';

import contentTypes from './content-types';
import publicRequests from './controllers/public-requests';
import routes from './routes';
import proposalTransitions from './transitions/proposal';
import requestTransitions from './transitions/request';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const workflow = strapi.plugin('workflow').service('workflow');
    workflow.register(requestTransitions);
    workflow.register(proposalTransitions);

    const numbers = strapi.plugin('numbering').service('numbers');
    numbers.assignOnCreate('plugin::requests.request', { field: 'number', series: () => prefixed('SRQ') });
    numbers.assignOnCreate('plugin::requests.proposal', { field: 'number', series: () => prefixed('SPR') });
  },
  contentTypes,
  controllers: { publicRequests },
  routes,
};
