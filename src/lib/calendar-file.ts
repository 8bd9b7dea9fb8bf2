/**
 * "Add to calendar" for a booking, made in the browser: an iCalendar file (RFC 5545) and links
 * that open Google Calendar's and Outlook's new-event pages. Instants are written in UTC, so
 * no zone definition is needed and a booking across a DST change keeps its exact times.
 * Loaded with the steps after booking (no first-paint cost). The engine's emails attach the
 * same file as an invitation (METHOD REQUEST or CANCEL, with a SEQUENCE).
 */

export interface CalendarEvent {
  /** Stable across downloads of the same booking, so a calendar updates rather than duplicates. */
  uid: string;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  summary: string;
  location?: string;
  description?: string;
  /** When the file is made (DTSTAMP); defaults to now. */
  stamp?: number;
  /**
   * iTIP method (RFC 5546): PUBLISH for a download, REQUEST for an invitation a calendar
   * updates in place, CANCEL to remove it. Default PUBLISH.
   */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** Revision of this UID: a calendar applies a REQUEST or CANCEL only with a higher one. */
  sequence?: number;
  /** The organizer's address (iTIP wants one on REQUEST and CANCEL). */
  organizer?: string;
}

// An engine writes the same few instants into every invitation of a request (its start, end
// and the request's own time): remember the last ones rather than format them again.
const stamps = new Map<number, string>();

/** `20261025T013000Z`: the UTC form RFC 5545 calls DATE-TIME with a `Z`. */
export function utcStamp(ms: number): string {
  let stamp = stamps.get(ms);
  if (stamp === undefined) {
    if (stamps.size >= 10_000) stamps.clear();
    stamp = formatStamp(ms);
    stamps.set(ms, stamp);
  }
  return stamp;
}

function formatStamp(ms: number): string {
  const text = new Date(ms).toISOString();
  // yyyy-MM-ddTHH:mm:ss.sssZ -> yyyyMMddTHHmmssZ; slicing is cheaper than two regex passes.
  if (text.length === 24)
    return `${text.slice(0, 4)}${text.slice(5, 7)}${text.slice(8, 13)}${text.slice(14, 16)}${text.slice(17, 19)}Z`;
  return text.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const NEEDS_ESCAPE = /[\\;,\r\n]/;

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines are escaped. */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const NON_ASCII = /[^ -~\t]/; // anything but printable ASCII and tab (control characters fold the slow way)

/** A character's UTF-8 length, as TextEncoder counts it (a lone surrogate becomes U+FFFD, 3). */
function utf8Octets(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (§3.1): each continuation starts with one space. Splits
 * between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  // Most lines are short ASCII: one octet a character, nothing to fold.
  if (line.length <= 75 && !NON_ASCII.test(line)) return line;
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

// The fixed lines are short ASCII already: nothing to fold.
const HEAD =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//slotkit//booking widget//EN\r\nCALSCALE:GREGORIAN\r\n';
const TAIL = 'END:VEVENT\r\nEND:VCALENDAR\r\n';

/** The whole VCALENDAR with one VEVENT, CRLF line ends. */
export function calendarFile(event: CalendarEvent): string {
  const lines = [
    `METHOD:${event.method ?? 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.stamp ?? Date.now())}`,
    ...(event.sequence === undefined ? [] : [`SEQUENCE:${event.sequence}`]),
    ...(event.method === 'CANCEL' ? ['STATUS:CANCELLED'] : []),
    ...(event.organizer ? [`ORGANIZER:mailto:${event.organizer}`] : []),
    `DTSTART:${utcStamp(event.start)}`,
    `DTEND:${utcStamp(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
  ];
  return `${HEAD}${lines.map(foldLine).join('\r\n')}\r\n${TAIL}`;
}

/** A `data:` URL of the file, for an `<a download>` (no object URL to revoke). */
export function calendarFileUrl(event: CalendarEvent): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(calendarFile(event))}`;
}

/** Google Calendar's "new event" page, filled in. */
export function googleCalendarUrl(event: CalendarEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', event.summary);
  url.searchParams.set('dates', `${utcStamp(event.start)}/${utcStamp(event.end)}`);
  if (event.location) url.searchParams.set('location', event.location);
  if (event.description) url.searchParams.set('details', event.description);
  return url.href;
}

/** Outlook on the web's "new event" page, filled in (ISO instants in UTC). */
export function outlookCalendarUrl(event: CalendarEvent): string {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  url.searchParams.set('path', '/calendar/action/compose');
  url.searchParams.set('rru', 'addevent');
  url.searchParams.set('subject', event.summary);
  url.searchParams.set('startdt', new Date(event.start).toISOString());
  url.searchParams.set('enddt', new Date(event.end).toISOString());
  if (event.location) url.searchParams.set('location', event.location);
  if (event.description) url.searchParams.set('body', event.description);
  return url.href;
}
