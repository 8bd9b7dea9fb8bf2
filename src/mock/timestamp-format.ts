import { EngineError } from '../engine/index.ts';
import { formatInstant, isValidTimeZone, parseInstant } from '../lib/time/index.ts';

/**
 * Timekit's `OutputTimestampFormat` (seed 000's `outputTimestampFormat: 'Y-m-d H:i:s'`): the
 * client picks how every timestamp in a response is written. Timekit's docs take it as a header
 * (`OutputTimestampFormat`; timekit-sdk sends `Timekit-OutputTimestampFormat`) or a query
 * parameter (`?OutputTimestampFormat=`), written with PHP's `date()` letters; the default is
 * ISO 8601. One transform over the finished response body, so no handler knows about it.
 */

export const FORMAT_PARAM = 'OutputTimestampFormat';
const FORMAT_HEADERS = ['Timekit-OutputTimestampFormat', 'OutputTimestampFormat'];
/** timekit-sdk's `timezone`: custom-formatted timestamps in that zone instead of their own. */
const ZONE_HEADER = 'Timekit-Timezone';

/** Names Timekit's docs use for the default. */
const NAMED: Record<string, string> = { ISO_8601: 'c', ISO8601: 'c' };

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A wall clock reading: the instant shifted by its offset, read with the UTC getters. */
interface Wall {
  ms: number;
  date: Date;
  offsetMinutes: number;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function offset(wall: Wall, colon: boolean): string {
  const minutes = Math.abs(wall.offsetMinutes);
  const sign = wall.offsetMinutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(minutes / 60))}${colon ? ':' : ''}${pad(minutes % 60)}`;
}

function suffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** PHP `date()` letters this mock writes; any other letter is refused rather than guessed. */
const LETTERS: Record<string, (wall: Wall) => string> = {
  d: ({ date }) => pad(date.getUTCDate()),
  D: ({ date }) => DAYS[date.getUTCDay()]!.slice(0, 3),
  j: ({ date }) => String(date.getUTCDate()),
  l: ({ date }) => DAYS[date.getUTCDay()]!,
  N: ({ date }) => String(date.getUTCDay() || 7),
  S: ({ date }) => suffix(date.getUTCDate()),
  w: ({ date }) => String(date.getUTCDay()),
  z: ({ date }) =>
    String(Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000)),
  F: ({ date }) => MONTHS[date.getUTCMonth()]!,
  M: ({ date }) => MONTHS[date.getUTCMonth()]!.slice(0, 3),
  m: ({ date }) => pad(date.getUTCMonth() + 1),
  n: ({ date }) => String(date.getUTCMonth() + 1),
  t: ({ date }) =>
    String(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()),
  L: ({ date }) => (isLeap(date.getUTCFullYear()) ? '1' : '0'),
  Y: ({ date }) => String(date.getUTCFullYear()),
  y: ({ date }) => pad(date.getUTCFullYear() % 100),
  a: ({ date }) => (date.getUTCHours() < 12 ? 'am' : 'pm'),
  A: ({ date }) => (date.getUTCHours() < 12 ? 'AM' : 'PM'),
  g: ({ date }) => String(date.getUTCHours() % 12 || 12),
  G: ({ date }) => String(date.getUTCHours()),
  h: ({ date }) => pad(date.getUTCHours() % 12 || 12),
  H: ({ date }) => pad(date.getUTCHours()),
  i: ({ date }) => pad(date.getUTCMinutes()),
  s: ({ date }) => pad(date.getUTCSeconds()),
  u: ({ date }) => pad(date.getUTCMilliseconds() * 1000, 6),
  v: ({ date }) => pad(date.getUTCMilliseconds(), 3),
  O: (wall) => offset(wall, false),
  P: (wall) => offset(wall, true),
  p: (wall) => (wall.offsetMinutes === 0 ? 'Z' : offset(wall, true)),
  Z: (wall) => String(wall.offsetMinutes * 60),
  c: (wall) => write('Y-m-d\\TH:i:sP', wall),
  r: (wall) => write('D, d M Y H:i:s O', wall),
  U: (wall) => String(Math.floor(wall.ms / 1000)),
};

function write(format: string, wall: Wall): string {
  let out = '';
  for (let index = 0; index < format.length; index++) {
    const char = format[index]!;
    if (char === '\\') out += format[++index] ?? '';
    else out += LETTERS[char]?.(wall) ?? char;
  }
  return out;
}

/** Letters of a format this mock cannot write (PHP would, or would print them as they are). */
function unknownLetters(format: string): string[] {
  const unknown = new Set<string>();
  for (let index = 0; index < format.length; index++) {
    const char = format[index]!;
    if (char === '\\') index++;
    else if (/[A-Za-z]/.test(char) && !Object.hasOwn(LETTERS, char)) unknown.add(char);
  }
  return [...unknown];
}

export interface OutputFormat {
  format: string;
  timeZone?: string;
}

/**
 * The format a request asks for, or undefined for the default (the engine's own RFC 3339).
 * An unwritable format or zone is a 422 naming it, before the request does anything.
 */
export function requestedFormat(request: Request, url: URL): OutputFormat | undefined {
  const header = FORMAT_HEADERS.find((name) => request.headers.has(name));
  const source = url.searchParams.has(FORMAT_PARAM) ? `query.${FORMAT_PARAM}` : header;
  const given = url.searchParams.get(FORMAT_PARAM) ?? (header && request.headers.get(header));
  if (source === undefined || given === null || given === undefined) return undefined;
  const format = NAMED[given] ?? given;
  const unknown = unknownLetters(format);
  if (format.trim() === '' || format.length > 100 || unknown.length) {
    const why = unknown.length
      ? `has letters that are not date() format characters: ${unknown.join(', ')}`
      : 'must be a date() format of 1 to 100 characters, e.g. Y-m-d H:i:s, U or ISO_8601';
    throw new EngineError('validation_failed', `${source} "${given}" ${why}.`, [
      { path: source, message: `"${given}" ${why}` },
    ]);
  }
  const timeZone = request.headers.get(ZONE_HEADER) ?? undefined;
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    const message = `"${timeZone}" is not an IANA time zone such as Europe/Copenhagen`;
    throw new EngineError('validation_failed', `${ZONE_HEADER} ${message}.`, [
      { path: ZONE_HEADER, message },
    ]);
  }
  return { format, ...(timeZone ? { timeZone } : {}) };
}

// The engine's instants: RFC 3339 with an offset, optionally with a fraction.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

function offsetMinutesOf(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function formatTimestamp(text: string, output: OutputFormat): string {
  const match = TIMESTAMP.exec(text);
  const ms = match ? parseInstant(text) : undefined;
  if (!match || ms === undefined) return text;
  // Its own offset, unless the client named a zone (Timekit-Timezone).
  const zoned = output.timeZone ? formatInstant(ms, output.timeZone) : text;
  const offsetMinutes = offsetMinutesOf(TIMESTAMP.exec(zoned)![1]!);
  return write(output.format, {
    ms,
    date: new Date(ms + offsetMinutes * 60_000),
    offsetMinutes,
  });
}

/** Customers' and host pages' own values are data, not the API's timestamps: left as sent. */
const OPAQUE = new Set(['custom_data']);

/** The response body with every timestamp written in the requested format. */
export function formatTimestamps(value: unknown, output: OutputFormat): unknown {
  if (typeof value === 'string') return formatTimestamp(value, output);
  if (Array.isArray(value)) return value.map((item) => formatTimestamps(item, output));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      OPAQUE.has(key) ? item : formatTimestamps(item, output),
    ]),
  );
}
