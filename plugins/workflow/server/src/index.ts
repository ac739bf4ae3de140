import type { Core } from '@strapi/strapi';

import workflow from './services/workflow';

export { currentActor, runAs, runAsJob, SYSTEM_ACTOR } from './actors';
export { clock } from './clock';
export type { Clock } from './clock';
export { humanize } from './transitions';
export { defineTransitions, move } from './types';
export type { Actor, ActorKind, Transition, TransitionEvent, TransitionTable } from './types';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Registered here, before any plugin's bootstrap, so no write can happen unguarded.
    strapi.documents.use(strapi.plugin('workflow').service('workflow').guard());
  },
  services: { workflow },
};
