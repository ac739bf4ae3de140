import { defineTransitions, move } from '@desk/plugin-workflow';

export type DasStatus = 'open' | 'closed';

/** A DAS admits suppliers while it is open. */
export default defineTransitions<DasStatus>({
  uid: 'plugin::das.das',
  entity: 'DAS',
  labelField: 'name',
  initial: ['open'],
  deletableIn: [],
  transitions: [...move('open', 'closed', ['desk', 'system']), ...move('closed', 'open', ['desk'])],
});
