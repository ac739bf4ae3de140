import assignment from './assignment/schema.json';
import changeRequest from './change-request/schema.json';
import hourType from './hour-type/schema.json';
import timesheet from './timesheet/schema.json';

export default {
  assignment: { schema: assignment },
  'change-request': { schema: changeRequest },
  'hour-type': { schema: hourType },
  timesheet: { schema: timesheet },
};
