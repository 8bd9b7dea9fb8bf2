/**
 * How expandRecurrence hands a rule to rrule and reports what comes back: which BYxxx parts
 * reach rrule for each FREQ (WKST, BYYEARDAY, BYWEEKNO, numbered BYDAY, BYHOUR/BYMINUTE/BYSECOND),
 * the exact RangeError messages for a bad start, end or zone, a blank rule next to an RDATE,
 * UNTIL as a date and at the end of rrule's range, the candidate cap at exactly 100 000, and the
 * exact "too many"/"too sparse"/"cannot expand" messages. Each test pins a behaviour that a
 * Stryker survivor in src/engine/recurrence.ts (rruleOptions and expandRecurrence) changed
 * without any engine test noticing (issue #17).
 *
 * Three tests walk the 100 000-candidate cap on purpose; each takes about half a second.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecurrenceError } from '../../../src/engine/recurrence.ts';
import type { RecurrenceInput } from '../../../src/engine/recurrence.ts';
import { FRIDAY, expand, local, refusedWith } from './recurrence-helpers.ts';

const HOUR = 3_600_000;

/** The same in UTC, for the tests that run in the UTC zone. */
const inUtc = (input: Partial<RecurrenceInput>) =>
  expand({ timeZone: 'UTC', ...input }).map((o) => new Date(o.start).toISOString());

function rangeError(input: Partial<RecurrenceInput>, message: string) {
  assert.throws(
    () => expand({ rrule: 'FREQ=DAILY;COUNT=2', ...input }),
    (error: unknown) => {
      assert.ok(error instanceof RangeError, String(error));
      assert.equal(error.message, message);
      return true;
    },
    JSON.stringify(input),
  );
}

test('WKST decides which weeks INTERVAL=2 skips (RFC 5545’s TU,SU example)', () => {
  // From Tuesday 2026-09-29: weeks from Sunday pair 09-27..10-03 with 10-11..10-17, so the
  // Sunday after the first Tuesday is skipped; weeks from Monday (the default) keep it.
  const start = Date.parse('2026-09-29T07:00:00Z');
  const rule = (wkst: string) => ({
    start,
    end: start + HOUR,
    rrule: `FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU${wkst}`,
  });
  assert.deepEqual(local(rule(';WKST=SU')), [
    '2026-09-29T09:00:00+02:00',
    '2026-10-11T09:00:00+02:00',
    '2026-10-13T09:00:00+02:00',
    '2026-10-25T09:00:00+01:00',
  ]);
  assert.deepEqual(local(rule('')), [
    '2026-09-29T09:00:00+02:00',
    '2026-10-04T09:00:00+02:00',
    '2026-10-13T09:00:00+02:00',
    '2026-10-18T09:00:00+02:00',
  ]);
});

