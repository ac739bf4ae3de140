import { defineTransitions, move } from '@desk/plugin-workflow';

export type RequestStatus =
  | 'draft'
  | 'awaiting_client_approval'
  | 'approved'
  | 'published'
  | 'closed'
  | 'awarded'
  | 'cancelled';

/** A request is prepared by the desk, approved by the client where required, then distributed. */
export default defineTransitions<RequestStatus>({
  uid: 'plugin::requests.request',
  entity: 'request',
  labelField: 'number',
  path: 'requests',
  ownedBy: { client: 'client' },
  initial: ['draft'],
  deletableIn: ['draft'],
  transitions: [
    ...move('draft', 'awaiting_client_approval', ['desk']),
    ...move('draft', 'published', ['desk']),
    ...move('awaiting_client_approval', 'approved', ['client', 'desk']),
    ...move('awaiting_client_approval', 'draft', ['client', 'desk']),
    ...move('approved', 'published', ['desk']),
    ...move('published', 'closed', ['system', 'desk']),
    ...move('closed', 'awarded', ['desk']),
    ...move(['draft', 'awaiting_client_approval', 'approved', 'published', 'closed'], 'cancelled', ['desk']),
  ],
});
