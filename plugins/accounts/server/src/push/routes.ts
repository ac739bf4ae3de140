/** A route of the push part; `auth: false` routes check the challenge or the device token. */
function route(method: string, path: string, handler: string, description: string, open = true) {
  return { method, path, handler, config: open ? { auth: false, description } : { description } };
}

/** Content-API routes of the push factor, merged into the accounts plugin's routes. */
export default [
  route('POST', '/sign-in/push', 'pushSignIn.start', 'Sign-in: send a push request to the phone'),
  route(
    'GET',
    '/sign-in/push/:attempt',
    'pushSignIn.state',
    'Sign-in: the state of a push request, and the session once approved',
  ),
  route(
    'POST',
    '/sign-in/enrol/push',
    'pushSignIn.enrol',
    'Sign-in: connect a companion when the client requires a second factor',
  ),
  route(
    'POST',
    '/factors/push',
    'pushFactors.pair',
    'Signed-in users: connect the companion that shows a two-word phrase',
    false,
  ),
  route(
    'POST',
    '/companion/devices',
    'pushCompanion.createDevice',
    'Companion: a new unpaired device and its pairing phrase',
  ),
  route(
    'GET',
    '/companion/devices/me',
    'pushCompanion.me',
    'Companion (x-desk-device): paired to whom, or the phrase to type',
  ),
  route(
    'GET',
    '/companion/attempts',
    'pushCompanion.list',
    "Companion (x-desk-device): the user's waiting sign-in requests",
  ),
  route(
    'POST',
    '/companion/attempts/:attempt',
    'pushCompanion.decide',
    'Companion (x-desk-device): approve with the matching number, or deny',
  ),
  route(
    'POST',
    '/companion/attempts/:attempt/auto',
    'pushCompanion.auto',
    'Companion (x-desk-device): approve by itself inside an approved area',
  ),
];
