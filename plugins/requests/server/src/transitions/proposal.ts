import { defineTransitions, move } from '@desk/plugin-workflow';

export type ProposalStatus =
  | 'draft'
  | 'proposed'
  | 'submitted_to_client'
  | 'reserve'
  | 'rejected'
  | 'accepted'
  | 'may_be_hired'
  | 'withdrawn';

const OPEN: ProposalStatus[] = [
  'draft',
  'proposed',
  'submitted_to_client',
  'reserve',
  'accepted',
  'may_be_hired',
];

/** A candidate moves through the desk's selection; the supplier may withdraw while it is open. */
export default defineTransitions<ProposalStatus>({
  uid: 'plugin::requests.proposal',
  entity: 'proposal',
  labelField: 'number',
  path: 'proposals',
  ownedBy: { supplier: 'supplier' },
  portalRoles: { supplier: ['isConsultant'] },
  initial: ['draft'],
  deletableIn: ['draft'],
  transitions: [
    ...move('draft', 'proposed', ['supplier', 'desk']),
    ...move(['proposed', 'reserve'], 'submitted_to_client', ['desk']),
    ...move(['proposed', 'submitted_to_client'], 'reserve', ['desk']),
    ...move(['proposed', 'reserve', 'submitted_to_client'], 'rejected', ['desk']),
    ...move('submitted_to_client', 'accepted', ['desk']),
    ...move('accepted', 'may_be_hired', ['supplier', 'desk']),
    ...move(OPEN, 'withdrawn', ['supplier', 'desk']),
  ],
});
