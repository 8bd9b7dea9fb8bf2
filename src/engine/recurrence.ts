/**
 * Expands an iCalendar recurrence (RRULE + RDATE + EXDATE, RFC 5545 §3.8.5) anchored at a
 * booking's DTSTART/DTEND into concrete occurrences, for `POST /bookings/recurring`.
 *
 * The rule runs in "floating" time: DTSTART's wall-clock time in the resource's zone is written
 * into a fake-UTC Date, the `rrule` library expands it with no zone at all, and each fake-UTC
 * wall time is mapped back to a real instant with `wallTimeToInstant`. So a Friday 09:00 class
 * stays at 09:00 local on both sides of a DST change.
 *
 * Two things about rrule 2.8.1 shape the code below:
 * - It checks UNTIL only on a date that has passed every filter, so a rule whose filters never
 *   (or rarely) match scans on to the year 9999, and for HOURLY/MINUTELY/SECONDLY with
 *   BYHOUR/BYMINUTE it can loop for ever (a carried minute is used as the hour step) or silently
 *   skip valid days. For DAILY and finer rules the "limit" parts (RFC 5545's BYxxx table) are
 *   therefore checked here, on the floating date, and rrule only generates the plain grid, where
 *   every period yields a date and the number of dates looked at can be capped.
 * - Its parser accepts nonsense (`COUNT=abc`, `BYMONTH=13`, `FREQ=FOO`), so the rule and the
 *   date lists are parsed and validated in recurrence-rule.ts, and rrule is handed options, never
 *   text.
 */
import * as rruleModule from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import {
  daysInMonth,
  isValidTimeZone,
  localDate,
  localTime,
  utc,
  wallTimeToInstant,
} from '../lib/time/index.ts';
import {
  COUNT_CEILING,
  fail,
  mod,
  parseDateList,
  parseRule,
  RecurrenceError,
  type DateValue,
  type Freq,
  type RecurrenceField,
  type Rule,
} from './recurrence-rule.ts';

export { RecurrenceError, type RecurrenceField } from './recurrence-rule.ts';

export interface RecurrenceInput {
  /** First occurrence (DTSTART / DTEND), epoch ms. */
  start: number;
  end: number;
  /** The resource's IANA zone: occurrences keep DTSTART's local wall time across DST. */
  timeZone: string;
  /** e.g. "FREQ=WEEKLY;BYDAY=FR;COUNT=10"; a leading "RRULE:" is accepted. May be empty if `rdate` is given. */
  rrule: string;
  /** "VALUE=DATE:19970101,19970120" or "19970101T090000Z,..."; a leading "RDATE:"/"RDATE;" is accepted. */
  rdate?: string;
  /** Same forms as `rdate`. */
  exdate?: string;
}

export interface Occurrence {
  start: number;
  end: number;
}

/** The most occurrences one series may have (Makeplans' limit). */
export const MAX_OCCURRENCES = 731;

// rrule's package.json has a UMD bundle as "main" and an extensionless ESM build as "module": in
// Node the namespace holds only `default` (plus `rrule`); bundlers see the named exports.
const rrule = (Reflect.get(rruleModule, 'default') ?? rruleModule) as typeof rruleModule;

/** At most this many dates are taken from rrule per expansion (bounds the work on sparse rules). */
const MAX_CANDIDATES = 100_000;
/** Covers any zone's DST shift when a UTC UNTIL is compared in floating time. */
const UNTIL_SLACK = 2 * 3_600_000;
const DAY = 86_400_000;
/** The first wall time rrule reads right (see expandRecurrence). */
const FIRST_FLOATING = utc(100, 0, 1);
/** rrule stops at the end of year 9999 (its MAXYEAR). */
const LAST_FLOATING = Date.UTC(9999, 11, 31, 23, 59, 59);

/** The floating (fake-UTC) wall time of an instant in the zone. */
function toFloating(instant: number, tz: string): number {
  const [y, mo, d] = localDate(instant, tz).split('-').map(Number) as [number, number, number];
  const [h, mi] = localTime(instant, tz).split(':').map(Number) as [number, number];
  // Zone offsets are whole minutes, so seconds and ms carry over unchanged.
  return utc(y, mo - 1, d, h, mi) + mod(instant, 60_000);
}

/** The instant whose wall time in the zone is the floating time (DST gaps resolved forward). */
function toInstant(floating: number, tz: string): number {
  const iso = new Date(floating).toISOString();
  return wallTimeToInstant(iso.slice(0, 10), iso.slice(11, 16), tz) + mod(floating, 60_000);
}

// ---------------------------------------------------------------------------------------------
// Expansion

