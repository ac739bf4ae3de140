import approvedArea from './approved-area/schema.json';
import device from './device/schema.json';
import pushAttempt from './push-attempt/schema.json';

export default {
  device: { schema: device },
  'push-attempt': { schema: pushAttempt },
  'approved-area': { schema: approvedArea },
};
