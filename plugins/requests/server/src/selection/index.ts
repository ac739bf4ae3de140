import type { Core } from '@strapi/strapi';
import { allowSignedInUsers, shapeAdminLayout } from '@desk/plugin-workflow';

import candidates from './candidates';
import { selectionCandidates, selectionProposals } from './controllers';
import { selectionDesk } from './desk-transitions';
import { historyListener, historyMiddleware, PROPOSAL_UID } from './history';
import proposals from './proposals';
import { adminRoutes, contentApiRoutes, SIGNED_IN_ACTIONS } from './routes';

/** The selection: candidates with CVs, proposals through every status, Complete Data. */
export default {
  contentTypes: {} as Record<string, { schema: unknown }>,
  controllers: { selectionCandidates, selectionProposals, selectionDesk } as Record<
    string,
    unknown
  >,
  services: { selectionCandidates: candidates, selectionProposals: proposals } as Record<
    string,
    unknown
  >,
  routes: contentApiRoutes as unknown[],
  adminRoutes: adminRoutes as unknown[],

  async register({ strapi }: { strapi: Core.Strapi }) {
    // A status edited in the content manager gets its history line and mails like any other move.
    strapi.documents.use(historyMiddleware(strapi) as any);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('workflow').service('workflow').onTransition(historyListener(strapi));
    await allowSignedInUsers(strapi, SIGNED_IN_ACTIONS);

    // The desk sees dual representation in the list; history and the key are kept by the code.
    await shapeAdminLayout(strapi, {
      uid: PROPOSAL_UID,
      list: ['number', 'state', 'offeredRateCents', 'dualRepresentation', 'proposedAt'],
      labels: { dualRepresentation: 'Dual representation', statusHistory: 'History' },
      readOnly: [
        'statusHistory',
        'selectionKey',
        'dualRepresentation',
        'invoicingParty',
        'proposedAt',
        'completedAt',
      ],
    });
  },

  async destroy(_: { strapi: Core.Strapi }) {},
};
