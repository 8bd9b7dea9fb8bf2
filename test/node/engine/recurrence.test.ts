import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_OCCURRENCES,
  RecurrenceError,
  expandRecurrence,
} from '../../../src/engine/recurrence.ts';
import type { Occurrence, RecurrenceInput } from '../../../src/engine/recurrence.ts';
import { formatInstant } from '../../../src/lib/time/index.ts';

const HOUR = 3_600_000;
const CPH = 'Europe/Copenhagen';
const LA = 'America/Los_Angeles';

/** Friday 2026-09-25 09:00-10:00 Copenhagen (CEST, +02:00). */
const FRI_CLASS = {
  start: Date.parse('2026-09-25T07:00:00Z'),
  end: Date.parse('2026-09-25T08:00:00Z'),
};

function utc(occurrences: Occurrence[]): string[] {
  return occurrences.map((o) => new Date(o.start).toISOString());
}

function local(occurrences: Occurrence[], tz: string): string[] {
  return occurrences.map((o) => formatInstant(o.start, tz));
}

function refuses(input: RecurrenceInput, field: RecurrenceError['field'], message: RegExp) {
  assert.throws(
    () => expandRecurrence(input),
    (error: unknown) => {
      assert.ok(error instanceof RecurrenceError, String(error));
      assert.equal(error.field, field, error.message);
      assert.match(error.message, message);
      return true;
    },
  );
}

test('weekly Friday 09:00 in Copenhagen keeps 09:00 local across the 2026-10-25 DST change', () => {
  const occurrences = expandRecurrence({
    ...FRI_CLASS,
    timeZone: CPH,
    rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=10',
  });
  assert.equal(occurrences.length, 10);
  assert.deepEqual(local(occurrences, CPH), [
    '2026-09-25T09:00:00+02:00',
    '2026-10-02T09:00:00+02:00',
    '2026-10-09T09:00:00+02:00',
    '2026-10-16T09:00:00+02:00',
    '2026-10-23T09:00:00+02:00',
    '2026-10-30T09:00:00+01:00',
    '2026-11-06T09:00:00+01:00',
    '2026-11-13T09:00:00+01:00',
    '2026-11-20T09:00:00+01:00',
    '2026-11-27T09:00:00+01:00',
  ]);
  const hours = occurrences.map((o) => new Date(o.start).getUTCHours());
  assert.deepEqual(hours, [7, 7, 7, 7, 7, 8, 8, 8, 8, 8]);
  for (const o of occurrences) assert.equal(o.end - o.start, HOUR);
  assert.equal(occurrences[0]!.start, FRI_CLASS.start, 'DTSTART is the first occurrence');
});

test('an optional RRULE: prefix and lower case are accepted', () => {
  const a = expandRecurrence({ ...FRI_CLASS, timeZone: CPH, rrule: 'RRULE:FREQ=WEEKLY;COUNT=3' });
  const b = expandRecurrence({ ...FRI_CLASS, timeZone: CPH, rrule: 'freq=weekly;count=3;' });
  assert.deepEqual(a, b);
  assert.equal(a.length, 3);
});

test('America/Los_Angeles weekly across 2026-03-08 keeps the local time', () => {
  // Monday 2026-03-02 10:00 PST (-08:00) = 18:00Z.
  const start = Date.parse('2026-03-02T18:00:00Z');
  const occurrences = expandRecurrence({
    start,
    end: start + 30 * 60_000,
    timeZone: LA,
    rrule: 'FREQ=WEEKLY;COUNT=3',
  });
  assert.deepEqual(utc(occurrences), [
    '2026-03-02T18:00:00.000Z',
    '2026-03-09T17:00:00.000Z',
    '2026-03-16T17:00:00.000Z',
  ]);
  assert.deepEqual(local(occurrences, LA), [
    '2026-03-02T10:00:00-08:00',
    '2026-03-09T10:00:00-07:00',
    '2026-03-16T10:00:00-07:00',
  ]);
});

test('a wall time skipped by spring-forward lands after the gap', () => {
  // Sunday 2026-03-01 02:30 PST; on 2026-03-08 clocks jump 02:00 -> 03:00.
  const start = Date.parse('2026-03-01T10:30:00Z');
  const occurrences = expandRecurrence({
    start,
    end: start + HOUR,
    timeZone: LA,
    rrule: 'FREQ=WEEKLY;COUNT=3',
  });
  assert.deepEqual(local(occurrences, LA), [
    '2026-03-01T02:30:00-08:00',
    '2026-03-08T03:30:00-07:00',
    '2026-03-15T02:30:00-07:00',
  ]);
});

