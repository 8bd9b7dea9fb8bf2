import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { slotQuery as query } from './helpers.ts';

import {
  datesWithSlots,
  findSlots,
  freeIntervals,
  isSlotFree,
  openIntervals,
} from '../../../src/engine/availability.ts';
import type {
  AvailabilityResource,
  Interval,
  WeeklyHours,
} from '../../../src/engine/availability.ts';
import { formatInstant } from '../../../src/lib/time/index.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const CPH = 'Europe/Copenhagen';
const LA = 'America/Los_Angeles';

const at = (iso: string): number => Date.parse(iso);
const everyDay = (open: string, close: string): WeeklyHours => ({
  mon: [[open, close]],
  tue: [[open, close]],
  wed: [[open, close]],
  thu: [[open, close]],
  fri: [[open, close]],
  sat: [[open, close]],
  sun: [[open, close]],
});
const resource = (
  id: string,
  weekly_hours: WeeklyHours,
  timezone = 'UTC',
): AvailabilityResource => ({ id, name: id.toUpperCase(), timezone, weekly_hours });
const busy = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });

/** What a customer would read: start times in a zone, and who serves them. */
const starts = (slots: Array<{ start: number }>, tz = 'UTC'): string[] =>
  slots.map((s) => formatInstant(s.start, tz));
const shown = (slots: Array<{ start: number; resourceIds: string[] }>, tz = 'UTC'): string[] =>
  slots.map((s) => `${formatInstant(s.start, tz).slice(11, 16)} ${s.resourceIds.join('+')}`);
const asText = (intervals: Interval[], tz = 'UTC'): string[] =>
  intervals.map((i) => `${formatInstant(i.start, tz)} - ${formatInstant(i.end, tz)}`);

// 2026-03-02 is a Monday.
const officeHours: WeeklyHours = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] };

