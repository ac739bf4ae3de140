import { defineTransitions, move } from '@desk/plugin-workflow';

export type SupplierStatus =
  | 'pending_verification'
  | 'pending_review'
  | 'active'
  | 'rejected'
  | 'suspended';

/** A registered supplier verifies its e-mail address, then waits for the desk's review. */
export default defineTransitions<SupplierStatus>({
  uid: 'plugin::organisations.supplier',
  entity: 'supplier',
  labelField: 'legalName',
  initial: ['pending_verification', 'pending_review'],
  deletableIn: ['pending_verification', 'rejected'],
  transitions: [
    ...move('pending_verification', 'pending_review', ['system', 'desk']),
    ...move('pending_review', 'active', ['desk']),
    ...move('pending_review', 'rejected', ['desk']),
    ...move('rejected', 'pending_review', ['desk']),
    ...move('active', 'suspended', ['desk']),
    ...move('suspended', 'active', ['desk']),
  ],
});
