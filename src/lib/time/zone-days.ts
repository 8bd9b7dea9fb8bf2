import { readOffset, setOffsetSource } from './index.ts';

const DAY = 86_400_000;

/**
 * What one UTC day of one zone looks like: a single offset, or the one change in it (`at`, a
 * whole second, is the first instant with the `after` offset). Like wallTimeToInstant's
 * bracketing below, this assumes a zone changes its offset at most once a day.
 */
interface ZoneDay {
  at: number;
  before: number;
  after: number;
}

// Days are cheap to keep (a calendar asks for the same few months over and over) but a server
// lives long, so the cache is dropped whole when it grows past a few years of every zone used.
const MAX_CACHED_DAYS = 50_000;
const zoneDays = new Map<string, Map<number, ZoneDay>>();
let cachedDays = 0;

function zoneDay(day: number, timeZone: string): ZoneDay {
  const start = day * DAY;
  const before = readOffset(start, timeZone);
  const after = readOffset(start + DAY - 1, timeZone);
  if (before === after) return { at: Infinity, before, after };
  // Bisect over whole seconds: the offset is `before` at `low` and `after` at `high`.
  let low = start / 1000;
  let high = Math.floor((start + DAY - 1) / 1000);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (readOffset(mid * 1000, timeZone) === before) low = mid;
    else high = mid;
  }
  return { at: high * 1000, before, after };
}

/**
 * The zone's offset from UTC at the instant, in ms. Asking Intl costs microseconds and a slot
 * list asks per slot, so each zone's days are read once (two Intl calls for a day without a
 * change) and remembered.
 */
function cachedOffset(ms: number, timeZone: string): number {
  const day = Math.floor(ms / DAY);
  let days = zoneDays.get(timeZone);
  let known = days?.get(day);
  if (known === undefined) {
    known = zoneDay(day, timeZone);
    if (cachedDays >= MAX_CACHED_DAYS) {
      zoneDays.clear();
      cachedDays = 0;
      days = undefined;
    }
    if (days === undefined) zoneDays.set(timeZone, (days = new Map()));
    days.set(day, known);
    cachedDays += 1;
  }
  return ms < known.at ? known.before : known.after;
}

/**
 * Makes every function of lib/time read offsets through the per-day cache: the engine computes
 * thousands of slots per request. Idempotent; called by the engine's constructor.
 */
export function cacheZoneOffsets(): void {
  setOffsetSource(cachedOffset);
}
