/*
 * The companion's service worker: just enough for the browser to offer installing the page.
 * It caches nothing, because a sign-in attempt must always be fetched fresh from the server.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', () => {
  // Requests go to the network as usual.
});
