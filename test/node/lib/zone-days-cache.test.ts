// npm test: own process (it counts the Intl reads of a module-level cache from empty)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatInstant,
  localDate,
  readOffset,
  setOffsetSource,
} from '../../../src/lib/time/index.ts';
import { cacheZoneOffsets } from '../../../src/lib/time/zone-days.ts';

/**
 * What the engine's per-day offset cache promises beyond right answers (zone-days.test.ts
 * checks those): Intl is asked twice per zone and UTC day, not per slot, and the cache stays
 * bounded on a long-lived server. Counted at Intl itself: every offset read goes through
 * `Intl.DateTimeFormat.prototype.format`. Written for the mutants docs/testing.md lists for
 * zone-days.ts (a cache that never hits, or never empties, answers the same).
 */

const DAY = 86_400_000;
const proto = Intl.DateTimeFormat.prototype;
const original = Object.getOwnPropertyDescriptor(proto, 'format')!;
let intlReads = 0;

before(() => {
  Object.defineProperty(proto, 'format', {
    ...original,
    get(this: Intl.DateTimeFormat) {
      intlReads += 1;
      return original.get!.call(this);
    },
  });
  cacheZoneOffsets();
});

after(() => {
  Object.defineProperty(proto, 'format', original);
  setOffsetSource(readOffset);
});

/** How many times Intl is asked for an offset while `run` runs. */
function readsDuring(run: () => void): number {
  const start = intlReads;
  run();
  return intlReads - start;
}

/** Every minute of the UTC day `day` (a Date.UTC midnight), formatted in the zone. */
function formatWholeDay(day: number, zone: string): void {
  for (let ms = day; ms < day + DAY; ms += 60_000) formatInstant(ms, zone);
}

const june15 = Date.UTC(2026, 5, 15);
const june16 = Date.UTC(2026, 5, 16);

test('a day without a change costs two Intl reads, then none, however many slots are shown', () => {
  assert.equal(
    readsDuring(() => formatWholeDay(june15, 'Europe/Copenhagen')),
    2,
  );
  assert.equal(
    readsDuring(() => formatWholeDay(june15, 'Europe/Copenhagen')),
    0,
  );
  assert.equal(
    formatInstant(june15 + 7 * 3_600_000, 'Europe/Copenhagen'),
    '2026-06-15T09:00:00+02:00',
  );
});

test('a zone keeps every day it has read: going back to a day asks Intl nothing', () => {
  assert.equal(
    readsDuring(() => formatWholeDay(june16, 'Europe/Copenhagen')),
    2,
  );
  assert.equal(
    readsDuring(() => {
      formatWholeDay(june15, 'Europe/Copenhagen');
      formatWholeDay(june16, 'Europe/Copenhagen');
    }),
    0,
  );
});

test('a long-lived server keeps at most 50,000 days, then empties the cache and reads again', () => {
  const first = Date.UTC(1900, 0, 1);
  localDate(first, 'UTC');
  // Every day read in this file so far has one offset, so each cost exactly two reads.
  assert.equal(intlReads % 2, 0);
  const cachedDays = intlReads / 2;
  let day = first;
  for (let kept = cachedDays; kept < 50_000; kept += 1) localDate((day += DAY), 'UTC');
  assert.equal(
    readsDuring(() => localDate(first, 'UTC')),
    0,
    'the 50,000th day still fits',
  );
  assert.equal(
    readsDuring(() => localDate((day += DAY), 'UTC')),
    2,
  );
  assert.equal(
    readsDuring(() => localDate(first, 'UTC')),
    2,
    'the day after the 50,000th empties the cache',
  );
  assert.equal(
    readsDuring(() => formatInstant(june15, 'Europe/Copenhagen')),
    2,
    'every zone is forgotten',
  );
  assert.equal(
    readsDuring(() => localDate(day, 'UTC')),
    0,
    'the day read as the cache was emptied is kept',
  );
});
