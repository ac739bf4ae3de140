import type { Core } from '@strapi/strapi';

const USER_UID = 'plugin::users-permissions.user';

/**
 * People are users-permissions users with their organisation and business roles:
 * supplier users (consultant, payroll, statement-of-work in any combination), workers,
 * and client users (hiring manager, budget holder).
 */
const PEOPLE_ATTRIBUTES = {
  firstName: { type: 'string', maxLength: 80 },
  lastName: { type: 'string', maxLength: 80 },
  phone: { type: 'string', maxLength: 40 },
  locale: { type: 'enumeration', enum: ['nl', 'en'], default: 'nl' },
  userKind: {
    type: 'enumeration',
    enum: ['supplier_user', 'worker', 'client_user'],
    default: 'supplier_user',
    required: true,
  },
  supplier: {
    type: 'relation',
    relation: 'manyToOne',
    target: 'plugin::organisations.supplier',
    inversedBy: 'users',
  },
  client: {
    type: 'relation',
    relation: 'manyToOne',
    target: 'plugin::organisations.client',
    inversedBy: 'users',
  },
  isConsultant: { type: 'boolean', default: false },
  isPayroll: { type: 'boolean', default: false },
  isStatementOfWork: { type: 'boolean', default: false },
  isHiringManager: { type: 'boolean', default: false },
  isBudgetHolder: { type: 'boolean', default: false },
} as const;

export function extendPeople(strapi: Core.Strapi): void {
  strapi.get('content-types').extend(USER_UID, (contentType: any) => {
    for (const target of [contentType.attributes, contentType.schema?.attributes]) {
      if (target) Object.assign(target, structuredClone(PEOPLE_ATTRIBUTES));
    }
  });
}
