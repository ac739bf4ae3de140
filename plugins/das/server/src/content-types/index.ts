import admission from './admission/schema.json';
import das from './das/schema.json';

export default {
  admission: { schema: admission },
  das: { schema: das },
};
