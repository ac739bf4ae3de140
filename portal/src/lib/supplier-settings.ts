/**
 * Data and form posts of My Settings → My Supplier Information. The organisation administrator
 * adds users and hands the role on; the cms refuses everyone else, the portal only hides the
 * buttons from them.
 */
import type { APIContext } from 'astro';

import type { Result } from './accounts';
import type { Me, SupplierInfo } from './account-types';
import { field, readForm, refuse, succeed } from './forms';
import { getServices } from './services';

export const SUPPLIER_PAGE = '/my-settings/supplier';

/** The roles a supplier user can hold, with their labels. */
export const SUPPLIER_ROLES = [
  {
    value: 'consultant',
    label: 'Consultant',
    hint: 'aanvragen, kandidaten, voorstellen, opdrachten',
  },
  { value: 'payroll', label: 'Payroll', hint: 'facturen ontvangen en inzien / invoices' },
  {
    value: 'statement_of_work',
    label: 'Statement of work',
    hint: 'SOW-contracten / SOW contracts',
  },
] as const;

export interface SupplierView {
  me: Result<Me>;
  supplier: Result<SupplierInfo>;
  isAdministrator: boolean;
}

/** The signed-in user and their supplier, read together. */
export async function loadSupplierView(context: APIContext): Promise<SupplierView> {
  const { accounts } = getServices();
  const { token, visitor } = context.locals;
  const [me, supplier] = await Promise.all([
    accounts.call<Me>('GET', '/me', { token, visitor }),
    accounts.call<SupplierInfo>('GET', '/supplier', { token, visitor }),
  ]);
  return { me, supplier, isAdministrator: me.ok && me.data.isOrganisationAdministrator };
}

/** New Supplier User: the cms mails a set-password link (72 hours), never a password. */
export async function handleNewUser(context: APIContext): Promise<Response> {
  const form = await readForm(context.request);
  const back = `${SUPPLIER_PAGE}/new-user`;
  const allowed: string[] = SUPPLIER_ROLES.map((role) => role.value);
  const roles = (form.get('roles') ?? []).filter((role) => allowed.includes(role));

  const answer = await getServices().accounts.call('POST', '/supplier/users', {
    token: context.locals.token,
    visitor: context.locals.visitor,
    body: {
      firstName: field(form, 'firstName'),
      lastName: field(form, 'lastName'),
      email: field(form, 'email'),
      roles,
    },
  });
  if (!answer.ok) return refuse(context, back, 'new-user', answer.problem, form);
  return succeed(
    context,
    SUPPLIER_PAGE,
    'De gebruiker is toegevoegd en krijgt een mail om een wachtwoord in te stellen. / ' +
      'The user was added and gets a mail to set a password.',
  );
}

/** Edit → Organization Administrator: exactly one, chosen among the supplier's users. */
export async function handleAdministrator(context: APIContext): Promise<Response> {
  const form = await readForm(context.request);
  const userId = Number(field(form, 'userId'));
  const answer = await getServices().accounts.call('PUT', '/supplier/administrator', {
    token: context.locals.token,
    visitor: context.locals.visitor,
    body: { userId },
  });
  if (!answer.ok)
    return refuse(context, `${SUPPLIER_PAGE}/edit`, 'administrator', answer.problem, form);
  return succeed(
    context,
    SUPPLIER_PAGE,
    'De organisatiebeheerder is gewijzigd. / The organisation administrator was changed.',
  );
}