/** DAILY and finer: the limit parts are checked here and rrule generates only the plain grid. */
function limitsCheckedHere(freq: Freq): boolean {
  return freq === 'DAILY' || freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY';
}

/** Whether a rule date passes the RFC 5545 "limit" parts (for DAILY and finer). */
function limitFilter(rule: Rule): ((floating: number) => boolean) | undefined {
  if (!limitsCheckedHere(rule.freq)) return undefined;
  const sub = rule.freq !== 'DAILY';
  const byhour = sub ? rule.byhour : undefined;
  const byminute = rule.freq === 'MINUTELY' || rule.freq === 'SECONDLY' ? rule.byminute : undefined;
  const bysecond = rule.freq === 'SECONDLY' ? rule.bysecond : undefined;
  const { bymonth, bymonthday, byyearday } = rule;
  const byweekday = rule.byday?.map((d) => d.weekday);
  return (floating) => {
    const d = new Date(floating);
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth();
    const md = d.getUTCDate();
    if (bymonth !== undefined && !bymonth.includes(mo + 1)) return false;
    if (bymonthday !== undefined) {
      const negative = md - daysInMonth(y, mo) - 1;
      if (!bymonthday.includes(md) && !bymonthday.includes(negative)) return false;
    }
    if (byweekday !== undefined && !byweekday.includes(mod(d.getUTCDay() - 1, 7))) return false;
    if (byyearday !== undefined) {
      const yd = (utc(y, mo, md) - utc(y, 0, 1)) / DAY + 1;
      const negative = yd - (utc(y + 1, 0, 1) - utc(y, 0, 1)) / DAY - 1;
      if (!byyearday.includes(yd) && !byyearday.includes(negative)) return false;
    }
    if (byhour !== undefined && !byhour.includes(d.getUTCHours())) return false;
    if (byminute !== undefined && !byminute.includes(d.getUTCMinutes())) return false;
    if (bysecond !== undefined && !bysecond.includes(d.getUTCSeconds())) return false;
    return true;
  };
}

/** rrule options for the rule; for DAILY and finer only the parts that expand, not limit. */
function rruleOptions(rule: Rule, dtstart: Date, until: Date | undefined): Partial<RRuleOptions> {
  const { Frequency, Weekday } = rrule;
  const options: Partial<RRuleOptions> = {
    freq: Frequency[rule.freq],
    interval: rule.interval,
    dtstart,
    tzid: null,
    until: until ?? null,
    wkst: rule.wkst ?? 0,
    bysetpos: rule.bysetpos ?? null,
  };
  const limited = limitsCheckedHere(rule.freq);
  if (!limited) {
    // rrule applies COUNT after its own filters, which here are all of them.
    options.count = rule.count ?? null;
    options.bymonth = rule.bymonth ?? null;
    options.bymonthday = rule.bymonthday ?? null;
    options.byyearday = rule.byyearday ?? null;
    options.byweekno = rule.byweekno ?? null;
    options.byweekday =
      rule.byday?.map((d) => new Weekday(d.weekday, d.n === 0 ? undefined : d.n)) ?? null;
  }
  if (rule.freq === 'DAILY' || !limited) options.byhour = rule.byhour ?? null;
  if (rule.freq === 'DAILY' || rule.freq === 'HOURLY' || !limited) {
    options.byminute = rule.byminute ?? null;
  }
  if (rule.freq !== 'SECONDLY') options.bysecond = rule.bysecond ?? null;
  return options;
}

/**
 * The occurrences of DTSTART + RRULE + RDATE - EXDATE: sorted by start, unique, each lasting
 * `end - start`. DTSTART is always one of them (unless an EXDATE removes it), as in iCalendar;
 * COUNT counts the rule's own dates. Throws RecurrenceError for anything the caller must fix,
 * RangeError for a bad `start`/`end`/`timeZone` (the booking itself is validated elsewhere).
 */
