/**
 * The form posts of the account page. Each asks the cms, which checks the password again, and
 * ends with a redirect back to the page with a message (POST/redirect/GET).
 */
import type { APIContext } from 'astro';

import { atField, field, readForm, refuse, succeed } from './forms';
import { getServices } from './services';
import type { TotpEnrolment } from './sign-in';
import { normalisePhrase } from './sign-in-actions';

const PAGE = '/account';

type Action = (
  context: APIContext,
  form: Map<string, string[]>,
  token: string,
) => Promise<Response>;

/** Handles a POST to /account by its `action` field. */
export async function handleAccountPost(context: APIContext): Promise<Response> {
  const token = context.locals.token;
  if (!token) return context.redirect('/sign-in', 303);

  const form = await readForm(context.request);
  const actions: Record<string, Action> = {
    'totp-start': startTotp,
    'totp-confirm': confirmTotp,
    'totp-cancel': cancelTotp,
    'push-pair': pairPhone,
    'factor-remove': removeFactor,
    'password-change': changePassword,
  };
  const action = actions[field(form, 'action')];
  return action ? action(context, form, token) : context.redirect(PAGE, 303);
}

/** Asks the password, then shows a new secret; nothing is a factor until a code confirms it. */
const startTotp: Action = async (context, form, token) => {
  const body = { password: secret(form, 'password') };
  type Started = TotpEnrolment & { enrolment: string };
  const answer = await call<Started>(context, 'POST', '/factors/totp', token, body);
  if (!answer.ok) {
    return refuse(context, `${PAGE}#connect`, 'totp-start', atField(answer.problem, 'password'));
  }

  context.session?.set('totpEnrolment', answer.data);
  return context.redirect(`${PAGE}#connect`, 303);
};

const confirmTotp: Action = async (context, form, token) => {
  const pending = await context.session?.get('totpEnrolment');
  if (!pending) return context.redirect(PAGE, 303);

  const answer = await call(context, 'POST', '/factors/totp/confirm', token, {
    enrolment: pending.enrolment,
    code: field(form, 'code').replace(/\s/g, ''),
    label: 'Authenticator',
  });
  if (!answer.ok) {
    return refuse(context, `${PAGE}#connect`, 'totp-confirm', atField(answer.problem, 'code'));
  }

  context.session?.delete('totpEnrolment');
  return succeed(
    context,
    PAGE,
    'Je authenticator-app is gekoppeld. / Your authenticator app is connected.',
  );
};

const cancelTotp: Action = async (context) => {
  context.session?.delete('totpEnrolment');
  return context.redirect(PAGE, 303);
};

/** Pairs the companion that shows the two words. */
const pairPhone: Action = async (context, form, token) => {
  const answer = await call(context, 'POST', '/factors/push', token, {
    password: secret(form, 'password'),
    phrase: normalisePhrase(field(form, 'phrase')),
    label: 'Companion',
  });
  if (!answer.ok) {
    return refuse(context, `${PAGE}#pair`, 'push-pair', atField(answer.problem, 'phrase'), form);
  }
  return succeed(context, PAGE, 'Je telefoon is gekoppeld. / Your phone is paired.');
};

const removeFactor: Action = async (context, form, token) => {
  const id = field(form, 'factor');
  // A POST: the cms reads no DELETE bodies, and removal needs the password.
  const answer = await call(context, 'POST', `/factors/${encodeURIComponent(id)}/remove`, token, {
    password: secret(form, 'password'),
  });
  if (!answer.ok) {
    return refuse(
      context,
      `${PAGE}#factors`,
      `factor-remove-${id}`,
      atField(answer.problem, 'password'),
    );
  }
  return succeed(context, PAGE, 'De methode is verwijderd. / The method was removed.');
};

const changePassword: Action = async (context, form, token) => {
  const newPassword = secret(form, 'newPassword');
  if (newPassword !== secret(form, 'newPasswordConfirm')) {
    return refuse(context, `${PAGE}#password`, 'password-change', {
      message: 'De nieuwe wachtwoorden zijn niet gelijk. / The new passwords do not match.',
      fields: { newPasswordConfirm: 'Niet gelijk / Does not match' },
    });
  }
  const answer = await call(context, 'POST', '/password', token, {
    currentPassword: secret(form, 'currentPassword'),
    newPassword,
  });
  if (!answer.ok) {
    return refuse(
      context,
      `${PAGE}#password`,
      'password-change',
      atField(answer.problem, 'currentPassword'),
    );
  }
  return succeed(context, PAGE, 'Je wachtwoord is gewijzigd. / Your password was changed.');
};

function call<T = unknown>(
  context: APIContext,
  method: string,
  path: string,
  token: string,
  body: unknown,
) {
  return getServices().accounts.call<T>(method, path, {
    token,
    body,
    visitor: context.locals.visitor,
  });
}

/** A password as typed: never trimmed, since spaces may be part of it. */
function secret(form: Map<string, string[]>, name: string): string {
  return form.get(name)?.[0] ?? '';
}
