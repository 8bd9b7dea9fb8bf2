import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';

import {
  addDaysToDate,
  formatInstant,
  parseInstant,
  readOffset,
  wallClockOf,
  wallTimeToInstant,
} from '../../../src/lib/time/index.ts';
import { wallText } from '../../../src/lib/time/wall-text.ts';
import { escapeText } from '../../../src/lib/calendar-file.ts';
import { countIntlBuilds } from './intl-builds.ts';

/**
 * The edges of src/lib that time.test.ts and the calendar tests leave open: the last valid
 * value of each field, input with extra characters, instants before 1970, every year Date can
 * write, and each character the calendar file escapes on its own. Written for the mutants
 * docs/testing.md lists for src/lib.
 */

const CPH = 'Europe/Copenhagen';

describe('instants at the edges of each field', () => {
  it('accepts the last valid hour, minute, second and offset', () => {
    assert.equal(
      parseInstant('2026-03-29T23:59:59+23:59'),
      Date.parse('2026-03-29T23:59:59+23:59'),
    );
    assert.equal(parseInstant('2026-12-31T23:59:59Z'), Date.UTC(2026, 11, 31, 23, 59, 59));
  });

  it('refuses day 00', () => {
    assert.equal(parseInstant('2026-03-00T09:00:00Z'), undefined);
    assert.throws(() => addDaysToDate('2026-03-00', 1), RangeError);
  });

  it('refuses a date or time with anything before or after it', () => {
    for (const [date, time] of [
      ['x2026-03-01', '09:00'],
      ['2026-03-011', '09:00'],
      ['2026-03-01', 'x09:00'],
      ['2026-03-01', '09:000'],
    ] as const) {
      assert.throws(() => wallTimeToInstant(date, time, CPH), RangeError, `${date} ${time}`);
    }
  });

  it('writes instants before 1970 with their whole seconds, in any zone', () => {
    // 1969-12-31T23:59:58.500Z: the second is 58, not 59, on both sides of the offset.
    assert.equal(formatInstant(-1500), '1969-12-31T23:59:58+00:00');
    assert.equal(formatInstant(-1500, CPH), '1970-01-01T00:59:58+01:00');
    assert.equal(formatInstant(-1500, 'America/New_York'), '1969-12-31T18:59:58-05:00');
  });
});

