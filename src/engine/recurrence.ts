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
 * - Its parser accepts nonsense (`COUNT=abc`, `BYMONTH=13`, `FREQ=FOO`), so the rule is parsed and
 *   validated here and rrule is handed options, never text.
 *
 * One file past 600 lines on purpose: the parser and the expansion share the floating-time
 * helpers, the Rule type and `fail`; the parser (parseRule, parseDateList) is what to move out.
 */
import * as rruleModule from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import { isValidTimeZone, localDate, localTime, wallTimeToInstant } from '../lib/time/index.ts';

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

export type RecurrenceField = 'rrule' | 'rdate' | 'exdate';

/** The most occurrences one series may have (Makeplans' limit). */
export const MAX_OCCURRENCES = 731;

/** A recurrence the caller must fix; `field` names the input that caused it. */
export class RecurrenceError extends Error {
  constructor(
    readonly field: RecurrenceField,
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

// rrule's package.json has a UMD bundle as "main" and an extensionless ESM build as "module": in
// Node the namespace holds only `default` (plus `rrule`); bundlers see the named exports.
const rrule = (Reflect.get(rruleModule, 'default') ?? rruleModule) as typeof rruleModule;

/** Series sizes are counted exactly up to here for the "too many" message, then reported as "more than". */
const COUNT_CEILING = 10_000;
/** At most this many dates are taken from rrule per expansion (bounds the work on sparse rules). */
const MAX_CANDIDATES = 100_000;
/** Covers any zone's DST shift when a UTC UNTIL is compared in floating time. */
const UNTIL_SLACK = 2 * 3_600_000;
const DAY = 86_400_000;
/** The first wall time rrule reads right (see expandRecurrence). */
const FIRST_FLOATING = utc(100, 0, 1);
/** rrule stops at the end of year 9999 (its MAXYEAR). */
const LAST_FLOATING = Date.UTC(9999, 11, 31, 23, 59, 59);

type Freq = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY' | 'MINUTELY' | 'SECONDLY';
const FREQS: readonly Freq[] = [
  'YEARLY',
  'MONTHLY',
  'WEEKLY',
  'DAILY',
  'HOURLY',
  'MINUTELY',
  'SECONDLY',
];
/** rrule's weekday numbering: 0 = Monday. */
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A DATE or DATE-TIME value; `wall` is the wall time written as fake-UTC ms. */
type DateValue =
  | { kind: 'date'; wall: number; text: string }
  | { kind: 'local'; wall: number; text: string; tz?: string }
  | { kind: 'utc'; instant: number; text: string };

interface Rule {
  freq: Freq;
  interval: number;
  count?: number;
  until?: DateValue;
  wkst?: number;
  bysetpos?: number[];
  bymonth?: number[];
  byweekno?: number[];
  byyearday?: number[];
  bymonthday?: number[];
  byday?: { weekday: number; n: number }[];
  byhour?: number[];
  byminute?: number[];
  bysecond?: number[];
}

// ---------------------------------------------------------------------------------------------
// Small date helpers (fake-UTC wall times)

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Like Date.UTC, but years 0-99 stay years 0-99. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  return date.setUTCHours(h, mi, s, 0);
}

function daysInMonth(y: number, mo: number): number {
  return new Date(utc(y, mo + 1, 0)).getUTCDate();
}

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

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/** An iCalendar DATE ("19970101") or DATE-TIME ("19970101T090000", "...Z"), or undefined. */
function parseDateValue(raw: string): DateValue | undefined {
  const text = raw.trim().toUpperCase();
  const m = DATE_VALUE.exec(text);
  if (m === null) return undefined;
  const y = +m[1]!;
  const mo = +m[2]! - 1;
  const d = +m[3]!;
  if (mo < 0 || mo > 11 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (m[4] === undefined) return { kind: 'date', wall: utc(y, mo, d), text };
  const h = +m[4];
  const mi = +m[5]!;
  const s = +m[6]!;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const wall = utc(y, mo, d, h, mi, s);
  return m[7] === 'Z' ? { kind: 'utc', instant: wall, text } : { kind: 'local', wall, text };
}

// ---------------------------------------------------------------------------------------------
// RRULE parsing and validation

function fail(field: RecurrenceField, message: string): never {
  throw new RecurrenceError(field, message);
}

function parseInteger(part: string, value: string, min: number, max: number): number {
  if (!/^[+-]?\d{1,16}$/.test(value)) fail('rrule', `${part}=${value} is not a whole number`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    fail('rrule', `${part}=${value} is out of range (${min} to ${max})`);
  }
  return n;
}

/** A comma list of integers in min..max, or with `signed` also in -max..-min. */
function parseIntList(part: string, value: string, min: number, max: number, signed = false) {
  return value.split(',').map((v) => {
    const n = parseInteger(part, v, signed ? -max : min, max);
    if (signed && Math.abs(n) < min) fail('rrule', `${part}=${value}: ${v} is out of range`);
    return n;
  });
}

function parseWeekday(part: string, value: string): number {
  const i = WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]);
  if (i < 0) fail('rrule', `${part}=${value}: expected one of ${WEEKDAYS.join(', ')}`);
  return i;
}

