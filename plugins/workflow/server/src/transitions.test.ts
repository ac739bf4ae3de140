import { describe, expect, it, vi } from 'vitest';

import { assertReason, completeMove } from './transitions';
import { move, type TransitionEvent, type TransitionTable } from './types';

const TABLE: TransitionTable = {
  uid: 'plugin::test.thing',
  entity: 'thing',
  initial: ['draft'],
  transitions: [],
};

const EVENT: TransitionEvent = {
  uid: TABLE.uid,
  entity: 'thing',
  documentId: 'doc1',
  recordLabel: 'T-1',
  from: 'draft',
  to: 'live',
  changes: {},
  actor: { kind: 'desk', source: 'admin', id: '1', label: 'desk' },
};

const strapi = {} as any;

describe("a move's own check and work", () => {
  it('refuses the move with the problem the check found, and does no work', async () => {
    const alongside = vi.fn();
    const [found] = move('draft', 'live', ['desk'], {
      check: async () => 'it needs a name.',
      alongside,
    });

    const error = await completeMove(strapi, TABLE, found, EVENT).catch((caught) => caught);

    expect(error.message).toBe('Cannot move thing T-1 from draft to live: it needs a name.');
    expect(error.details).toMatchObject({
      code: 'TRANSITION_CHECK_FAILED',
      record: 'T-1',
      from: 'draft',
      to: 'live',
    });
    expect(alongside).not.toHaveBeenCalled();
  });

  it('does the work once the check passes, with the event of the move', async () => {
    const check = vi.fn(async () => null);
    const alongside = vi.fn(async () => undefined);
    const [found] = move('draft', 'live', ['desk'], { check, alongside });

    await completeMove(strapi, TABLE, found, EVENT);

    expect(check).toHaveBeenCalledWith(strapi, 'doc1', 'live');
    expect(alongside).toHaveBeenCalledWith(strapi, EVENT);
  });

  it('lets a move without a check or work pass', async () => {
    const [found] = move(['draft', 'paused'], 'live', ['desk']);

    await expect(completeMove(strapi, TABLE, found, EVENT)).resolves.toBeUndefined();
  });
});

describe('a move that asks some actors for a reason', () => {
  const [sendBack] = move('waiting', 'draft', ['client', 'desk'], {
    reasonRequired: { from: ['client'], message: 'Say why you send it back.' },
  });
  const client = { kind: 'client', source: 'portal', id: '7', label: 'c@example.nl' } as const;

  it('refuses those actors without a reason, or with blanks, and names the field', () => {
    for (const reason of [undefined, '', '   ']) {
      const error = (() => {
        try {
          assertReason(sendBack, client, reason);
        } catch (caught) {
          return caught as any;
        }
      })();
      expect(error?.message).toBe('Say why you send it back.');
      expect(error?.details).toEqual({ code: 'REASON_REQUIRED', field: 'reason' });
    }
  });

  it('lets them move with a reason, and everyone else without one', () => {
    expect(() => assertReason(sendBack, client, 'The rate is too low.')).not.toThrow();
    expect(() => assertReason(sendBack, EVENT.actor, undefined)).not.toThrow();
    expect(() => assertReason(move('a', 'b', ['client'])[0], client, undefined)).not.toThrow();
  });
});
