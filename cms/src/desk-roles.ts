import type { Core } from '@strapi/strapi';

type Access = 'read' | 'edit' | 'full';

interface DeskRole {
  code: string;
  name: string;
  description: string;
  /** Per content type: read, edit (read and update) or full (read, create, update, delete). */
  contentTypes: Record<string, Access>;
  /** Other admin actions, for example managing portal users' roles or the media library. */
  actions: string[];
}

const ORGANISATIONS = [
  'plugin::organisations.client',
  'plugin::organisations.segment',
  'plugin::organisations.supplier',
];
const USERS = 'plugin::users-permissions.user';
const OFFERS = [
  'plugin::requests.request',
  'plugin::requests.question',
  'plugin::requests.candidate',
  'plugin::requests.proposal',
];
const WORK = [
  'plugin::assignments.assignment',
  'plugin::assignments.change-request',
  'plugin::assignments.timesheet',
];
const REVIEW = ['plugin::compliance.document', 'plugin::das.das', 'plugin::das.admission'];
const RECORDS = ['plugin::audit.entry', 'plugin::outbox.message', 'plugin::files.file'];
const FINANCE = [
  'plugin::billing.invoice',
  'plugin::billing.payment-calendar',
  'plugin::assignments.hour-type',
];
const SETUP = ['plugin::compliance.document-type'];

const each = (uids: string[], access: Access) =>
  Object.fromEntries(uids.map((uid) => [uid, access]));
const MEDIA = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
];

/** The desk's three roles in the admin, each with the permissions its work needs. */
export const DESK_ROLES: DeskRole[] = [
  {
    code: 'desk-agent',
    name: 'Desk agent',
    description:
      'Publishes requests, answers questions, moves candidates, creates assignments, reviews files and DAS admissions.',
    contentTypes: {
      ...each([...ORGANISATIONS, USERS, ...RECORDS, ...FINANCE, ...SETUP], 'read'),
      'plugin::organisations.supplier': 'edit',
      'plugin::organisations.segment': 'full',
      'plugin::assignments.timesheet': 'edit',
      ...each(
        [
          ...OFFERS,
          ...REVIEW,
          'plugin::assignments.assignment',
          'plugin::assignments.change-request',
        ],
        'full',
      ),
    },
    actions: MEDIA,
  },
  {
    code: 'desk-finance',
    name: 'Desk finance',
    description:
      'Runs billing: payment calendars, invoices, hour types; corrects bank details and timesheets.',
    contentTypes: {
      ...each(
        [...ORGANISATIONS, USERS, ...OFFERS, ...WORK, ...REVIEW, ...RECORDS, ...SETUP],
        'read',
      ),
      'plugin::organisations.supplier': 'edit',
      'plugin::assignments.timesheet': 'edit',
      ...each(FINANCE, 'full'),
    },
    actions: ['plugin::upload.read'],
  },
  {
    code: 'desk-administrator',
    name: 'Desk administrator',
    description:
      'Sets the desk up: clients, segments, document types, portal users; everything an agent and finance do.',
    contentTypes: {
      ...each(RECORDS, 'read'),
      ...each(
        [...ORGANISATIONS, USERS, ...OFFERS, ...WORK, ...REVIEW, ...FINANCE, ...SETUP],
        'full',
      ),
    },
    actions: [
      ...MEDIA,
      'plugin::upload.assets.download',
      'plugin::upload.assets.copy-link',
      'plugin::users-permissions.roles.read',
      'admin::users.read',
      'admin::users.create',
      'admin::users.update',
      'admin::roles.read',
    ],
  },
];

const VERBS: Record<Access, string[]> = {
  read: ['read'],
  edit: ['read', 'update'],
  full: ['read', 'create', 'update', 'delete'],
};

function permissionsOf(strapi: Core.Strapi, role: DeskRole) {
  const contentTypes = strapi.service('admin::content-type') as any;
  const permissions: Array<Record<string, unknown>> = [];

  for (const [uid, access] of Object.entries(role.contentTypes)) {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!model) continue;
    const fields = contentTypes.getNestedFields(model, {
      components: strapi.components,
      nestingLevel: 3,
    });
    for (const verb of VERBS[access]) {
      const action = `plugin::content-manager.explorer.${verb}`;
      permissions.push({
        action,
        subject: uid,
        properties: verb === 'delete' ? {} : { fields },
        conditions: [],
      });
    }
  }
  for (const action of role.actions)
    permissions.push({ action, subject: null, properties: {}, conditions: [] });
  return permissions;
}

/**
 * Creates the desk roles that are missing. A role that exists is left as the desk's
 * administrators have shaped it since.
 */
export async function ensureDeskRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as any;

  for (const role of DESK_ROLES) {
    if (await roles.exists({ code: role.code })) continue;
    const created = await roles.create({
      name: role.name,
      code: role.code,
      description: role.description,
    });
    await roles.assignPermissions(created.id, permissionsOf(strapi, role));
    strapi.log.info(`Created the admin role "${role.name}"`);
  }
}
