/**
 * The form posts of the sign-in page, one function per step. Each ends in a redirect
 * (POST/redirect/GET): back to /sign-in for the next step or a refusal, or onward once signed in.
 */
import type { APIContext } from 'astro';

import type { Problem, Result } from './accounts';
import { atField, field, readForm, refuse } from './forms';
import { getServices } from './services';
import {
  completeSignIn,
  pendingFrom,
  safeNext,
  type PendingSignIn,
  type PushAttempt,
  type SignInAnswer,
  type TotpEnrolment,
} from './sign-in';

const PAGE = '/sign-in';
const FORM = 'sign-in';

/** Codes that mean the sign-in must start again from the password. */
const RESTART_CODES = new Set(['CHALLENGE_INVALID', 'CHALLENGE_EXPIRED', 'TOKEN_INVALID']);

type Step = (context: APIContext, form: Map<string, string[]>) => Promise<Response>;

/** Handles a POST to /sign-in by its `step` field. */
export async function handleSignInPost(context: APIContext): Promise<Response> {
  const form = await readForm(context.request);
  const steps: Record<string, Step> = {
    password: passwordStep,
    code: codeStep,
    switch: switchStep,
    'push-start': pushRestartStep,
    pair: pairStep,
    cancel: cancelStep,
  };
  const step = steps[field(form, 'step')];
  if (!step) return context.redirect(PAGE, 303);
  return step(context, form);
}

/** E-mail and password: either signed in now, or on to a factor or an enrolment. */
const passwordStep: Step = async (context, form) => {
  const { accounts } = getServices();
  const next = safeNext(field(form, 'next'));
  const answer = await accounts.call<SignInAnswer>('POST', '/sign-in', {
    body: { email: field(form, 'email'), password: form.get('password')?.[0] ?? '' },
    visitor: context.locals.visitor,
  });
  if (!answer.ok) return refuse(context, PAGE, FORM, atField(answer.problem, 'password'), form);
  if (answer.data.stage === 'done') {
    return context.redirect(await completeSignIn(context, answer.data.jwt, next), 303);
  }

  const pending = pendingFrom(answer.data, next)!;
  return prepare(context, pending);
};

/** A six-digit code: the factor's, or the one that confirms a new authenticator. */
const codeStep: Step = async (context, form) => {
  const pending = await pendingOf(context);
  if (!pending) return context.redirect(PAGE, 303);

  const path = pending.stage === 'enrol' ? '/sign-in/enrol/totp/confirm' : '/sign-in/totp';
  const answer = await getServices().accounts.call<SignInAnswer>('POST', path, {
    body: { challenge: pending.challenge, code: field(form, 'code').replace(/\s/g, '') },
    visitor: context.locals.visitor,
  });
  return finishOrRefuse(context, pending, answer, 'code');
};

/** "Use another authentication method": the other factor, or the other way to enrol. */
const switchStep: Step = async (context) => {
  const pending = await pendingOf(context);
  if (!pending) return context.redirect(PAGE, 303);

  const method = pending.method === 'totp' ? 'push' : 'totp';
  if (pending.stage === 'factor' && !pending.factors.includes(method)) {
    return context.redirect(PAGE, 303);
  }
  return prepare(context, { ...pending, method, push: undefined });
};

/** Sends a new push after the last one was denied or expired. */
const pushRestartStep: Step = async (context) => {
  const pending = await pendingOf(context);
  if (!pending || pending.method !== 'push') return context.redirect(PAGE, 303);
  return prepare(context, { ...pending, push: undefined });
};

/** Pairs the companion during an enrolment, with the two words the phone shows. */
const pairStep: Step = async (context, form) => {
  const pending = await pendingOf(context);
  if (!pending || pending.stage !== 'enrol') return context.redirect(PAGE, 303);

  const answer = await getServices().accounts.call<SignInAnswer>('POST', '/sign-in/enrol/push', {
    body: { challenge: pending.challenge, phrase: normalisePhrase(field(form, 'phrase')) },
    visitor: context.locals.visitor,
  });
  return finishOrRefuse(context, pending, answer, 'phrase');
};

const cancelStep: Step = async (context) => {
  context.session?.delete('signIn');
  return context.redirect(PAGE, 303);
};

/**
 * Readies the asked method before the page shows it: a push attempt for a push factor, a new
 * secret for an authenticator enrolment.
 */
async function prepare(context: APIContext, pending: PendingSignIn): Promise<Response> {
  const { accounts } = getServices();
  const visitor = context.locals.visitor;
  let ready = pending;

  if (pending.stage === 'factor' && pending.method === 'push') {
    const started = await accounts.call<PushAttempt>('POST', '/sign-in/push', {
      body: { challenge: pending.challenge },
      visitor,
    });
    if (!started.ok) return refuseStep(context, pending, started.problem);
    ready = { ...pending, push: started.data };
  }
  if (pending.stage === 'enrol' && pending.method === 'totp' && !pending.enrol) {
    const enrol = await accounts.call<TotpEnrolment>('POST', '/sign-in/enrol/totp', {
      body: { challenge: pending.challenge },
      visitor,
    });
    if (!enrol.ok) return refuseStep(context, pending, enrol.problem);
    ready = { ...pending, enrol: enrol.data };
  }

  context.session?.set('signIn', ready);
  return context.redirect(PAGE, 303);
}

async function finishOrRefuse(
  context: APIContext,
  pending: PendingSignIn,
  answer: Result<unknown>,
  fieldName: string,
): Promise<Response> {
  if (!answer.ok) return refuseStep(context, pending, atField(answer.problem, fieldName));
  const { jwt } = answer.data as { jwt: string };
  return context.redirect(await completeSignIn(context, jwt, pending.next), 303);
}

/** Shows the refusal; a challenge the cms no longer knows sends the user back to the password. */
function refuseStep(context: APIContext, pending: PendingSignIn, problem: Problem): Response {
  if (RESTART_CODES.has(problem.code)) context.session?.delete('signIn');
  else context.session?.set('signIn', pending);
  return refuse(context, PAGE, FORM, problem);
}

async function pendingOf(context: APIContext): Promise<PendingSignIn | undefined> {
  return context.session?.get('signIn');
}

/** "Blauwe Vis", "blauwe  vis" and "blauwe-vis" are the same two words. */
export function normalisePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .join(' ');
}
