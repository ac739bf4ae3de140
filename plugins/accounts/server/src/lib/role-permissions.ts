import type { Core } from '@strapi/strapi';

/**
 * How long a process trusts what it read of a role's permissions. A change made on this process
 * takes effect at once (see the subscription below); one made through another cms node within
 * this time. The desk edits roles rarely; every signed-in call reads them.
 */
export const ROLE_CACHE_MS = 30_000;

const ROLE_MODELS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];
const WRITES = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
];

interface Cached<T> {
  until: number;
  value: Promise<T>;
}

/** A small cache of promises by key that forgets failures and everything at once on `clear`. */
function promiseCache<T>(ttlMs: number) {
  const entries = new Map<string, Cached<T>>();
  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.until > now) return hit.value;

      const value = load();
      entries.set(key, { until: now + ttlMs, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    clear: () => entries.clear(),
  };
}

/**
 * users-permissions checks every signed-in call from scratch: it reads its advanced settings,
 * the user's role and the role's permissions (four queries) and builds the permission ability
 * from them, though none of these changes between calls. This keeps them for ROLE_CACHE_MS,
 * through the plugin's own services, so its authentication runs as it always does with the
 * same answers. The user, blocked or not, is still read every call.
 */
export function cacheRolePermissions(strapi: Core.Strapi): void {
  const permissionService = strapi.plugin('users-permissions').service('permission') as any;
  const engine = (strapi as any).contentAPI.permissions.engine;
  const findRolePermissions = permissionService.findRolePermissions.bind(permissionService);
  const generateAbility = engine.generateAbility.bind(engine);

  const permissions = promiseCache<unknown[]>(ROLE_CACHE_MS);
  const abilities = promiseCache<unknown>(ROLE_CACHE_MS);

  permissionService.findRolePermissions = (roleId: number) =>
    permissions.get(String(roleId), () => findRolePermissions(roleId));

  // An ability depends on nothing but its list of actions, which is its key.
  engine.generateAbility = (list: Array<{ action?: unknown }>, ...options: unknown[]) => {
    const plain =
      Array.isArray(list) &&
      options.length === 0 &&
      list.every((one) => Object.keys(one).length === 1);
    if (!plain) return generateAbility(list, ...options);
    return abilities.get(list.map((one) => String(one.action)).join('\n'), () =>
      generateAbility(list),
    );
  };

  const roles = cacheRoles(strapi);
  const advanced = cacheAdvancedSettings(strapi);
  const clear = () => {
    permissions.clear();
    abilities.clear();
    roles.clear();
    advanced.clear();
  };
  strapi.db.lifecycles.subscribe({
    models: ROLE_MODELS,
    ...Object.fromEntries(WRITES.map((event) => [event, clear])),
  } as any);
}

/**
 * The user with their role, as users-permissions asks for it on every call: the role comes from
 * the cache when the session guard already read which role the user has (in its one query).
 */
function cacheRoles(strapi: Core.Strapi) {
  const users = strapi.plugin('users-permissions').service('user') as any;
  const fetchAuthenticatedUser = users.fetchAuthenticatedUser.bind(users);
  const roles = promiseCache<unknown>(ROLE_CACHE_MS);
  const roleById = (id: number) =>
    roles.get(String(id), () =>
      strapi.db.query('plugin::users-permissions.role' as any).findOne({ where: { id } }),
    );

  users.fetchAuthenticatedUser = async (id: unknown) => {
    const known = strapi.requestContext.get()?.state?.accountUserRole;
    if (!known || known.userId !== Number(id) || known.roleId === null)
      return fetchAuthenticatedUser(id);

    const [user, role] = await Promise.all([
      strapi.db
        .query('plugin::users-permissions.user' as any)
        .findOne({ where: { id: known.userId } }),
      roleById(known.roleId),
    ]);
    return user && role ? { ...user, role } : fetchAuthenticatedUser(id);
  };
  return roles;
}

/** users-permissions' advanced settings, read on every call and written by the desk's admin. */
function cacheAdvancedSettings(strapi: Core.Strapi) {
  const store = strapi.store as any;
  const isAdvanced = (params: any) =>
    params?.type === 'plugin' &&
    params?.name === 'users-permissions' &&
    params?.key === 'advanced' &&
    !params.environment &&
    !params.tag;
  const cache = promiseCache<unknown>(ROLE_CACHE_MS);
  const [get, set, remove] = [store.get, store.set, store.delete];

  store.get = (params: any) =>
    isAdvanced(params) ? cache.get('advanced', () => get(params)) : get(params);
  store.set = async (params: any) => {
    if (isAdvanced(params)) cache.clear();
    return set(params);
  };
  store.delete = async (params: any) => {
    if (isAdvanced(params)) cache.clear();
    return remove(params);
  };
  return cache;
}
