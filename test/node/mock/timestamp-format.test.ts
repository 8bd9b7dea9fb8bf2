/**
 * `OutputTimestampFormat` letter by letter, without a server: `requestedFormat` (which header or
 * query parameter wins, what is refused and how the refusal reads) and `formatTimestamps` (every
 * PHP date() letter the mock writes, on instants picked for their edges: a leap day, a Sunday,
 * midnight and noon, negative and half-hour offsets, the last day of a leap year). The seeds'
 * test covers the same over HTTP for the letters timekit-sdk's users send.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EngineError } from '../../../src/engine/index.ts';
import {
  FORMAT_PARAM,
  formatTimestamps,
  requestedFormat,
  type OutputFormat,
} from '../../../src/mock/timestamp-format.ts';

const ALL = 'd|D|j|l|N|S|w|z|F|M|m|n|t|L|Y|y|a|A|g|G|h|H|i|s|u|v|O|P|p|Z|U';

const write = (text: string, format: string, timeZone?: string) =>
  formatTimestamps(text, { format, ...(timeZone ? { timeZone } : {}) });

const unix = (...parts: [number, number, number, number, number, number]) =>
  String(Date.UTC(...parts) / 1000);

describe('every letter', () => {
  test('a leap day afternoon in UTC, with milliseconds', () => {
    assert.equal(
      write('2024-02-29T13:05:09.042Z', ALL),
      '29|Thu|29|Thursday|4|th|4|59|February|Feb|02|2|29|1|2024|24|pm|PM|1|13|01|13|05|09|' +
        `042000|042|+0000|+00:00|Z|0|${unix(2024, 1, 29, 13, 5, 9)}`,
    );
  });

  test('just after midnight on a Sunday, three and a half hours behind UTC', () => {
    assert.equal(
      write('2023-01-01T00:07:03-03:30', ALL),
      '01|Sun|1|Sunday|7|st|0|0|January|Jan|01|1|31|0|2023|23|am|AM|12|0|12|00|07|03|' +
        `000000|000|-0330|-03:30|-03:30|-12600|${unix(2023, 0, 1, 3, 37, 3)}`,
    );
  });

  test('the last second of a leap century year, 5:45 ahead, the offset written without a colon', () => {
    assert.equal(
      write('2000-12-31T23:59:59.5+0545', ALL),
      '31|Sun|31|Sunday|7|st|0|365|December|Dec|12|12|31|1|2000|00|pm|PM|11|23|11|23|59|59|' +
        `500000|500|+0545|+05:45|+05:45|20700|${unix(2000, 11, 31, 18, 14, 59)}`,
    );
  });

  test('c and r, the two whole formats', () => {
    assert.equal(write('2024-02-29T13:05:09.042Z', 'c'), '2024-02-29T13:05:09+00:00');
    assert.equal(write('2024-02-29T13:05:09.042Z', 'r'), 'Thu, 29 Feb 2024 13:05:09 +0000');
    assert.equal(write('2023-01-01T00:07:03-03:30', 'c'), '2023-01-01T00:07:03-03:30');
    assert.equal(write('2023-01-01T00:07:03-03:30', 'r'), 'Sun, 01 Jan 2023 00:07:03 -0330');
  });

  test('noon is pm and 12, a minute before is am and 11; midnight is 12 am', () => {
    const at = (time: string) => write(`2024-06-15T${time}:00Z`, 'a A g h G H');
    assert.equal(at('11:59'), 'am AM 11 11 11 11');
    assert.equal(at('12:00'), 'pm PM 12 12 12 12');
    assert.equal(at('00:00'), 'am AM 12 12 0 00');
    assert.equal(at('09:00'), 'am AM 9 09 9 09');
  });

  test('the ordinal suffix of every day of a month', () => {
    const suffixes = Array.from({ length: 31 }, (_, index) =>
      write(`2024-01-${String(index + 1).padStart(2, '0')}T12:00:00Z`, 'jS'),
    );
    assert.deepEqual(suffixes, [
      ...['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th'],
      ...['11th', '12th', '13th', '14th', '15th', '16th', '17th', '18th', '19th', '20th'],
      ...['21st', '22nd', '23rd', '24th', '25th', '26th', '27th', '28th', '29th', '30th'],
      '31st',
    ]);
  });

  test('every day of a week', () => {
    const days = Array.from({ length: 7 }, (_, index) =>
      write(`2024-01-0${index + 1}T12:00:00Z`, 'N w D l'),
    );
    assert.deepEqual(days, [
      '1 1 Mon Monday',
      '2 2 Tue Tuesday',
      '3 3 Wed Wednesday',
      '4 4 Thu Thursday',
      '5 5 Fri Friday',
      '6 6 Sat Saturday',
      '7 0 Sun Sunday',
    ]);
  });

  test('every month of a leap year and a February of a common one', () => {
    const months = Array.from({ length: 12 }, (_, index) =>
      write(`2024-${String(index + 1).padStart(2, '0')}-15T12:00:00Z`, 'n m M F t'),
    );
    assert.deepEqual(months, [
      '1 01 Jan January 31',
      '2 02 Feb February 29',
      '3 03 Mar March 31',
      '4 04 Apr April 30',
      '5 05 May May 31',
      '6 06 Jun June 30',
      '7 07 Jul July 31',
      '8 08 Aug August 31',
      '9 09 Sep September 30',
      '10 10 Oct October 31',
      '11 11 Nov November 30',
      '12 12 Dec December 31',
    ]);
    assert.equal(write('2023-02-15T12:00:00Z', 't L'), '28 0');
  });

  test('leap years: every fourth, not every hundredth, every four hundredth', () => {
    const leap = (year: number) => write(`${year}-02-10T12:00:00Z`, 'L t');
    assert.deepEqual([1900, 2000, 2023, 2024, 2100].map(leap), [
      '0 28',
      '1 29',
      '0 28',
      '1 29',
      '0 28',
    ]);
  });

  test('the day of the year counts from 0, on the wall clock of the offset', () => {
    assert.equal(write('2024-01-01T00:00:00Z', 'z'), '0');
    assert.equal(write('2024-12-31T23:00:00Z', 'z'), '365');
    assert.equal(write('2023-12-31T23:30:00-01:00', 'z Y'), '364 2023');
    assert.equal(write('2023-12-31T23:30:00-01:00', 'z Y', 'UTC'), '0 2024');
  });

  test('the fraction, a digit or three', () => {
    assert.equal(write('2024-02-29T13:05:09.007Z', 'u v'), '007000 007');
    assert.equal(write('2024-02-29T13:05:09Z', 'u v'), '000000 000');
  });
});

describe('escapes and other characters', () => {
  test('a backslash writes the next character as it is; a last backslash writes nothing', () => {
    assert.equal(write('2024-02-29T13:05:09Z', '\\Y\\-Y'), 'Y-2024');
    assert.equal(write('2024-02-29T13:05:09Z', '\\\\Y'), '\\2024');
    assert.equal(write('2024-02-29T13:05:09Z', 'Y\\'), '2024');
    assert.equal(write('2024-02-29T13:05:09Z', '(Y) H:i. §'), '(2024) 13:05. §');
  });
});

describe('a time zone instead of the offset the timestamp carries', () => {
  test('Timekit-Timezone moves the wall clock and the offset', () => {
    assert.equal(
      write('2024-02-29T13:05:09.042Z', 'Y-m-d H:i:s O', 'Asia/Kathmandu'),
      '2024-02-29 18:50:09 +0545',
    );
    assert.equal(
      write('2023-01-01T00:07:03-03:30', 'Y-m-d H:i:s P', 'UTC'),
      '2023-01-01 03:37:03 +00:00',
    );
    assert.equal(write('2024-07-01T12:00:00Z', 'H:i O', 'America/Los_Angeles'), '05:00 -0700');
  });
});

describe('only timestamps are written', () => {
  test('other strings, impossible dates and non-strings are left as they are', () => {
    for (const text of [
      'hello',
      '2024-02-29',
      '13:05:09',
      '2024-02-30T10:00:00Z',
      '2024-02-29T24:00:00Z',
      'x2024-02-29T13:05:09Z',
      '2024-02-29T13:05:09Zx',
    ])
      assert.equal(write(text, 'U'), text);
  });

  test('a whole body, deep, but not custom_data', () => {
    const ts = '2024-02-29T13:05:09Z';
    const body = {
      data: [
        { start: ts, count: 3, paid: true, note: null, nested: { at: [ts, 'text'] } },
        { custom_data: { when: ts }, what: 'Yoga' },
      ],
      meta: null,
    };
    assert.deepEqual(formatTimestamps(body, { format: 'Y' }), {
      data: [
        { start: '2024', count: 3, paid: true, note: null, nested: { at: ['2024', 'text'] } },
        { custom_data: { when: ts }, what: 'Yoga' },
      ],
      meta: null,
    });
    assert.equal(formatTimestamps(null, { format: 'Y' }), null);
    assert.equal(formatTimestamps(7, { format: 'Y' }), 7);
    assert.deepEqual(formatTimestamps([ts, [ts]], { format: 'y' }), ['24', ['24']]);
  });
});

/** What `requestedFormat` gives for these headers and query, or the refusal it throws. */
function asked(
  headers: Record<string, string>,
  query = '',
): OutputFormat | undefined | EngineError {
  const url = new URL(`http://slotkit.test/v2/bookings${query}`);
  try {
    return requestedFormat(new Request(url, { headers }), url);
  } catch (error) {
    assert.ok(error instanceof EngineError, String(error));
    return error;
  }
}

