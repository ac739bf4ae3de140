import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { call, createAdmin, unique, workflowLib } from './helpers/factories';
import { createSmtpSink } from './helpers/smtp-sink';
import { getStrapi } from './helpers/strapi';

const UID = 'plugin::outbox.message';
const CONFIG = 'plugin::outbox';
const CM = '/content-manager/collection-types';

const BRAND = {
  name: 'Gemeente Testdam',
  slug: 'testdam',
  primaryColor: '#0b5394',
  accentColor: '#f1c232',
  logoUrl: 'https://werk.testdam.nl/logo.png',
  supportEmail: 'inhuur@testdam.nl',
  supportPhone: '+31 20 123 4567',
};

let strapi: Core.Strapi;
let original: Record<string, unknown>;
const sink = createSmtpSink();

const outbox = () => strapi.plugin('outbox').service('outbox');
const messages = () => strapi.db.query(UID as any);
const rowOf = (documentId: string) => messages().findOne({ where: { documentId } }) as Promise<any>;
/** The desk's clock, which enqueue reads; another test file may have moved it. */
const now = () => workflowLib().clock.now();
const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

/** A mail of the generic template to a fresh address; options override any field. */
function notice(options: Record<string, unknown> = {}) {
  const suffix = unique();
  return outbox().enqueue({
    to: `worker-${suffix}@example.nl`,
    toName: 'Sam de Vries',
    template: 'generic.notification',
    data: { title: `Notice ${suffix}`, body: 'Your hours for week 12 were approved.' },
    ...options,
  });
}

/** Sends through an address where nothing listens: every attempt fails at once. */
async function closedSmtpPort(): Promise<number> {
  const port = await sink.start(0);
  await sink.stop();
  return port;
}

beforeAll(async () => {
  strapi = await getStrapi();
  original = { ...strapi.config.get(CONFIG) };
});

beforeEach(async () => {
  // Mail left waiting by an earlier test would be counted by the next worker run.
  await messages().deleteMany({ where: { status: { $in: ['queued', 'sending'] } } });
});

afterEach(async () => {
  strapi.config.set(CONFIG, { ...original });
  await sink.stop();
  sink.clear();
  vi.restoreAllMocks();
});

afterAll(() => sink.stop());

describe('the development inbox', () => {
  it('keeps mail in the development inbox when no SMTP server is configured', async () => {
    strapi.config.set(`${CONFIG}.smtpUrl`, null);

    const mail = await notice();
    const batch = await outbox().processBatch({ now: later(now(), 3600) });
    const response = await call('GET', '/api/outbox/dev-inbox?limit=20');

    expect(mail.status).toBe('kept');
    expect(mail.nextAttemptAt).toBeNull();
    expect(batch).toEqual({ claimed: 0, sent: 0, failed: 0, retried: 0 });
    expect((await rowOf(mail.documentId)).status).toBe('kept');
    expect(response.status).toBe(200);
    const shown = response.body.data.find((entry: any) => entry.documentId === mail.documentId);
    expect(shown).toMatchObject({
      to: mail.to,
      subject: mail.subject,
      status: 'kept',
      locale: 'nl',
    });
    expect(shown.html).toContain('Your hours for week 12 were approved.');
    expect(shown).not.toHaveProperty('attempts');
  });

  it('answers 404 for the development inbox when mail really leaves the machine', async () => {
    strapi.config.set(`${CONFIG}.smtpUrl`, 'smtp://127.0.0.1:2525');
    const withSmtp = await call('GET', '/api/outbox/dev-inbox');

    strapi.config.set(`${CONFIG}.smtpUrl`, null);
    strapi.config.set(`${CONFIG}.isDevelopment`, false);
    const inProduction = await call('GET', '/api/outbox/dev-inbox');

    expect(withSmtp.status).toBe(404);
    expect(inProduction.status).toBe(404);
  });
});

