/**
 * How src/engine/recurrence.ts reads RDATE/EXDATE lines and their parameters, and how it checks
 * the RFC 5545 "limit" parts (BYMONTHDAY, BYYEARDAY, BYMINUTE, BYSECOND) itself for DAILY and
 * finer rules. Each test pins a behaviour that a Stryker survivor in lines 350-449 changed
 * without any engine test noticing (issue #17): the exact error a client gets back for a
 * parameter it cannot use, parameters that are fine but spelled loosely, and the occurrences of
 * sub-daily rules that rrule alone would get wrong.
 *
 * Every series starts on Friday 2026-09-25 09:00-10:00 in Copenhagen (CEST, 07:00Z).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RecurrenceInput } from '../../../src/engine/recurrence.ts';
import { local, refusedWith } from './recurrence-helpers.ts';

const unreadable = (param: string) =>
  `RDATE: cannot read the parameter "${param}" (expected VALUE=DATE or TZID=...)`;
const notADate = (text: string) =>
  `RDATE: "${text}" is not a date (19970101) or date-time (19970101T090000Z)`;

test('an RDATE parameter that is not exactly VALUE=DATE, DATE-TIME or a known TZID is refused by name', () => {
  const cases: [rdate: string, message: string][] = [
    // PERIOD gets its own explanation, and only as a VALUE, spelled exactly.
    [
      'VALUE=PERIOD:19960403T020000Z/PT2H',
      'RDATE VALUE=PERIOD is not supported; every occurrence lasts as long as the first',
    ],
    ['VALUE=XPERIOD:20261001', unreadable('VALUE=XPERIOD')],
    ['VALUE=PERIODS:20261001', unreadable('VALUE=PERIODS')],
    // PERIOD means something only as a VALUE: another parameter holding it is read as itself.
    ['TZID=PERIOD:20261001T090000', 'RDATE: unknown time zone TZID=PERIOD'],
    ['X-FOO=PERIOD:20261001', unreadable('X-FOO=PERIOD')],
    // An unknown VALUE is neither PERIOD nor a time zone.
    ['VALUE=FOO:20261001', unreadable('VALUE=FOO')],
    // DATE and DATE-TIME are matched whole, and the parameter must have one "=".
    ['VALUE=NODATE:20261001', unreadable('VALUE=NODATE')],
    ['VALUE=DATES:20261001', unreadable('VALUE=DATES')],
    ['VALUE=DATE=DATE:20261001', unreadable('VALUE=DATE=DATE')],
    // Another name with the value DATE is still another name.
    ['X-FOO=DATE:20261001', unreadable('X-FOO=DATE')],
    // TZID needs one value, and it must be a zone.
    ['TZID=Europe/Copenhagen=x:20261001T090000', unreadable('TZID=Europe/Copenhagen=x')],
    ['TZID=:20261001T090000', unreadable('TZID=')],
    ['TZID:20261001T090000', unreadable('TZID')],
    ['TZID=Mars/Olympus:20261001T090000', 'RDATE: unknown time zone TZID=Mars/Olympus'],
    // A colon with nothing before it is an empty parameter, not part of a date.
    [':20261001T070000Z', unreadable('')],
  ];
  for (const [rdate, message] of cases) refusedWith({ rdate }, 'rdate', message);
});

test('RDATE values: only "RDATE" then ":" or ";" is a prefix; a bad value is quoted trimmed', () => {
  // "RDATE=" is not the property name, so the whole thing is the (bad) value.
  refusedWith({ rdate: 'RDATE=20261001T070000Z' }, 'rdate', notADate('RDATE=20261001T070000Z'));
  refusedWith({ rdate: '20261001T070000Z, tomorrow' }, 'rdate', notADate('tomorrow'));
  refusedWith(
    { rdate: 'VALUE=DATE-TIME:20261001' },
    'rdate',
    'RDATE: 20261001 has no time but VALUE=DATE-TIME was given',
  );
});

test('RDATE/EXDATE forms that are fine: lines, loose spelling, VALUE=DATE-TIME, TZID', () => {
  const cases: [input: Partial<RecurrenceInput>, starts: string[]][] = [
    // One property per line, LF or CRLF.
    [
      { rdate: 'RDATE:20261001T070000Z\nRDATE:20261002T070000Z\r\nRDATE:20261003T070000Z' },
      [
        '2026-09-25T09:00:00+02:00',
        '2026-10-01T09:00:00+02:00',
        '2026-10-02T09:00:00+02:00',
        '2026-10-03T09:00:00+02:00',
      ],
    ],
    // EXDATE is not trimmed by the caller; each line is.
    [
      { rrule: 'FREQ=DAILY;COUNT=3', exdate: '  EXDATE;VALUE=DATE:20260926  ' },
      ['2026-09-25T09:00:00+02:00', '2026-09-27T09:00:00+02:00'],
    ],
    // Parameter names are case-blind, and blanks around names and values do not count.
    [
      { rdate: 'RDATE;value=date:20261001' },
      ['2026-09-25T09:00:00+02:00', '2026-10-01T09:00:00+02:00'],
    ],
    [
      { rdate: 'RDATE; VALUE = DATE :20261001' },
      ['2026-09-25T09:00:00+02:00', '2026-10-01T09:00:00+02:00'],
    ],
    [
      { rdate: 'VALUE=DATE-TIME:20261001T070000Z' },
      ['2026-09-25T09:00:00+02:00', '2026-10-01T09:00:00+02:00'],
    ],
    // A local time with TZID is that zone's wall time: 09:00 in New York is 15:00 here.
    [
      { rdate: 'TZID=America/New_York:20261001T090000' },
      ['2026-09-25T09:00:00+02:00', '2026-10-01T15:00:00+02:00'],
    ],
  ];
  for (const [input, starts] of cases)
    assert.deepEqual(local(input), starts, JSON.stringify(input));
});

test('DAILY and finer rules: BYMONTHDAY, BYYEARDAY, BYMINUTE and BYSECOND are checked here', () => {
  const cases: [rrule: string, starts: string[]][] = [
    // -1 is the last day of each month.
    [
      'FREQ=DAILY;BYMONTHDAY=-1;COUNT=3',
      [
        '2026-09-25T09:00:00+02:00',
        '2026-09-30T09:00:00+02:00',
        '2026-10-31T09:00:00+01:00',
        '2026-11-30T09:00:00+01:00',
      ],
    ],
    // 1 and -1: New Year's Day and New Year's Eve, in a common and a leap year.
    [
      'FREQ=HOURLY;BYYEARDAY=1,-1;BYHOUR=9;COUNT=4',
      [
        '2026-09-25T09:00:00+02:00',
        '2026-12-31T09:00:00+01:00',
        '2027-01-01T09:00:00+01:00',
        '2027-12-31T09:00:00+01:00',
        '2028-01-01T09:00:00+01:00',
      ],
    ],
    [
      'FREQ=MINUTELY;BYMINUTE=0,30;COUNT=3',
      ['2026-09-25T09:00:00+02:00', '2026-09-25T09:30:00+02:00', '2026-09-25T10:00:00+02:00'],
    ],
    // DTSTART (minute 0) is kept though the rule does not match it; COUNT counts rule dates.
    [
      'FREQ=SECONDLY;BYMINUTE=1;BYSECOND=0,30;COUNT=3',
      [
        '2026-09-25T09:00:00+02:00',
        '2026-09-25T09:01:00+02:00',
        '2026-09-25T09:01:30+02:00',
        '2026-09-25T10:01:00+02:00',
      ],
    ],
  ];
  for (const [rrule, starts] of cases) assert.deepEqual(local({ rrule }), starts, rrule);
});

test('an HOURLY rule that matches a few hours a decade is refused as too sparse, not scanned on', () => {
  // Mondays at 08:00 that are day 100 or 200 of their year: 2027-07-19, 2034-04-10, then none
  // before the 100 000th hour. Handed whole to rrule it would scan on to find five.
  refusedWith(
    { rrule: 'FREQ=HOURLY;BYHOUR=8;BYDAY=MO;BYYEARDAY=100,200;COUNT=5' },
    'rrule',
    'the rule is too sparse to expand: only 3 occurrence(s) among its first 100000 candidate ' +
      'times; use a coarser FREQ (e.g. FREQ=DAILY;BYHOUR=9) or an earlier UNTIL/smaller COUNT',
  );
});
