import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';

import type { Actor } from './types';

const storage = new AsyncLocalStorage<Actor>();

export const SYSTEM_ACTOR: Actor = { kind: 'system', source: 'system', id: null, label: 'system' };

/** Runs work as a named job, so its changes are recorded under that name. */
export function runAsJob<T>(name: string, work: () => Promise<T>): Promise<T> {
  return storage.run({ kind: 'system', source: 'job', id: null, label: `job:${name}` }, work);
}

/** Runs work as the given actor; for services acting on behalf of someone. */
export function runAs<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
  return storage.run(actor, work);
}

const PORTAL_KINDS: Record<string, Actor['kind']> = {
  supplier_user: 'supplier',
  worker: 'worker',
  client_user: 'client',
};

/** Who is acting now: an explicit runAs, else the signed-in user of the current request. */
export function currentActor(strapi: Core.Strapi): Actor {
  const explicit = storage.getStore();
  if (explicit) return explicit;

  const ctx = strapi.requestContext.get();
  const strategy = ctx?.state?.auth?.strategy?.name;
  const user = ctx?.state?.user;

  if (strategy === 'admin' && user) {
    return {
      kind: 'desk',
      source: 'admin',
      id: String(user.id),
      label: user.email ?? `admin ${user.id}`,
    };
  }
  if (strategy === 'users-permissions' && user) {
    return {
      kind: PORTAL_KINDS[user.userKind] ?? 'supplier',
      source: 'portal',
      id: String(user.id),
      label: user.email ?? `user ${user.id}`,
    };
  }
  if (strategy === 'api-token') {
    const token = ctx?.state?.auth?.credentials;
    return {
      kind: 'system',
      source: 'api-token',
      id: String(token?.id ?? ''),
      label: `api-token:${token?.name ?? ''}`,
    };
  }
  return SYSTEM_ACTOR;
}
