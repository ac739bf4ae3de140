import message from './message/schema.json';

export default {
  message: { schema: message },
};
