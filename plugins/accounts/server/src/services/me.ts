import type { Core } from '@strapi/strapi';

import { isOrganisationAdministrator, loadUser } from '../lib/users';

/** The signed-in user as the portal's account pages show it. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async describe(userId: number, clientSlug: string | null) {
    const user = await loadUser(strapi, { id: userId });
    const factors = await strapi.plugin('accounts').service('factors').list(userId);
    const mfaRequired = await strapi
      .plugin('accounts')
      .service('sign-in')
      .mfaRequired(user, clientSlug);

    return {
      id: user.id,
      email: user.email,
      firstName: user.firstName ?? null,
      lastName: user.lastName ?? null,
      locale: user.locale ?? 'nl',
      userKind: user.userKind,
      roles: {
        consultant: Boolean(user.isConsultant),
        payroll: Boolean(user.isPayroll),
        statementOfWork: Boolean(user.isStatementOfWork),
        hiringManager: Boolean(user.isHiringManager),
        budgetHolder: Boolean(user.isBudgetHolder),
      },
      isOrganisationAdministrator: isOrganisationAdministrator(user),
      supplier: user.supplier
        ? {
            documentId: user.supplier.documentId,
            legalName: user.supplier.legalName,
            kind: user.supplier.kind,
            state: user.supplier.state,
          }
        : null,
      client: user.client ? { slug: user.client.slug, name: user.client.name } : null,
      factors,
      mfaRequired,
    };
  },
});
