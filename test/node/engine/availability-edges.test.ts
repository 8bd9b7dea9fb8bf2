import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSlots } from '../../../src/engine/availability.ts';

/**
 * A busy interval of no length (a calendar marker whose end is its start) takes no time: it
 * must not split the free stretch around it (planted by hand, issue #17: `merge` keeping
 * empty intervals lost the slot across it, and no availability test noticed).
 */

const at = (text: string) => Date.parse(text);
const HOUR = 3_600_000;

test('a busy interval of no length leaves the slot across it free', () => {
  const marker = at('2026-03-02T10:30:00Z');
  const slots = findSlots({
    resources: [
      { id: 'a', name: 'A', timezone: 'UTC', weekly_hours: { mon: [['09:00', '12:00']] } },
    ],
    busy: new Map([['a', [{ start: marker, end: marker }]]]),
    from: at('2026-03-02T00:00:00Z'),
    to: at('2026-03-03T00:00:00Z'),
    lengthMs: HOUR,
    incrementMs: HOUR,
    bufferMs: 0,
    mode: 'roundrobin_prioritized',
  });
  assert.deepEqual(
    slots.map((slot) => new Date(slot.start).toISOString()),
    ['2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z'],
  );
});
