import file from './file/schema.json';

export default {
  file: { schema: file },
};