const BYDAY_ENTRY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

function parseRule(text: string): Rule {
  let body = text.trim();
  if (/^RRULE:/i.test(body)) body = body.slice(6).trim();
  if (/[:\r\n]/.test(body)) {
    fail(
      'rrule',
      'rrule must hold only the rule, e.g. FREQ=WEEKLY;COUNT=10 (DTSTART comes from the booking)',
    );
  }
  const parts = body.split(';');
  if (parts.at(-1) === '' && parts.length > 1) parts.pop(); // tolerate one trailing ";"
  const seen = new Map<string, string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .toUpperCase();
    if (eq <= 0 || value === '')
      fail('rrule', `cannot read "${part}" in rrule; expected NAME=VALUE`);
    if (seen.has(name)) fail('rrule', `${name} appears more than once in rrule`);
    seen.set(name, value);
  }

  const freqText = seen.get('FREQ');
  if (freqText === undefined) fail('rrule', 'FREQ is required, e.g. FREQ=WEEKLY;COUNT=10');
  if (!FREQS.includes(freqText as Freq)) {
    fail('rrule', `FREQ=${freqText} is not one of ${FREQS.join(', ')}`);
  }
  const rule: Rule = { freq: freqText as Freq, interval: 1 };
  const freq = rule.freq;
  const yearly = freq === 'YEARLY';
  const monthlyOrYearly = yearly || freq === 'MONTHLY';

  for (const [name, value] of seen) {
    switch (name) {
      case 'FREQ':
        break;
      case 'INTERVAL':
        rule.interval = parseInteger(name, value, 1, Number.MAX_SAFE_INTEGER);
        break;
      case 'COUNT':
        rule.count = parseInteger(name, value, 1, Number.MAX_SAFE_INTEGER);
        break;
      case 'UNTIL': {
        const until = parseDateValue(value);
        if (until === undefined) {
          fail('rrule', `UNTIL=${value} is not a date (19971224) or date-time (19971224T000000Z)`);
        }
        rule.until = until;
        break;
      }
      case 'WKST':
        rule.wkst = parseWeekday(name, value);
        break;
      case 'BYSECOND':
        rule.bysecond = parseIntList(name, value, 0, 59);
        break;
      case 'BYMINUTE':
        rule.byminute = parseIntList(name, value, 0, 59);
        break;
      case 'BYHOUR':
        rule.byhour = parseIntList(name, value, 0, 23);
        break;
      case 'BYMONTH':
        rule.bymonth = parseIntList(name, value, 1, 12);
        break;
      case 'BYMONTHDAY':
        if (freq === 'WEEKLY') fail('rrule', 'BYMONTHDAY cannot be used with FREQ=WEEKLY');
        rule.bymonthday = parseIntList(name, value, 1, 31, true);
        break;
      case 'BYYEARDAY':
        if (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY') {
          fail('rrule', `BYYEARDAY cannot be used with FREQ=${freq}`);
        }
        rule.byyearday = parseIntList(name, value, 1, 366, true);
        break;
      case 'BYWEEKNO':
        if (!yearly) fail('rrule', 'BYWEEKNO can only be used with FREQ=YEARLY');
        rule.byweekno = parseIntList(name, value, 1, 53, true);
        break;
      case 'BYSETPOS':
        rule.bysetpos = parseIntList(name, value, 1, 366, true);
        break;
      case 'BYDAY':
        rule.byday = value.split(',').map((entry) => {
          const m = BYDAY_ENTRY.exec(entry);
          if (m === null) fail('rrule', `BYDAY=${value}: "${entry}" is not like MO, 1MO or -1FR`);
          const n = m[1] === undefined ? 0 : Number(m[1]);
          if (n !== 0) {
            if (!monthlyOrYearly) {
              fail('rrule', `BYDAY=${entry}: a numbered weekday needs FREQ=MONTHLY or FREQ=YEARLY`);
            }
            if (Math.abs(n) > (yearly ? 53 : 5)) fail('rrule', `BYDAY=${entry} is out of range`);
          }
          return { weekday: WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]), n };
        });
        break;
      default:
        fail('rrule', `${name} is not an iCalendar RRULE part`);
    }
  }

  if (rule.count !== undefined && rule.until !== undefined) {
    fail('rrule', 'use either COUNT or UNTIL in rrule, not both');
  }
  if (yearly && rule.byweekno !== undefined && rule.byday?.some((d) => d.n !== 0)) {
    fail('rrule', 'BYDAY cannot have numbered weekdays together with BYWEEKNO');
  }
  if (rule.bysetpos !== undefined) checkSetPos(rule);
  return rule;
}

