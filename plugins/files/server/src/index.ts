import contentTypes from './content-types';
import storage from './services/storage';

export { FILE_UID } from './services/storage';

export default {
  contentTypes,
  services: { storage },
};
