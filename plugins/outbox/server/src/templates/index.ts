import { errors } from '@strapi/utils';

import { brandingOf, webAddress, type ClientBranding } from './branding';
import {
  accountFactorConnected,
  accountFactorLocked,
  accountFactorRemoved,
} from './catalogue/account-factor-notices';
import { accountPasswordChanged } from './catalogue/account-password-changed';
import { accountPasswordReset } from './catalogue/account-password-reset';
import { accountRegistrationAttempt } from './catalogue/account-registration-attempt';
import { accountPushDenied } from './catalogue/account-push-denied';
import { accountPushPaired } from './catalogue/account-push-paired';
import { accountSetPassword } from './catalogue/account-set-password';
import { accountVerifyEmail } from './catalogue/account-verify-email';
import { genericNotification } from './catalogue/generic-notification';
import {
  proposalDualRepresentation,
  proposalLateWithdrawal,
} from './catalogue/proposal-desk-alerts';
import { proposalStatusChanged } from './catalogue/proposal-status-changed';
import { requestApprovalRequested } from './catalogue/request-approval-requested';
import { requestClientApproved, requestClientReturned } from './catalogue/request-client-decided';
import { requestPublished } from './catalogue/request-published';
import { requestQuestionAnswered } from './catalogue/request-question-answered';
import { workflowStatusChanged } from './catalogue/workflow-status-changed';
import { renderHtml, renderText } from './layout';
import { fill, hasValue, placeholdersIn } from './placeholders';
import type { Locale, MailTemplate, RenderedMail, TemplateData } from './types';

export type { ClientBranding } from './branding';
export type { Locale, MailTemplate, RenderedMail, TemplateData } from './types';
export { LOCALES } from './types';

/** Every mail the desk can send; a name here is what callers pass as `template`. */
export const TEMPLATES: Readonly<Record<string, MailTemplate>> = {
  'generic.notification': genericNotification,
  'workflow.status-changed': workflowStatusChanged,
  'account.set-password': accountSetPassword,
  'account.push-paired': accountPushPaired,
  'account.push-denied': accountPushDenied,
  'proposal.status-changed': proposalStatusChanged,
  'proposal.dual-representation': proposalDualRepresentation,
  'proposal.late-withdrawal': proposalLateWithdrawal,
  'request.published': requestPublished,
  'request.approval-requested': requestApprovalRequested,
  'request.client-approved': requestClientApproved,
  'request.client-returned': requestClientReturned,
  'request.question-answered': requestQuestionAnswered,
  'account.verify-email': accountVerifyEmail,
  'account.registration-attempt': accountRegistrationAttempt,
  'account.password-reset': accountPasswordReset,
  'account.password-changed': accountPasswordChanged,
  'account.factor-connected': accountFactorConnected,
  'account.factor-removed': accountFactorRemoved,
  'account.factor-locked': accountFactorLocked,
};

export interface RenderInput {
  template: string;
  locale: Locale;
  data: TemplateData;
  client?: ClientBranding | null;
  /** The portal's public address, which makes a link given as a path ("/assignments/…") whole. */
  portalUrl: string;
}

const SUBJECT_MAX = 255;

function refuse(message: string, details: Record<string, unknown>): never {
  throw new errors.ApplicationError(message, { code: 'MAIL_TEMPLATE_REFUSED', ...details });
}

function findTemplate(name: string): MailTemplate {
  const template = Object.prototype.hasOwnProperty.call(TEMPLATES, name) ? TEMPLATES[name] : null;
  if (template) return template;

  const known = Object.keys(TEMPLATES).join(', ');
  return refuse(`There is no mail template "${name}"; known templates are ${known}.`, {
    template: name,
  });
}

/** Checks the caller's data before anything is written: every value known, typed and present. */
function checkData(name: string, template: MailTemplate, data: TemplateData): void {
  const known = [...template.required, ...(template.optional ?? [])];
  const unknown = Object.keys(data).filter((key) => !known.includes(key));
  if (unknown.length) {
    const given = unknown.join(', ');
    refuse(`Mail template "${name}" has no placeholder ${given}; it takes ${known.join(', ')}.`, {
      template: name,
      unknown,
    });
  }

  const wrongType = Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined)
    .filter(([, value]) => typeof value !== 'string' && typeof value !== 'number')
    .map(([key]) => key);
  if (wrongType.length) {
    refuse(
      `Mail template "${name}" takes text or numbers only; ${wrongType.join(', ')} is neither.`,
      {
        template: name,
        wrongType,
      },
    );
  }

  const missing = template.required.filter((key) => !hasValue(data, key));
  if (missing.length) {
    refuse(`Mail template "${name}" needs a value for ${missing.join(', ')}.`, {
      template: name,
      missing,
    });
  }
}

/** A link given as a path points into the portal; anything else must be an http(s) address. */
function linkOf(name: string, value: string, portalUrl: string): string {
  if (value.startsWith('/') && !value.startsWith('//')) return portalUrl.replace(/\/$/, '') + value;
  const url = webAddress(value);
  if (url) return url;

  return refuse(
    `Mail template "${name}" needs a web address (https://…) or a portal path as link.`,
    {
      template: name,
    },
  );
}

function actionOf(
  input: RenderInput,
  template: MailTemplate,
): { url: string; label: string } | null {
  const placeholders = template.action;
  if (!placeholders || !hasValue(input.data, placeholders.url)) return null;

  const url = linkOf(input.template, String(input.data[placeholders.url]).trim(), input.portalUrl);
  const own = placeholders.label && hasValue(input.data, placeholders.label);
  const label = own
    ? String(input.data[placeholders.label as string])
    : fill(template[input.locale].actionLabel ?? url, input.data);
  return { url, label };
}

/** A subject is one header line: no line breaks, and short enough for every mail client. */
function subjectOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

/** Renders a template in one language and the client's branding, or refuses with the reason. */
export function renderMail(input: RenderInput): RenderedMail {
  const template = findTemplate(input.template);
  checkData(input.template, template, input.data);
  const text = template[input.locale];

  const paragraphs = text.paragraphs
    .filter((paragraph) => placeholdersIn(paragraph).every((key) => hasValue(input.data, key)))
    // A value may bring paragraphs of its own (the body of a notice), separated by a blank line.
    .flatMap((paragraph) => fill(paragraph, input.data).split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const content = {
    locale: input.locale,
    subject: subjectOf(fill(text.subject, input.data)),
    paragraphs,
    action: actionOf(input, template),
    branding: brandingOf(input.client, input.locale),
  };

  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}
