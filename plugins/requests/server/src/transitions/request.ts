import { defineTransitions, move } from '@desk/plugin-workflow';

import {
  askClientApproval,
  recordClientApproval,
  tellDeskOfClientAnswer,
} from '../market/approval';
import { checkAward, checkComplete, checkPublishable } from '../market/completeness';
import { distribute, stampOf } from '../market/distribution';

export type RequestStatus =
  | 'draft'
  | 'awaiting_client_approval'
  | 'approved'
  | 'published'
  | 'closed'
  | 'awarded'
  | 'cancelled';

/**
 * A request is prepared by the desk, approved by the client where required, then distributed.
 * It leaves draft only complete; publishing mails its segment's suppliers in the same step.
 */
export default defineTransitions<RequestStatus>({
  uid: 'plugin::requests.request',
  entity: 'request',
  labelField: 'number',
  path: 'requests',
  ownedBy: { client: 'client' },
  portalRoles: { client: ['isHiringManager', 'isBudgetHolder'] },
  initial: ['draft'],
  deletableIn: ['draft'],
  transitions: [
    ...move('draft', 'awaiting_client_approval', ['desk'], {
      check: checkComplete,
      alongside: askClientApproval,
    }),
    ...move('draft', 'published', ['desk'], { check: checkPublishable, alongside: distribute }),
    ...move('awaiting_client_approval', 'approved', ['client', 'desk'], {
      alongside: recordClientApproval,
    }),
    ...move('awaiting_client_approval', 'draft', ['client', 'desk'], {
      alongside: tellDeskOfClientAnswer,
      reasonRequired: {
        from: ['client'],
        message: 'Give a reason when you send a request back, so the desk knows what to change.',
      },
    }),
    ...move('approved', 'published', ['desk'], { check: checkComplete, alongside: distribute }),
    ...move('published', 'closed', ['system', 'desk'], { alongside: stampOf('closedAt') }),
    ...move('closed', 'awarded', ['desk'], { check: checkAward, alongside: stampOf('awardedAt') }),
    ...move(['draft', 'awaiting_client_approval', 'approved', 'published', 'closed'], 'cancelled', [
      'desk',
    ]),
  ],
});
