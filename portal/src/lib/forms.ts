/**
 * Form handling for POST/redirect/GET: read the posted fields, and on refusal keep the message,
 * the field errors and the harmless values for the page the visitor is sent back to.
 */
import type { APIContext } from 'astro';

import type { Problem } from './accounts';
import { setFlash, type SessionContext } from './session';

/** Fields never echoed back into a form: secrets must not sit in the session or the page. */
// Whole names for one-time codes: a postal code is no secret and must come back to the form.
const SECRET_FIELD = /password|phrase|_csrf|token|^code$|^otp/i;

/** Longest value kept per field; longer input is the cms's to refuse, not ours to store. */
const MAX_KEPT_LENGTH = 500;

/** The posted form as text fields; repeated names (checkboxes) keep every value. */
export async function readForm(request: Request): Promise<Map<string, string[]>> {
  const form = await request.formData().catch(() => new FormData());
  const fields = new Map<string, string[]>();
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
}

/** One field's trimmed value, or '' when absent. */
export function field(form: Map<string, string[]>, name: string): string {
  return (form.get(name)?.[0] ?? '').trim();
}

/** Remembers a refusal for the form `form` and answers 303 to `to`. */
export function refuse(
  context: SessionContext & Pick<APIContext, 'redirect'>,
  to: string,
  formName: string,
  problem: Pick<Problem, 'message' | 'fields'> & Partial<Problem>,
  posted: Map<string, string[]> = new Map(),
): Response {
  setFlash(context, {
    form: formName,
    message: summaryOf(problem),
    fields: problem.fields,
    values: keptValues(posted),
  });
  return context.redirect(to, 303);
}

/** Remembers a success message and answers 303 to `to`. */
export function succeed(
  context: SessionContext & Pick<APIContext, 'redirect'>,
  to: string,
  notice: string,
): Response {
  setFlash(context, { notice });
  return context.redirect(to, 303);
}

function keptValues(posted: Map<string, string[]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, list] of posted) {
    if (SECRET_FIELD.test(name)) continue;
    values[name] = list.join('\n').slice(0, MAX_KEPT_LENGTH);
  }
  return values;
}

/**
 * The problem with its message also shown at `name` when the cms named no field: a wrong code or
 * password belongs next to the field the user must change.
 */
export function atField<T extends Pick<Problem, 'message' | 'fields'>>(
  problem: T,
  name: string,
): T {
  if (Object.keys(problem.fields).length > 0) return problem;
  return { ...problem, fields: { [name]: problem.message } };
}

/** The cms lists wrong fields by their API names; the page names them better, next to each. */
const CORRECT_FIELDS = 'Controleer de gemarkeerde velden. / Please correct the marked fields.';

function summaryOf(problem: Pick<Problem, 'message' | 'fields'> & Partial<Problem>): string {
  if (problem.code === 'INPUT_INVALID' && Object.keys(problem.fields).length > 0) {
    return CORRECT_FIELDS;
  }
  return problem.code ? problemText(problem as Problem) : problem.message;
}

/** A throttling answer in words, with the wait when the cms gave one. */
export function problemText(problem: Problem): string {
  if (problem.code !== 'THROTTLED' || !problem.retryAfterSeconds) return problem.message;

  const minutes = Math.max(1, Math.ceil(problem.retryAfterSeconds / 60));
  return `${problem.message} (${minutes} min)`;
}