describe('writing a mail', () => {
  it("renders Dutch and English mails in the client's branding", async () => {
    const data = { entity: 'request', record: 'SRQ-2026-0042', from: 'published', to: 'closed' };
    const dutch = await outbox().enqueue({
      to: 'hm@testdam.nl',
      locale: 'nl',
      template: 'workflow.status-changed',
      data: { ...data, reason: 'Deadline <verlopen> & gesloten', actionUrl: '/requests/srq-42' },
      client: BRAND,
    });
    const english = await outbox().enqueue({
      to: 'hm@testdam.nl',
      locale: 'en',
      template: 'workflow.status-changed',
      data,
      client: BRAND,
    });

    expect(dutch.subject).toBe('request SRQ-2026-0042: closed');
    expect(dutch.text).toContain(
      'De status van request SRQ-2026-0042 is gewijzigd van published naar closed.',
    );
    expect(dutch.text).toContain('Reden: Deadline <verlopen> & gesloten');
    expect(dutch.html).toContain('Reden: Deadline &lt;verlopen&gt; &amp; gesloten');
    expect(dutch.html).toContain('<html lang="nl">');
    expect(dutch.html).toContain('background:#0b5394');
    expect(dutch.html).toContain('background:#f1c232');
    expect(dutch.html).toContain('src="https://werk.testdam.nl/logo.png" alt="Gemeente Testdam"');
    expect(dutch.html).toContain('href="http://localhost:4321/requests/srq-42"');
    expect(dutch.html).toContain('Bekijken in het portaal');
    expect(dutch.html).toContain('inhuur@testdam.nl, +31 20 123 4567');
    expect(dutch.clientSlug).toBe('testdam');

    expect(english.locale).toBe('en');
    expect(english.text).toContain(
      'The status of request SRQ-2026-0042 changed from published to closed.',
    );
    expect(english.text).not.toContain('Reason:');
    expect(english.html).not.toContain('View in the portal');
    expect(english.html).toContain('Questions? Contact Gemeente Testdam');
  });

  it('draws a mail without a client in the neutral look, in the default language', async () => {
    const mail = await outbox().enqueue({
      to: 'new.user@example.nl',
      template: 'account.set-password',
      data: {
        name: 'Sam',
        link: 'https://portal.example.nl/set-password?token=abc',
        validHours: 48,
      },
    });

    expect(mail.locale).toBe('nl');
    expect(mail.clientSlug).toBeNull();
    expect(mail.subject).toBe('Kies een wachtwoord voor uw account');
    expect(mail.html).toContain('Inhuurdesk');
    expect(mail.html).toContain('href="https://portal.example.nl/set-password?token=abc"');
    expect(mail.text).toContain('De link is 48 uur geldig.');
    expect(mail.messageId).toBe(`<${mail.documentId}@hiring-desk.local>`);
  });

  it('refuses an unknown template and writes nothing', async () => {
    const before = await messages().count();

    await expect(notice({ template: 'assignment.unknown' })).rejects.toThrow(
      'There is no mail template "assignment.unknown"',
    );
    await expect(notice({ data: { title: 'Only a title' } })).rejects.toThrow(
      'Mail template "generic.notification" needs a value for body.',
    );
    await expect(notice({ data: { title: 'A', body: 'B', colour: 'red' } })).rejects.toThrow(
      'Mail template "generic.notification" has no placeholder colour',
    );
    await expect(notice({ to: 'not-an-address' })).rejects.toThrow('no valid e-mail address');

    expect(await messages().count()).toBe(before);
  });

  it('writes the mail in the same transaction as the change: a failure afterwards leaves no mail', async () => {
    const dedupeKey = `rollback-${unique()}`;

    const step = strapi.db.transaction(async () => {
      await notice({ dedupeKey });
      throw new Error('The step failed after writing its mail.');
    });

    await expect(step).rejects.toThrow('The step failed after writing its mail.');
    expect(await messages().findOne({ where: { dedupeKey } })).toBeNull();
  });

  it('writes one mail for a step repeated with the same dedupe key', async () => {
    const dedupeKey = `invite-${unique()}`;

    const first = await notice({ dedupeKey });
    const second = await notice({ dedupeKey });

    expect(second.documentId).toBe(first.documentId);
    expect(await messages().count({ where: { dedupeKey } })).toBe(1);
  });

  it('writes one mail when two steps with the same dedupe key run at the same moment', async () => {
    const dedupeKey = `race-${unique()}`;
    const step = () => strapi.db.transaction(() => notice({ dedupeKey }));

    const results = await Promise.allSettled([step(), step()]);

    // SQLite runs the steps one after the other; on PostgreSQL the unique index stops one.
    for (const result of results.filter((one) => one.status === 'rejected')) {
      expect(String((result as PromiseRejectedResult).reason)).toContain(
        'being written by another step',
      );
    }
    expect(results.some((one) => one.status === 'fulfilled')).toBe(true);
    expect(await messages().count({ where: { dedupeKey } })).toBe(1);
  });
});

