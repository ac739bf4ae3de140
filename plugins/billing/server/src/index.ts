import type { Core } from '@strapi/strapi';
import { prefixed } from '@desk/plugin-numbering';

import contentTypes from './content-types';
import invoiceTransitions from './transitions/invoice';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('workflow').service('workflow').register(invoiceTransitions);
    // One series per calendar year of issue, as Dutch invoices are commonly numbered.
    strapi
      .plugin('numbering')
      .service('numbers')
      .assignOnCreate('plugin::billing.invoice', {
        field: 'number',
        series: (data: { issueDate?: string }) => {
          const year = String(data.issueDate ?? new Date().toISOString()).slice(0, 4);
          return { ...prefixed(`INV${year}-`), key: `INV-${year}` };
        },
      });
  },
  contentTypes,
};
