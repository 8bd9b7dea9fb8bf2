import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/index.ts';
import {
  checkDuration,
  CLOCK_RANGE,
  DURATION_BOUNDS,
  DURATION_HINT,
  parseDuration,
} from '../../../src/engine/duration.ts';
import { DAY, HOUR, MINUTE, OWNER, T0, makeEngine, openClass } from './helpers.ts';

/** Timekit's human durations: what is read, what is refused, and what the caller is told. */

test('durations in every unit and spelling Timekit uses, with or without a space', () => {
  const cases: Array<[string, number]> = [
    ['15 minutes', 15 * MINUTE],
    ['15minutes', 15 * MINUTE],
    ['  2 hours  ', 2 * HOUR],
    ['1 DAY', DAY],
    ['14 days', 14 * DAY],
    ['30 s', 30_000],
    ['2 weeks', 14 * DAY],
    ['6 months', 180 * DAY],
    ['0 minutes', 0],
  ];
  for (const [text, ms] of cases) assert.equal(parseDuration(text), ms, text);
});

test('anything else is refused rather than half-read', () => {
  for (const text of [
    'about 15 minutes',
    '15 minutes later',
    '15 minutes!',
    '15 fortnights',
    'minutes',
    '15',
    '-5 minutes',
    '1.5 hours',
    '12345678 minutes',
    '',
  ]) {
    assert.equal(parseDuration(text), undefined, JSON.stringify(text));
  }
});

test('a bad duration setting names the field and shows what a duration looks like', () => {
  const { engine } = makeEngine();
  assert.throws(
    () => openClass(engine, T0 + 3 * DAY, { max_seats: 5, min_cancel_time: 'soon' }),
    (error: unknown) => {
      assert.ok(error instanceof EngineError, String(error));
      assert.equal(error.code, 'validation_failed');
      assert.match(
        JSON.stringify(error.details),
        /min_cancel_time.*a duration such as \\"15 minutes\\", \\"2 hours\\", \\"1 day\\" or \\"14 days\\"/,
      );
      return true;
    },
  );
  assert.equal(engine.listBookings({}, OWNER).length, 0);
});

// Planted by hand (issue #17): each alias, a non-string that reads as a duration, the hold's and
// the clock's upper bounds and the clock's last instant passed every engine test.
test('every unit alias reads as its unit', () => {
  const second = 1_000;
  const expected: Array<[string, number]> = [
    ['2 s', 2 * second],
    ['2 sec', 2 * second],
    ['2 secs', 2 * second],
    ['2 second', 2 * second],
    ['2 seconds', 2 * second],
    ['2 min', 120 * second],
    ['2 mins', 120 * second],
    ['2 h', 7_200 * second],
    ['2 hr', 7_200 * second],
    ['2 hrs', 7_200 * second],
    ['2 d', 172_800 * second],
    ['2 w', 1_209_600 * second],
    ['2 weeks', 1_209_600 * second],
    ['2 months', 5_184_000 * second],
  ];
  for (const [text, ms] of expected) assert.equal(parseDuration(text), ms, text);
});

test('only a string is a duration, even one that prints as one', () => {
  const printsAsOne = { toString: () => '15 minutes' } as unknown as string;
  assert.equal(parseDuration(printsAsOne), undefined);
  assert.deepEqual(checkDuration(printsAsOne, DURATION_BOUNDS.length), {
    problem: `must be ${DURATION_HINT}`,
  });
});

test('a hold lasts a day at most; the clock moves 100 years at most and stops before 3000', () => {
  assert.deepEqual(checkDuration('1 day', DURATION_BOUNDS.hold), { ms: 86_400_000 });
  assert.deepEqual(checkDuration('25 hours', DURATION_BOUNDS.hold), {
    problem: 'must be from 1 minute to 1 day',
  });
  assert.deepEqual(checkDuration('36500 days', DURATION_BOUNDS.clockAdvance), {
    ms: 36_500 * 86_400_000,
  });
  assert.deepEqual(checkDuration('36501 days', DURATION_BOUNDS.clockAdvance), {
    problem: 'must be from 0 minutes to 100 years',
  });
  assert.equal(CLOCK_RANGE.max, Date.parse('2999-12-31T23:59:59.999Z'));
});
