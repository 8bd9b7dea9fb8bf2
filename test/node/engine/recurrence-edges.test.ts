import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecurrenceError, expandRecurrence } from '../../../src/engine/recurrence.ts';
import type { RecurrenceInput } from '../../../src/engine/recurrence.ts';
import { formatInstant } from '../../../src/lib/time/index.ts';
import { CPH, FRIDAY, expand, local } from './recurrence-helpers.ts';

/**
 * The edges of src/engine/recurrence.ts that recurrence.test.ts left open (planted by hand,
 * issue #17): each number and date part at its bound, the rule's own syntax (a trailing ";",
 * "NAME=", a part twice), a start with milliseconds, a start in the repeated hour of autumn,
 * and local dates in EXDATE.
 */

const HOUR = 3_600_000;

function refused(input: Partial<RecurrenceInput>, field: string, message: RegExp) {
  assert.throws(
    () => expand(input),
    (error: unknown) => {
      assert.ok(error instanceof RecurrenceError, String(error));
      assert.equal(error.field, field, error.message);
      assert.match(error.message, message);
      return true;
    },
    JSON.stringify(input),
  );
}

test('a date is read strictly: no month 13, no 31 April, no hour 24, no second 60', () => {
  for (const rdate of ['20261301', '20260431', '20261002T240000', '20261002T090060'])
    refused({ rdate }, 'rdate', /./);
  assert.equal(expand({ rdate: '20261231T235959' }).length, 2);
});

