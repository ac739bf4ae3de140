/** The content types the market reads and writes. */
export const UID = {
  request: 'plugin::requests.request',
  question: 'plugin::requests.question',
  proposal: 'plugin::requests.proposal',
  client: 'plugin::organisations.client',
  segment: 'plugin::organisations.segment',
  supplier: 'plugin::organisations.supplier',
  user: 'plugin::users-permissions.user',
  admission: 'plugin::das.admission',
} as const;

/** The statuses in which a request is shown to the suppliers who may see it. */
export const VISIBLE_STATES = ['published', 'closed', 'awarded'] as const;
