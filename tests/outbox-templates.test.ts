import { describe, expect, it } from 'vitest';

import { retryDelayMs } from '../plugins/outbox/server/src/backoff';
import { messageIdFor } from '../plugins/outbox/server/src/ids';
import { scheduleFor } from '../plugins/outbox/server/src/schedule';
import { renderMail, TEMPLATES, type RenderInput } from '../plugins/outbox/server/src/templates';
import { placeholdersIn } from '../plugins/outbox/server/src/templates/placeholders';

const PORTAL = 'https://portal.example.nl';

function render(overrides: Partial<RenderInput> = {}) {
  return renderMail({
    template: 'generic.notification',
    locale: 'en',
    data: { title: 'Hours approved', body: 'Week 12 is approved.' },
    portalUrl: PORTAL,
    ...overrides,
  });
}

describe('the mail templates', () => {
  it('declares every placeholder its texts use, in both languages', () => {
    for (const [name, template] of Object.entries(TEMPLATES)) {
      const declared = [...template.required, ...(template.optional ?? [])];
      for (const locale of ['nl', 'en'] as const) {
        const { subject, paragraphs, actionLabel = '' } = template[locale];
        const used = placeholdersIn([subject, ...paragraphs, actionLabel].join('\n'));
        expect(
          used.filter((key) => !declared.includes(key)),
          `${name} (${locale})`,
        ).toEqual([]);
      }
    }
  });

  it('escapes values in the HTML version and keeps them as written in the text version', () => {
    const mail = render({
      data: { title: 'Tom & <Jerry>', body: '<script>alert("x")</script>\n\nSecond paragraph' },
    });

    expect(mail.subject).toBe('Tom & <Jerry>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('<title>Tom &amp; &lt;Jerry&gt;</title>');
    expect(mail.html).toMatch(/<p[^>]*>Second paragraph<\/p>/);
    expect(mail.text).toContain('<script>alert("x")</script>\n\nSecond paragraph');
  });

  it('never expands a placeholder written inside a value', () => {
    const mail = render({ data: { title: 'A {{body}} title', body: 'secret body' } });

    expect(mail.subject).toBe('A {{body}} title');
  });

  it('keeps a subject on one line', () => {
    expect(
      render({ data: { title: 'Line one\r\nBcc: someone@example.nl', body: 'x' } }).subject,
    ).toBe('Line one Bcc: someone@example.nl');
  });

  it('makes a portal path a whole link and refuses a link that is no web address', () => {
    const withPath = render({
      data: { title: 'T', body: 'B', actionUrl: '/timesheets/12', actionLabel: 'Open' },
    });

    expect(withPath.html).toContain(`href="${PORTAL}/timesheets/12"`);
    expect(withPath.text).toContain(`Open: ${PORTAL}/timesheets/12`);
    expect(() =>
      render({ data: { title: 'T', body: 'B', actionUrl: 'javascript:alert(1)' } }),
    ).toThrow('needs a web address');
  });

  it('refuses a value that is neither text nor a number', () => {
    expect(() => render({ data: { title: 'T', body: { html: '<b>' } as never } })).toThrow(
      'takes text or numbers only; body is neither',
    );
  });

  it("falls back to the neutral look for a client's colour that is no hex colour", () => {
    const client = {
      name: 'Client',
      slug: 'c',
      primaryColor: 'red;background:url(x)',
      accentColor: '#FFF',
    };
    const mail = render({ client });

    expect(mail.html).toContain('background:#1f2937');
    expect(mail.html).not.toContain('url(x)');
    expect(mail.html).toContain('Client');
  });

  it('writes a plain-text version with the brand, the paragraphs, the link and the footer', () => {
    const mail = render({
      locale: 'nl',
      data: { title: 'T', body: 'Uw uren zijn goedgekeurd.', actionUrl: 'https://x.example.nl/a' },
      client: {
        name: 'Testdam',
        slug: 't',
        primaryColor: '#000000',
        accentColor: '#ffffff',
        supportEmail: 'a@b.nl',
      },
    });

    expect(mail.text).toBe(
      'Testdam\n\nUw uren zijn goedgekeurd.\n\nBekijken: https://x.example.nl/a\n\n' +
        '-- \nVragen? Neem contact op met Testdam: a@b.nl\nDit bericht is automatisch verstuurd.\n',
    );
  });
});

describe('the mail worker settings', () => {
  it('waits 30 seconds after the first failure, doubling up to an hour', () => {
    expect([1, 2, 3, 8, 9, 50].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('turns the interval into a cron schedule with a seconds field', () => {
    expect(scheduleFor(5)).toBe('*/5 * * * * *');
    expect(scheduleFor(120)).toBe('0 */2 * * * *');
    expect(scheduleFor(3600)).toBe('0 0 * * * *');
  });

  it("takes the Message-ID's domain from the sender's address", () => {
    expect(messageIdFor('abc', 'Desk <desk@werk.example.nl>')).toBe('<abc@werk.example.nl>');
    expect(messageIdFor('abc', 'desk@hiring-desk.local')).toBe('<abc@hiring-desk.local>');
  });
});
