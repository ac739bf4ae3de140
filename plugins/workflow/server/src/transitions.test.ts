import { describe, expect, it, vi } from 'vitest';

import { completeMove } from './transitions';
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
    const [found] = move('draft', 'live', ['desk'], { check: async () => 'it needs a name.', alongside });

    const error = await completeMove(strapi, TABLE, found, EVENT).catch((caught) => caught);

    expect(error.message).toBe('Cannot move thing T-1 from draft to live: it needs a name.');
    expect(error.details).toMatchObject({ code: 'TRANSITION_CHECK_FAILED', record: 'T-1', from: 'draft', to: 'live' });
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
