import { defineTransitions, move } from '@desk/plugin-workflow';

export type TimesheetStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'invoiced';

/** A worker submits a week's hours; the hiring manager approves them; billing invoices them. */
export default defineTransitions<TimesheetStatus>({
  uid: 'plugin::assignments.timesheet',
  entity: 'timesheet',
  path: 'timesheets',
  ownedBy: {
    worker: 'assignment.worker',
    supplier: 'assignment.supplier',
    client: 'assignment.client',
  },
  initial: ['draft'],
  deletableIn: ['draft'],
  transitions: [
    ...move('draft', 'submitted', ['worker', 'supplier', 'desk']),
    ...move('submitted', 'approved', ['client', 'desk']),
    ...move('submitted', 'rejected', ['client', 'desk']),
    ...move('rejected', 'submitted', ['worker', 'supplier', 'desk']),
    ...move('approved', 'invoiced', ['system', 'desk']),
  ],
});