describe('wallText, the fast wall-clock text', () => {
  const byDate = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  const year0 = new Date(0).setUTCFullYear(0, 0, 1);
  const lastOf9999 = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

  it('writes what Date writes on the days its arithmetic turns on', () => {
    for (const ms of [
      year0,
      Date.UTC(1900, 1, 28),
      Date.UTC(1900, 2, 1),
      Date.UTC(2000, 1, 29), // the last day of a 400-year era
      Date.UTC(2000, 2, 1),
      Date.UTC(2100, 1, 28, 23, 59, 59),
      Date.UTC(2024, 0, 31),
      Date.UTC(2024, 11, 31, 12, 30, 15),
      lastOf9999,
      -1,
      -0.5,
      0.5,
    ]) {
      assert.equal(wallText(ms), byDate(ms), String(ms));
    }
  });

  it('writes what Date writes for any instant in years 0-9999', () => {
    fc.assert(
      fc.property(fc.double({ min: year0, max: lastOf9999, noNaN: true }), (ms) => {
        assert.equal(wallText(ms), byDate(ms));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers nothing outside years 0-9999 or for NaN, for the caller to fall back to Date', () => {
    assert.equal(wallText(year0 - 1), undefined);
    assert.equal(wallText(lastOf9999 + 1), undefined);
    assert.equal(wallText(Number.NaN), undefined);
  });
});

describe('calendar text escapes each special character, even alone', () => {
  it('backslash, semicolon, comma, CR and LF', () => {
    assert.equal(escapeText('a\\b'), 'a\\\\b');
    assert.equal(escapeText('a;b'), 'a\\;b');
    assert.equal(escapeText('a,b'), 'a\\,b');
    assert.equal(escapeText('a\rb'), 'a\\nb');
    assert.equal(escapeText('a\nb'), 'a\\nb');
    assert.equal(escapeText('plain text'), 'plain text');
  });
});

describe('wallClockOf, the wall clock the engine counts opening days on', () => {
  it('is the instant plus the offset in force, on both sides of a change', () => {
    const change = Date.UTC(2026, 2, 29, 1); // Copenhagen springs forward, 02:00 -> 03:00
    assert.equal(wallClockOf(change - 1000, CPH), Date.UTC(2026, 2, 29, 1, 59, 59));
    assert.equal(wallClockOf(change, CPH), Date.UTC(2026, 2, 29, 3));
    assert.equal(wallClockOf(change, 'America/New_York'), Date.UTC(2026, 2, 28, 21));
  });
});

describe('times of day past the last hour', () => {
  it('refuses an hour after 24 and any minute past 24:00, whatever the minutes', () => {
    for (const time of ['25:00', '99:00', '24:01', '24:59']) {
      assert.throws(() => wallTimeToInstant('2026-03-01', time, CPH), RangeError, time);
    }
    assert.equal(wallTimeToInstant('2026-03-01', '23:59', CPH), Date.UTC(2026, 2, 1, 22, 59));
  });

  it('names the bad date or time in the error a caller reads', () => {
    assert.throws(() => wallTimeToInstant('2026-02-30', '09:00', CPH), {
      name: 'RangeError',
      message: 'Not a yyyy-MM-dd date: 2026-02-30',
    });
    assert.throws(() => addDaysToDate('26-03-01', 1), {
      name: 'RangeError',
      message: 'Not a yyyy-MM-dd date: 26-03-01',
    });
    assert.throws(() => wallTimeToInstant('2026-03-01', '9:00', CPH), {
      name: 'RangeError',
      message: 'Not an HH:mm time: 9:00',
    });
  });
});

describe('instants past year 9999, where RFC 3339 has no form', () => {
  it('keep their seconds in the extended year Date writes', () => {
    const last = Date.UTC(9999, 11, 31, 23, 59, 59);
    assert.equal(formatInstant(last), '9999-12-31T23:59:59+00:00');
    assert.equal(formatInstant(last, CPH), '+010000-01-01T00:59:59+01:00');
  });
});

describe('Intl formatters are built once per zone', () => {
  it('however many instants of the zone are read', () => {
    // A zone no other test in this file reads, so its formatter is not built yet.
    const zone = 'Pacific/Chatham';
    const noon = Date.UTC(2026, 5, 15, 12);
    const built = countIntlBuilds(() => {
      for (let hour = 0; hour < 48; hour += 1) formatInstant(noon + hour * 3_600_000, zone);
    });
    assert.equal(formatInstant(noon, zone), '2026-06-16T00:45:00+12:45');
    assert.equal(built, 1);
  });
});

describe('instants before year 1', () => {
  // Intl's en-US `year` is the era's year: 1 BC (year 0000, which parseInstant accepts) once
  // read as AD 1 gave an offset a year long ('0001-06-01T00:00:00+8760:00').
  it('year 0000 is written as year 0000 with its real offset', () => {
    const ms = parseInstant('0000-06-01T00:00:00Z')!;
    assert.equal(formatInstant(ms), '0000-06-01T00:00:00+00:00');
    assert.equal(readOffset(ms, 'UTC'), 0);
  });

  it("a zone's local mean time in year 0000 and across the new year into AD 1", () => {
    // Paris before 1891: local mean time, +00:09:21.
    const lmt = (9 * 60 + 21) * 1000;
    const ms = parseInstant('0000-12-31T23:55:00Z')!;
    assert.equal(readOffset(ms, 'Europe/Paris'), lmt);
    assert.equal(readOffset(parseInstant('0000-01-01T00:00:00Z')!, 'Europe/Paris'), lmt);
    // Its wall clock is already in AD 1 there: the AD reading is the right one.
    assert.equal(formatInstant(ms, 'Europe/Paris'), '0001-01-01T00:04:21+00:09');
  });

  it('west of Greenwich, 1 January of AD 1 is still 1 BC on the wall', () => {
    const ms = parseInstant('0001-01-01T02:00:00Z')!;
    assert.equal(readOffset(ms, 'America/New_York'), -(4 * 3600 + 56 * 60 + 2) * 1000);
    assert.equal(formatInstant(ms, 'America/New_York'), '0000-12-31T21:03:58-04:56');
  });
});
