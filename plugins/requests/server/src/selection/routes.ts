const signedIn = (description: string) => ({ config: { description } });

/** Content-API routes, under /api/requests: supplier users, by their own supplier. */
export const contentApiRoutes = [
  {
    method: 'POST',
    path: '/candidates/cv-preview',
    handler: 'selectionCandidates.preview',
    ...signedIn("Consultants: read a CV's name, e-mail, phone and skills without storing it"),
  },
  {
    method: 'POST',
    path: '/candidates',
    handler: 'selectionCandidates.create',
    ...signedIn('Consultants: add a candidate with a CV (PDF or DOCX, at most 5 MB) to the pool'),
  },
  {
    method: 'GET',
    path: '/candidates',
    handler: 'selectionCandidates.list',
    ...signedIn("Supplier users: their own supplier's candidate pool"),
  },
  {
    method: 'GET',
    path: '/candidates/:documentId',
    handler: 'selectionCandidates.findOne',
    ...signedIn("Supplier users: one candidate of their own supplier's pool"),
  },
  {
    method: 'GET',
    path: '/candidates/:documentId/cv',
    handler: 'selectionCandidates.cv',
    ...signedIn("Supplier users: download a CV of their own supplier's pool"),
  },
  {
    method: 'POST',
    path: '/proposals',
    handler: 'selectionProposals.create',
    ...signedIn('Consultants: propose a candidate on an open request'),
  },
  {
    method: 'GET',
    path: '/proposals',
    handler: 'selectionProposals.list',
    ...signedIn("Supplier users: their own supplier's proposals, by request and status"),
  },
  {
    method: 'GET',
    path: '/proposals/:documentId',
    handler: 'selectionProposals.findOne',
    ...signedIn('Supplier users: the candidate card of one of their proposals'),
  },
  {
    method: 'PUT',
    path: '/proposals/:documentId/completed-data',
    handler: 'selectionProposals.completedData',
    ...signedIn('Consultants: Save Only or Submit Completed the data of an accepted candidate'),
  },
];

const desk = { policies: ['admin::isAuthenticatedAdmin'] };

/** Admin routes, mounted without /api: the desk's buttons and CV downloads in the admin. */
export const adminRoutes = [
  {
    method: 'GET',
    path: '/transitions/:uid/:documentId',
    handler: 'selectionDesk.allowed',
    config: desk,
  },
  {
    method: 'POST',
    path: '/transitions/:uid/:documentId',
    handler: 'selectionDesk.move',
    config: desk,
  },
  { method: 'GET', path: '/candidates/:documentId/cv', handler: 'selectionDesk.cv', config: desk },
];

/** The content-API actions the users-permissions "authenticated" role needs for these routes. */
export const SIGNED_IN_ACTIONS = [
  ...new Set(contentApiRoutes.map((route) => `plugin::requests.${route.handler}`)),
];