describe('findSlots', () => {
  it('offers every hour of a basic opening day that a 1-hour slot fits in', () => {
    const slots = findSlots(query({ resources: [resource('a', officeHours)] }));
    assert.deepEqual(starts(slots), [
      '2026-03-02T09:00:00+00:00',
      '2026-03-02T10:00:00+00:00',
      '2026-03-02T11:00:00+00:00',
      '2026-03-02T12:00:00+00:00',
      '2026-03-02T13:00:00+00:00',
      '2026-03-02T14:00:00+00:00',
      '2026-03-02T15:00:00+00:00',
      '2026-03-02T16:00:00+00:00',
    ]);
    assert.deepEqual(slots[0], {
      start: at('2026-03-02T09:00:00Z'),
      end: at('2026-03-02T10:00:00Z'),
      resourceIds: ['a'],
    });
  });

  it('steps starts by the increment from the start of the opening period', () => {
    const slots = findSlots(
      query({ resources: [resource('a', { mon: [['09:10', '11:00']] })], incrementMs: 15 * MIN }),
    );
    assert.deepEqual(
      starts(slots).map((s) => s.slice(11, 16)),
      ['09:10', '09:25', '09:40', '09:55'],
    );
  });

  it('keeps the grid of the period when `from` falls in the middle of it', () => {
    const slots = findSlots(
      query({
        resources: [resource('a', officeHours)],
        from: at('2026-03-02T14:07:00Z'),
        incrementMs: 15 * MIN,
      }),
    );
    assert.deepEqual(
      starts(slots).map((s) => s.slice(11, 16)),
      ['14:15', '14:30', '14:45', '15:00', '15:15', '15:30', '15:45', '16:00'],
    );
  });

  it('never offers a slot that sticks out of the window', () => {
    const slots = findSlots(
      query({
        resources: [resource('a', officeHours)],
        from: at('2026-03-02T10:30:00Z'),
        to: at('2026-03-02T13:30:00Z'),
        incrementMs: 30 * MIN,
      }),
    );
    assert.deepEqual(
      starts(slots).map((s) => s.slice(11, 16)),
      ['10:30', '11:00', '11:30', '12:00', '12:30'],
    );
  });

  it('skips busy time in the middle of the day and restarts on the grid after it', () => {
    const slots = findSlots(
      query({
        resources: [resource('a', officeHours)],
        busy: new Map([['a', [busy('2026-03-02T11:20:00Z', '2026-03-02T12:10:00Z')]]]),
        lengthMs: 30 * MIN,
        incrementMs: 30 * MIN,
        from: at('2026-03-02T10:00:00Z'),
        to: at('2026-03-02T14:00:00Z'),
      }),
    );
    assert.deepEqual(
      starts(slots).map((s) => s.slice(11, 16)),
      ['10:00', '10:30', '12:30', '13:00', '13:30'],
    );
  });

  it('keeps the buffer free before and after busy time, merging overlapping busy intervals', () => {
    const slots = findSlots(
      query({
        resources: [resource('a', officeHours)],
        busy: new Map([
          [
            'a',
            [
              busy('2026-03-02T13:00:00Z', '2026-03-02T13:30:00Z'),
              busy('2026-03-02T12:00:00Z', '2026-03-02T12:45:00Z'), // unsorted, and
              busy('2026-03-02T12:30:00Z', '2026-03-02T13:15:00Z'), // overlapping
            ],
          ],
        ]),
        lengthMs: 30 * MIN,
        incrementMs: 15 * MIN,
        bufferMs: 15 * MIN,
        from: at('2026-03-02T11:00:00Z'),
        to: at('2026-03-02T14:30:00Z'),
      }),
    );
    // Busy 12:00-13:30, so 11:45-13:45 stays free of slots.
    assert.deepEqual(
      starts(slots).map((s) => s.slice(11, 16)),
      ['11:00', '11:15', '13:45', '14:00'],
    );
  });

  it('offers nothing without resources or with a window before it starts', () => {
    assert.deepEqual(findSlots(query({ resources: [] })), []);
    assert.deepEqual(findSlots(query({ resources: [resource('a', {})] })), []);
    const backwards = query({
      resources: [resource('a', officeHours)],
      from: at('2026-03-03T00:00:00Z'),
      to: at('2026-03-02T00:00:00Z'),
    });
    assert.deepEqual(findSlots(backwards), []);
  });

  it('roundrobin_prioritized gives each start to the first free resource in order', () => {
    const slots = findSlots(
      query({
        resources: [
          resource('a', { mon: [['09:00', '12:00']] }),
          resource('b', { mon: [['10:00', '14:00']] }),
        ],
        busy: new Map([['a', [busy('2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z')]]]),
      }),
    );
    assert.deepEqual(shown(slots), ['09:00 a', '10:00 b', '11:00 a', '12:00 b', '13:00 b']);
  });

  it('roundrobin_random picks among the free resources with the given random source', () => {
    const resources = [
      resource('a', { mon: [['09:00', '11:00']] }),
      resource('b', { mon: [['09:00', '11:00']] }),
      resource('c', { mon: [['09:00', '10:00']] }),
    ];
    const lows = findSlots(query({ resources, mode: 'roundrobin_random', random: () => 0 }));
    assert.deepEqual(shown(lows), ['09:00 a', '10:00 a']);
    const highs = findSlots(query({ resources, mode: 'roundrobin_random', random: () => 0.999 }));
    assert.deepEqual(shown(highs), ['09:00 c', '10:00 b']);
  });

  it('mutual offers only times when all are free, from when the last one opens', () => {
    const resources = [
      resource('a', { mon: [['09:00', '13:00']] }),
      resource('b', { mon: [['09:30', '17:00']] }),
    ];
    const busyMap = new Map([['b', [busy('2026-03-02T10:30:00Z', '2026-03-02T11:30:00Z')]]]);
    const mutual = findSlots(query({ resources, busy: busyMap, mode: 'mutual' }));
    assert.deepEqual(shown(mutual), ['09:30 a+b', '11:30 a+b']);
    const either = findSlots(query({ resources, busy: busyMap }));
    // Each resource keeps its own grid, so b's half-hour starts show up between a's.
    assert.deepEqual(shown(either), [
      '09:00 a',
      '09:30 b',
      '10:00 a',
      '11:00 a',
      '11:30 b',
      '12:00 a',
      '12:30 b',
      '13:30 b',
      '14:30 b',
      '15:30 b',
    ]);
  });

  it('lists a start once even when several resources are free then', () => {
    const slots = findSlots(
      query({ resources: [resource('a', officeHours), resource('b', officeHours)] }),
    );
    assert.equal(slots.length, 8);
    assert.ok(
      slots.every((s) => s.resourceIds.length === 1 && s.resourceIds[0] === 'a'),
      `slots.every((s) => s.resourceIds.length === 1 && s.resourceIds[0] === 'a')`,
    );
  });

  it('opens at 09:00 Copenhagen time on both sides of the spring change', () => {
    const slots = findSlots(
      query({
        resources: [resource('cph', everyDay('09:00', '17:00'), CPH)],
        from: at('2026-03-28T00:00:00Z'),
        to: at('2026-03-31T00:00:00Z'),
        lengthMs: 8 * HOUR,
      }),
    );
    assert.deepEqual(starts(slots), [
      '2026-03-28T08:00:00+00:00', // Saturday, CET
      '2026-03-29T07:00:00+00:00', // Sunday, the change, CEST
      '2026-03-30T07:00:00+00:00', // Monday, CEST
    ]);
    assert.deepEqual(starts(slots, CPH), [
      '2026-03-28T09:00:00+01:00',
      '2026-03-29T09:00:00+02:00',
      '2026-03-30T09:00:00+02:00',
    ]);
    // A customer in Los Angeles, already on PDT since 8 March, sees 1:00 then midnight.
    assert.deepEqual(starts(slots, LA), [
      '2026-03-28T01:00:00-07:00',
      '2026-03-29T00:00:00-07:00',
      '2026-03-30T00:00:00-07:00',
    ]);
  });

  it('opens at 09:00 Copenhagen time on both sides of the last Sunday of October', () => {
    const slots = findSlots(
      query({
        resources: [resource('cph', everyDay('09:00', '17:00'), CPH)],
        from: at('2026-10-24T00:00:00Z'),
        to: at('2026-10-27T00:00:00Z'),
        lengthMs: 8 * HOUR,
      }),
    );
    assert.deepEqual(starts(slots), [
      '2026-10-24T07:00:00+00:00',
      '2026-10-25T08:00:00+00:00',
      '2026-10-26T08:00:00+00:00',
    ]);
    assert.deepEqual(starts(slots, CPH), [
      '2026-10-24T09:00:00+02:00',
      '2026-10-25T09:00:00+01:00',
      '2026-10-26T09:00:00+01:00',
    ]);
    // Los Angeles stays on PDT until 1 November, so the slot moves from 00:00 to 01:00 there.
    assert.deepEqual(starts(slots, LA), [
      '2026-10-24T00:00:00-07:00',
      '2026-10-25T01:00:00-07:00',
      '2026-10-26T01:00:00-07:00',
    ]);
  });

  it('counts real elapsed time across a change inside a period', () => {
    // Open through the night; clocks jump 02:00 -> 03:00, so 01:00-04:00 lasts two hours.
    const slots = findSlots(
      query({
        resources: [resource('cph', { sun: [['01:00', '04:00']] }, CPH)],
        from: at('2026-03-28T00:00:00Z'),
        to: at('2026-03-30T00:00:00Z'),
      }),
    );
    assert.deepEqual(starts(slots, CPH), [
      '2026-03-29T01:00:00+01:00',
      '2026-03-29T03:00:00+02:00',
    ]);
  });
});

