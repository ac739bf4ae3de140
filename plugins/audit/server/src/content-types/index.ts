import entry from './entry/schema.json';

export default {
  entry: { schema: entry },
};
