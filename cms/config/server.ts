import { settings } from '../src/settings';

export default () => {
  const { cms, secrets } = settings();
  return {
    host: cms.host,
    port: cms.port,
    app: { keys: secrets.appKeys },
    webhooks: { populateRelations: false },
    logger: { updates: { enabled: false }, startup: { enabled: false } },
  };
};