function refusal(result: OutputFormat | undefined | EngineError) {
  assert.ok(result instanceof EngineError, `not refused: ${JSON.stringify(result)}`);
  return { code: result.code, message: result.message, details: result.details };
}

const WHY_LENGTH =
  'must be a date() format of 1 to 100 characters, e.g. Y-m-d H:i:s, U or ISO_8601';

describe('requestedFormat: where the format comes from', () => {
  test('nothing asked: the default', () => {
    assert.equal(asked({}), undefined);
    assert.equal(asked({ 'Timekit-Timezone': 'Mars/Olympus' }), undefined, 'a zone alone');
    assert.equal(FORMAT_PARAM, 'OutputTimestampFormat');
  });

  test('either header, the query parameter, and the names of the default', () => {
    assert.deepEqual(asked({ OutputTimestampFormat: 'Y' }), { format: 'Y' });
    assert.deepEqual(asked({ 'Timekit-OutputTimestampFormat': 'H:i' }), { format: 'H:i' });
    assert.deepEqual(asked({}, '?OutputTimestampFormat=U'), { format: 'U' });
    assert.deepEqual(asked({ OutputTimestampFormat: 'ISO_8601' }), { format: 'c' });
    assert.deepEqual(asked({ OutputTimestampFormat: 'ISO8601' }), { format: 'c' });
  });

  test("timekit-sdk's header before the documented one; the query before both", () => {
    const both = { 'Timekit-OutputTimestampFormat': 'Y', OutputTimestampFormat: 'm' };
    assert.deepEqual(asked(both), { format: 'Y' });
    assert.deepEqual(asked(both, '?OutputTimestampFormat=d'), { format: 'd' });
    const bad = { 'Timekit-OutputTimestampFormat': 'Q', OutputTimestampFormat: 'K' };
    assert.equal(refusal(asked(bad)).details![0]!.path, 'Timekit-OutputTimestampFormat');
    assert.equal(
      refusal(asked(bad, '?OutputTimestampFormat=J')).details![0]!.path,
      'query.OutputTimestampFormat',
    );
  });

  test('a zone comes with the format only when asked', () => {
    assert.deepEqual(
      asked({ OutputTimestampFormat: 'Y', 'Timekit-Timezone': 'Europe/Copenhagen' }),
      { format: 'Y', timeZone: 'Europe/Copenhagen' },
    );
  });
});

