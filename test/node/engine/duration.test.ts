import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/index.ts';
import { parseDuration } from '../../../src/engine/duration.ts';
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
