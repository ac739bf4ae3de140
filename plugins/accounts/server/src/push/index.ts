import contentTypes from './content-types';
import pushCompanion from './controllers/push-companion';
import pushFactors from './controllers/push-factors';
import pushSignIn from './controllers/push-sign-in';
import routes from './routes';
import pushAreas from './services/push-areas';
import pushAttempts from './services/push-attempts';
import pushDevices from './services/push-devices';

/** The push approval factor: companion devices, pairing and sign-in attempts. */
export default {
  contentTypes,
  controllers: { pushSignIn, pushCompanion, pushFactors },
  services: { pushDevices, pushAttempts, pushAreas },
  routes,
};