/** BYSETPOS needs another BYxxx part and must be able to pick something, or rrule scans to 9999. */
function checkSetPos(rule: Rule): void {
  const by = [
    rule.bysecond,
    rule.byminute,
    rule.byhour,
    rule.byday,
    rule.bymonthday,
    rule.byyearday,
    rule.byweekno,
    rule.bymonth,
  ];
  if (by.every((b) => b === undefined)) fail('rrule', 'BYSETPOS needs another BYxxx part');
  const len = (list: unknown[] | undefined) => list?.length ?? 1;
  let setSize: number;
  switch (rule.freq) {
    case 'SECONDLY':
      setSize = 1;
      break;
    case 'MINUTELY':
      setSize = len(rule.bysecond);
      break;
    case 'HOURLY':
      setSize = len(rule.byminute) * len(rule.bysecond);
      break;
    case 'DAILY':
      setSize = len(rule.byhour) * len(rule.byminute) * len(rule.bysecond);
      break;
    case 'WEEKLY':
      setSize = len(rule.byday) * len(rule.byhour) * len(rule.byminute) * len(rule.bysecond);
      break;
    default:
      return; // the set varies with the month/year; rrule's scan of those is cheap
  }
  if (!rule.bysetpos!.some((p) => Math.abs(p) <= setSize)) {
    fail('rrule', `BYSETPOS never selects anything: each period has ${setSize} candidate time(s)`);
  }
}

// ---------------------------------------------------------------------------------------------
// RDATE / EXDATE parsing

function parseDateList(field: 'rdate' | 'exdate', text: string): DateValue[] {
  const values: DateValue[] = [];
  const property = field.toUpperCase();
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (line === '') continue;
    if (line.toUpperCase().startsWith(property) && /[:;]/.test(line[property.length] ?? '')) {
      line = line.slice(property.length + 1);
    }
    let valueType: 'DATE' | 'DATE-TIME' | undefined;
    let tz: string | undefined;
    const colon = line.indexOf(':');
    if (colon >= 0) {
      for (const param of line.slice(0, colon).split(';')) {
        const [name = '', value = '', ...rest] = param.split('=');
        const key = name.trim().toUpperCase();
        const val = value.trim();
        if (key === 'VALUE' && rest.length === 0 && /^(DATE|DATE-TIME)$/i.test(val)) {
          valueType = val.toUpperCase() as 'DATE' | 'DATE-TIME';
        } else if (key === 'VALUE' && /^PERIOD$/i.test(val)) {
          fail(
            field,
            `${property} VALUE=PERIOD is not supported; every occurrence lasts as long as the first`,
          );
        } else if (key === 'TZID' && rest.length === 0 && val !== '') {
          if (!isValidTimeZone(val)) fail(field, `${property}: unknown time zone TZID=${val}`);
          tz = val;
        } else {
          fail(
            field,
            `${property}: cannot read the parameter "${param}" (expected VALUE=DATE or TZID=...)`,
          );
        }
      }
      line = line.slice(colon + 1);
    }
    for (const raw of line.split(',')) {
      const value = parseDateValue(raw);
      if (value === undefined) {
        fail(
          field,
          `${property}: "${raw.trim()}" is not a date (19970101) or date-time (19970101T090000Z)`,
        );
      }
      if (valueType === 'DATE' && value.kind !== 'date') {
        fail(field, `${property}: ${value.text} has a time but VALUE=DATE was given`);
      }
      if (valueType === 'DATE-TIME' && value.kind === 'date') {
        fail(field, `${property}: ${value.text} has no time but VALUE=DATE-TIME was given`);
      }
      if (value.kind === 'local' && tz !== undefined) value.tz = tz;
      values.push(value);
      if (values.length > COUNT_CEILING)
        fail(field, `${property} lists more than ${COUNT_CEILING} dates`);
    }
  }
  return values;
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
