import type { Core } from '@strapi/strapi';
import { allowSignedInUsers, shapeAdminLayout } from '@desk/plugin-workflow';

import { accountContentTypes } from './content-types';
import factors from './controllers/factors';
import passwords from './controllers/passwords';
import registration from './controllers/registration';
import session from './controllers/session';
import signIn from './controllers/sign-in';
import supplier from './controllers/supplier';
import { removeUpstreamAuthRoutes } from './lib/upstream-routes';
import { createDocumentHooks } from './middlewares/document-hooks';
import { cacheRolePermissions } from './lib/role-permissions';
import { createSessionGuard, reuseVerifiedToken } from './middlewares/session-guard';
import push from './push';
import { ACCOUNT_ROUTES, signedInActions } from './routes';
import factorsService from './services/factors';
import me from './services/me';
import passwordsService from './services/passwords';
import reauth from './services/reauth';
import registrationService from './services/registration';
import sessions from './services/sessions';
import signInService from './services/sign-in';
import supplierUsers from './services/supplier-users';
import throttle from './services/throttle';
import tokens from './services/tokens';

export { totpCode, checkTotp } from './lib/totp';
export { passwordProblem } from './lib/password-policy';
export { isValidIban } from './lib/validation';
export { visitorOf } from './lib/visitor';
export { AccountError, handle } from './lib/errors';

const pushPart = push as {
  contentTypes: Record<string, unknown>;
  controllers: Record<string, unknown>;
  services: Record<string, unknown>;
  routes: any[];
};
const routes = [...ACCOUNT_ROUTES, ...pushPart.routes];

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    removeUpstreamAuthRoutes(strapi);
    strapi.documents.use(createDocumentHooks(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Added after Strapi's own middlewares (errors, body) and before the router, so every
    // content-API request with a user token is checked against its session first.
    strapi.server.use(createSessionGuard(strapi));
    reuseVerifiedToken(strapi);
    cacheRolePermissions(strapi);
    await allowSignedInUsers(strapi, signedInActions(routes));

    // The desk deletes factors for a lost phone; it reads them but never edits their secrets.
    await shapeAdminLayout(strapi, {
      uid: 'plugin::accounts.factor',
      list: ['id', 'kind', 'label', 'createdAt', 'lockedUntil'],
      sortBy: 'createdAt',
      sortOrder: 'DESC',
      mainField: 'label',
      labels: { secretEncrypted: 'Secret (encrypted)', lockedUntil: 'Locked until' },
      readOnly: ['kind', 'secretEncrypted', 'lastUsedStep', 'lastUsedAt', 'failedAttempts'],
    });
  },

  contentTypes: {
    ...accountContentTypes('device' in pushPart.contentTypes),
    ...pushPart.contentTypes,
  },
  controllers: {
    factors,
    passwords,
    registration,
    session,
    signIn,
    supplier,
    ...pushPart.controllers,
  },
  routes: { 'content-api': { type: 'content-api', routes } },
  services: {
    factors: factorsService,
    me,
    passwords: passwordsService,
    reauth,
    registration: registrationService,
    sessions,
    'sign-in': signInService,
    'supplier-users': supplierUsers,
    throttle,
    tokens,
    ...pushPart.services,
  },
};
