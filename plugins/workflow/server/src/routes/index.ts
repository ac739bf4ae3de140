export default {
  'content-api': {
    type: 'content-api',
    routes: [
      {
        method: 'POST',
        path: '/:entity/:documentId/transitions',
        handler: 'transitions.move',
        config: {
          description:
            'Signed-in portal users: move a record of their own organisation along its transition table',
        },
      },
    ],
  },
};
