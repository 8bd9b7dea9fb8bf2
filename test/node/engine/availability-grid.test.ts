import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slotQuery as query } from './helpers.ts';
import { datesWithSlots, findSlots, freeIntervals } from '../../../src/engine/availability.ts';
import type { WeeklyHours } from '../../../src/engine/availability.ts';

/**
 * The slot grid and its edges that only the random reference test (availability-reference)
 * reached, and then not on every run (planted by hand, issue #17): where a second opening
 * period starts its grid, how long a slot lasts, hours read in zones far from UTC, a close
 * equal to the open, busy time inside other busy time, the day boundary of datesWithSlots, and
 * the queries that must offer nothing.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (text: string) => Date.parse(text);
const hhmm = (slots: Array<{ start: number }>) =>
  slots.map((slot) => new Date(slot.start).toISOString().slice(11, 16));

const resource = (id: string, weekly_hours: WeeklyHours, timezone = 'UTC') => ({
  id,
  name: id.toUpperCase(),
  timezone,
  weekly_hours,
});

test('an afternoon opening period starts its own grid, not the morning’s', () => {
  const slots = findSlots(
    query({
      resources: [
        resource('a', {
          mon: [
            ['09:00', '10:00'],
            ['13:10', '15:00'],
          ],
        }),
      ],
      lengthMs: 30 * MINUTE,
      incrementMs: 30 * MINUTE,
    }),
  );
  assert.deepEqual(hhmm(slots), ['09:00', '09:30', '13:10', '13:40', '14:10']);
});

test('a slot lasts the booking’s length, not the step between starts, in every mode', () => {
  const a = resource('a', { mon: [['09:00', '11:00']] });
  const b = resource('b', { mon: [['09:00', '11:00']] });
  for (const mode of ['roundrobin_prioritized', 'roundrobin_random', 'mutual'] as const) {
    const slots = findSlots(
      query({ resources: [a, b], mode, random: () => 0, incrementMs: 30 * MINUTE }),
    );
    assert.deepEqual(hhmm(slots), ['09:00', '09:30', '10:00'], mode);
    assert.ok(
      slots.every((slot) => slot.end - slot.start === HOUR),
      mode,
    );
  }
});

test('mutual slots each carry their own list of resources', () => {
  const hours = { mon: [['09:00', '11:00']] } satisfies WeeklyHours;
  const slots = findSlots(
    query({ resources: [resource('a', hours), resource('b', hours)], mode: 'mutual' }),
  );
  assert.deepEqual(
    slots.map((slot) => slot.resourceIds),
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
  );
  // A caller that edits one slot (a view adding a name) must not change the others.
  slots[0]!.resourceIds.push('c');
  assert.deepEqual(slots[1]!.resourceIds, ['a', 'b']);
});

test('roundrobin_random spreads starts by floor, and a source that returns 1 takes the last', () => {
  const hours = { mon: [['09:00', '10:00']] } satisfies WeeklyHours;
  const resources = [resource('a', hours), resource('b', hours)];
  const pick = (value: number) =>
    findSlots(query({ resources, mode: 'roundrobin_random', random: () => value }))[0]!.resourceIds;
  assert.deepEqual(pick(0.4), ['a']);
  assert.deepEqual(pick(0.5), ['b']);
  // Math.random never returns 1, but the engine's random source is the caller's.
  assert.deepEqual(pick(1), ['b']);
});

test('no resources, no length or a window that ends where it starts offer nothing, in every mode', () => {
  const a = resource('a', { mon: [['09:00', '17:00']] });
  for (const mode of ['roundrobin_prioritized', 'roundrobin_random', 'mutual'] as const) {
    assert.deepEqual(findSlots(query({ resources: [], mode })), [], mode);
    assert.deepEqual(findSlots(query({ resources: [a], mode, lengthMs: 0 })), [], mode);
    const from = at('2026-03-02T10:00:00Z');
    assert.deepEqual(findSlots(query({ resources: [a], mode, from, to: from })), [], mode);
  }
});

test('a close equal to the open keeps the resource open 24 hours, into the next day', () => {
  const slots = findSlots(
    query({
      resources: [resource('a', { mon: [['09:00', '09:00']] })],
      to: at('2026-03-04T00:00:00Z'),
      lengthMs: 12 * HOUR,
      incrementMs: 12 * HOUR,
    }),
  );
  assert.deepEqual(
    slots.map((slot) => new Date(slot.start).toISOString()),
    ['2026-03-02T09:00:00.000Z', '2026-03-02T21:00:00.000Z'],
  );
});

test('in a zone behind UTC, hours that began the day before reach into a late-evening window', () => {
  // Friday 23:00 to Saturday 22:00 in Los Angeles (PST, UTC-8); the window is Saturday
  // 20:00-22:00 there, already Sunday in UTC.
  const slots = findSlots(
    query({
      resources: [resource('la', { fri: [['23:00', '22:00']] }, 'America/Los_Angeles')],
      from: at('2026-03-01T04:00:00Z'),
      to: at('2026-03-01T06:00:00Z'),
    }),
  );
  assert.deepEqual(
    slots.map((slot) => new Date(slot.start).toISOString()),
    ['2026-03-01T04:00:00.000Z', '2026-03-01T05:00:00.000Z'],
  );
});

test('in a zone ahead of UTC, the window’s last local day is read', () => {
  // Tokyo (UTC+9) is open Tuesday 06:00-07:00; the window ends Tuesday 08:00 there, which
  // is still Monday in UTC.
  const slots = findSlots(
    query({
      resources: [resource('tokyo', { tue: [['06:00', '07:00']] }, 'Asia/Tokyo')],
      from: at('2026-03-02T12:00:00Z'),
      to: at('2026-03-02T23:00:00Z'),
    }),
  );
  assert.deepEqual(
    slots.map((slot) => new Date(slot.start).toISOString()),
    ['2026-03-02T21:00:00.000Z'],
  );
});

test('weekdays are read right before 1970 too', () => {
  // 24 December 1969 was a Wednesday, days -8 and -7 after the epoch.
  const slots = findSlots(
    query({
      resources: [resource('a', { wed: [['09:00', '10:00']], thu: [['11:00', '12:00']] })],
      from: at('1969-12-24T00:00:00Z'),
      to: at('1969-12-26T00:00:00Z'),
    }),
  );
  assert.deepEqual(
    slots.map((slot) => new Date(slot.start).toISOString()),
    ['1969-12-24T09:00:00.000Z', '1969-12-25T11:00:00.000Z'],
  );
});

test('busy time inside other busy time keeps the outer one busy to its end', () => {
  const slots = findSlots(
    query({
      resources: [resource('a', { mon: [['09:00', '15:00']] })],
      busy: new Map([
        [
          'a',
          [
            { start: at('2026-03-02T10:00:00Z'), end: at('2026-03-02T13:00:00Z') },
            { start: at('2026-03-02T11:00:00Z'), end: at('2026-03-02T12:00:00Z') },
          ],
        ],
      ]),
    }),
  );
  assert.deepEqual(hhmm(slots), ['09:00', '13:00', '14:00']);
});

test('freeIntervals lists no empty stretch where busy time starts at opening or runs to closing', () => {
  const free = freeIntervals(
    resource('a', { mon: [['09:00', '17:00']] }),
    [
      { start: at('2026-03-02T09:00:00Z'), end: at('2026-03-02T10:00:00Z') },
      { start: at('2026-03-02T16:00:00Z'), end: at('2026-03-02T17:00:00Z') },
    ],
    at('2026-03-02T00:00:00Z'),
    at('2026-03-03T00:00:00Z'),
    0,
  );
  assert.deepEqual(free, [{ start: at('2026-03-02T10:00:00Z'), end: at('2026-03-02T16:00:00Z') }]);
});

test('datesWithSlots counts a slot at the next local midnight on the next date', () => {
  const slots = [at('2026-03-02T09:00:00Z'), at('2026-03-03T00:00:00Z')].map((start) => ({
    start,
    end: start + HOUR,
    resourceIds: ['a'],
  }));
  assert.deepEqual(datesWithSlots(slots, 'UTC'), ['2026-03-02', '2026-03-03']);
});

test('datesWithSlots: after a 23-hour day, a slot in the next day’s first hour is on the next date', () => {
  // Copenhagen springs forward on 29 March 2026; 30 March 00:30 there is 22:30 UTC.
  const slots = [at('2026-03-29T08:00:00Z'), at('2026-03-29T22:30:00Z')].map((start) => ({
    start,
    end: start + HOUR,
    resourceIds: ['a'],
  }));
  assert.deepEqual(datesWithSlots(slots, 'Europe/Copenhagen'), ['2026-03-29', '2026-03-30']);
  // And the dates come sorted even from slots that do not.
  assert.deepEqual(datesWithSlots([...slots].reverse(), 'Europe/Copenhagen'), [
    '2026-03-29',
    '2026-03-30',
  ]);
});
