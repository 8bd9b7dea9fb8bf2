import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverClock } from '../../../src/sdk/clock.ts';

/**
 * Overlapping Date-header intervals narrow the offset to their intersection (Stryker found that
 * keeping only the latest interval passed every other test).
 */

const LOCAL = Date.parse('2026-11-26T12:00:00Z');
const header = (ms: number) => new Date(ms).toUTCString();

test('two overlapping observations give the middle of their intersection', () => {
  const clock = serverClock(() => LOCAL);
  // Stamped 12:00:00, sent at local 12:00:00.000, received 400 ms later: offset in [-400, 1000].
  clock.observe(header(LOCAL), LOCAL, LOCAL + 400);
  assert.equal(clock.offsetMs(), 300);
  // Stamped 12:00:10, sent at 12:00:09.500, received at 12:00:09.600: offset in [400, 1500].
  clock.observe(header(LOCAL + 10_000), LOCAL + 9_500, LOCAL + 9_600);
  // Both hold: [400, 1000], so 700 (the latest interval alone would say 950).
  assert.equal(clock.offsetMs(), 700);
  assert.equal(clock.now(), LOCAL + 700);
});

test('an observation that does not overlap starts afresh (a clock jumped)', () => {
  const clock = serverClock(() => LOCAL);
  clock.observe(header(LOCAL), LOCAL, LOCAL + 400);
  clock.observe(header(LOCAL + 3_600_000), LOCAL + 100, LOCAL + 200);
  assert.equal(clock.offsetMs(), 3_600_000 - 200 + 550);
});

test('a clock that jumped back starts afresh too', () => {
  const clock = serverClock(() => LOCAL);
  clock.observe(header(LOCAL), LOCAL, LOCAL + 400);
  // Stamped an hour earlier: offset in [-3_600_200, -3_599_100], all below -400.
  clock.observe(header(LOCAL - 3_600_000), LOCAL + 100, LOCAL + 200);
  assert.equal(clock.offsetMs(), -3_599_650);
});

test('intervals that touch at one instant still overlap: the offset is that instant', () => {
  const above = serverClock(() => LOCAL);
  above.observe(header(LOCAL), LOCAL, LOCAL + 400); // [-400, 1000]
  above.observe(header(LOCAL + 10_000), LOCAL + 8_500, LOCAL + 9_000); // [1000, 2500]
  assert.equal(above.offsetMs(), 1000);

  const below = serverClock(() => LOCAL);
  below.observe(header(LOCAL), LOCAL, LOCAL + 400); // [-400, 1000]
  below.observe(header(LOCAL - 10_000), LOCAL - 8_600, LOCAL - 8_500); // [-1500, -400]
  assert.equal(below.offsetMs(), -400);
});
