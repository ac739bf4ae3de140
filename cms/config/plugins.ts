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
      jwtSecret: settings().secrets.jwtSecret,
      register: { allowedFields: [] },
    },
  },
  ...Object.fromEntries(
    DESK_PLUGINS.map((name) => [name, { enabled: true, resolve: `../plugins/${name}` }]),
  ),
});
