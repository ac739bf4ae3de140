import type { Core } from '@strapi/strapi';

/**
 * users-permissions' own sign-in, registration, password and provider routes would let a
 * user in without the second factor, so they are removed (ASVS 5.0 V6.4.3, V6.3.3); the
 * accounts plugin's routes take their place.
 */
const BYPASSES_MFA = /^\/(auth|connect)\//;

export function removeUpstreamAuthRoutes(strapi: Core.Strapi): void {
  const router = (strapi.plugin('users-permissions') as any).routes['content-api'];
  router.routes = (router.routes as Array<{ path: string }>).filter(
    (route) => !BYPASSES_MFA.test(route.path),
  );
}
