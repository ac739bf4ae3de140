import { defineTransitions, move } from '@desk/plugin-workflow';

export type DocumentStatus = 'pending_review' | 'approved' | 'rejected' | 'received' | 'expired';

/**
 * A document to approve waits for the desk's review; a document for information is received
 * as it is. Approved and received documents expire at the end of their validity.
 */
export default defineTransitions<DocumentStatus>({
  uid: 'plugin::compliance.document',
  entity: 'document',
  initial: ['pending_review', 'received'],
  deletableIn: ['pending_review'],
  transitions: [
    ...move('pending_review', 'approved', ['desk']),
    ...move('pending_review', 'rejected', ['desk']),
    ...move(['approved', 'received'], 'expired', ['system', 'desk']),
  ],
});
