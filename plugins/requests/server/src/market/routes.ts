/** The market's content-API routes, under /api/requests. */
export default [
  {
    method: 'GET',
    path: '/requests',
    handler: 'marketRequests.list',
    config: {
      description: 'Consultants: the requests their supplier can see, searched, filtered and paged',
    },
  },
  {
    method: 'GET',
    path: '/requests/:documentId',
    handler: 'marketRequests.detail',
    config: {
      description:
        'Consultants: one request their supplier can see, with its questions and answers',
    },
  },
  {
    method: 'POST',
    path: '/requests/:documentId/questions',
    handler: 'marketRequests.ask',
    config: { description: 'Consultants: ask a question on an open request' },
  },
  {
    method: 'GET',
    path: '/segments',
    handler: 'marketSubscriptions.segments',
    config: {
      description: 'Supplier users: every segment, marked whether their supplier follows it',
    },
  },
  {
    method: 'PUT',
    path: '/subscriptions',
    handler: 'marketSubscriptions.update',
    config: {
      description: 'Supplier administrator or consultant: set the segments their supplier follows',
    },
  },
  {
    method: 'GET',
    path: '/client/requests',
    handler: 'marketClientRequests.list',
    config: {
      description: "Client users: their own client's requests, those awaiting approval among them",
    },
  },
  {
    method: 'GET',
    path: '/client/requests/:documentId',
    handler: 'marketClientRequests.detail',
    config: {
      description: "Client users: one of their own client's requests, with every question",
    },
  },
  {
    method: 'GET',
    path: '/public/clients/:slug/awards',
    handler: 'marketAwards.list',
    config: { auth: false, description: "Public: a client's awarded requests" },
  },
];

/** The routes above that a signed-in portal user may call; each controller checks who. */
export const SIGNED_IN_ACTIONS = [
  'plugin::requests.marketRequests.list',
  'plugin::requests.marketRequests.detail',
  'plugin::requests.marketRequests.ask',
  'plugin::requests.marketSubscriptions.segments',
  'plugin::requests.marketSubscriptions.update',
  'plugin::requests.marketClientRequests.list',
  'plugin::requests.marketClientRequests.detail',
];
