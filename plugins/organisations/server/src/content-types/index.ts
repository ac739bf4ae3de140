import client from './client/schema.json';
import segment from './segment/schema.json';
import supplier from './supplier/schema.json';

export default {
  client: { schema: client },
  segment: { schema: segment },
  supplier: { schema: supplier },
};
