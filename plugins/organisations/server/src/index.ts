import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import branding, { normaliseHostNames } from './branding';
import contentTypes from './content-types';
import publicClients from './controllers/public-clients';
import { extendPeople } from './people';
import routes from './routes';
import supplierTransitions from './transitions/supplier';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    extendPeople(strapi);
    strapi.plugin('workflow').service('workflow').register(supplierTransitions);

    // Host names decide which client's branding a visitor sees, so each may belong to one client.
    strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
      const data = ctx.params?.data;
      if (ctx.uid !== 'plugin::organisations.client' || !data || !('hostNames' in data))
        return next();
      if (data.hostNames !== null && !Array.isArray(data.hostNames)) {
        throw new errors.ValidationError(
          'Host names must be a list, for example ["jobs.example.nl"].',
        );
      }
      const hostNames = normaliseHostNames(data.hostNames);
      if (hostNames.length !== (data.hostNames ?? []).length) {
        throw new errors.ValidationError(
          'Each host name is a plain name like jobs.example.nl, without http:// or a path.',
        );
      }
      const others = await strapi.db.query('plugin::organisations.client' as any).findMany({
        select: ['documentId', 'name', 'hostNames'],
      });
      for (const other of others as any[]) {
        if (other.documentId === ctx.params.documentId) continue;
        const taken = normaliseHostNames(other.hostNames).find((host) => hostNames.includes(host));
        if (taken)
          throw new errors.ValidationError(
            `The host name ${taken} already belongs to ${other.name}.`,
          );
      }
      data.hostNames = hostNames;
      return next();
    });
  },

  contentTypes,
  controllers: { publicClients },
  routes,
  services: { branding },
};
