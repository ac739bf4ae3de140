/**
 * Form posts of the pages opened from a mailed link (verify e-mail, reset or set a password).
 * The token travels in the link's query and back in a hidden field; it is never logged or kept.
 */
import type { APIContext } from 'astro';

import { field, readForm, refuse } from './forms';
import { getServices } from './services';

/** Sets a password from a mailed link: a reset (`/password/reset`) or an invitation. */
export async function handleNewPassword(
  context: APIContext,
  apiPath: '/password/reset' | '/set-password',
  done: string,
): Promise<Response> {
  const form = await readForm(context.request);
  const token = field(form, 'token');
  const password = form.get('password')?.[0] ?? '';
  const back = `${context.url.pathname}?token=${encodeURIComponent(token)}`;

  if (password !== (form.get('passwordConfirm')?.[0] ?? '')) {
    return refuse(context, back, 'password', {
      message: 'De wachtwoorden zijn niet gelijk. / The passwords do not match.',
      fields: { passwordConfirm: 'Niet gelijk aan het wachtwoord / Does not match the password' },
    });
  }

  const answer = await getServices().accounts.call('POST', apiPath, {
    body: { token, password },
    visitor: context.locals.visitor,
  });
  if (!answer.ok) return refuse(context, back, 'password', answer.problem);
  return context.redirect(done, 303);
}
