/**
 * The form posts of the market pages: questions, segments, candidates, proposals, Complete Data,
 * withdrawals and a client's approval. Each reads the form, lets the cms decide, and answers
 * with POST/redirect/GET: back to the form with the cms's message, or on to the result.
 */
import type { APIContext } from 'astro';

import { parseEuros } from './format';
import { atField, field, readForm, refuse, succeed } from './forms';
import type { Candidate, ProposalCard } from './market-types';
import { getServices } from './services';

type Form = Map<string, string[]>;

const caller = (context: APIContext) => ({
  token: context.locals.token,
  visitor: context.locals.visitor,
});

/** A documentId from the address, checked before it goes into a cms path. */
export function documentIdOf(value: string | undefined): string | null {
  return value && /^[a-z0-9]{1,40}$/.test(value) ? value : null;
}

/** New Question → Send: the desk answers in the admin; nobody else sees who asked. */
export async function handleQuestion(context: APIContext, documentId: string): Promise<Response> {
  const form = await readForm(context.request);
  const back = `/requests/${documentId}`;
  const answer = await getServices().market.call('POST', `/requests/${documentId}/questions`, {
    ...caller(context),
    body: { text: field(form, 'text') },
  });
  if (!answer.ok) {
    const problem = atField(answer.problem, 'text');
    return refuse(context, `${back}#new-question`, 'question', problem, form);
  }
  return succeed(
    context,
    `${back}#questions`,
    'Uw vraag is verstuurd; het antwoord verschijnt hier en u krijgt een mail. / ' +
      'Your question was sent; the answer appears here and you get a mail.',
  );
}

/** My Settings → Segments: the segments the supplier follows, all in one save. */
export async function handleSegments(context: APIContext): Promise<Response> {
  const form = await readForm(context.request);
  const answer = await getServices().market.call('PUT', '/subscriptions', {
    ...caller(context),
    body: { segments: form.get('segments') ?? [] },
  });
  if (!answer.ok) return refuse(context, '/my-settings/segments', 'segments', answer.problem);
  return succeed(
    context,
    '/my-settings/segments',
    'Uw segmenten zijn opgeslagen; de open aanvragen ervan staan nu in Aanvragen. / ' +
      'Your segments were saved; their open requests are in Requests now.',
  );
}

/** The candidate form's text fields, as the cms reads them. */
const CANDIDATE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'skills'] as const;

/**
 * Passes the browser's multipart post (the CV and the confirmed details) on to the cms, which
 * checks the file by its bytes. Returns to the proposal form when the user came from one.
 */