test('YEARLY hands BYYEARDAY, BYWEEKNO and numbered weekdays to rrule', () => {
  assert.deepEqual(local({ rrule: 'FREQ=YEARLY;BYYEARDAY=1,-1;COUNT=3' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-12-31T09:00:00+01:00',
    '2027-01-01T09:00:00+01:00',
    '2027-12-31T09:00:00+01:00',
  ]);
  // The Monday of ISO week 1, not every Monday.
  assert.deepEqual(local({ rrule: 'FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;COUNT=2' }), [
    '2026-09-25T09:00:00+02:00',
    '2027-01-04T09:00:00+01:00',
    '2028-01-03T09:00:00+01:00',
  ]);
  // The first Monday of the month, not every Monday.
  assert.deepEqual(local({ rrule: 'FREQ=MONTHLY;BYDAY=1MO;COUNT=2' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-10-05T09:00:00+02:00',
    '2026-11-02T09:00:00+01:00',
  ]);
});

test('DAILY and WEEKLY expand BYHOUR, BYMINUTE and BYSECOND through rrule', () => {
  // These parts add times within the day; without them rrule keeps DTSTART's 09:00:00.
  assert.deepEqual(
    local({ rrule: 'FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30;COUNT=5' }).map((s) => s.slice(0, 16)),
    [
      '2026-09-25T09:00',
      '2026-09-25T09:30',
      '2026-09-25T17:00',
      '2026-09-25T17:30',
      '2026-09-26T09:00',
    ],
  );
  assert.deepEqual(
    local({ rrule: 'FREQ=WEEKLY;BYHOUR=9,17;BYMINUTE=0,30;COUNT=5' }).map((s) => s.slice(0, 16)),
    [
      '2026-09-25T09:00',
      '2026-09-25T09:30',
      '2026-09-25T17:00',
      '2026-09-25T17:30',
      '2026-10-02T09:00',
    ],
  );
  assert.deepEqual(local({ rrule: 'FREQ=DAILY;BYSECOND=0,30;COUNT=3' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-09-25T09:00:30+02:00',
    '2026-09-26T09:00:00+02:00',
  ]);
});

test('HOURLY expands BYMINUTE and MINUTELY expands BYSECOND through rrule', () => {
  assert.deepEqual(local({ rrule: 'FREQ=HOURLY;BYMINUTE=0,30;COUNT=4' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-09-25T09:30:00+02:00',
    '2026-09-25T10:00:00+02:00',
    '2026-09-25T10:30:00+02:00',
  ]);
  assert.deepEqual(local({ rrule: 'FREQ=MINUTELY;BYSECOND=0,30;COUNT=3' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-09-25T09:00:30+02:00',
    '2026-09-25T09:01:00+02:00',
  ]);
});

test('a limit part coarser than the step stays on the step’s grid (rrule would carry it)', () => {
  // rrule 2.8.1 given BYHOUR with MINUTELY carries 10:30 + 90 min = 12:00 as "step 2 hours"
  // and lands on 10:00 the next day, off the 90-minute grid; BYMINUTE with SECONDLY likewise.
  assert.deepEqual(local({ rrule: 'FREQ=MINUTELY;INTERVAL=90;BYHOUR=9,10;COUNT=4' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-09-25T10:30:00+02:00',
    '2026-09-26T09:00:00+02:00',
    '2026-09-26T10:30:00+02:00',
  ]);
  assert.deepEqual(local({ rrule: 'FREQ=SECONDLY;INTERVAL=90;BYMINUTE=0,1;COUNT=4' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-09-25T09:01:30+02:00',
    '2026-09-25T10:00:00+02:00',
    '2026-09-25T10:01:30+02:00',
  ]);
});

test('SECONDLY;BYSECOND is filtered here, one candidate per second, and capped as such', () => {
  // 100 000 seconds hold 1667 whole minutes; the series stops there, so it has "at least" that
  // many. (Were BYSECOND handed to rrule, each candidate would match and COUNT=5000 be reached.)
  refusedWith(
    { rrule: 'FREQ=SECONDLY;BYSECOND=0;COUNT=5000' },
    'rrule',
    'the series has at least 1667 occurrences; at most 731 are allowed',
  );
});

test('a bad start, end or zone is refused with its own message', () => {
  const message = 'start and end must be epoch ms with end >= start';
  rangeError({ start: NaN }, message);
  rangeError({ end: NaN }, message);
  rangeError({ end: Infinity }, message);
  rangeError({ end: FRIDAY.start - 1 }, message);
  rangeError({ timeZone: 'Nowhere/Else' }, 'Unknown time zone: Nowhere/Else');
});

test('a blank rrule next to an RDATE is no rule at all', () => {
  assert.deepEqual(local({ rrule: '  ', rdate: '20261001T090000' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-10-01T09:00:00+02:00',
  ]);
});

test('UNTIL as a date ends before the next midnight', () => {
  // Daily at 00:00 local: UNTIL=20260927 takes 09-27 00:00 but not 09-28 00:00.
  const start = Date.parse('2026-09-24T22:00:00Z');
  assert.deepEqual(local({ start, end: start + HOUR, rrule: 'FREQ=DAILY;UNTIL=20260927' }), [
    '2026-09-25T00:00:00+02:00',
    '2026-09-26T00:00:00+02:00',
    '2026-09-27T00:00:00+02:00',
  ]);
});

test('a UTC UNTIL in the last day of year 9999 lets rrule run to its end', () => {
  // From 9999-12-30 00:00Z, every second to the end of 9999 is 172 800 candidates: past the
  // cap, so the series is refused, though UNTIL itself would allow 24 occurrences.
  const start = Date.parse('9999-12-30T00:00:00Z');
  refusedWith(
    {
      start,
      end: start + 1000,
      timeZone: 'UTC',
      rrule: 'FREQ=SECONDLY;BYMINUTE=0;BYSECOND=0;UNTIL=99991230T235959Z',
    },
    'rrule',
    'the rule is too sparse to expand: only 24 occurrence(s) among its first 100000 candidate ' +
      'times; use a coarser FREQ (e.g. FREQ=DAILY;BYHOUR=9) or an earlier UNTIL/smaller COUNT',
  );
});

test('exactly 100 000 candidates are all looked at', () => {
  // 2026-01-01 00:00:00 to 2026-01-02 03:46:39 is 100 000 seconds, the last one the cap.
  const start = Date.parse('2026-01-01T00:00:00Z');
  const occurrences = inUtc({
    start,
    end: start + 1000,
    rrule: 'FREQ=SECONDLY;BYMINUTE=0;BYSECOND=0;UNTIL=20260102T034639',
  });
  assert.equal(occurrences.length, 28);
  assert.equal(occurrences.at(-1), '2026-01-02T03:00:00.000Z');
});

test('a series of exactly 10 000 is counted, not "more than 10000"', () => {
  refusedWith(
    { rrule: 'FREQ=DAILY;COUNT=10000' },
    'rrule',
    'the series has 10000 occurrences; at most 731 are allowed',
  );
});

test('what rrule itself refuses comes back as an rrule error', () => {
  // A start in year 10000 is past rrule's range: it throws, and the caller hears why.
  const start = Date.parse('+010000-06-01T00:00:00Z');
  assert.throws(
    () => expand({ start, end: start, timeZone: 'UTC', rrule: 'FREQ=DAILY;COUNT=2' }),
    (error: unknown) => {
      assert.ok(error instanceof RecurrenceError, String(error));
      assert.equal(error.field, 'rrule');
      assert.match(error.message, /^cannot expand the rule: \S/);
      return true;
    },
  );
});
