/**
 * Time-zone arithmetic over epoch milliseconds: the one place in slotkit that knows about zones.
 *
 * Zone offsets come straight from `Intl.DateTimeFormat`, not from date-fns-tz: date-fns-tz v3
 * routes every conversion through a `Date` in the host's zone, so `formatInTimeZone` and
 * `fromZonedTime` answer differently (and wrongly) when the host itself is near a DST change
 * (marnusw/date-fns-tz#258). Results here depend only on the arguments.
 */

import { wallText } from './wall-text.ts';

export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for an unknown zone, as Intl does. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let dtf = formatters.get(timeZone);
  if (dtf === undefined) {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, dtf);
  }
  return dtf;
}

/** Like Date.UTC, but years 0-99 stay years 0-99. */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  return date.setUTCHours(h, mi, s, ms);
}

// `format` + a regex is about three times faster than `formatToParts`, and this runs per slot.
const EN_US = /(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/;

/** The zone's offset from UTC at the instant, in ms (local wall time = ms + offset), from Intl. */
export function readOffset(ms: number, timeZone: string): number {
  const m = EN_US.exec(formatterFor(timeZone).format(ms));
  if (m === null) throw new RangeError(`Cannot read the time in ${timeZone}`);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  // Some engines print midnight as hour 24 even with h23.
  const at = (year: number) => utc(year, +m[1]! - 1, +m[2]!, +m[4]! % 24, +m[5]!, +m[6]!) - whole;
  const offset = at(+m[3]!);
  // en-US prints the era's year: 1 BC reads as year 1, and no real offset is a day long.
  return Math.abs(offset) < DAY ? offset : at(1 - +m[3]!);
}

/**
 * Where offsets come from: Intl on every call, unless a caller that asks per slot (the engine)
 * swaps in the per-day cache of zone-days.ts. A widget asks a few hundred times a month, and
 * keeping the cache out of it keeps its bytes out of the script tag's first paint.
 */
let offsetAt: (ms: number, timeZone: string) => number = readOffset;

/** Replaces the offset source (zone-days.ts's cache); the answers must stay the same. */
export function setOffsetSource(source: (ms: number, timeZone: string) => number): void {
  offsetAt = source;
}

function isoDate(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

export function daysInMonth(y: number, mo: number): number {
  return new Date(utc(y, mo + 1, 0)).getUTCDate();
}

/** Whether year `y`, month `mo` (0-11) and day `d` name a day the calendar has. */
export function isCalendarDay(y: number, mo: number, d: number): boolean {
  return mo >= 0 && mo <= 11 && d >= 1 && d <= daysInMonth(y, mo);
}

/** A yyyy-MM-dd date as UTC midnight ms, or NaN if it is not a real calendar date. */
function dateToUtc(date: string): number {
  const m = DATE.exec(date);
  if (m === null) return NaN;
  const y = +m[1]!;
  const mo = +m[2]! - 1;
  const d = +m[3]!;
  if (!isCalendarDay(y, mo, d)) return NaN;
  return utc(y, mo, d);
}

function parseDate(date: string): number {
  const ms = dateToUtc(date);
  if (Number.isNaN(ms)) throw new RangeError(`Not a yyyy-MM-dd date: ${date}`);
  return ms;
}

/**
 * The instant at which clocks in `timeZone` show `date` `time` ("HH:mm", "24:00" = next midnight).
 *
 * Same rule as Temporal's "compatible" disambiguation, so hours configured in a zone never
 * vanish or double: a wall time skipped by a spring-forward gap is read with the offset from
 * before the gap, which lands as far after the gap as it was into it (02:30 -> 03:30 when clocks
 * jump 02:00 -> 03:00); a wall time that occurs twice in autumn means the first occurrence.
 */
export function wallTimeToInstant(date: string, time: string, timeZone: string): number {
  return wallClockToInstant(parseDate(date) + timeOfDayMs(time), timeZone);
}

/** "HH:mm" (or "24:00") as ms after midnight; RangeError for anything else. */
export function timeOfDayMs(time: string): number {
  const t = TIME.exec(time);
  const h = t === null ? NaN : +t[1]!;
  const mi = t === null ? NaN : +t[2]!;
  if (!(h < 24 && mi < 60) && !(h === 24 && mi === 0)) {
    throw new RangeError(`Not an HH:mm time: ${time}`);
  }
  return h * 3_600_000 + mi * MINUTE;
}

/**
 * wallTimeToInstant over numbers, for loops over many days: `local` is the wall clock as ms
 * since 1970-01-01 00:00 on that clock (what wallClockOf answers).
 */
export function wallClockToInstant(local: number, timeZone: string): number {
  // Offsets a day either side bracket every candidate instant (real offsets stay within ±14 h).
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const early = local - before;
  const late = local - after;
  const earlyValid = offsetAt(early, timeZone) === before;
  if (before === after && earlyValid) return early;
  const lateValid = offsetAt(late, timeZone) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early; // valid, or in the gap: both read with the offset from before the change
}

/** The instant's wall clock in the zone, as ms since 1970-01-01 00:00 on that clock. */
export function wallClockOf(ms: number, timeZone: string): number {
  return ms + offsetAt(ms, timeZone);
}

// A zone has a handful of offsets; their text is kept rather than rebuilt per formatted instant.
const offsetTexts = new Map<number, string>();

function offsetText(offsetMs: number): string {
  let text = offsetTexts.get(offsetMs);
  if (text === undefined) {
    text = readOffsetText(offsetMs);
    if (offsetTexts.size >= 1_000) offsetTexts.clear();
    offsetTexts.set(offsetMs, text);
  }
  return text;
}

function readOffsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** RFC 3339 with a numeric offset and whole seconds, e.g. 2026-03-29T09:00:00+02:00. */
export function formatInstant(ms: number, timeZone = 'UTC'): string {
  const offset = offsetAt(ms, timeZone);
  // Past year 9999 Date writes a six-digit year (+010000-…): cut its ".sssZ", not a fixed 19.
  const wall = wallText(ms + offset) ?? new Date(ms + offset).toISOString().slice(0, -5);
  return wall + offsetText(offset);
}

const RFC3339 =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Strict RFC 3339 (plus ±hhmm offsets, which Timekit emits); undefined for anything else,
 * including dates that do not exist (2026-02-30) and leap seconds, which Date cannot hold.
 */
export function parseInstant(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const day = dateToUtc(m[1]!);
  const h = +m[2]!;
  const mi = +m[3]!;
  const s = +m[4]!;
  const oh = m[6] === undefined ? +m[8]! : 0;
  const om = m[6] === undefined ? +m[9]! : 0;
  if (Number.isNaN(day) || h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) return undefined;
  const fraction = m[5] === undefined ? 0 : +m[5].slice(0, 3).padEnd(3, '0');
  const offset = (m[7] === '-' ? -1 : 1) * (oh * 60 + om) * MINUTE;
  return day + ((h * 60 + mi) * 60 + s) * 1000 + fraction - offset;
}

/** The local calendar date (yyyy-MM-dd) of the instant in the zone. */
export function localDate(ms: number, timeZone: string): string {
  return isoDate(ms + offsetAt(ms, timeZone));
}

/** The local clock time (HH:mm) of the instant in the zone. */
export function localTime(ms: number, timeZone: string): string {
  return new Date(ms + offsetAt(ms, timeZone)).toISOString().slice(11, 16);
}

export function addDaysToDate(date: string, days: number): string {
  return isoDate(parseDate(date) + days * DAY);
}

/** 0 = Sunday. A property of the calendar date alone, so no zone is involved. */
export function weekdayOfDate(date: string): WeekdayIndex {
  return new Date(parseDate(date)).getUTCDay() as WeekdayIndex;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/** The first instant of the instant's local day; later than 00:00 where midnight is skipped. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  return wallTimeToInstant(localDate(ms, timeZone), '00:00', timeZone);
}
