import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slotQuery as query } from './helpers.ts';
import { findSlots, isSlotFree } from '../../../src/engine/availability.ts';
import type { SlotQuery, WeeklyHours } from '../../../src/engine/availability.ts';

/**
 * Where a slot grid starts when opening hours run on past midnight (docs/api.md, "Slot grids"):
 * hours that touch or overlap are one period, and its grid steps from where it opened, however
 * the hours are written and wherever the asked window starts; a resource open round the clock
 * has no such start, so its grid starts again at every local midnight. 2026-03-02 is a Monday.
 */

const MINUTE = 60_000;
const at = (text: string) => Date.parse(text);
const utc = (slots: Array<{ start: number }>) =>
  slots.map((slot) => new Date(slot.start).toISOString().slice(0, 16));

const resource = (weekly_hours: WeeklyHours, timezone = 'UTC') => ({
  id: 'r',
  name: 'R',
  timezone,
  weekly_hours,
});

function slots(weekly: WeeklyHours, from: string, to: string, more: Partial<SlotQuery> = {}) {
  return utc(
    findSlots(
      query({
        resources: [resource(weekly, more.resources?.[0]?.timezone)],
        from: at(from),
        to: at(to),
        lengthMs: 90 * MINUTE,
        incrementMs: 90 * MINUTE,
        ...more,
        ...(more.resources ? { resources: more.resources } : {}),
      }),
    ),
  );
}

const EVERY_DAY = (hours: Array<[string, string]>): WeeklyHours =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, hours]));

test('hours split at midnight keep the evening’s grid for a window from midnight', () => {
  const split: WeeklyHours = { mon: [['22:00', '24:00']], tue: [['00:00', '03:00']] };
  const overnight: WeeklyHours = { mon: [['22:00', '03:00']] };
  for (const weekly of [split, overnight]) {
    // 22:00, 23:30, 01:00: the visitor's Tuesday shows 01:00 whichever window asked.
    assert.deepEqual(slots(weekly, '2026-03-02T21:00Z', '2026-03-03T06:00Z'), [
      '2026-03-02T22:00',
      '2026-03-02T23:30',
      '2026-03-03T01:00',
    ]);
    assert.deepEqual(slots(weekly, '2026-03-03T00:00Z', '2026-03-03T06:00Z'), ['2026-03-03T01:00']);
    assert.deepEqual(slots(weekly, '2026-03-03T00:30Z', '2026-03-03T06:00Z'), ['2026-03-03T01:00']);
  }
});

test('hours that chain within the evening are all followed back, in any written order', () => {
  // 10:00-12:00 then 12:00-24:00 then Tuesday's 00:00-03:00: one period from 10:00, so the
  // 90-minute grid reaches Tuesday at 01:00 (10:00 + 10 steps), not 00:00 (12:00 + 8 steps).
  const inOrder: WeeklyHours = {
    mon: [
      ['10:00', '12:00'],
      ['12:00', '24:00'],
    ],
    tue: [['00:00', '03:00']],
  };
  const reversed: WeeklyHours = { ...inOrder, mon: [...inOrder.mon!].reverse() };
  for (const weekly of [inOrder, reversed])
    assert.deepEqual(slots(weekly, '2026-03-03T00:00Z', '2026-03-03T06:00Z'), ['2026-03-03T01:00']);
});

test('a period that began days before the window steps from where it began', () => {
  // Open Monday 20:00 to Wednesday 02:00: 45-minute steps from Monday 20:00 reach Wednesday at
  // 00:30 (38 steps), whether the window opens on Monday or at Wednesday's midnight.
  const weekly: WeeklyHours = {
    mon: [['20:00', '24:00']],
    tue: [['00:00', '24:00']],
    wed: [['00:00', '02:00']],
  };
  const more = { lengthMs: 60 * MINUTE, incrementMs: 45 * MINUTE };
  const wednesday = slots(weekly, '2026-03-04T00:00Z', '2026-03-04T06:00Z', more);
  assert.deepEqual(wednesday, ['2026-03-04T00:30']);
  const whole = slots(weekly, '2026-03-02T19:00Z', '2026-03-04T06:00Z', more);
  assert.equal(whole[0], '2026-03-02T20:00');
  assert.deepEqual(
    whole.filter((start) => start >= '2026-03-04'),
    wednesday,
  );
});