test('numbers at their bounds: COUNT=1, BYMONTH=12, BYMONTHDAY=1 and -1 are taken; 0 is not', () => {
  assert.equal(expand({ rrule: 'FREQ=DAILY;COUNT=1' }).length, 1);
  assert.equal(local({ rrule: 'FREQ=YEARLY;BYMONTH=12;COUNT=2' })[1], '2026-12-25T09:00:00+01:00');
  assert.deepEqual(local({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1,-1;COUNT=3' }).slice(1, 3), [
    '2026-09-30T09:00:00+02:00',
    '2026-10-01T09:00:00+02:00',
  ]);
  refused(
    { rrule: 'FREQ=MONTHLY;BYMONTHDAY=0;COUNT=3' },
    'rrule',
    /BYMONTHDAY=0: 0 is out of range/,
  );
  refused({ rrule: 'FREQ=DAILY;COUNT=0' }, 'rrule', /COUNT=0 is out of range/);
});

test('the rule’s syntax: one trailing ";" is fine; "NAME=", "=VALUE", a part twice are not', () => {
  assert.equal(expand({ rrule: 'FREQ=DAILY;COUNT=2;' }).length, 2);
  refused({ rrule: 'RRULE:' }, 'rrule', /cannot read "" in rrule/);
  refused({ rrule: 'FREQ=DAILY;COUNT=' }, 'rrule', /cannot read "COUNT=" in rrule/);
  refused({ rrule: 'FREQ=DAILY;=2' }, 'rrule', /cannot read "=2" in rrule/);
  refused({ rrule: 'FREQ=DAILY;COUNT=2;COUNT=3' }, 'rrule', /COUNT appears more than once/);
});

test('a numbered weekday: up to 5 in a month, 53 in a year; BYSETPOS may pick the last of a week', () => {
  assert.equal(local({ rrule: 'FREQ=MONTHLY;BYDAY=5TU;COUNT=2' })[1], '2026-09-29T09:00:00+02:00');
  refused({ rrule: 'FREQ=MONTHLY;BYDAY=6TU;COUNT=2' }, 'rrule', /BYDAY=6TU is out of range/);
  assert.equal(expand({ rrule: 'FREQ=YEARLY;BYDAY=53TH;COUNT=2' }).length, 3);
  assert.deepEqual(local({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;BYSETPOS=2;COUNT=2' }), [
    '2026-09-25T09:00:00+02:00',
    '2026-09-30T09:00:00+02:00',
    '2026-10-07T09:00:00+02:00',
  ]);
});

test('a booking of no length repeats; a date-only RDATE takes DTSTART’s time; order is by time', () => {
  const occurrences = expand({
    end: FRIDAY.start,
    rdate: 'VALUE=DATE:20260920',
    rrule: 'FREQ=WEEKLY;COUNT=2',
  });
  assert.deepEqual(
    occurrences.map((occurrence) => formatInstant(occurrence.start, CPH)),
    ['2026-09-20T09:00:00+02:00', '2026-09-25T09:00:00+02:00', '2026-10-02T09:00:00+02:00'],
  );
  assert.ok(
    occurrences.every((occurrence) => occurrence.end === occurrence.start),
    'occurrences.every((occurrence) => occurrence.end === occurrence.start)',
  );
});

test('a start with milliseconds keeps them, and UNTIL in local time still takes that occurrence', () => {
  const start = FRIDAY.start + 500;
  const occurrences = expand({
    start,
    end: start + HOUR,
    rrule: 'FREQ=DAILY;UNTIL=20260927T090000',
  });
  assert.deepEqual(
    occurrences.map((occurrence) => occurrence.start - FRIDAY.start),
    [500, 500 + 24 * HOUR, 500 + 48 * HOUR],
  );
  // UNTIL as a date takes the whole day; as an instant, that exact instant.
  assert.equal(expand({ rrule: 'FREQ=DAILY;UNTIL=20260927' }).length, 3);
  assert.equal(expand({ rrule: 'FREQ=DAILY;UNTIL=20260927T070000Z' }).length, 3);
  // EXDATE at the occurrence's second removes it, milliseconds or not.
  const excluded = expand({
    start,
    end: start + HOUR,
    rrule: 'FREQ=DAILY;COUNT=3',
    exdate: '20260926T070000Z',
  });
  assert.equal(excluded.length, 2);
});

test('a start in the repeated hour of autumn stays the one the booking gave', () => {
  // 25 October 2026, 02:30 in Copenhagen happens twice; this is the second (CET, 01:30 UTC).
  const start = Date.parse('2026-10-25T01:30:00Z');
  const [first] = expandRecurrence({
    start,
    end: start + HOUR,
    timeZone: CPH,
    rrule: 'FREQ=DAILY;COUNT=2',
  });
  assert.equal(first!.start, start);
});

test('EXDATE dates are the resource’s local dates, not UTC ones', () => {
  // 00:30 in Copenhagen is still the day before in UTC.
  const start = Date.parse('2026-09-24T22:30:00Z');
  const occurrences = expandRecurrence({
    start,
    end: start + HOUR,
    timeZone: CPH,
    rrule: 'FREQ=DAILY;COUNT=3',
    exdate: 'VALUE=DATE:20260926',
  });
  assert.deepEqual(
    occurrences.map((occurrence) => formatInstant(occurrence.start, CPH)),
    ['2026-09-25T00:30:00+02:00', '2026-09-27T00:30:00+02:00'],
  );
});

test('an RDATE of blanks is no RDATE; a list of 10 000 dates is read, 10 001 are not', () => {
  refused({ rdate: '   ' }, 'rrule', /rrule is required/);
  const day = Date.parse('2027-01-01T00:00:00Z');
  const dates = (count: number) =>
    Array.from({ length: count }, (_, n) =>
      new Date(day + n * 86_400_000).toISOString().slice(0, 10).replaceAll('-', ''),
    ).join(',');
  refused(
    { rdate: `VALUE=DATE:${dates(10_000)}` },
    'rdate',
    /the series has more than 10000 occurrences/,
  );
  refused({ rdate: `VALUE=DATE:${dates(10_001)}` }, 'rdate', /lists more than 10000 dates/);
});

test('a rule from before the year 100 is refused (the rule library would go on in the 1900s); RDATEs alone are read', () => {
  const year50 = Date.parse('0050-06-01T09:00:00Z');
  const series = { start: year50, end: year50 + HOUR, timeZone: 'UTC' };
  assert.throws(() => expandRecurrence({ ...series, rrule: 'FREQ=DAILY;COUNT=2' }), {
    name: 'RecurrenceError',
    field: 'rrule',
    message: 'cannot repeat a series that starts before the year 100',
  });
  const dated = expandRecurrence({ ...series, rrule: '', rdate: '00500602T090000Z' });
  assert.deepEqual(
    dated.map((occurrence) => new Date(occurrence.start).toISOString()),
    ['0050-06-01T09:00:00.000Z', '0050-06-02T09:00:00.000Z'],
  );
  // The year 100 itself is read right, from its first instant.
  const year100 = Date.parse('0100-01-01T00:00:00Z');
  const daily = expandRecurrence({
    start: year100,
    end: year100 + HOUR,
    timeZone: 'UTC',
    rrule: 'FREQ=DAILY;COUNT=2',
  });
  assert.deepEqual(
    daily.map((occurrence) => new Date(occurrence.start).toISOString()),
    ['0100-01-01T00:00:00.000Z', '0100-01-02T00:00:00.000Z'],
  );
});
