import type { Core } from '@strapi/strapi';

import contentTypes from './content-types';
import documentTransitions from './transitions/document';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('workflow').service('workflow').register(documentTransitions);
  },
  contentTypes,
};
