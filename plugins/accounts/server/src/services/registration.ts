import type { Core } from '@strapi/strapi';
import { clock, runAsJob } from '@desk/plugin-workflow';

import { AccountError } from '../lib/errors';
import type { RegistrationInput } from '../lib/registration-input';
import { loadUser, mailUser, SUPPLIER_UID, USER_UID } from '../lib/users';

export const VERIFICATION_HOURS = 24;

/** The same words whether or not the address was known (ASVS 5.0 V6.3.8). */
export const REGISTERED_MESSAGE =
  'Thank you. Check your mailbox: we sent a link to confirm your e-mail address.';

/** Registration of a supplier organisation or a self-employed person, and its verification. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.plugin('accounts').service('tokens');

  async function authenticatedRoleId(): Promise<number> {
    const role = (await strapi.db
      .query('plugin::users-permissions.role' as any)
      .findOne({ where: { type: 'authenticated' } })) as any;
    return role.id;
  }

  async function segmentIds(documentIds: string[]): Promise<number[]> {
    if (!documentIds.length) return [];
    const found = (await strapi.db.query('plugin::organisations.segment' as any).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['id'],
    })) as any[];
    return found.map((segment) => segment.id);
  }

  async function sendVerification(user: any): Promise<void> {
    const token = await tokens().issue({
      purpose: 'email_verification',
      userId: user.id,
      minutes: VERIFICATION_HOURS * 60,
    });
    await mailUser(strapi, user, 'account.verify-email', {
      link: `/verify-email?token=${token}`,
      validHours: VERIFICATION_HOURS,
    });
  }

  async function createSupplierAndUser(input: RegistrationInput) {
    const { firstName, lastName, email, phone, password, termsVersion, segments, ...company } =
      input;
    const supplier = await strapi.documents(SUPPLIER_UID as any).create({
      data: {
        ...company,
        state: 'pending_verification',
        termsVersion,
        termsAcceptedAt: clock.now(),
        segments: await segmentIds(segments),
      } as any,
    });
    const user = await strapi.documents(USER_UID as any).create({
      data: {
        username: email,
        email,
        password,
        provider: 'local',
        confirmed: false,
        blocked: false,
        role: await authenticatedRoleId(),
        userKind: 'supplier_user',
        supplier: (supplier as any).id,
        firstName,
        lastName,
        phone: phone || null,
        isConsultant: true,
        isPayroll: true,
      } as any,
    });
    await strapi.documents(SUPPLIER_UID as any).update({
      documentId: (supplier as any).documentId,
      data: { administrator: (user as any).id } as any,
    });
    return user;
  }

  return {
    /** Creates supplier and administrator, or mails the owner of a known address. */
    async register(input: RegistrationInput): Promise<void> {
      await strapi.db.transaction(async () => {
        const kvkTaken = await strapi.db.query(SUPPLIER_UID as any).findOne({
          where: { kvkNumber: input.kvkNumber },
          select: ['id'],
        });
        if (kvkTaken) {
          throw new AccountError(
            409,
            'KVK_TAKEN',
            'This KvK number is already registered. ' +
              'Ask the organisation administrator of that supplier to add you as a user.',
          );
        }

        const owner = await loadUser(strapi, { email: input.email });
        if (owner) {
          await mailUser(strapi, owner, 'account.registration-attempt', { link: '/sign-in' });
          return;
        }
        await sendVerification(await createSupplierAndUser(input));
      });
    },

    /** Confirms the address and hands the supplier to the desk's review. */
    async verifyEmail(token: unknown): Promise<void> {
      const row = await tokens().find('email_verification', token);
      if (!row?.user) throw tokenInvalid();

      await strapi.db.transaction(async () => {
        if (!(await tokens().use(row))) throw tokenInvalid();
        await strapi.db
          .query(USER_UID as any)
          .update({ where: { id: row.user.id }, data: { confirmed: true } });

        const user = await loadUser(strapi, { id: row.user.id });
        if (user?.supplier?.state !== 'pending_verification') return;
        await runAsJob('email-verification', () =>
          strapi.plugin('workflow').service('workflow').transition({
            uid: SUPPLIER_UID,
            documentId: user.supplier.documentId,
            to: 'pending_review',
            reason: 'E-mail address verified',
          }),
        );
      });
    },

    /** Sends a new link to an unconfirmed registrant; silent for any other address. */
    async resend(email: string): Promise<void> {
      const user = await loadUser(strapi, { email });
      if (
        !user ||
        user.confirmed ||
        user.blocked ||
        user.supplier?.state !== 'pending_verification'
      )
        return;
      await strapi.db.transaction(async () => {
        await tokens().revoke(user.id, 'email_verification');
        await sendVerification(user);
      });
    },
  };
};

export const tokenInvalid = () =>
  new AccountError(
    400,
    'TOKEN_INVALID',
    'This link has expired or was already used. Ask for a new one.',
  );