export function expandRecurrence(input: RecurrenceInput): Occurrence[] {
  const { start, end, timeZone } = input;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
    throw new RangeError('start and end must be epoch ms with end >= start');
  }
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);

  const ruleText = input.rrule.trim();
  const rdateText = input.rdate?.trim() ?? '';
  if (ruleText === '' && rdateText === '') {
    fail('rrule', 'rrule is required, e.g. FREQ=WEEKLY;BYDAY=FR;COUNT=10');
  }
  const rule = ruleText === '' ? undefined : parseRule(ruleText);
  const rdates = parseDateList('rdate', rdateText);
  const exdates = parseDateList('exdate', input.exdate ?? '');

  const startFloating = toFloating(start, timeZone);
  // rrule builds its dates with Date.UTC, which reads years 0-99 as 1900-1999: a series from
  // the year 50 would go on in 1950.
  if (rule !== undefined && startFloating < FIRST_FLOATING)
    fail('rrule', 'cannot repeat a series that starts before the year 100');
  const localInstant = (v: DateValue & { kind: 'local' }) => toInstant(v.wall, v.tz ?? timeZone);

  const excludedDates = new Set<string>();
  const excludedSeconds = new Set<number>();
  for (const ex of exdates) {
    if (ex.kind === 'date') excludedDates.add(new Date(ex.wall).toISOString().slice(0, 10));
    else
      excludedSeconds.add(Math.floor((ex.kind === 'utc' ? ex.instant : localInstant(ex)) / 1000));
  }
  const isExcluded = (instant: number) =>
    excludedSeconds.has(Math.floor(instant / 1000)) ||
    (excludedDates.size > 0 && excludedDates.has(localDate(instant, timeZone)));

  const starts = new Set<number>();
  const add = (instant: number) => {
    if (!isExcluded(instant)) starts.add(instant);
  };
  add(start);
  for (const r of rdates) {
    if (r.kind === 'utc') add(r.instant);
    else if (r.kind === 'local') add(localInstant(r));
    else add(toInstant(r.wall + mod(startFloating, DAY), timeZone)); // DTSTART's time of day
  }

  let incomplete = false; // stopped before the rule ran out
  let candidates = 0;
  if (rule !== undefined) {
    // rrule drops a date earlier than DTSTART in the same second, so hand it whole seconds.
    const msPart = mod(start, 1000);
    let untilFloating: number | undefined;
    let untilInstant: number | undefined;
    if (rule.until?.kind === 'date') untilFloating = rule.until.wall + DAY - 1;
    else if (rule.until?.kind === 'local') untilFloating = rule.until.wall + 999;
    else if (rule.until?.kind === 'utc') {
      untilInstant = rule.until.instant;
      untilFloating =
        untilInstant >= LAST_FLOATING - DAY
          ? LAST_FLOATING
          : toFloating(untilInstant, timeZone) + UNTIL_SLACK;
    }
    const filter = limitFilter(rule);
    let remaining = filter === undefined ? Infinity : (rule.count ?? Infinity);
    const options = rruleOptions(
      rule,
      new Date(startFloating - msPart),
      untilFloating === undefined ? undefined : new Date(Math.min(untilFloating, LAST_FLOATING)),
    );
    // Seed 004: a rule without COUNT or UNTIL gives its first MAX_OCCURRENCES dates, not a refusal.
    const unbounded = rule.count === undefined && rule.until === undefined;
    const each = (date: Date) => {
      if (unbounded && starts.size >= MAX_OCCURRENCES) return false;
      if (++candidates > MAX_CANDIDATES || starts.size > COUNT_CEILING) {
        incomplete = true;
        return false;
      }
      const floating = date.getTime() + msPart;
      if (filter !== undefined) {
        if (!filter(floating)) return true;
        remaining--;
      }
      const instant = floating === startFloating ? start : toInstant(floating, timeZone);
      if (untilInstant === undefined || instant <= untilInstant) add(instant);
      return remaining > 0;
    };
    try {
      new rrule.RRule(options, true).all(each);
    } catch (error) {
      if (error instanceof RecurrenceError) throw error;
      fail('rrule', `cannot expand the rule: ${error instanceof Error ? error.message : error}`);
    }
  }

  const field: RecurrenceField = rule === undefined ? 'rdate' : 'rrule';
  if (starts.size > MAX_OCCURRENCES) {
    const n =
      starts.size > COUNT_CEILING
        ? `more than ${COUNT_CEILING}`
        : incomplete
          ? `at least ${starts.size}`
          : `${starts.size}`;
    fail(field, `the series has ${n} occurrences; at most ${MAX_OCCURRENCES} are allowed`);
  }
  if (incomplete) {
    fail(
      'rrule',
      `the rule is too sparse to expand: only ${starts.size} occurrence(s) among its first ` +
        `${MAX_CANDIDATES} candidate times; use a coarser FREQ (e.g. FREQ=DAILY;BYHOUR=9) or an earlier UNTIL/smaller COUNT`,
    );
  }
  if (starts.size === 0) fail('exdate', 'EXDATE removes every occurrence; nothing would be booked');

  const duration = end - start;
  return [...starts]
    .sort((a, b) => a - b)
    .slice(0, MAX_OCCURRENCES)
    .map((s) => ({ start: s, end: s + duration }));
}
