/**
 * The accounts API (see API.md). Public routes say `auth: false`; every other route needs a
 * signed-in portal user with a live session, and its controller checks the kind of user.
 */
type Route = { method: string; path: string; handler: string; config: Record<string, unknown> };

const open = (method: string, path: string, handler: string, description: string): Route => ({
  method,
  path,
  handler,
  config: { auth: false, description: `Public: ${description}` },
});

const signedIn = (method: string, path: string, handler: string, description: string): Route => ({
  method,
  path,
  handler,
  config: { description: `Signed-in portal users: ${description}` },
});

export const ACCOUNT_ROUTES: Route[] = [
  open('GET', '/terms', 'registration.terms', 'the current Terms of Use version (anyone)'),
  open('POST', '/register', 'registration.register', 'register a supplier or self-employed person'),
  open(
    'POST',
    '/verify-email',
    'registration.verifyEmail',
    'confirm an e-mail address with a link token',
  ),
  open('POST', '/verify-email/resend', 'registration.resend', 'send a new verification link'),
  open('POST', '/sign-in', 'signIn.signIn', 'sign in with e-mail address and password'),
  open('POST', '/sign-in/totp', 'signIn.totp', 'second step with an authenticator code'),
  open(
    'POST',
    '/sign-in/enrol/totp',
    'signIn.enrolTotp',
    'start connecting an authenticator during sign-in',
  ),
  open(
    'POST',
    '/sign-in/enrol/totp/confirm',
    'signIn.confirmEnrolTotp',
    'connect the authenticator and finish sign-in',
  ),
  open('POST', '/password/forgot', 'passwords.forgot', 'ask for a password reset link'),
  open('POST', '/password/reset', 'passwords.reset', 'choose a new password with a reset link'),
  open(
    'POST',
    '/set-password',
    'passwords.setPassword',
    'choose a first password with an invitation link',
  ),
  signedIn('POST', '/sign-out', 'session.signOut', 'end this session'),
  signedIn('GET', '/me', 'session.me', 'the signed-in user, roles and factors'),
  signedIn('POST', '/password', 'passwords.change', 'change the password (ends other sessions)'),
  signedIn('POST', '/factors/totp', 'factors.startTotp', 'start connecting an authenticator app'),
  signedIn('POST', '/factors/totp/confirm', 'factors.confirmTotp', 'connect the authenticator app'),
  // A POST, as Strapi's body parser reads no DELETE bodies and removal needs the password.
  signedIn('POST', '/factors/:id/remove', 'factors.remove', 'remove one of their own factors'),
  signedIn(
    'GET',
    '/supplier',
    'supplier.show',
    "supplier users: their supplier's information and users",
  ),
  signedIn(
    'POST',
    '/supplier/users',
    'supplier.addUser',
    'organisation administrator: add a supplier user',
  ),
  signedIn(
    'PUT',
    '/supplier/administrator',
    'supplier.setAdministrator',
    'organisation administrator: hand over the role',
  ),
];

/** The content-API actions of the signed-in routes, granted to the authenticated role. */
export function signedInActions(routes: Array<{ handler: string; config?: any }>): string[] {
  return routes
    .filter((route) => route.config?.auth !== false)
    .map((route) => `plugin::accounts.${route.handler}`);
}
