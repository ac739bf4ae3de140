import { bodyOf, FieldReader } from '../lib/validation';
import { POSITION_MAX_ACCURACY_M, type Position } from './location';
import type { Decision } from './services/push-attempts';

const ATTEMPT_ID = /^[A-Za-z0-9_-]{20,64}$/;

/** A finite number within bounds, or undefined. */
function numberIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : undefined;
}

/** A position as the companion sends it; accuracy above 1 km is refused as too rough. */
function readPosition(reader: FieldReader, value: unknown): Position | null {
  if (value === undefined || value === null) return null;
  const raw = (typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const latitude = numberIn(raw.latitude, -90, 90);
  const longitude = numberIn(raw.longitude, -180, 180);
  const accuracy = numberIn(raw.accuracy, 0, POSITION_MAX_ACCURACY_M);

  if (latitude === undefined || longitude === undefined) {
    reader.fail('position', 'Give latitude and longitude in degrees.');
    return null;
  }
  if (accuracy === undefined) {
    reader.fail('position', 'The position is too rough (accuracy above 1000 m).');
    return null;
  }
  return { latitude, longitude, accuracy };
}

/** The opaque challenge of a sign-in in progress, from the body or the query string. */
export function readChallenge(source: unknown): string {
  const reader = new FieldReader(source && typeof source === 'object' ? (source as any) : {});
  const challenge = reader.text('challenge', { max: 2000 });
  reader.done();
  return challenge;
}

/** The attempt id from the path; a malformed one answers like one that does not exist. */
export function readAttemptId(ctx: any): string {
  const id = String(ctx.params?.attempt ?? '');
  return ATTEMPT_ID.test(id) ? id : '';
}

/** POST /factors/push: password, the two words and an optional label. */
export function readPairing(ctx: any): { password: string; phrase: string; label: string } {
  const reader = new FieldReader(bodyOf(ctx));
  const password = reader.password('password');
  const phrase = reader.text('phrase', { max: 60 });
  const label = reader.text('label', { max: 80, optional: true });
  reader.done();
  return { password, phrase, label: label || 'Phone' };
}

/** POST /sign-in/enrol/push: the challenge, the two words and an optional label. */
export function readEnrolment(ctx: any): { challenge: string; phrase: string; label: string } {
  const reader = new FieldReader(bodyOf(ctx));
  const challenge = reader.text('challenge', { max: 2000 });
  const phrase = reader.text('phrase', { max: 60 });
  const label = reader.text('label', { max: 80, optional: true });
  reader.done();
  return { challenge, phrase, label: label || 'Phone' };
}

/** POST /companion/attempts/:attempt: the decision, the number and an optional position. */
export function readDecision(ctx: any): Decision {
  const body = bodyOf(ctx);
  const reader = new FieldReader(body);
  const decision = reader.oneOf('decision', ['approve', 'deny'] as const);
  const number = numberIn(body.number, 10, 99);
  if (decision === 'approve' && (number === undefined || !Number.isInteger(number))) {
    reader.fail('number', 'Choose the number shown on the sign-in page.');
  }
  const position = readPosition(reader, body.position);
  if (body.alwaysHere !== undefined && typeof body.alwaysHere !== 'boolean') {
    reader.fail('alwaysHere', 'Say true or false.');
  }
  if (body.alwaysHere === true && !position) {
    reader.fail('position', 'Remembering this location needs the position of the phone.');
  }
  reader.done();
  return { decision, number: number ?? null, position, alwaysHere: body.alwaysHere === true };
}

/** POST /companion/attempts/:attempt/auto: the position the phone reports now. */
export function readAutoPosition(ctx: any): Position {
  const body = bodyOf(ctx);
  const reader = new FieldReader(body);
  const position = readPosition(reader, body.position);
  if (!position) reader.fail('position', 'Approving by location needs the position of the phone.');
  reader.done();
  return position as Position;
}
