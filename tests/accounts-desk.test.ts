import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { api, codeFor, freshEmail, freshIp, mailsTo, tokenFrom } from './accounts-support';
import { call, createAdmin, createClient, createPortalUser } from './helpers/factories';
import { createSmtpSink } from './helpers/smtp-sink';
import { getStrapi } from './helpers/strapi';

let strapi: Core.Strapi;
let desk: { token: string };
const sink = createSmtpSink();
const CM = '/content-manager/collection-types';

beforeAll(async () => {
  strapi = await getStrapi();
  strapi.config.set('plugin::outbox.smtpUrl', `smtp://127.0.0.1:${await sink.start(0)}`);
  desk = await createAdmin(strapi);
});

afterAll(async () => {
  strapi.config.set('plugin::outbox.smtpUrl', null);
  await sink.stop();
});

describe('the desk in the admin', () => {
  it('creates a client user who gets a set-password link, never the typed password', async () => {
    const client = await createClient(strapi);
    const role = await strapi.db
      .query('plugin::users-permissions.role' as any)
      .findOne({ where: { type: 'authenticated' } });
    const email = freshEmail('hiring-manager');

    const created = await call('POST', `${CM}/plugin::users-permissions.user`, desk.token, {
      username: email,
      email,
      password: 'Typed by the desk 2027',
      userKind: 'client_user',
      isHiringManager: true,
      client: { connect: [{ documentId: client.documentId }] },
      role: { connect: [{ id: role.id }] },
    });
    expect(created.status).toBe(201);

    const [mail] = await mailsTo(strapi, sink, email);
    expect(mail.subject).toBe('Kies een wachtwoord voor uw account');
    const typed = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email, password: 'Typed by the desk 2027' },
    });
    expect(typed.body.error.details.code).toBe('CREDENTIALS_INVALID');

    const token = tokenFrom(mail.raw, '/set-password');
    expect(
      (
        await api('POST', '/accounts/set-password', {
          body: { token, password: 'Budget approved in March' },
        })
      ).status,
    ).toBe(200);
    const signIn = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email, password: 'Budget approved in March' },
    });
    expect(signIn.body.data.stage).toBe('done');
  });

  it('deletes a lost phone’s factor: an audit entry, a mail, and enrolment again when required', async () => {
    const client = await createClient(strapi, { requireMfa: true });
    const person = await createPortalUser(strapi, {
      userKind: 'client_user',
      client,
      isBudgetHolder: true,
    });
    const start = await api('POST', '/accounts/factors/totp', {
      token: person.jwt,
      body: { password: person.password },
    });
    const { enrolment, secret } = start.body.data;
    await api('POST', '/accounts/factors/totp/confirm', {
      token: person.jwt,
      body: { enrolment, code: await codeFor(secret) },
    });
    const factor = await strapi.db
      .query('plugin::accounts.factor' as any)
      .findOne({ where: { user: { id: person.user.id } } });

    const deleted = await call(
      'DELETE',
      `${CM}/plugin::accounts.factor/${factor.documentId}`,
      desk.token,
    );
    expect(deleted.status).toBe(200);

    const [entry] = await strapi.db.query('plugin::audit.entry' as any).findMany({
      where: { recordDocumentId: factor.documentId, action: 'delete' },
    });
    expect(entry).toMatchObject({ entityUid: 'plugin::accounts.factor', actorKind: 'desk' });
    expect(JSON.stringify(entry.changes)).not.toContain(factor.secretEncrypted);
    const mails = await mailsTo(strapi, sink, person.email);
    expect(mails.map((mail) => mail.subject)).toContain('Inlogmethode verwijderd');

    const signIn = await api('POST', '/accounts/sign-in', {
      ip: freshIp(),
      body: { email: person.email, password: person.password },
    });
    expect(signIn.body.data.stage).toBe('enrol');
  });
});
