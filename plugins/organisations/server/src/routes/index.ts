export default {
  'content-api': {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/public/clients',
        handler: 'publicClients.list',
        config: { auth: false, description: 'Public: every client with its branding (anyone)' },
      },
    ],
  },
};
