import { defineTransitions, move } from '@desk/plugin-workflow';

export type ChangeRequestStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** A change to a running assignment, asked by the supplier or the desk and decided by the desk. */
export default defineTransitions<ChangeRequestStatus>({
  uid: 'plugin::assignments.change-request',
  entity: 'change request',
  path: 'change-requests',
  ownedBy: { supplier: 'assignment.supplier', client: 'assignment.client' },
  initial: ['draft'],
  deletableIn: ['draft'],
  transitions: [
    ...move('draft', 'submitted', ['supplier', 'client', 'desk']),
    ...move('submitted', 'approved', ['client', 'desk']),
    ...move('submitted', 'rejected', ['client', 'desk']),
    ...move(['draft', 'submitted'], 'withdrawn', ['supplier', 'client', 'desk']),
  ],
});
