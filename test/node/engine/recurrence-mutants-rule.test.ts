/**
 * How src/engine/recurrence.ts reads an RRULE and its dates: the exact field and message of each
 * refusal (the API hands both to the client), the parts that must be accepted and what they do
 * to the occurrences (WKST, BYSECOND, BYMINUTE, BYYEARDAY, BYWEEKNO, signed and "+1" weekdays,
 * spaces around names and values), BYSETPOS's set size for each FREQ, and the slack that lets a
 * UTC UNTIL reach an occurrence in the repeated hour of autumn. Each test pins a behaviour that
 * a Stryker survivor in the rule-parsing half of recurrence.ts changed without any engine test
 * noticing (issue #17).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { RecurrenceError, expandRecurrence } from '../../../src/engine/recurrence.ts';
import type { RecurrenceInput } from '../../../src/engine/recurrence.ts';
import { CPH, FRIDAY, local } from './recurrence-helpers.ts';
import { runInChild } from './child-run.ts';

const DTSTART = '2026-09-25T09:00:00+02:00';

/** The field and message a refusal carries, or the occurrences if there was none. */
function outcome(input: Partial<RecurrenceInput>): unknown {
  try {
    return local(input);
  } catch (error) {
    assert.ok(error instanceof RecurrenceError, String(error));
    // The name is what callers see when the error is logged or serialised.
    assert.equal(error.name, 'RecurrenceError');
    return { field: error.field, message: error.message };
  }
}

const UNTIL_NOT_A_DATE = 'is not a date (19971224) or date-time (19971224T000000Z)';

test('each refusal names its field and says exactly what is wrong', () => {
  const bad: Array<[Partial<RecurrenceInput>, RecurrenceError['field'], string]> = [
    // A date is the whole value: nothing before it, nothing after it.
    [{ rrule: 'FREQ=DAILY;UNTIL=X20261001' }, 'rrule', `UNTIL=X20261001 ${UNTIL_NOT_A_DATE}`],
    [
      { rrule: 'FREQ=DAILY;UNTIL=20261001T090000ZZ' },
      'rrule',
      `UNTIL=20261001T090000ZZ ${UNTIL_NOT_A_DATE}`,
    ],
    // Month 00 and day 00 are not the last month or day before (Date.UTC would roll them back).
    [{ rrule: 'FREQ=DAILY;UNTIL=20260015' }, 'rrule', `UNTIL=20260015 ${UNTIL_NOT_A_DATE}`],
    [{ rrule: 'FREQ=DAILY;UNTIL=20261000' }, 'rrule', `UNTIL=20261000 ${UNTIL_NOT_A_DATE}`],
    // Minute 60 is not the next hour.
    [
      { rrule: 'FREQ=DAILY;COUNT=2', rdate: '20261001T096000Z' },
      'rdate',
      'RDATE: "20261001T096000Z" is not a date (19970101) or date-time (19970101T090000Z)',
    ],
    // Junk before or after the digits is "not a whole number", not "out of range".
    [{ rrule: 'FREQ=DAILY;COUNT=X3' }, 'rrule', 'COUNT=X3 is not a whole number'],
    [{ rrule: 'FREQ=DAILY;COUNT=3X' }, 'rrule', 'COUNT=3X is not a whole number'],
    // Only BYMONTHDAY, BYYEARDAY, BYWEEKNO and BYSETPOS count from the end.
    [{ rrule: 'FREQ=DAILY;BYMONTH=-1;COUNT=3' }, 'rrule', 'BYMONTH=-1 is out of range (1 to 12)'],
    [
      { rrule: 'FREQ=WEEKLY;WKST=XX;COUNT=3' },
      'rrule',
      'WKST=XX: expected one of MO, TU, WE, TH, FR, SA, SU',
    ],
    [
      { rrule: 'FREQ=MONTHLY;BYDAY=X1MO;COUNT=3' },
      'rrule',
      'BYDAY=X1MO: "X1MO" is not like MO, 1MO or -1FR',
    ],
    [
      { rrule: 'FREQ=MONTHLY;BYDAY=MOX;COUNT=3' },
      'rrule',
      'BYDAY=MOX: "MOX" is not like MO, 1MO or -1FR',
    ],
    // The part quoted back is the one written, without the spaces after "RRULE:".
    [{ rrule: 'RRULE: garbage' }, 'rrule', 'cannot read "garbage" in rrule; expected NAME=VALUE'],
    [
      { rrule: 'FREQ=FOO' },
      'rrule',
      'FREQ=FOO is not one of YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY',
    ],
    [
      { rrule: 'FREQ=WEEKLY;BYMONTHDAY=1;COUNT=3' },
      'rrule',
      'BYMONTHDAY cannot be used with FREQ=WEEKLY',
    ],
    [
      { rrule: 'FREQ=DAILY;BYYEARDAY=1;COUNT=3' },
      'rrule',
      'BYYEARDAY cannot be used with FREQ=DAILY',
    ],
    [
      { rrule: 'FREQ=WEEKLY;BYYEARDAY=1;COUNT=3' },
      'rrule',
      'BYYEARDAY cannot be used with FREQ=WEEKLY',
    ],
    [
      { rrule: 'FREQ=MONTHLY;BYYEARDAY=1;COUNT=3' },
      'rrule',
      'BYYEARDAY cannot be used with FREQ=MONTHLY',
    ],
    [
      { rrule: 'FREQ=MONTHLY;BYWEEKNO=1;COUNT=3' },
      'rrule',
      'BYWEEKNO can only be used with FREQ=YEARLY',
    ],
    // One numbered weekday is enough to refuse, even next to plain ones.
    [
      { rrule: 'FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO;COUNT=3' },
      'rrule',
      'BYDAY cannot have numbered weekdays together with BYWEEKNO',
    ],
    [
      { rrule: 'FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,1TU;COUNT=3' },
      'rrule',
      'BYDAY cannot have numbered weekdays together with BYWEEKNO',
    ],
    [{ rrule: 'FREQ=MONTHLY;BYSETPOS=1;COUNT=3' }, 'rrule', 'BYSETPOS needs another BYxxx part'],
  ];
  for (const [input, field, message] of bad) {
    assert.deepEqual(outcome(input), { field, message }, JSON.stringify(input));
  }
});

