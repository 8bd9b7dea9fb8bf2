import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatInstant,
  localDate,
  localTime,
  readOffset,
  setOffsetSource,
  wallTimeToInstant,
} from '../../../src/lib/time/index.ts';
import { cacheZoneOffsets } from '../../../src/lib/time/zone-days.ts';

const ZONES = [
  'Europe/Copenhagen',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe', // a 30-minute change
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
];
// 2024-2028, DST changes included.
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) });

function answers(ms: number, zone: string) {
  const date = localDate(ms, zone);
  return {
    formatted: formatInstant(ms, zone),
    date,
    time: localTime(ms, zone),
    back: wallTimeToInstant(date, localTime(ms, zone), zone),
  };
}

test('the per-day offset cache the engine switches on answers exactly as Intl on every call', () => {
  fc.assert(
    fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
      setOffsetSource(readOffset);
      const plain = answers(ms, zone);
      cacheZoneOffsets();
      const cached = answers(ms, zone);
      setOffsetSource(readOffset);
      assert.deepEqual(cached, plain);
    }),
    { numRuns: 2000 },
  );
});

test('the cache finds the exact second of a change: Copenhagen, 29 March 2026 01:00 UTC', () => {
  cacheZoneOffsets();
  try {
    const change = Date.UTC(2026, 2, 29, 1);
    assert.equal(formatInstant(change - 1000, 'Europe/Copenhagen'), '2026-03-29T01:59:59+01:00');
    assert.equal(formatInstant(change, 'Europe/Copenhagen'), '2026-03-29T03:00:00+02:00');
  } finally {
    setOffsetSource(readOffset);
  }
});
