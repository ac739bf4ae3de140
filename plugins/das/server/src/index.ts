import type { Core } from '@strapi/strapi';

import contentTypes from './content-types';
import admissionTransitions from './transitions/admission';
import dasTransitions from './transitions/das';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const workflow = strapi.plugin('workflow').service('workflow');
    workflow.register(dasTransitions);
    workflow.register(admissionTransitions);
  },
  contentTypes,
};
