import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  addDaysToDate,
  formatInstant,
  isValidTimeZone,
  localDate,
  localTime,
  parseInstant,
  startOfLocalDay,
  wallTimeToInstant,
  weekdayOfDate,
} from '../../../src/lib/time/index.ts';

const CPH = 'Europe/Copenhagen';
const LA = 'America/Los_Angeles';
const LORD_HOWE = 'Australia/Lord_Howe';

/** wallTimeToInstant shown back in the same zone, which is what a user would read. */
const wall = (date: string, time: string, tz: string): string =>
  formatInstant(wallTimeToInstant(date, time, tz), tz);

describe('wallTimeToInstant', () => {
  it('uses the offset in force on that date', () => {
    assert.equal(wallTimeToInstant('2026-03-28', '09:00', CPH), Date.parse('2026-03-28T08:00:00Z'));
    assert.equal(wallTimeToInstant('2026-03-30', '09:00', CPH), Date.parse('2026-03-30T07:00:00Z'));
    assert.equal(wallTimeToInstant('2026-10-24', '09:00', CPH), Date.parse('2026-10-24T07:00:00Z'));
    assert.equal(wallTimeToInstant('2026-10-26', '09:00', CPH), Date.parse('2026-10-26T08:00:00Z'));
    assert.equal(
      wallTimeToInstant('2026-06-01', '09:00', 'Asia/Kolkata'),
      Date.parse('2026-06-01T03:30:00Z'),
    );
  });

  it('moves a time in the spring-forward gap forward by the size of the gap', () => {
    assert.equal(wall('2026-03-29', '02:30', CPH), '2026-03-29T03:30:00+02:00');
    assert.equal(wall('2026-03-29', '02:00', CPH), '2026-03-29T03:00:00+02:00');
    assert.equal(wall('2026-03-29', '01:59', CPH), '2026-03-29T01:59:00+01:00');
    assert.equal(wall('2026-03-29', '03:00', CPH), '2026-03-29T03:00:00+02:00');
    assert.equal(wall('2026-03-08', '02:30', LA), '2026-03-08T03:30:00-07:00');
    // Lord Howe springs forward by 30 minutes, 02:00 -> 02:30.
    assert.equal(wall('2026-10-04', '02:15', LORD_HOWE), '2026-10-04T02:45:00+11:00');
  });

  it('takes the first of two occurrences when clocks fall back', () => {
    assert.equal(wall('2026-10-25', '02:30', CPH), '2026-10-25T02:30:00+02:00');
    assert.equal(wallTimeToInstant('2026-10-25', '02:30', CPH), Date.parse('2026-10-25T00:30:00Z'));
    assert.equal(wall('2026-10-25', '03:00', CPH), '2026-10-25T03:00:00+01:00');
    assert.equal(wall('2026-11-01', '01:30', LA), '2026-11-01T01:30:00-07:00');
    assert.equal(wall('2026-11-01', '02:00', LA), '2026-11-01T02:00:00-08:00');
    assert.equal(wall('2026-04-05', '01:45', LORD_HOWE), '2026-04-05T01:45:00+11:00');
  });

  it('reads 24:00 as the next midnight', () => {
    assert.equal(wall('2026-03-28', '24:00', CPH), '2026-03-29T00:00:00+01:00');
    assert.equal(
      wallTimeToInstant('2026-03-28', '24:00', CPH),
      wallTimeToInstant('2026-03-29', '00:00', CPH),
    );
  });

  it('rejects malformed dates, times and zones', () => {
    assert.throws(() => wallTimeToInstant('2026-02-30', '09:00', CPH), RangeError);
    assert.throws(() => wallTimeToInstant('2026-3-1', '09:00', CPH), RangeError);
    assert.throws(() => wallTimeToInstant('2026-03-01', '9:00', CPH), RangeError);
    assert.throws(() => wallTimeToInstant('2026-03-01', '24:30', CPH), RangeError);
    assert.throws(() => wallTimeToInstant('2026-03-01', '12:60', CPH), RangeError);
    assert.throws(() => wallTimeToInstant('2026-03-01', '09:00', 'Mars/Olympus'), RangeError);
  });
});

