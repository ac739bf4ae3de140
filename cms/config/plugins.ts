import { createSecretKey } from 'node:crypto';

import { settings } from '../src/settings';

/** The project's own plugins, one per capability; each lives in ../plugins/<name>. */
const DESK_PLUGINS = [
  'workflow',
  'numbering',
  'audit',
  'outbox',
  'files',
  'accounts',
  'organisations',
  'requests',
  'assignments',
  'compliance',
  'billing',
  'das',
];

export default () => ({
  'users-permissions': {
    config: {
      // A key object, not a string: jsonwebtoken would otherwise try to read the string as a
      // public key on every verification, which costs more than the rest of the check.
      jwtSecret: createSecretKey(Buffer.from(settings().secrets.jwtSecret, 'utf8')),
      register: { allowedFields: [] },
    },
  },
  ...Object.fromEntries(
    DESK_PLUGINS.map((name) => [name, { enabled: true, resolve: `../plugins/${name}` }]),
  ),
});
