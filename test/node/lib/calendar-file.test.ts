import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import {
  calendarFile,
  escapeText,
  foldLine,
  googleCalendarUrl,
  outlookCalendarUrl,
} from '../../../src/lib/calendar-file.ts';
import { wallTimeToInstant } from '../../../src/lib/time/index.ts';

/** The one VEVENT of a file, as ical.js reads it. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  assert.ok(event, 'a VEVENT');
  return new ICAL.Event(event);
}

describe('calendar file', () => {
  // Copenhagen leaves summer time at 03:00 on Sunday 25 October 2026: an evening booking from
  // 01:30 to 03:30 wall time lasts three hours, and its instants must say so.
  const start = wallTimeToInstant('2026-10-25', '01:30', 'Europe/Copenhagen');
  const end = wallTimeToInstant('2026-10-25', '03:30', 'Europe/Copenhagen');

  test('parses with ical.js and keeps exact instants across the DST change', () => {
    const text = calendarFile({
      uid: 'bk_1@slotkit',
      start,
      end,
      summary: 'Night yoga',
      location: 'Studio 1',
      stamp: Date.UTC(2026, 9, 1),
    });
    const event = parse(text);
    assert.equal(event.uid, 'bk_1@slotkit');
    assert.equal(event.summary, 'Night yoga');
    assert.equal(event.location, 'Studio 1');
    assert.equal(event.startDate.toJSDate().getTime(), start);
    assert.equal(event.endDate.toJSDate().getTime(), end);
    assert.equal(end - start, 3 * 3_600_000);
    assert.equal(event.startDate.toString(), '2026-10-24T23:30:00Z');
    assert.equal(event.endDate.toString(), '2026-10-25T02:30:00Z');
    assert.match(text, /DTSTAMP:20261001T000000Z\r\n/);
    assert.ok(text.endsWith('END:VCALENDAR\r\n'), `text.endsWith('END:VCALENDAR\r\n')`);
    assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  });

  test('escapes commas, semicolons, backslashes and newlines, and reads them back', () => {
    const tricky = 'Room 2, floor 3; ring \\ twice\nthen wait';
    assert.equal(escapeText(tricky), 'Room 2\\, floor 3\\; ring \\\\ twice\\nthen wait');
    const event = parse(
      calendarFile({
        uid: 'u',
        start,
        end,
        summary: 'A, B; C',
        location: tricky,
        description: 'Line one\r\nLine two',
      }),
    );
    assert.equal(event.summary, 'A, B; C');
    assert.equal(event.location, tricky);
    assert.equal(event.description, 'Line one\nLine two');
  });

  test('folds lines at 75 octets without splitting a character', () => {
    const long = `DESCRIPTION:${'æøå–'.repeat(40)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    assert.ok(lines.length > 1, 'lines.length > 1');
    for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, line);
    for (const line of lines.slice(1)) assert.ok(line.startsWith(' '), `line.startsWith(' ')`);
    assert.equal(lines.map((line, index) => (index ? line.slice(1) : line)).join(''), long);
    const event = parse(
      calendarFile({ uid: 'u', start, end, summary: 'S', description: 'æøå–'.repeat(40) }),
    );
    assert.equal(event.description, 'æøå–'.repeat(40));
  });

  test('Google and Outlook links carry the UTC instants', () => {
    const event = { uid: 'u', start, end, summary: 'Haircut', location: 'Main St' };
    const google = new URL(googleCalendarUrl(event));
    assert.equal(google.searchParams.get('dates'), '20261024T233000Z/20261025T023000Z');
    assert.equal(google.searchParams.get('text'), 'Haircut');
    const outlook = new URL(outlookCalendarUrl(event));
    assert.equal(outlook.searchParams.get('startdt'), '2026-10-24T23:30:00.000Z');
    assert.equal(outlook.searchParams.get('location'), 'Main St');
  });
});