export async function handleNewCandidate(context: APIContext): Promise<Response> {
  const incoming = await context.request.formData().catch(() => null);
  const form: Form = new Map();
  const outgoing = new FormData();
  for (const name of [...CANDIDATE_FIELDS, 'isSelf', 'returnTo']) {
    const value = incoming?.get(name);
    if (typeof value === 'string') {
      form.set(name, [value]);
      if (name !== 'returnTo') outgoing.set(name, value.trim());
    }
  }
  const cv = incoming?.get('cv');
  if (cv instanceof File && cv.size > 0) outgoing.set('cv', cv, cv.name);

  const returnTo = safeReturn(field(form, 'returnTo'));
  const back = `/candidates/new${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
  if (!(cv instanceof File) || cv.size === 0) {
    return refuse(
      context,
      back,
      'candidate',
      {
        message: 'Voeg het cv toe (PDF of DOCX). / Attach the CV (PDF or DOCX).',
        fields: { cv: 'Kies een bestand. / Choose a file.' },
      },
      form,
    );
  }

  const answer = await getServices().market.call<Candidate>('POST', '/candidates', {
    ...caller(context),
    form: outgoing,
  });
  if (!answer.ok) return refuse(context, back, 'candidate', answer.problem, form);

  const name = `${answer.data.firstName} ${answer.data.lastName}`;
  const to = returnTo
    ? `${returnTo}${returnTo.includes('?') ? '&' : '?'}candidate=${answer.data.documentId}`
    : '/candidates';
  const notice = `${name} staat in uw kandidatenpool. / ${name} was added to your pool.`;
  return succeed(context, to, notice);
}

/** Only a proposal form of this portal may be returned to. */
function safeReturn(value: string): string | null {
  return /^\/requests\/[a-z0-9]{1,40}\/propose$/.test(value) ? value : null;
}

/** The supplier's answers to the criteria it fills in: criterion-<key> = yes | no. */
function criteriaAnswersOf(form: Form) {
  return [...form.keys()]
    .filter((name) => name.startsWith('criterion-') && !name.endsWith('-explanation'))
    .map((name) => {
      const key = name.slice('criterion-'.length);
      const value = field(form, name);
      return {
        key,
        met: value === 'yes' ? true : value === 'no' ? false : null,
        explanation: field(form, `${name}-explanation`) || null,
      };
    });
}

/** Propose: candidate, offered rate, type of flex worker, criteria answers and availability. */
export async function handlePropose(context: APIContext, requestId: string): Promise<Response> {
  const form = await readForm(context.request);
  const back = `/requests/${requestId}/propose`;
  const rate = parseEuros(field(form, 'offeredRate'));
  if (rate === null || rate <= 0) {
    return refuse(
      context,
      back,
      'propose',
      {
        message: 'Controleer het tarief. / Please check the rate.',
        fields: {
          offeredRate:
            'Vul een uurtarief in euro in, zoals 92,50. / Enter an hourly rate in euros, like 92.50.',
        },
      },
      form,
    );
  }

  const answer = await getServices().market.call<ProposalCard>('POST', '/proposals', {
    ...caller(context),
    body: {
      request: requestId,
      candidate: field(form, 'candidate'),
      offeredRateCents: rate,
      flexWorkerType: field(form, 'flexWorkerType') || 'flex_employee',
      criteriaAnswers: criteriaAnswersOf(form),
      availability: field(form, 'availability') || null,
    },
  });
  if (!answer.ok) {
    const problem = answer.problem;
    const fields = renameField(problem.fields, { offeredRateCents: 'offeredRate' });
    return refuse(context, back, 'propose', { ...problem, fields }, form);
  }
  return succeed(
    context,
    `/proposals/${answer.data.documentId}`,
    `Voorgesteld als ${answer.data.number}. / Proposed as ${answer.data.number}.`,
  );
}

/** One field of the Complete Data form, by the cms's name for it, with its labels. */
export interface CompleteDataField {
  name: string;
  nl: string;
  en: string;
  type?: string;
  hint?: string;
  max: number;
  /** Country codes are sent in capitals, however typed. */
  upper?: boolean;
  /** Asked only of a self-employed person who invoices the desk. */
  selfInvoicingOnly?: boolean;
}

/** The Complete Data form, grouped; remarks follow as free text. No BSN (see the page). */
export const COMPLETE_DATA_GROUPS: { legend: string; fields: CompleteDataField[] }[] = [
  {
    legend: 'Persoon / Person',
    fields: [
      { name: 'legalFirstNames', nl: 'Voornamen (voluit)', en: 'Legal first names', max: 160 },
      { name: 'lastName', nl: 'Achternaam', en: 'Last name', max: 80 },
      { name: 'dateOfBirth', nl: 'Geboortedatum', en: 'Date of birth', type: 'date', max: 10 },
      {
        name: 'nationality',
        nl: 'Nationaliteit',
        en: 'Nationality',
        hint: 'NL, BE, DE…',
        max: 2,
        upper: true,
      },
    ],
  },
  {
    legend: 'Adres / Address',
    fields: [
      { name: 'street', nl: 'Straat', en: 'Street', max: 120 },
      { name: 'houseNumber', nl: 'Huisnummer', en: 'House number', max: 20 },
      { name: 'postalCode', nl: 'Postcode', en: 'Postal code', max: 10 },
      { name: 'city', nl: 'Plaats', en: 'City', max: 80 },
      { name: 'country', nl: 'Land', en: 'Country', hint: 'NL', max: 2, upper: true },
    ],
  },
  {
    legend: 'Inzet / Assignment',
    fields: [
      {
        name: 'startDateConfirmed',
        nl: 'Bevestigde startdatum',
        en: 'Confirmed start date',
        type: 'date',
        max: 10,
      },
      { name: 'hoursPerWeek', nl: 'Uren per week', en: 'Hours per week', max: 2 },
    ],
  },
  {
    legend: 'Facturatie / Invoicing',
    fields: [
      {
        name: 'kvkNumber',
        nl: 'KvK-nummer',
        en: 'Chamber of Commerce number',
        hint: '8 cijfers / 8 digits',
        max: 8,
        selfInvoicingOnly: true,
      },
      { name: 'iban', nl: 'IBAN', en: 'IBAN', max: 34, selfInvoicingOnly: true },
      {
        name: 'vatNumber',
        nl: 'Btw-nummer',
        en: 'VAT number',
        hint: 'NL123456789B01',
        max: 14,
        selfInvoicingOnly: true,
      },
    ],
  },
];

const COMPLETE_DATA_FIELDS: CompleteDataField[] = [
  ...COMPLETE_DATA_GROUPS.flatMap((group) => group.fields),
  { name: 'remarks', nl: 'Opmerkingen', en: 'Remarks', max: 2000 },
];

/** Save Only keeps a partial form; Submit Completed checks it all and moves to May be hired. */
export async function handleCompleteData(
  context: APIContext,
  documentId: string,
): Promise<Response> {
  const form = await readForm(context.request);
  const submit = field(form, 'intent') === 'submit';
  const back = `/proposals/${documentId}/complete-data`;
  const data = Object.fromEntries(
    COMPLETE_DATA_FIELDS.map(({ name, upper }) => {
      const value = field(form, name);
      return [name, upper ? value.toUpperCase() : value];
    }),
  );

  const answer = await getServices().market.call<ProposalCard>(
    'PUT',
    `/proposals/${documentId}/completed-data`,
    { ...caller(context), body: { data, submit } },
  );
  if (!answer.ok) return refuse(context, back, 'complete-data', answer.problem, form);
  if (!submit) {
    return succeed(context, back, 'Opgeslagen; u kunt later verder. / Saved; you can go on later.');
  }
  return succeed(
    context,
    `/proposals/${documentId}`,
    'De gegevens zijn compleet: de kandidaat mag worden ingehuurd. / ' +
      'The data is complete: the candidate may be hired.',
  );
}

/** Withdraw: from any open status, with an optional reason; after closing the desk is told. */
export async function handleWithdraw(context: APIContext, documentId: string): Promise<Response> {
  const form = await readForm(context.request);
  const back = `/proposals/${documentId}`;
  const answer = await getServices().workflow.call('POST', `/proposals/${documentId}/transitions`, {
    ...caller(context),
    body: { to: 'withdrawn', reason: field(form, 'reason') || undefined },
  });
  if (!answer.ok) return refuse(context, back, 'withdraw', answer.problem, form);
  return succeed(context, back, 'Het voorstel is teruggetrokken. / The proposal was withdrawn.');
}

/** A client user approves a request, or sends it back to the desk as a draft with a reason. */
export async function handleApproval(context: APIContext, documentId: string): Promise<Response> {
  const form = await readForm(context.request);
  const back = `/approvals/${documentId}`;
  const approve = field(form, 'decision') === 'approve';
  const reason = field(form, 'reason');
  if (!approve && !reason) {
    return refuse(
      context,
      back,
      'approval',
      {
        message: 'Zeg wat er moet veranderen. / Say what should change.',
        fields: { reason: 'Vul een reden in. / Give a reason.' },
      },
      form,
    );
  }

  const answer = await getServices().workflow.call('POST', `/requests/${documentId}/transitions`, {
    ...caller(context),
    body: { to: approve ? 'approved' : 'draft', reason: reason || undefined },
  });
  if (!answer.ok) return refuse(context, back, 'approval', answer.problem, form);
  return succeed(
    context,
    '/approvals',
    approve
      ? 'De aanvraag is goedgekeurd; de desk verspreidt haar. / ' +
          'The request was approved; the desk distributes it.'
      : 'De aanvraag is teruggestuurd naar de desk. / The request was sent back to the desk.',
  );
}

function renameField(fields: Record<string, string>, names: Record<string, string>) {
  const renamed = Object.entries(fields).map(([name, text]) => [names[name] ?? name, text]);
  return Object.fromEntries(renamed);
}
