import { resolve } from 'node:path';

import { cmsRoot, settings } from '../src/settings';

export default () => {
  const { database } = settings();

  if (database.client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: { connectionString: database.url },
        pool: { min: 0, max: database.poolMax },
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: resolve(cmsRoot, database.filename) },
      useNullAsDefault: true,
    },
  };
};