describe('the mail worker', () => {
  it('delivers queued mail once the SMTP server is back, and none twice', async () => {
    const port = await closedSmtpPort();
    strapi.config.set(`${CONFIG}.smtpUrl`, `smtp://127.0.0.1:${port}`);
    const mails = [await notice(), await notice(), await notice()];
    const down = now();

    const whileDown = await outbox().processBatch({ now: down });
    const rowsWhileDown = await Promise.all(mails.map((mail) => rowOf(mail.documentId)));
    await sink.start(port);
    const tooEarly = await outbox().processBatch({ now: later(down, 10) });
    const back = await outbox().processBatch({ now: later(down, 31) });
    const again = await outbox().processBatch({ now: later(down, 3600) });

    expect(mails.map((mail) => mail.status)).toEqual(['queued', 'queued', 'queued']);
    expect(whileDown).toEqual({ claimed: 3, sent: 0, failed: 0, retried: 3 });
    for (const row of rowsWhileDown) {
      expect(row).toMatchObject({ status: 'queued', attempts: 1, leaseUntil: null });
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      expect(new Date(row.nextAttemptAt).getTime()).toBe(later(down, 30).getTime());
    }
    expect(tooEarly.claimed).toBe(0);
    expect(back).toEqual({ claimed: 3, sent: 3, failed: 0, retried: 0 });
    expect(again.claimed).toBe(0);

    const received = sink.received.map((mail) => mail.messageId).sort();
    expect(received).toEqual(mails.map((mail) => mail.messageId).sort());
    for (const mail of mails) {
      expect(await rowOf(mail.documentId)).toMatchObject({
        status: 'sent',
        attempts: 2,
        lastError: null,
      });
    }
  });

  it('sends the stored mail as written: Message-ID, subject and both versions', async () => {
    strapi.config.set(`${CONFIG}.smtpUrl`, `smtp://127.0.0.1:${await sink.start(0)}`);
    const mail = await notice({ locale: 'en', client: BRAND });

    await outbox().processBatch();

    expect(sink.received).toHaveLength(1);
    const [received] = sink.received;
    expect(received.messageId).toBe(mail.messageId);
    expect(received.subject).toBe(mail.subject);
    expect(received.to).toEqual([mail.to]);
    expect(received.raw).toMatch(/^Auto-Submitted: auto-generated/m);
    expect(received.raw).toContain('text/plain');
    expect(received.raw).toContain('text/html');
  });

  it('two workers at once send each message once', async () => {
    strapi.config.set(`${CONFIG}.smtpUrl`, `smtp://127.0.0.1:${await sink.start(0)}`);
    const mails = await Promise.all(Array.from({ length: 12 }, () => notice()));

    const [one, two] = await Promise.all([outbox().processBatch(), outbox().processBatch()]);

    expect(one.sent + two.sent).toBe(12);
    expect(one.claimed + two.claimed).toBe(12);
    const received = sink.received.map((mail) => mail.messageId);
    expect(new Set(received).size).toBe(received.length);
    expect(received.sort()).toEqual(mails.map((mail) => mail.messageId).sort());
  });

  it('takes over a mail whose worker stopped mid-send, once its claim has lapsed', async () => {
    strapi.config.set(`${CONFIG}.smtpUrl`, `smtp://127.0.0.1:${await sink.start(0)}`);
    const mail = await notice();
    const at = now();
    const lease = later(at, 60);
    await messages().update({
      where: { id: mail.id },
      data: { status: 'sending', attempts: 1, leaseUntil: lease },
    });

    const whileHeld = await outbox().processBatch({ now: at });
    const afterLapse = await outbox().processBatch({ now: later(at, 61) });

    expect(whileHeld.claimed).toBe(0);
    expect(afterLapse).toEqual({ claimed: 1, sent: 1, failed: 0, retried: 0 });
    expect(await rowOf(mail.documentId)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up after the maximum attempts and marks the mail failed', async () => {
    strapi.config.set(`${CONFIG}.smtpUrl`, `smtp://127.0.0.1:${await closedSmtpPort()}`);
    strapi.config.set(`${CONFIG}.maxAttempts`, 3);
    const warn = vi.spyOn(strapi.log, 'warn');
    const mail = await notice();
    const start = now();

    const first = await outbox().processBatch({ now: start });
    const second = await outbox().processBatch({ now: later(start, 30) });
    const third = await outbox().processBatch({ now: later(start, 90) });
    const after = await outbox().processBatch({ now: later(start, 24 * 3600) });

    expect([first.retried, second.retried, third.failed, after.claimed]).toEqual([1, 1, 1, 0]);
    const row = await rowOf(mail.documentId);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      leaseUntil: null,
    });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = String(warn.mock.calls[0][0]);
    expect(logged).toContain(mail.documentId);
    expect(logged).not.toContain(mail.to);
    expect(logged).not.toContain(mail.subject);
  });
});

