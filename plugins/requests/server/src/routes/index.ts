export default {
  'content-api': {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/public/clients/:slug/requests',
        handler: 'publicRequests.list',
        config: { auth: false, description: "Public: a client's published requests (anyone)" },
      },
    ],
  },
};