test('open round the clock, the grid starts again at every local midnight', () => {
  // 25-minute steps do not divide a day: Monday's grid ends 23:20, 23:45 (that slot runs past
  // midnight, which is open), then Tuesday's starts at 00:00, whichever window asked.
  const more = { lengthMs: 25 * MINUTE, incrementMs: 25 * MINUTE };
  const expected = ['2026-03-02T23:20', '2026-03-02T23:45', '2026-03-03T00:00', '2026-03-03T00:25'];
  for (const weekly of [EVERY_DAY([['00:00', '24:00']]), EVERY_DAY([['06:00', '06:00']])]) {
    assert.deepEqual(slots(weekly, '2026-03-02T23:00Z', '2026-03-03T01:00Z', more), expected);
    assert.deepEqual(
      slots(weekly, '2026-03-02T10:00Z', '2026-03-03T01:00Z', more).slice(-4),
      expected,
    );
    assert.deepEqual(
      slots(weekly, '2026-03-03T00:00Z', '2026-03-03T01:00Z', more),
      expected.slice(2),
    );
    const acrossMidnight = { start: at('2026-03-02T23:45Z'), end: at('2026-03-03T00:10Z') };
    assert.equal(isSlotFree(resource(weekly), [], acrossMidnight, 0), true);
  }
});

test('open round the clock across a DST change, the grid starts at the local midnight', () => {
  // Copenhagen springs forward on Sunday 29 March 2026, a 23-hour day: the 90-minute grid from
  // that day's midnight (28 March 23:00 UTC) would reach 29 March 23:00 UTC; Monday's grid
  // starts at its own midnight, 22:00 UTC.
  const copenhagen = resource(EVERY_DAY([['00:00', '24:00']]), 'Europe/Copenhagen');
  assert.deepEqual(
    slots({}, '2026-03-29T20:00Z', '2026-03-29T23:59Z', { resources: [copenhagen] }),
    ['2026-03-29T20:00', '2026-03-29T21:30', '2026-03-29T22:00'],
  );
});

test('in mutual mode, round-the-clock and overnight hours share the later start', () => {
  const always = { ...resource(EVERY_DAY([['00:00', '24:00']])), id: 'always' };
  const nights = { ...resource({ mon: [['22:00', '24:00']], tue: [['00:00', '03:00']] }), id: 'n' };
  assert.deepEqual(
    slots({}, '2026-03-03T00:00Z', '2026-03-03T06:00Z', {
      resources: [always, nights],
      mode: 'mutual',
    }),
    ['2026-03-03T01:00'],
  );
});

test('hours that end at the window’s start on its own day still start its grid', () => {
  // Tuesday 02:30-03:00 then 03:00-06:00 is one period from 02:30: 45-minute slots from 03:15.
  const weekly: WeeklyHours = {
    tue: [
      ['02:30', '03:00'],
      ['03:00', '06:00'],
    ],
  };
  const more = { lengthMs: 45 * MINUTE, incrementMs: 45 * MINUTE };
  assert.deepEqual(slots(weekly, '2026-03-03T03:00Z', '2026-03-03T06:00Z', more), [
    '2026-03-03T03:15',
    '2026-03-03T04:00',
    '2026-03-03T04:45',
  ]);
});

test('a week open but for Sunday evening is no round-the-clock resource', () => {
  // Monday 08:00 to Sunday 20:00 without a break, 6 days 12 hours: Sunday evening's grid is still
  // Monday's, 25-minute steps from 08:00 reach 19:00 (372 steps), not 19:10 as from midnight.
  const weekly: WeeklyHours = {
    mon: [['08:00', '24:00']],
    ...Object.fromEntries(
      ['tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]]),
    ),
    sun: [['00:00', '20:00']],
  };
  const more = { lengthMs: 25 * MINUTE, incrementMs: 25 * MINUTE };
  assert.deepEqual(slots(weekly, '2026-03-08T19:00Z', '2026-03-08T20:00Z', more), [
    '2026-03-08T19:00',
    '2026-03-08T19:25',
  ]);
});
