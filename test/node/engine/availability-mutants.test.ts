/**
 * Slot grids where they meet the edges of the calendar: a daylight-saving change that joins a
 * week of opening hours into one long period, and a resource open round the clock before 1970.
 * Each test pins a behaviour that a Stryker survivor in src/engine/availability.ts changed
 * without any engine test noticing (issue #17).
 *
 * Europe/Berlin springs forward on Sunday 2026-03-29 at 02:00 CET (01:00Z) to 03:00 CEST, so a
 * resource open every day round the clock except Sunday 02:00-03:00 has that gap only on the
 * Sundays around it: on 03-29 the 02:00 close (a wall time that does not exist, read with the
 * offset before the change: 01:00Z) touches the 03:00 CEST opening (also 01:00Z). It is open
 * without a break from Sunday 2026-03-22 03:00 CET (02:00Z) to Sunday 2026-04-05 02:00 CEST
 * (00:00Z), and opens again at 03:00 CEST (01:00Z) that day.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { findSlots } from '../../../src/engine/availability.ts';
import { openAllWeek } from './helpers.ts';
import type {
  AvailabilityResource,
  Interval,
  SlotQuery,
} from '../../../src/engine/availability.ts';
import { runInChild } from './child-run.ts';

const HOUR = 3_600_000;
const at = (text: string) => Date.parse(text);
const utc = (slots: Array<{ start: number }>) =>
  slots.map((slot) => new Date(slot.start).toISOString().slice(0, 16));

const berlin: AvailabilityResource = {
  id: 'b',
  name: 'Berlin',
  timezone: 'Europe/Berlin',
  weekly_hours: {
    ...openAllWeek(),
    sun: [
      ['00:00', '02:00'],
      ['03:00', '24:00'],
    ],
  },
};

function berlinSlots(
  from: string,
  to: string,
  more: Partial<SlotQuery> = {},
  busy: Interval[] = [],
) {
  return utc(
    findSlots({
      resources: [berlin],
      busy: new Map([['b', busy]]),
      from: at(from),
      to: at(to),
      lengthMs: HOUR,
      incrementMs: HOUR,
      bufferMs: 0,
      mode: 'roundrobin_prioritized',
      ...more,
    }),
  );
}

test('a period open exactly eight days before the window keeps its grid from its opening', () => {
  // Open since 03-22 02:00Z, exactly 8 days before 03-30 02:00Z: not yet "open round the clock",
  // so 5-hour steps count from 02:00Z (02:00Z + 195 h = 03-30 05:00Z, then 10:00Z), not from
  // the local midnight 03-29 22:00Z (which would give 03:00Z and 08:00Z).
  assert.deepEqual(
    berlinSlots('2026-03-30T02:00:00Z', '2026-03-30T12:00:00Z', { incrementMs: 5 * HOUR }),
    ['2026-03-30T05:00', '2026-03-30T10:00'],
  );
});

test('hours that open again after a round-the-clock stretch closes are still offered', () => {
  // From local midnight 04-05 (04-04 22:00Z) the week-long period runs to 00:00Z, then the
  // resource is closed until 01:00Z: hourly slots before the gap and after it, none across it.
  assert.deepEqual(berlinSlots('2026-04-04T22:00:00Z', '2026-04-05T03:00:00Z'), [
    '2026-04-04T22:00',
    '2026-04-04T23:00',
    '2026-04-05T01:00',
    '2026-04-05T02:00',
  ]);
});

test('a period that closed right where the window starts does not move the next grid', () => {
  // The window opens at 00:00Z on 04-05, just as the week-long period closes; the next period
  // opens at 01:00Z and keeps its hourly grid from there although busy time takes its first
  // half hour: 02:00Z and 03:00Z, not 01:30Z and 02:30Z.
  const busy = [{ start: at('2026-04-05T01:00:00Z'), end: at('2026-04-05T01:30:00Z') }];
  assert.deepEqual(berlinSlots('2026-04-05T00:00:00Z', '2026-04-05T04:00:00Z', {}, busy), [
    '2026-04-05T02:00',
    '2026-04-05T03:00',
  ]);
});

test('the hours after a round-the-clock stretch keep their grid wherever the window starts', () => {
  // The same 01:00Z period and busy half hour, seen from a window that opens at local midnight
  // (04-04 22:00Z), while the week-long period is still open round the clock: 02:00Z and 03:00Z
  // after the gap, as from 00:00Z above, not 01:30Z and 02:30Z (the later period once lost its
  // grid when the first one was open round the clock).
  const busy = [{ start: at('2026-04-05T01:00:00Z'), end: at('2026-04-05T01:30:00Z') }];
  assert.deepEqual(berlinSlots('2026-04-04T22:00:00Z', '2026-04-05T04:00:00Z', {}, busy), [
    '2026-04-04T22:00',
    '2026-04-04T23:00',
    '2026-04-05T02:00',
    '2026-04-05T03:00',
  ]);
});

test('a window that starts after a stretch closed on the day before keeps the next grid', () => {
  // As above, but the window opens at 01:30Z inside the 01:00Z period: the hours of the day
  // before (ending 00:00Z) lie outside the window and must not make it round the clock.
  assert.deepEqual(berlinSlots('2026-04-05T01:30:00Z', '2026-04-05T04:00:00Z'), [
    '2026-04-05T02:00',
    '2026-04-05T03:00',
  ]);
});

test('before 1970 a resource open round the clock still steps from local midnight', () => {
  // Open all week in UTC, so its grid starts at every midnight: from 20:17Z the hourly starts
  // are 21:00Z, 22:00Z and 23:00Z (the last ends at 00:00Z, inside the window to 00:17Z).
  const slots = findSlots({
    resources: [{ id: 'u', name: 'UTC', timezone: 'UTC', weekly_hours: openAllWeek() }],
    busy: new Map(),
    from: at('1969-07-20T20:17:00Z'),
    to: at('1969-07-21T00:17:00Z'),
    lengthMs: HOUR,
    incrementMs: HOUR,
    bufferMs: 0,
    mode: 'roundrobin_prioritized',
  });
  assert.deepEqual(utc(slots), ['1969-07-20T21:00', '1969-07-20T22:00', '1969-07-20T23:00']);
});

test('a negative increment finds no slots instead of stepping backwards forever', () => {
  // Run in a child process so that a loop that never ends fails the test by its time limit.
  const module = fileURLToPath(new URL('../../../src/engine/availability.ts', import.meta.url));
  const script = `
    import(${JSON.stringify(module)}).then(({ findSlots }) => {
      const day = [['09:00', '17:00']];
      const slots = findSlots({
        resources: [{ id: 'a', name: 'A', timezone: 'UTC', weekly_hours: { mon: day } }],
        busy: new Map(),
        from: Date.parse('2026-03-02T00:00:00Z'),
        to: Date.parse('2026-03-03T00:00:00Z'),
        lengthMs: 3_600_000,
        incrementMs: -3_600_000,
        bufferMs: 0,
        mode: 'mutual',
      });
      process.stdout.write(JSON.stringify(slots));
    });`;
  const stdout = runInChild(script);
  assert.equal(stdout, '[]');
});

test('hours that closed before the window do not restart the grid of a later period they overlap', () => {
  // Monday 22:00 runs to Tuesday 22:00, where Tuesday's overnight hours carry on to Wednesday
  // 10:00: one period from Monday 22:00. Tuesday 10:00-12:00 lies inside it and closes before
  // a window from Wednesday 05:00; were it counted, the period it overlaps would look like two
  // and the Wednesday part's 25-minute grid would start at Tuesday 22:00, not Monday 22:00.
  const overnight: AvailabilityResource = {
    id: 'o',
    name: 'Overnight',
    timezone: 'UTC',
    weekly_hours: {
      mon: [['22:00', '22:00']],
      tue: [
        ['10:00', '12:00'],
        ['22:00', '10:00'],
      ],
    },
  };
  const slots = findSlots({
    resources: [overnight],
    busy: new Map(),
    from: at('2026-12-09T05:00:00Z'), // a Wednesday
    to: at('2026-12-09T07:00:00Z'),
    lengthMs: 25 * 60_000,
    incrementMs: 25 * 60_000,
    bufferMs: 0,
    mode: 'roundrobin_prioritized',
  });
  // Monday 22:00 + 75 × 25 minutes = Wednesday 05:15 (from Tuesday 22:00 it would be 05:05).
  assert.deepEqual(utc(slots), [
    '2026-12-09T05:15',
    '2026-12-09T05:40',
    '2026-12-09T06:05',
    '2026-12-09T06:30',
  ]);
});
