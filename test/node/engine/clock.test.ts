import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, OffsetClock, systemClock } from '../../../src/engine/index.ts';

/**
 * The engine's clocks (the sandbox moves the time with them). Of 5 bugs planted in clock.ts, the
 * engine tests missed 4 and the mock's 2: a start that is no time, and moves that add up.
 */

test('a manual clock refuses a start that is no time, naming it', () => {
  assert.throws(() => new ManualClock('next tuesday'), {
    name: 'RangeError',
    message: 'ManualClock: invalid start time next tuesday',
  });
  assert.equal(new ManualClock('2026-11-26T12:00:00Z').now(), Date.parse('2026-11-26T12:00:00Z'));
});

test('a running clock adds each move to the ones before, and set puts it at an instant', () => {
  const base = new ManualClock('2026-11-26T12:00:00Z');
  const clock = new OffsetClock(0, base);
  clock.advance(60_000);
  clock.advance(30_000);
  assert.equal(clock.now(), base.now() + 90_000, 'both moves');
  base.advance(1_000);
  assert.equal(clock.now(), base.now() + 90_000, 'it runs with its base');
  clock.set(Date.parse('2027-01-01T00:00:00Z'));
  assert.equal(clock.now(), Date.parse('2027-01-01T00:00:00Z'));
  assert.equal(new OffsetClock(5_000, base).now(), base.now() + 5_000, 'a starting offset');
});

test('the system clock is the machine’s', () => {
  const before = Date.now();
  const now = systemClock.now();
  assert.ok(now >= before && now <= Date.now(), `${now} within [${before}, now]`);
});
