export default {
  'content-api': {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/dev-inbox',
        handler: 'devInbox.list',
        // Open without sign-in: the controller answers 404 everywhere but on a development
        // machine that sends no mail.
        config: { auth: false },
      },
    ],
  },
};