describe('openIntervals', () => {
  it('drops a period wholly in the spring-forward gap and shortens one that starts in it', () => {
    const r = resource(
      'cph',
      {
        sun: [
          ['02:00', '03:00'],
          ['02:30', '04:00'],
        ],
      },
      CPH,
    );
    const open = openIntervals(r, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'));
    assert.deepEqual(asText(open, CPH), ['2026-03-29T03:30:00+02:00 - 2026-03-29T04:00:00+02:00']);
  });

  it('runs hours past midnight into the next day, with yesterday’s hours counted too', () => {
    const r = resource('bar', { fri: [['20:00', '02:00']], sat: [['20:00', '24:00']] });
    const open = openIntervals(r, at('2026-03-07T00:00:00Z'), at('2026-03-09T00:00:00Z'));
    assert.deepEqual(asText(open), [
      '2026-03-07T00:00:00+00:00 - 2026-03-07T02:00:00+00:00', // Friday's hours, clipped
      '2026-03-07T20:00:00+00:00 - 2026-03-08T00:00:00+00:00',
    ]);
  });

  it('merges periods that touch, across midnight too', () => {
    const r = resource('x', {
      mon: [
        ['09:00', '12:00'],
        ['12:00', '17:00'],
        ['22:00', '24:00'],
      ],
      tue: [['00:00', '03:00']],
    });
    const open = openIntervals(r, at('2026-03-02T00:00:00Z'), at('2026-03-04T00:00:00Z'));
    assert.deepEqual(asText(open), [
      '2026-03-02T09:00:00+00:00 - 2026-03-02T17:00:00+00:00',
      '2026-03-02T22:00:00+00:00 - 2026-03-03T03:00:00+00:00',
    ]);
  });

  it('keeps one grid for a period that spans midnight', () => {
    const slots = findSlots(
      query({
        resources: [resource('x', { mon: [['22:00', '24:00']], tue: [['00:00', '03:00']] })],
        from: at('2026-03-02T00:00:00Z'),
        to: at('2026-03-04T00:00:00Z'),
        lengthMs: 90 * MIN,
        incrementMs: 90 * MIN,
      }),
    );
    assert.deepEqual(starts(slots), [
      '2026-03-02T22:00:00+00:00',
      '2026-03-02T23:30:00+00:00',
      '2026-03-03T01:00:00+00:00',
    ]);
  });
});

describe('freeIntervals', () => {
  it('removes buffered busy time from the opening hours', () => {
    const free = freeIntervals(
      resource('a', officeHours),
      [
        busy('2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z'),
        busy('2026-03-02T08:00:00Z', '2026-03-02T09:10:00Z'),
      ],
      at('2026-03-02T00:00:00Z'),
      at('2026-03-03T00:00:00Z'),
      10 * MIN,
    );
    assert.deepEqual(asText(free), [
      '2026-03-02T09:20:00+00:00 - 2026-03-02T11:50:00+00:00',
      '2026-03-02T13:10:00+00:00 - 2026-03-02T17:00:00+00:00',
    ]);
  });
});

describe('isSlotFree', () => {
  const a = resource('a', {
    mon: [
      ['09:00', '12:00'],
      ['12:00', '17:00'],
    ],
  });
  const booked = [busy('2026-03-02T14:00:00Z', '2026-03-02T15:00:00Z')];
  const slot = (start: string, end: string): Interval => busy(start, end);

  it('accepts a slot inside opening hours, also across periods that touch', () => {
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'), 0),
      true,
    );
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-02T11:30:00Z', '2026-03-02T12:30:00Z'), 0),
      true,
    );
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z'), 0),
      true,
    );
  });

  it('rejects a slot outside opening hours or over busy time and its buffer', () => {
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-02T08:30:00Z', '2026-03-02T09:30:00Z'), 0),
      false,
    );
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-02T16:30:00Z', '2026-03-02T17:30:00Z'), 0),
      false,
    );
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-03T09:00:00Z', '2026-03-03T10:00:00Z'), 0),
      false,
    );
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-02T14:30:00Z', '2026-03-02T15:30:00Z'), 0),
      false,
    );
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z'), 15 * MIN),
      false,
    );
    assert.equal(
      isSlotFree(a, booked, slot('2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z'), 0),
      false,
    );
  });

  it('agrees with findSlots', () => {
    const slots = findSlots(
      query({
        resources: [a],
        busy: new Map([['a', booked]]),
        incrementMs: 20 * MIN,
        bufferMs: 10 * MIN,
      }),
    );
    // Blocked 13:50-15:10; after it the 20-minute grid from 09:00 resumes at 15:20.
    assert.deepEqual(
      starts(slots).map((s) => s.slice(11, 16)),
      [
        ...['09:00', '09:20', '09:40', '10:00', '10:20', '10:40', '11:00', '11:20', '11:40'],
        ...['12:00', '12:20', '12:40', '15:20', '15:40', '16:00'],
      ],
    );
    assert.ok(
      slots.every((s) => isSlotFree(a, booked, s, 10 * MIN)),
      'slots.every((s) => isSlotFree(a, booked, s, 10 * MIN))',
    );
  });
});

describe('datesWithSlots', () => {
  it('lists the local days with slots, in the viewer’s zone', () => {
    const slots = findSlots(
      query({
        resources: [resource('cph', everyDay('09:00', '17:00'), CPH)],
        from: at('2026-03-28T00:00:00Z'),
        to: at('2026-03-31T00:00:00Z'),
      }),
    );
    assert.deepEqual(datesWithSlots(slots, CPH), ['2026-03-28', '2026-03-29', '2026-03-30']);
    // In Auckland, 11-13 hours ahead, the afternoon slots already fall on the next day.
    assert.deepEqual(datesWithSlots(slots, 'Pacific/Auckland'), [
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
    assert.deepEqual(datesWithSlots([], CPH), []);
  });
});
