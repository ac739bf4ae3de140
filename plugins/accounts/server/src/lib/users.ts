import type { Core } from '@strapi/strapi';

export const USER_UID = 'plugin::users-permissions.user';
export const FACTOR_UID = 'plugin::accounts.factor';
export const SESSION_UID = 'plugin::accounts.session';
export const TOKEN_UID = 'plugin::accounts.token';
export const THROTTLE_UID = 'plugin::accounts.throttle';
export const SUPPLIER_UID = 'plugin::organisations.supplier';
export const CLIENT_UID = 'plugin::organisations.client';

/** The user with what sign-in and the account page need: organisation, client, factors. */
export async function loadUser(strapi: Core.Strapi, where: Record<string, unknown>) {
  return (await strapi.db.query(USER_UID as any).findOne({
    where,
    populate: {
      role: { select: ['id', 'type'] },
      supplier: { populate: { administrator: { select: ['id'] } } },
      client: true,
    },
  })) as any;
}

/** How a mail greets a person. */
export function nameOf(user: any): string {
  const name = [user?.firstName, user?.lastName].filter(Boolean).join(' ').trim();
  return name || user?.email || '';
}

/** The client's look for a mail to this user, or null for the neutral desk look. */
export function brandingOf(client: any) {
  if (!client?.name || !client?.slug) return null;
  return {
    name: client.name,
    slug: client.slug,
    primaryColor: client.primaryColor,
    accentColor: client.accentColor,
    supportEmail: client.supportEmail ?? null,
    supportPhone: client.supportPhone ?? null,
  };
}

/** Writes one mail to a user through the outbox, in the caller's transaction. */
export async function mailUser(
  strapi: Core.Strapi,
  user: any,
  template: string,
  data: Record<string, string | number>,
): Promise<void> {
  await strapi
    .plugin('outbox')
    .service('outbox')
    .enqueue({
      to: user.email,
      toName: nameOf(user),
      locale: user.locale === 'en' ? 'en' : 'nl',
      template,
      data: { name: nameOf(user), ...data },
      client: brandingOf(user.client),
    });
}

/** True when the user is the organisation administrator of their supplier. */
export function isOrganisationAdministrator(user: any): boolean {
  return Boolean(user?.supplier?.administrator?.id && user.supplier.administrator.id === user.id);
}