describe('requestedFormat: what is refused, and how it reads', () => {
  test('an empty or blank format', () => {
    assert.deepEqual(refusal(asked({ OutputTimestampFormat: '' })), {
      code: 'validation_failed',
      message: `OutputTimestampFormat "" ${WHY_LENGTH}.`,
      details: [{ path: 'OutputTimestampFormat', message: `"" ${WHY_LENGTH}` }],
    });
    assert.deepEqual(refusal(asked({}, '?OutputTimestampFormat=%20%20')), {
      code: 'validation_failed',
      message: `query.OutputTimestampFormat "  " ${WHY_LENGTH}.`,
      details: [{ path: 'query.OutputTimestampFormat', message: `"  " ${WHY_LENGTH}` }],
    });
  });

  test('100 characters at most', () => {
    const hundred = 'Y-'.repeat(50);
    assert.deepEqual(asked({ OutputTimestampFormat: hundred }), { format: hundred });
    assert.equal(
      refusal(asked({ OutputTimestampFormat: `${hundred}d` })).message,
      `OutputTimestampFormat "${hundred}d" ${WHY_LENGTH}.`,
    );
  });

  test('letters it cannot write, each named once, upper and lower case; escaped ones are fine', () => {
    const why = 'has letters that are not date() format characters: Q, e';
    assert.deepEqual(refusal(asked({ OutputTimestampFormat: 'Y-m-d Q:e Q' })), {
      code: 'validation_failed',
      message: `OutputTimestampFormat "Y-m-d Q:e Q" ${why}.`,
      details: [{ path: 'OutputTimestampFormat', message: `"Y-m-d Q:e Q" ${why}` }],
    });
    assert.deepEqual(asked({ OutputTimestampFormat: '\\Q\\e Y' }), { format: '\\Q\\e Y' });
    assert.deepEqual(asked({}, '?OutputTimestampFormat=%C2%A7%20Y'), { format: '§ Y' });
  });

  test('a zone that is not one', () => {
    const message = '"Mars/Olympus" is not an IANA time zone such as Europe/Copenhagen';
    assert.deepEqual(
      refusal(asked({ OutputTimestampFormat: 'Y', 'Timekit-Timezone': 'Mars/Olympus' })),
      {
        code: 'validation_failed',
        message: `Timekit-Timezone ${message}.`,
        details: [{ path: 'Timekit-Timezone', message }],
      },
    );
  });
});
