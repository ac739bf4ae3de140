import { textColourOn, type Branding } from './branding';
import { escapeHtml } from './placeholders';
import type { Locale } from './types';

/** What a template hands the layout: finished plain-text paragraphs and an optional button. */
export interface MailContent {
  locale: Locale;
  subject: string;
  paragraphs: string[];
  action: { url: string; label: string } | null;
  branding: Branding;
}

const FOOTER: Record<Locale, { questions: string; automatic: string }> = {
  nl: {
    questions: 'Vragen? Neem contact op met',
    automatic: 'Dit bericht is automatisch verstuurd.',
  },
  en: {
    questions: 'Questions? Contact',
    automatic: 'This message was sent automatically.',
  },
};

const FONT = 'Arial, Helvetica, sans-serif';

/** The footer: how to reach the client's support, when they gave a way, and an origin note. */
function footerLines(content: MailContent): string[] {
  const { name, supportEmail, supportPhone } = content.branding;
  const ways = [supportEmail, supportPhone].filter(Boolean).join(', ');
  const texts = FOOTER[content.locale];
  return ways ? [`${texts.questions} ${name}: ${ways}`, texts.automatic] : [texts.automatic];
}

function header(branding: Branding): string {
  const colour = textColourOn(branding.primaryColor);
  const name = escapeHtml(branding.name);
  const mark = branding.logoUrl
    ? `<img src="${escapeHtml(branding.logoUrl)}" alt="${name}" height="40" ` +
      'style="display:block;height:40px;border:0;">'
    : name;

  return (
    `<tr><td style="background:${branding.primaryColor};color:${colour};padding:20px 24px;` +
    `font-size:20px;font-weight:bold;">${mark}</td></tr>`
  );
}

/** Paragraphs keep the line breaks of a value (an address, a list) as <br>. */
function paragraph(text: string): string {
  const lines = text.split('\n').map(escapeHtml).join('<br>');
  return `<p style="margin:0 0 16px;">${lines}</p>`;
}

function button(action: MailContent['action'], branding: Branding): string {
  if (!action) return '';
  const colour = textColourOn(branding.accentColor);

  return (
    '<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;"><tr>' +
    `<td style="background:${branding.accentColor};border-radius:4px;">` +
    `<a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;` +
    `color:${colour};font-weight:bold;text-decoration:none;">${escapeHtml(action.label)}</a>` +
    '</td></tr></table>'
  );
}

function footer(content: MailContent): string {
  const html = footerLines(content).map(escapeHtml).join('<br>');
  const style = 'background:#f3f4f6;color:#6b7280;padding:16px 24px;font-size:12px;';
  return `<tr><td style="${style}">${html}</td></tr>`;
}

/** The branded HTML version: a table layout with inline styles, as mail clients require. */
export function renderHtml(content: MailContent): string {
  const body =
    content.paragraphs.map(paragraph).join('') + button(content.action, content.branding);

  return [
    '<!DOCTYPE html>',
    `<html lang="${content.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ',
    'style="background:#f3f4f6;">',
    '<tr><td align="center" style="padding:24px 12px;">',
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" ',
    `style="width:100%;max-width:600px;background:#ffffff;font-family:${FONT};color:#111827;">`,
    header(content.branding),
    `<tr><td style="padding:24px;font-size:15px;line-height:1.5;">${body}</td></tr>`,
    footer(content),
    '</table></td></tr></table></body></html>',
  ].join('\n');
}

/** The plain-text version, for clients that show no HTML and for screen readers. */
export function renderText(content: MailContent): string {
  const action = content.action ? [`${content.action.label}: ${content.action.url}`] : [];
  const blocks = [content.branding.name, ...content.paragraphs, ...action];

  // "-- " on a line of its own is the usual signature separator, which clients recognise.
  return `${blocks.join('\n\n')}\n\n-- \n${footerLines(content).join('\n')}\n`;
}
