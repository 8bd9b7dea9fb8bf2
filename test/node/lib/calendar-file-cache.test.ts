import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarFile, utcStamp } from '../../../src/lib/calendar-file.ts';

/**
 * What the calendar file's stamp cache promises beyond right text (calendar-file-exact.test.ts
 * checks that): an instant written into many invitations is formatted once, and the cache stays
 * bounded on a long-lived server. Counted at Date itself: every stamp is made by
 * `Date.prototype.toISOString`. Written for the mutants docs/testing.md lists for
 * calendar-file.ts (a cache that never hits, or never empties, writes the same text).
 */

const proto = Date.prototype;
const original = proto.toISOString;
let formatted = 0;

before(() => {
  proto.toISOString = function (this: Date) {
    formatted += 1;
    return original.call(this);
  };
});

after(() => {
  proto.toISOString = original;
});

function formattedDuring(run: () => void): number {
  const start = formatted;
  run();
  return formatted - start;
}

const start = Date.UTC(2026, 10, 27, 9, 0);
const end = Date.UTC(2026, 10, 27, 10, 30);
const stamp = Date.UTC(2026, 9, 1, 12, 0);

test('the start, end and stamp of a booking are formatted once for all its invitations', () => {
  const event = { uid: 'bk_1@slotkit', start, end, summary: 'Haircut', stamp };
  let file = '';
  assert.equal(
    formattedDuring(() => (file = calendarFile({ ...event, method: 'REQUEST' }))),
    3,
  );
  assert.match(file, /\r\nDTSTART:20261127T090000Z\r\nDTEND:20261127T103000Z\r\n/);
  assert.equal(
    formattedDuring(() => {
      calendarFile({ ...event, method: 'CANCEL', sequence: 1 });
      calendarFile({ ...event, method: 'REQUEST', sequence: 2 });
    }),
    0,
  );
});

test('a long-lived server keeps at most 10,000 stamps, then empties the cache and formats again', () => {
  // Every stamp so far was formatted once, so `formatted` is how many the cache holds.
  let ms = Date.UTC(2000, 0, 1);
  const first = ms;
  utcStamp(first);
  for (let kept = formatted; kept < 10_000; kept += 1) utcStamp((ms += 1000));
  assert.equal(
    formattedDuring(() => utcStamp(first)),
    0,
    'the 10,000th stamp still fits',
  );
  assert.equal(
    formattedDuring(() => utcStamp((ms += 1000))),
    1,
  );
  assert.equal(
    formattedDuring(() => utcStamp(first)),
    1,
    'the stamp after the 10,000th empties the cache',
  );
  assert.equal(utcStamp(first), '20000101T000000Z');
});
