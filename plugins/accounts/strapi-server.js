'use strict';

// Strapi loads the compiled server part; `npm run build` makes it (see scripts/build.mjs).
const server = require('./dist/server');

module.exports = server.default ?? server;
