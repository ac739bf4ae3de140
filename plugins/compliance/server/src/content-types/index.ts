import document from './document/schema.json';
import documentType from './document-type/schema.json';

export default {
  document: { schema: document },
  'document-type': { schema: documentType },
};