test('UNTIL bounds the series: UTC date-time, date and local date-time forms', () => {
  const base = { ...FRI_CLASS, timeZone: CPH };
  // 2026-10-30 09:00 CET is 08:00Z: inclusive.
  const utcUntil = expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20261030T080000Z' });
  assert.equal(utcUntil.length, 6);
  assert.equal(utc(utcUntil).at(-1), '2026-10-30T08:00:00.000Z');
  // One second earlier excludes it.
  const justBefore = expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20261030T075959Z' });
  assert.equal(justBefore.length, 5);
  // A DATE includes that whole local day.
  assert.equal(expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20261030' }).length, 6);
  assert.equal(expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20261029' }).length, 5);
  // A date-time without Z is local wall time.
  assert.equal(expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20261030T090000' }).length, 6);
  assert.equal(expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20261030T085959' }).length, 5);
  // UNTIL before DTSTART still leaves DTSTART.
  assert.equal(expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20200101' }).length, 1);
});

test('RDATE adds occurrences: dates take DTSTART time of day, Z is an instant, no Z is local', () => {
  const occurrences = expandRecurrence({
    ...FRI_CLASS,
    timeZone: CPH,
    rrule: 'FREQ=WEEKLY;COUNT=2',
    rdate: 'VALUE=DATE:20261104,20261225',
  });
  assert.deepEqual(local(occurrences, CPH), [
    '2026-09-25T09:00:00+02:00',
    '2026-10-02T09:00:00+02:00',
    '2026-11-04T09:00:00+01:00',
    '2026-12-25T09:00:00+01:00',
  ]);
  for (const o of occurrences) assert.equal(o.end - o.start, HOUR);

  const times = expandRecurrence({
    ...FRI_CLASS,
    timeZone: CPH,
    rrule: 'RRULE:FREQ=WEEKLY;COUNT=2',
    rdate: 'RDATE:20261101T120000Z,20261102T140000',
  });
  assert.deepEqual(local(times, CPH).slice(2), [
    '2026-11-01T13:00:00+01:00',
    '2026-11-02T14:00:00+01:00',
  ]);

  // RDATE;VALUE=DATE: form, and a date equal to a rule occurrence is not doubled.
  const same = expandRecurrence({
    ...FRI_CLASS,
    timeZone: CPH,
    rrule: 'FREQ=WEEKLY;COUNT=2',
    rdate: 'RDATE;VALUE=DATE:20261002',
  });
  assert.equal(same.length, 2);
});

test('EXDATE removes occurrences: a DATE removes that local day, a date-time the exact one', () => {
  const base = { ...FRI_CLASS, timeZone: CPH, rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=10' };
  const byDate = expandRecurrence({ ...base, exdate: 'VALUE=DATE:20261002,20261030' });
  assert.equal(byDate.length, 8);
  assert.ok(
    !local(byDate, CPH).some((s) => s.startsWith('2026-10-02') || s.startsWith('2026-10-30')),
    `!local(byDate, CPH).some((s) => s.startsWith('2026-10-02') || s.startsWith('2026-10-30'))`,
  );

  // 2026-10-09 09:00 CEST = 07:00Z; 2026-11-06 09:00 local; 2026-11-13 at a time with no occurrence.
  const byTime = expandRecurrence({
    ...base,
    exdate: 'EXDATE:20261009T070000Z,20261106T090000,20261113T100000',
  });
  assert.equal(byTime.length, 8);
  assert.ok(
    !local(byTime, CPH).some((s) => s.startsWith('2026-10-09') || s.startsWith('2026-11-06')),
    `!local(byTime, CPH).some((s) => s.startsWith('2026-10-09') || s.startsWith('2026-11-06'))`,
  );

  // EXDATE applies to RDATEs and to DTSTART too; COUNT is not topped up.
  const withRdate = expandRecurrence({
    ...base,
    rdate: 'VALUE=DATE:20261224',
    exdate: 'EXDATE;VALUE=DATE:20261224,20260925',
  });
  assert.equal(withRdate.length, 9);
  assert.equal(local(withRdate, CPH)[0], '2026-10-02T09:00:00+02:00');
});

test('an EXDATE that removes everything is refused', () => {
  refuses(
    {
      ...FRI_CLASS,
      timeZone: CPH,
      rrule: 'FREQ=DAILY;COUNT=2',
      exdate: 'VALUE=DATE:20260925,20260926',
    },
    'exdate',
    /removes every occurrence/,
  );
});

test('COUNT=731 is fine, COUNT=732 is refused, DAILY with UNTIL 3 years away is refused', () => {
  const base = { ...FRI_CLASS, timeZone: CPH };
  const max = expandRecurrence({ ...base, rrule: 'FREQ=DAILY;COUNT=731' });
  assert.equal(max.length, MAX_OCCURRENCES);
  assert.equal(local(max, CPH).at(-1), '2028-09-24T09:00:00+02:00');
  refuses(
    { ...base, rrule: 'FREQ=DAILY;COUNT=732' },
    'rrule',
    /^the series has 732 occurrences; at most 731 are allowed$/,
  );
  // 2026-09-25 .. 2029-09-25 inclusive: 1097 days.
  refuses(
    { ...base, rrule: 'FREQ=DAILY;UNTIL=20290925T235959Z' },
    'rrule',
    /^the series has 1097 occurrences; at most 731 are allowed$/,
  );
  // RDATEs count towards the limit; EXDATEs bring it back under.
  refuses({ ...base, rrule: 'FREQ=DAILY;COUNT=731', rdate: '20300101T090000Z' }, 'rrule', /732/);
  assert.equal(
    expandRecurrence({ ...base, rrule: 'FREQ=DAILY;COUNT=732', exdate: 'VALUE=DATE:20261001' })
      .length,
    731,
  );
});

test('huge and fine-grained rules are refused quickly instead of hanging', () => {
  const base = { ...FRI_CLASS, timeZone: CPH };
  const started = performance.now();
  refuses(
    { ...base, rrule: 'FREQ=SECONDLY;UNTIL=20991231T000000Z' },
    'rrule',
    /more than 10000 occurrences/,
  );
  refuses({ ...base, rrule: 'FREQ=SECONDLY;COUNT=1000000000' }, 'rrule', /at most 731/);
  // rrule 2.8.1 loops for ever on this one (the carried minute becomes the hour step).
  refuses(
    { ...base, rrule: 'FREQ=SECONDLY;BYHOUR=23;BYMONTHDAY=31;BYMONTH=12;COUNT=3' },
    'rrule',
    /too sparse/,
  );
  // Never matches: rrule alone would scan to the year 9999.
  refuses({ ...base, rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5' }, 'rrule', /too sparse/);
  // A guard against rrule's endless loops, not a benchmark: about 1.5 s on a quiet machine,
  // and a hang never ends, so the bound leaves room for a loaded CI box.
  assert.ok(performance.now() - started < 30_000, 'took too long');
});

test('sub-daily rules with BYHOUR and BYDAY give every matching slot', () => {
  // Monday 2026-01-05 09:00 Copenhagen; rrule 2.8.1 alone skips most of these Mondays.
  const start = Date.parse('2026-01-05T08:00:00Z');
  const occurrences = expandRecurrence({
    start,
    end: start + 20 * 60_000,
    timeZone: CPH,
    rrule: 'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10;BYDAY=MO;COUNT=8',
  });
  assert.deepEqual(
    local(occurrences, CPH).map((s) => s.slice(0, 16)),
    [
      '2026-01-05T09:00',
      '2026-01-05T09:20',
      '2026-01-05T09:40',
      '2026-01-05T10:00',
      '2026-01-05T10:20',
      '2026-01-05T10:40',
      '2026-01-12T09:00',
      '2026-01-12T09:20',
    ],
  );
});

test('monthly and yearly rules use rrule as is', () => {
  // Last weekday of the month at 09:00, starting Wednesday 2026-09-30.
  const start = Date.parse('2026-09-30T07:00:00Z');
  const occurrences = expandRecurrence({
    start,
    end: start + HOUR,
    timeZone: CPH,
    rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4',
  });
  assert.deepEqual(local(occurrences, CPH), [
    '2026-09-30T09:00:00+02:00',
    '2026-10-30T09:00:00+01:00',
    '2026-11-30T09:00:00+01:00',
    '2026-12-31T09:00:00+01:00',
  ]);
});

test('DTSTART is included even when the rule does not match it', () => {
  // DTSTART is a Friday, the rule picks Mondays.
  const occurrences = expandRecurrence({
    ...FRI_CLASS,
    timeZone: CPH,
    rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2',
  });
  assert.deepEqual(local(occurrences, CPH), [
    '2026-09-25T09:00:00+02:00',
    '2026-09-28T09:00:00+02:00',
    '2026-10-05T09:00:00+02:00',
  ]);
});

test('RDATE alone (no rule) makes a collection of specific times', () => {
  const occurrences = expandRecurrence({
    ...FRI_CLASS,
    timeZone: CPH,
    rrule: '',
    rdate: 'VALUE=DATE:20261001,20261008',
  });
  assert.equal(occurrences.length, 3);
});

test('a rule without COUNT or UNTIL gives its first 731 occurrences (seed 004), not a refusal', () => {
  const occurrences = expandRecurrence({ ...FRI_CLASS, timeZone: CPH, rrule: 'FREQ=DAILY' });
  assert.equal(occurrences.length, 731);
  assert.equal(occurrences[0]!.start, FRI_CLASS.start);
  assert.equal(occurrences.at(-1)!.start - FRI_CLASS.start, 730 * 86_400_000);
  const weekly = expandRecurrence({
    ...FRI_CLASS,
    timeZone: CPH,
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    rdate: 'VALUE=DATE:20260926',
  });
  assert.equal(weekly.length, 731);
  assert.equal(weekly[1]!.start - FRI_CLASS.start, 86_400_000, 'the RDATE is among the first');
});

test('an empty rule and COUNT with UNTIL are refused', () => {
  refuses({ ...FRI_CLASS, timeZone: CPH, rrule: '' }, 'rrule', /rrule is required/);
  refuses(
    { ...FRI_CLASS, timeZone: CPH, rrule: 'FREQ=WEEKLY;COUNT=2;UNTIL=20270101' },
    'rrule',
    /not both/,
  );
});

test('garbage is refused with the field to fix', () => {
  const base = { ...FRI_CLASS, timeZone: CPH };
  const bad: [Partial<RecurrenceInput>, RecurrenceError['field'], RegExp][] = [
    [{ rrule: 'garbage' }, 'rrule', /cannot read "garbage"/],
    [{ rrule: 'FREQ=FOO;COUNT=3' }, 'rrule', /FREQ=FOO/],
    [{ rrule: 'COUNT=3' }, 'rrule', /FREQ is required/],
    [{ rrule: 'FREQ=DAILY;COUNT=abc' }, 'rrule', /COUNT=ABC is not a whole number/],
    [{ rrule: 'FREQ=DAILY;COUNT=0' }, 'rrule', /out of range/],
    [{ rrule: 'FREQ=DAILY;INTERVAL=0;COUNT=3' }, 'rrule', /INTERVAL=0 is out of range/],
    [{ rrule: 'FREQ=DAILY;BYMONTH=13;COUNT=3' }, 'rrule', /BYMONTH=13/],
    [{ rrule: 'FREQ=DAILY;BYDAY=XX;COUNT=3' }, 'rrule', /BYDAY=XX/],
    [{ rrule: 'FREQ=WEEKLY;BYDAY=2FR;COUNT=3' }, 'rrule', /numbered weekday/],
    [{ rrule: 'FREQ=DAILY;BYEASTER=0;COUNT=3' }, 'rrule', /BYEASTER is not an iCalendar/],
    [{ rrule: 'FREQ=DAILY;COUNT=3;COUNT=4' }, 'rrule', /more than once/],
    [{ rrule: 'FREQ=DAILY;UNTIL=garbage' }, 'rrule', /UNTIL=GARBAGE/],
    [{ rrule: 'FREQ=DAILY;UNTIL=20260231' }, 'rrule', /UNTIL=20260231/],
    [{ rrule: 'FREQ=DAILY;BYHOUR=9;BYSETPOS=2;COUNT=3' }, 'rrule', /BYSETPOS never selects/],
    [{ rrule: 'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY;COUNT=2' }, 'rrule', /only the rule/],
    [{ rrule: 'FREQ=DAILY;COUNT=2', rdate: 'VALUE=DATE:2026-10-01' }, 'rdate', /2026-10-01/],
    [{ rrule: 'FREQ=DAILY;COUNT=2', rdate: 'VALUE=DATE:20261001T090000Z' }, 'rdate', /VALUE=DATE/],
    [
      { rrule: 'FREQ=DAILY;COUNT=2', rdate: 'VALUE=PERIOD:19960403T020000Z/PT2H' },
      'rdate',
      /PERIOD/,
    ],
    [
      { rrule: 'FREQ=DAILY;COUNT=2', rdate: 'TZID=Mars/Olympus:20261001T090000' },
      'rdate',
      /time zone/,
    ],
    [{ rrule: 'FREQ=DAILY;COUNT=2', exdate: 'tomorrow' }, 'exdate', /"tomorrow"/],
    [{ rrule: 'FREQ=DAILY;COUNT=2', exdate: 'VALUE=DATE:' }, 'exdate', /is not a date/],
  ];
  for (const [input, field, message] of bad)
    refuses({ ...base, rrule: '', ...input }, field, message);
});

test('a bad start, end or time zone is a RangeError, not a RecurrenceError', () => {
  assert.throws(
    () => expandRecurrence({ ...FRI_CLASS, timeZone: 'Nowhere/Else', rrule: 'FREQ=DAILY;COUNT=2' }),
    RangeError,
  );
  assert.throws(
    () => expandRecurrence({ start: NaN, end: 0, timeZone: CPH, rrule: 'FREQ=DAILY;COUNT=2' }),
    RangeError,
  );
});
