import candidate from './candidate/schema.json';
import proposal from './proposal/schema.json';
import question from './question/schema.json';
import request from './request/schema.json';

export default {
  candidate: { schema: candidate },
  proposal: { schema: proposal },
  question: { schema: question },
  request: { schema: request },
};
