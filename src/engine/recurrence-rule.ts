/**
 * The parser half of recurrence.ts: an RRULE and the RDATE/EXDATE lists (RFC 5545 §3.8.5), read
 * and checked here because rrule's own parser accepts nonsense (`COUNT=abc`, `BYMONTH=13`,
 * `FREQ=FOO`). Dates are "floating": a wall time written as fake-UTC ms (see recurrence.ts).
 */
import { isCalendarDay, isValidTimeZone, utc } from '../lib/time/index.ts';

export type RecurrenceField = 'rrule' | 'rdate' | 'exdate';

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

/** Series sizes are counted exactly up to here for the "too many" message, then reported as "more than". */
export const COUNT_CEILING = 10_000;

export type Freq = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY' | 'MINUTELY' | 'SECONDLY';
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
export type DateValue =
  | { kind: 'date'; wall: number; text: string }
  | { kind: 'local'; wall: number; text: string; tz?: string }
  | { kind: 'utc'; instant: number; text: string };

export interface Rule {
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

export function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
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
  if (!isCalendarDay(y, mo, d)) return undefined;
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

export function fail(field: RecurrenceField, message: string): never {
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

export function parseRule(text: string): Rule {
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

export function parseDateList(field: 'rdate' | 'exdate', text: string): DateValue[] {
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
