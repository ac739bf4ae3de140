import type { Core } from '@strapi/strapi';

import { shapeWorkflowLayouts } from './admin-layout';
import transitions from './controllers/transitions';
import routes from './routes';
import workflow from './services/workflow';

export { currentActor, runAs, runAsJob, SYSTEM_ACTOR } from './actors';
export { clock } from './clock';
export { compiledQueriesOf, withKnex } from './compiled-query';
export type { CompiledQueries, Slot } from './compiled-query';
export type { Clock } from './clock';
export { shapeAdminLayout } from './admin-layout';
export { humanize } from './transitions';
export { defineTransitions, move } from './types';
export type {
  Actor,
  ActorKind,
  MoveOptions,
  ReasonRequired,
  Transition,
  TransitionCheck,
  TransitionEffect,
  TransitionEvent,
  TransitionTable,
} from './types';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Registered here, before any plugin's bootstrap, so no write can happen unguarded.
    strapi.documents.use(strapi.plugin('workflow').service('workflow').guard());
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await allowSignedInUsers(strapi, ['plugin::workflow.transitions.move']);
    await shapeWorkflowLayouts(strapi, strapi.plugin('workflow').service('workflow').tables());
  },

  controllers: { transitions },
  routes,
  services: { workflow },
};

/**
 * Grants content-API actions to the users-permissions "authenticated" role. Which records a
 * user may touch is decided per request by the controller, from the user's organisation.
 */
export async function allowSignedInUsers(strapi: Core.Strapi, actions: string[]): Promise<void> {
  const roles = strapi.db.query('plugin::users-permissions.role' as any);
  const permissions = strapi.db.query('plugin::users-permissions.permission' as any);
  const role = (await roles.findOne({ where: { type: 'authenticated' } })) as any;
  if (!role) return;

  for (const action of actions) {
    const existing = await permissions.findOne({ where: { action, role: { id: role.id } } });
    if (!existing) await permissions.create({ data: { action, role: role.id } });
  }
}
