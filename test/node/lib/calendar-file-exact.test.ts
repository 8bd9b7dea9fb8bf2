import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  calendarFile,
  calendarFileUrl,
  escapeText,
  foldLine,
  googleCalendarUrl,
  outlookCalendarUrl,
  utcStamp,
} from '../../../src/lib/calendar-file.ts';

/**
 * The calendar file and links byte for byte, written out by hand: the invitation fields the
 * engine's emails use (METHOD, SEQUENCE, STATUS, ORGANIZER), the fold boundary and every link
 * parameter. Mutation testing found these unchecked (docs/testing.md).
 */

const start = Date.UTC(2026, 10, 27, 9, 0);
const end = Date.UTC(2026, 10, 27, 10, 30);
const stamp = Date.UTC(2026, 9, 1, 12, 0, 0, 999);
const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('calendar file, exact text', () => {
  test('a download: PUBLISH, no sequence, organizer, location or description lines', () => {
    assert.equal(
      calendarFile({ uid: 'bk_1@slotkit', start, end, summary: 'Haircut', stamp }),
      crlf([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//slotkit//booking widget//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:bk_1@slotkit',
        'DTSTAMP:20261001T120000Z',
        'DTSTART:20261127T090000Z',
        'DTEND:20261127T103000Z',
        'SUMMARY:Haircut',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
  });

  test('an invitation carries its sequence and organizer; a cancellation says CANCELLED', () => {
    const event = {
      uid: 'bk_1@slotkit',
      start,
      end,
      summary: 'Haircut',
      location: 'Main St',
      description: 'Bring photos',
      stamp,
      sequence: 0,
      organizer: 'owner@example.test',
    };
    const middle = ['UID:bk_1@slotkit', 'DTSTAMP:20261001T120000Z', 'SEQUENCE:0'];
    const after = [
      'ORGANIZER:mailto:owner@example.test',
      'DTSTART:20261127T090000Z',
      'DTEND:20261127T103000Z',
      'SUMMARY:Haircut',
      'LOCATION:Main St',
      'DESCRIPTION:Bring photos',
      'END:VEVENT',
      'END:VCALENDAR',
    ];
    const head = (method: string) => [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//slotkit//booking widget//EN',
      'CALSCALE:GREGORIAN',
      `METHOD:${method}`,
      'BEGIN:VEVENT',
    ];
    assert.equal(
      calendarFile({ ...event, method: 'REQUEST' }),
      crlf([...head('REQUEST'), ...middle, ...after]),
    );
    assert.equal(
      calendarFile({ ...event, method: 'CANCEL' }),
      crlf([...head('CANCEL'), ...middle, 'STATUS:CANCELLED', ...after]),
    );
  });

  test('a text made only of characters to escape is escaped too', () => {
    assert.equal(escapeText(';'), '\\;');
    assert.equal(escapeText(',\\'), '\\,\\\\');
    assert.equal(escapeText('\r\n'), '\\n');
    assert.equal(escapeText(''), '');
  });

  test('the stamp drops milliseconds; a lone CR is a line break too', () => {
    assert.equal(utcStamp(Date.UTC(2026, 0, 2, 3, 4, 5, 678)), '20260102T030405Z');
    assert.equal(escapeText('a\rb\r\nc\nd'), 'a\\nb\\nc\\nd');
  });

  test('lines fold at exactly 75 octets, continuations at 74 after their space', () => {
    assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
    assert.equal(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
    assert.equal(foldLine('x'.repeat(150)), `${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
    // A two-octet character that would end at octet 76 moves to the next line whole.
    assert.equal(foldLine(`${'x'.repeat(74)}æ`), `${'x'.repeat(74)}\r\n æ`);
  });

  test('each character counts its UTF-8 octets at every length boundary', () => {
    // The character ends exactly at octet 75, so the "y" after it must start a new line.
    const widths: [string, number][] = [
      ['\u007f', 1],
      ['\u0080', 2],
      ['\u07ff', 2],
      ['\u0800', 3],
      ['\uffff', 3],
      ['\u{10000}', 4],
    ];
    for (const [char, octets] of widths) {
      const head = `${'x'.repeat(75 - octets)}${char}`;
      assert.equal(foldLine(`${head}y`), `${head}\r\n y`, `U+${char.codePointAt(0)!.toString(16)}`);
    }
  });

  test('a short line of only non-ASCII characters still folds by octets', () => {
    // 38 characters, 76 octets: short in characters, too long in octets.
    assert.equal(foldLine('é'.repeat(38)), `${'é'.repeat(37)}\r\n é`);
  });

  test('a stamp past year 9999 keeps its extended ISO year, compacted the same way', () => {
    assert.equal(utcStamp(Date.UTC(10000, 0, 2, 3, 4, 5, 678)), '+0100000102T030405Z');
  });

  test('the download link is the file itself as a data URL', () => {
    const event = { uid: 'u', start, end, summary: 'Yoga, mats; towels', stamp };
    const url = calendarFileUrl(event);
    const prefix = 'data:text/calendar;charset=utf-8,';
    assert.ok(url.startsWith(prefix), url.slice(0, 40));
    assert.equal(decodeURIComponent(url.slice(prefix.length)), calendarFile(event));
  });
});

describe('calendar links, every parameter', () => {
  const full = {
    uid: 'u',
    start,
    end,
    summary: 'Haircut',
    location: 'Main St',
    description: 'Bring photos',
  };

  test('Google Calendar', () => {
    const url = new URL(googleCalendarUrl(full));
    assert.equal(url.origin + url.pathname, 'https://calendar.google.com/calendar/render');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      action: 'TEMPLATE',
      text: 'Haircut',
      dates: '20261127T090000Z/20261127T103000Z',
      location: 'Main St',
      details: 'Bring photos',
    });
    const bare = new URL(googleCalendarUrl({ uid: 'u', start, end, summary: 'Haircut' }));
    assert.deepEqual([...bare.searchParams.keys()], ['action', 'text', 'dates']);
  });

  test('Outlook on the web', () => {
    const url = new URL(outlookCalendarUrl(full));
    assert.equal(url.origin + url.pathname, 'https://outlook.live.com/calendar/0/deeplink/compose');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: 'Haircut',
      startdt: '2026-11-27T09:00:00.000Z',
      enddt: '2026-11-27T10:30:00.000Z',
      location: 'Main St',
      body: 'Bring photos',
    });
    const bare = new URL(outlookCalendarUrl({ uid: 'u', start, end, summary: 'Haircut' }));
    assert.deepEqual([...bare.searchParams.keys()], ['path', 'rru', 'subject', 'startdt', 'enddt']);
  });
});