test('WKST is read, any weekday is accepted, and it decides which weeks INTERVAL=2 keeps', () => {
  // RFC 5545's own example: with WKST=MO the week of Sunday 09-27 is a kept week; with WKST=SU
  // that Sunday starts the skipped week.
  assert.deepEqual(local({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO;COUNT=4' }), [
    DTSTART,
    '2026-09-27T09:00:00+02:00',
    '2026-10-06T09:00:00+02:00',
    '2026-10-11T09:00:00+02:00',
    '2026-10-20T09:00:00+02:00',
  ]);
  assert.deepEqual(local({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU;COUNT=4' }), [
    DTSTART,
    '2026-10-04T09:00:00+02:00',
    '2026-10-06T09:00:00+02:00',
    '2026-10-18T09:00:00+02:00',
    '2026-10-20T09:00:00+02:00',
  ]);
});

test('BYSECOND and BYMINUTE set the second and the minute, not the next unit up', () => {
  assert.deepEqual(local({ rrule: 'FREQ=DAILY;BYSECOND=30;COUNT=2' }), [
    DTSTART,
    '2026-09-25T09:00:30+02:00',
    '2026-09-26T09:00:30+02:00',
  ]);
  // 30 is a valid minute but not a valid hour.
  assert.deepEqual(local({ rrule: 'FREQ=DAILY;BYMINUTE=30;COUNT=2' }), [
    DTSTART,
    '2026-09-25T09:30:00+02:00',
    '2026-09-26T09:30:00+02:00',
  ]);
});

test('YEARLY takes BYYEARDAY and BYWEEKNO, counted from either end, up to day 366', () => {
  assert.deepEqual(local({ rrule: 'FREQ=YEARLY;BYYEARDAY=1,-1;COUNT=3' }), [
    DTSTART,
    '2026-12-31T09:00:00+01:00',
    '2027-01-01T09:00:00+01:00',
    '2027-12-31T09:00:00+01:00',
  ]);
  // Day 100 is a year day but not a week number.
  assert.deepEqual(local({ rrule: 'FREQ=YEARLY;BYYEARDAY=100;COUNT=1' }), [
    DTSTART,
    '2027-04-10T09:00:00+02:00',
  ]);
  assert.deepEqual(local({ rrule: 'FREQ=YEARLY;BYWEEKNO=-1;BYDAY=MO;COUNT=2' }), [
    DTSTART,
    '2026-12-28T09:00:00+01:00',
    '2027-12-27T09:00:00+01:00',
  ]);
  // Plain weekdays are fine with BYWEEKNO; only numbered ones are refused.
  assert.deepEqual(local({ rrule: 'FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,TU;COUNT=2' }), [
    DTSTART,
    '2027-01-04T09:00:00+01:00',
    '2027-01-05T09:00:00+01:00',
  ]);
});

test('a numbered weekday may carry a sign', () => {
  // 09-25 is the last Friday of September: DTSTART and the rule's first date are one occurrence.
  assert.deepEqual(local({ rrule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=2' }), [
    DTSTART,
    '2026-10-30T09:00:00+01:00',
  ]);
  assert.deepEqual(local({ rrule: 'FREQ=MONTHLY;BYDAY=+1FR;COUNT=2' }), [
    DTSTART,
    '2026-10-02T09:00:00+02:00',
    '2026-11-06T09:00:00+01:00',
  ]);
});

test('spaces around the rule, its names and its values, and in a date list, are ignored', () => {
  assert.deepEqual(local({ rrule: 'RRULE: FREQ=DAILY; COUNT= 2 ' }), [
    DTSTART,
    '2026-09-26T09:00:00+02:00',
  ]);
  // The second date has a space after the comma and a lower-case "t" and "z".
  assert.deepEqual(
    local({ rrule: 'FREQ=DAILY;COUNT=1', rdate: '20261001T093000Z, 20261002t093000z' }),
    [DTSTART, '2026-10-01T11:30:00+02:00', '2026-10-02T11:30:00+02:00'],
  );
});

test('BYSETPOS counts the candidates of one period: every BY part that expands it multiplies', () => {
  const accepted: Array<[string, string[]]> = [
    // HOURLY: minutes x seconds = 4 per hour; the 4th is :30:30.
    [
      'FREQ=HOURLY;BYMINUTE=0,30;BYSECOND=0,30;BYSETPOS=4;COUNT=2',
      ['2026-09-25T09:30:30+02:00', '2026-09-25T10:30:30+02:00'],
    ],
    // DAILY: hours x minutes x seconds.
    [
      'FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0,30;BYSETPOS=2;COUNT=2',
      ['2026-09-25T09:00:30+02:00', '2026-09-26T09:00:30+02:00'],
    ],
    [
      'FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30;BYSETPOS=2;COUNT=2',
      ['2026-09-25T09:30:00+02:00', '2026-09-26T09:30:00+02:00'],
    ],
    // WEEKLY: weekdays x hours x minutes x seconds.
    [
      'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0,30;BYSETPOS=2;COUNT=2',
      ['2026-09-28T09:00:30+02:00', '2026-10-05T09:00:30+02:00'],
    ],
    [
      'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0,30;BYSETPOS=2;COUNT=2',
      ['2026-09-28T09:30:00+02:00', '2026-10-05T09:30:00+02:00'],
    ],
    [
      'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,10;BYSETPOS=2;COUNT=2',
      ['2026-09-28T10:00:00+02:00', '2026-10-05T10:00:00+02:00'],
    ],
    // One position that can select something is enough; 5 of 2 selects nothing but is allowed.
    [
      'FREQ=WEEKLY;BYDAY=MO,WE;BYSETPOS=1,5;COUNT=2',
      ['2026-09-28T09:00:00+02:00', '2026-10-05T09:00:00+02:00'],
    ],
  ];
  for (const [rrule, after] of accepted)
    assert.deepEqual(outcome({ rrule }), [DTSTART, ...after], rrule);
});

test('a BYSETPOS beyond the period set is refused for each FREQ that has a fixed set', () => {
  // Limit parts (BYHOUR for HOURLY, BYDAY for DAILY, ...) filter periods but do not add to the
  // set. Accepted, these rules would have rrule scan to the year 9999 for nothing, so they run
  // in a child process: a scan fails the test by its time limit instead of hanging the suite.
  const rules = [
    'FREQ=SECONDLY;BYSECOND=0,30;BYSETPOS=2;COUNT=3',
    'FREQ=MINUTELY;BYMINUTE=0,30;BYSETPOS=2;COUNT=3',
    'FREQ=HOURLY;BYHOUR=9,10;BYSETPOS=2;COUNT=3',
    'FREQ=DAILY;BYDAY=MO,TU;BYSETPOS=2;COUNT=3',
    'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2;COUNT=3',
  ];
  const module = fileURLToPath(new URL('../../../src/engine/recurrence.ts', import.meta.url));
  const script = `
    import(${JSON.stringify(module)}).then(({ expandRecurrence }) => {
      const out = ${JSON.stringify(rules)}.map((rrule) => {
        try {
          return expandRecurrence({ ...${JSON.stringify(FRIDAY)}, timeZone: 'UTC', rrule }).length;
        } catch (error) {
          return [error.field, error.message];
        }
      });
      process.stdout.write(JSON.stringify(out));
    });`;
  const stdout = runInChild(script);
  const refusal = ['rrule', 'BYSETPOS never selects anything: each period has 1 candidate time(s)'];
  assert.deepEqual(
    JSON.parse(stdout),
    rules.map(() => refusal),
  );
});

test('a UTC UNTIL in the repeated hour of autumn still reaches an occurrence before it', () => {
  // Copenhagen falls back on 2026-10-25 at 03:00 CEST to 02:00 CET. 02:45 that day is first
  // 00:45Z, before UNTIL 01:10Z, whose wall time is only 02:10 CET: the rule must be run
  // past the UNTIL's wall time and cut by instant.
  const start = Date.parse('2026-10-24T00:45:00Z');
  const occurrences = expandRecurrence({
    start,
    end: start + 3_600_000,
    timeZone: CPH,
    rrule: 'FREQ=DAILY;UNTIL=20261025T011000Z',
  });
  assert.deepEqual(
    occurrences.map((o) => new Date(o.start).toISOString()),
    ['2026-10-24T00:45:00.000Z', '2026-10-25T00:45:00.000Z'],
  );
});
