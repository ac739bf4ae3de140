import type { Core } from '@strapi/strapi';
import { prefixed } from '@desk/plugin-numbering';

import contentTypes from './content-types';
import assignmentTransitions from './transitions/assignment';
import changeRequestTransitions from './transitions/change-request';
import timesheetTransitions from './transitions/timesheet';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const workflow = strapi.plugin('workflow').service('workflow');
    workflow.register(assignmentTransitions);
    workflow.register(changeRequestTransitions);
    workflow.register(timesheetTransitions);
    strapi
      .plugin('numbering')
      .service('numbers')
      .assignOnCreate('plugin::assignments.assignment', {
        field: 'number',
        series: () => prefixed('ASG'),
      });
  },
  contentTypes,
};
