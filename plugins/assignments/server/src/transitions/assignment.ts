import { defineTransitions, move } from '@desk/plugin-workflow';

export type AssignmentStatus =
  | 'draft'
  | 'awaiting_supplier_approval'
  | 'awaiting_client_approval'
  | 'final'
  | 'rejected'
  | 'ended'
  | 'cancelled';

/** The desk drafts an assignment; the supplier and then the client approve it before it is final. */
export default defineTransitions<AssignmentStatus>({
  uid: 'plugin::assignments.assignment',
  entity: 'assignment',
  labelField: 'number',
  path: 'assignments',
  ownedBy: { supplier: 'supplier', client: 'client' },
  initial: ['draft'],
  deletableIn: ['draft'],
  transitions: [
    ...move('draft', 'awaiting_supplier_approval', ['desk']),
    ...move('awaiting_supplier_approval', 'awaiting_client_approval', ['supplier', 'desk']),
    ...move('awaiting_client_approval', 'final', ['client', 'desk']),
    ...move('awaiting_supplier_approval', 'rejected', ['supplier', 'desk']),
    ...move('awaiting_client_approval', 'rejected', ['client', 'desk']),
    ...move('rejected', 'draft', ['desk']),
    ...move('final', 'ended', ['system', 'desk']),
    ...move(
      ['draft', 'awaiting_supplier_approval', 'awaiting_client_approval', 'final'],
      'cancelled',
      ['desk'],
    ),
  ],
});