describe('the scheduled worker', () => {
  const worker = () => strapi.plugin('outbox').service('worker');

  it('sends mail on its schedule until it is stopped', async () => {
    strapi.config.set(`${CONFIG}.smtpUrl`, `smtp://127.0.0.1:${await sink.start(0)}`);
    strapi.config.set(`${CONFIG}.workerIntervalSeconds`, 1);
    const mail = await notice();

    worker().start();
    try {
      await vi.waitFor(async () => expect((await rowOf(mail.documentId)).status).toBe('sent'), {
        timeout: 5000,
        interval: 100,
      });
    } finally {
      await worker().stop();
    }

    expect(worker().isRunning()).toBe(false);
    expect(sink.received.map((received) => received.messageId)).toEqual([mail.messageId]);
  });

  it('runs as the mail-outbox job and skips a tick while the previous run is busy', async () => {
    let release = () => {};
    const busy = new Promise<void>((resolve) => (release = resolve));
    const actors: string[] = [];
    const run = vi.spyOn(outbox(), 'processBatch').mockImplementation(async () => {
      actors.push(workflowLib().currentActor(strapi).label);
      await busy;
      return { claimed: 0, sent: 0, failed: 0, retried: 0 };
    });

    const first = worker().tick();
    await worker().tick();
    release();
    await first;

    expect(run).toHaveBeenCalledTimes(1);
    expect(actors).toEqual(['job:mail-outbox']);
  });
});

describe('outbox messages in the admin', () => {
  it('refuses edits of outbox messages through the content manager', async () => {
    const mail = await notice();
    const documents = strapi.documents(UID as any) as any;
    const admin = await createAdmin(strapi);

    await expect(
      documents.update({ documentId: mail.documentId, data: { status: 'sent' } }),
    ).rejects.toThrow('Outbox messages are written and sent by the hiring desk itself');
    await expect(documents.delete({ documentId: mail.documentId })).rejects.toThrow(
      /cannot be added, changed/,
    );
    await expect(documents.create({ data: { to: 'x@example.nl' } })).rejects.toThrow(
      /cannot be added/,
    );
    const edit = await call('PUT', `${CM}/${UID}/${mail.documentId}`, admin.token, {
      subject: 'Changed',
    });
    const list = await call('GET', `${CM}/${UID}?page=1&pageSize=10`, admin.token);

    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toContain('cannot be added, changed or removed');
    expect(list.status).toBe(200);
    expect((await rowOf(mail.documentId)).subject).toBe(mail.subject);
  });
});