describe('formatInstant', () => {
  it('writes RFC 3339 with a numeric offset and whole seconds', () => {
    const ms = Date.parse('2026-03-29T07:00:00.789Z');
    assert.equal(formatInstant(ms, CPH), '2026-03-29T09:00:00+02:00');
    assert.equal(formatInstant(ms), '2026-03-29T07:00:00+00:00');
    assert.equal(formatInstant(ms, LA), '2026-03-29T00:00:00-07:00');
    assert.equal(formatInstant(ms, 'Asia/Kathmandu'), '2026-03-29T12:45:00+05:45');
  });

  it('switches offset at the exact instant of the change', () => {
    assert.equal(
      formatInstant(Date.parse('2026-03-29T00:59:59Z'), CPH),
      '2026-03-29T01:59:59+01:00',
    );
    assert.equal(
      formatInstant(Date.parse('2026-03-29T01:00:00Z'), CPH),
      '2026-03-29T03:00:00+02:00',
    );
    assert.equal(
      formatInstant(Date.parse('2026-10-25T00:30:00Z'), CPH),
      '2026-10-25T02:30:00+02:00',
    );
    assert.equal(
      formatInstant(Date.parse('2026-10-25T01:30:00Z'), CPH),
      '2026-10-25T02:30:00+01:00',
    );
    assert.equal(
      formatInstant(Date.parse('2026-11-01T08:30:00Z'), LA),
      '2026-11-01T01:30:00-07:00',
    );
    assert.equal(
      formatInstant(Date.parse('2026-11-01T09:30:00Z'), LA),
      '2026-11-01T01:30:00-08:00',
    );
  });

  it('does not depend on the time zone of the machine it runs on', () => {
    // date-fns-tz gets these wrong when the host itself is inside a DST gap at that wall time.
    const saved = process.env.TZ;
    try {
      for (const host of [LA, CPH, 'UTC']) {
        process.env.TZ = host;
        assert.equal(
          formatInstant(Date.parse('2026-03-07T17:30:00Z'), 'Asia/Tokyo'),
          '2026-03-08T02:30:00+09:00',
        );
        assert.equal(
          formatInstant(Date.parse('2026-03-29T01:30:00Z'), 'Europe/London'),
          '2026-03-29T02:30:00+01:00',
        );
        assert.equal(
          formatInstant(Date.parse('2026-03-08T02:30:00Z')),
          '2026-03-08T02:30:00+00:00',
        );
        assert.equal(
          wallTimeToInstant('2026-10-25', '02:30', CPH),
          Date.parse('2026-10-25T00:30:00Z'),
        );
        assert.equal(
          wallTimeToInstant('2026-03-08', '02:30', 'UTC'),
          Date.parse('2026-03-08T02:30:00Z'),
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('parseInstant', () => {
  it('reads Z, ±hh:mm and ±hhmm offsets', () => {
    const expected = Date.parse('2026-03-29T07:00:00Z');
    assert.equal(parseInstant('2026-03-29T07:00:00Z'), expected);
    assert.equal(parseInstant('2026-03-29T09:00:00+02:00'), expected);
    assert.equal(parseInstant('2026-03-29T09:00:00+0200'), expected);
    assert.equal(parseInstant('2026-03-29T00:00:00-07:00'), expected);
    assert.equal(parseInstant('2026-03-29T07:00:00-00:00'), expected);
    assert.equal(parseInstant('2026-03-29t07:00:00z'), expected);
  });

  it('keeps fractions to the millisecond', () => {
    assert.equal(parseInstant('2026-03-29T07:00:00.5Z'), Date.parse('2026-03-29T07:00:00.500Z'));
    assert.equal(
      parseInstant('2026-03-29T07:00:00.123456789Z'),
      Date.parse('2026-03-29T07:00:00.123Z'),
    );
  });

  it('round-trips formatInstant', () => {
    const ms = Date.parse('2026-10-25T01:30:00Z');
    assert.equal(parseInstant(formatInstant(ms, CPH)), ms);
    assert.equal(parseInstant(formatInstant(ms, LA)), ms);
  });

  it('accepts leap days that exist and rejects dates that do not', () => {
    assert.equal(parseInstant('2024-02-29T12:00:00Z'), Date.parse('2024-02-29T12:00:00Z'));
    assert.equal(parseInstant('2026-02-29T12:00:00Z'), undefined);
    assert.equal(parseInstant('2026-02-30T09:00:00Z'), undefined);
    assert.equal(parseInstant('2026-04-31T09:00:00Z'), undefined);
    assert.equal(parseInstant('2026-13-01T09:00:00Z'), undefined);
    assert.equal(parseInstant('2026-00-10T09:00:00Z'), undefined);
  });

  it('rejects everything that is not strict RFC 3339', () => {
    for (const text of [
      '',
      '2026-03-29',
      '2026-03-29T09:00Z', // seconds are required
      '2026-03-29T09:00:00', // so is the offset
      '2026-03-29 09:00:00Z',
      '2026-03-29T24:00:00Z',
      '2026-03-29T09:60:00Z',
      '2026-03-29T23:59:60Z', // a leap second; Date cannot hold it
      '2026-03-29T09:00:00.Z',
      '2026-03-29T09:00:00+02',
      '2026-03-29T09:00:00+2:00',
      '2026-03-29T09:00:00+24:00',
      '2026-03-29T09:00:00+02:60',
      '+002026-03-29T09:00:00Z',
      ' 2026-03-29T09:00:00Z',
      '2026-03-29T09:00:00Z ',
      'Sun, 29 Mar 2026 07:00:00 GMT',
    ]) {
      assert.equal(parseInstant(text), undefined, text);
    }
  });
});

describe('calendar helpers', () => {
  it('gives the local date and time of an instant', () => {
    const ms = Date.parse('2026-03-28T23:30:00Z');
    assert.equal(localDate(ms, CPH), '2026-03-29');
    assert.equal(localTime(ms, CPH), '00:30');
    assert.equal(localDate(ms, LA), '2026-03-28');
    assert.equal(localTime(ms, LA), '16:30');
    assert.equal(localTime(Date.parse('2026-03-29T01:00:00Z'), CPH), '03:00');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    assert.equal(addDaysToDate('2026-03-28', 1), '2026-03-29');
    assert.equal(addDaysToDate('2026-03-29', 1), '2026-03-30');
    assert.equal(addDaysToDate('2024-02-28', 1), '2024-02-29');
    assert.equal(addDaysToDate('2026-03-01', -1), '2026-02-28');
    assert.equal(addDaysToDate('2026-12-31', 1), '2027-01-01');
    assert.equal(addDaysToDate('2026-01-01', 90), '2026-04-01');
  });

  it('gives the weekday of a date with Sunday as 0', () => {
    assert.equal(weekdayOfDate('2026-03-29'), 0);
    assert.equal(weekdayOfDate('2026-03-28'), 6);
    assert.equal(weekdayOfDate('2026-03-30'), 1);
    assert.equal(weekdayOfDate('2024-02-29'), 4);
  });

  it('knows real IANA zones', () => {
    assert.equal(isValidTimeZone(CPH), true);
    assert.equal(isValidTimeZone('UTC'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
    assert.equal(isValidTimeZone(''), false);
  });

  it('finds the start of the local day, also where midnight is skipped', () => {
    const noon = Date.parse('2026-03-29T10:00:00Z');
    assert.equal(startOfLocalDay(noon, CPH), Date.parse('2026-03-28T23:00:00Z'));
    assert.equal(startOfLocalDay(noon, LA), Date.parse('2026-03-29T07:00:00Z'));
    // Chile springs forward at midnight: 6 September 2026 begins at 01:00.
    const santiago = 'America/Santiago';
    const day = startOfLocalDay(Date.parse('2026-09-06T16:00:00Z'), santiago);
    assert.equal(formatInstant(day, santiago), '2026-09-06T01:00:00-03:00');
  });
});
