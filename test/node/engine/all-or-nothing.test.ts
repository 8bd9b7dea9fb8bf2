import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/index.ts';
import { DAY, HOUR, OWNER, PUBLIC, T0, makeEngine, oneToOne, snapshotJson } from './helpers.ts';

/**
 * A recurring series is one request: it books every occurrence or none. These tests fail if a
 * refused series leaves an occurrence, a log line or an email behind (the store's undo journal),
 * and pin what the collection endpoints see and do for every occurrence.
 */

const TUESDAY_10 = T0 + DAY + 2 * HOUR; // inside the test resource's 09:00-17:00

function series(graph: string, count: number, start = TUESDAY_10) {
  return {
    booking: oneToOne(graph, start),
    recurring: { rrule: `FREQ=DAILY;COUNT=${count}` },
  };
}

test('a series whose third occurrence is taken is refused and changes nothing, outbox included', () => {
  const { engine } = makeEngine();
  // Someone already has Thursday 10:00: the third day of a daily series from Tuesday.
  engine.createBooking(oneToOne('instant', TUESDAY_10 + 2 * DAY), PUBLIC);
  const before = snapshotJson(engine);
  const outboxBefore = engine.outbox().length;
  assert.throws(
    () => engine.createRecurring(series('instant', 4), OWNER),
    (error: unknown) =>
      error instanceof EngineError &&
      error.code === 'slot_unavailable' &&
      error.message.startsWith('Occurrence 2026-11-26T10:00:00+00:00:'),
  );
  // The first two occurrences were booked, emailed and logged before the third failed.
  assert.equal(snapshotJson(engine), before);
  assert.equal(engine.outbox().length, outboxBefore);
  assert.equal(engine.listBookings({}, OWNER).length, 1);
});

test('a refused series leaves its time free: the same series books once the conflict is gone', () => {
  const { engine } = makeEngine();
  const blocker = engine.createBooking(oneToOne('instant', TUESDAY_10 + DAY), PUBLIC);
  assert.throws(() => engine.createRecurring(series('confirm_decline', 3), OWNER), EngineError);
  engine.performAction(blocker.id, 'cancel', {}, OWNER);
  const result = engine.createRecurring(series('confirm_decline', 3), OWNER);
  assert.equal(result.count, 3);
});

test('getCollection lists every occurrence in order with the collection id', () => {
  const { engine } = makeEngine();
  const { collection_id, count } = engine.createRecurring(series('instant', 3), OWNER);
  assert.equal(count, 3);
  const bookings = engine.getCollection(collection_id);
  assert.deepEqual(
    bookings.map((booking) => [
      booking.attributes.event_info?.start,
      booking.state,
      booking.collection_id,
    ]),
    ['2026-11-24', '2026-11-25', '2026-11-26'].map((day) => [
      `${day}T10:00:00+00:00`,
      'confirmed',
      collection_id,
    ]),
  );
  for (const booking of bookings) {
    assert.equal(engine.getBooking(booking.id, OWNER).state, 'confirmed');
  }
  assert.throws(
    () => engine.getCollection('nope'),
    (error: unknown) => error instanceof EngineError && error.code === 'not_found',
  );
});

test('cancelCollection cancels each occurrence that can be cancelled, each with its own log and email', () => {
  const { engine } = makeEngine();
  const { collection_id } = engine.createRecurring(series('confirm_decline', 4), OWNER);
  const [first, second, third, fourth] = engine.getCollection(collection_id);
  engine.performAction(second!.id, 'confirm', {}, OWNER);
  engine.performAction(third!.id, 'confirm', {}, OWNER);
  engine.performAction(third!.id, 'complete', {}, OWNER);
  const mailsBefore = engine.outbox().length;

  const result = engine.cancelCollection(collection_id, { cancel: { message: 'Away that week' } });
  // The completed one takes no cancel; the tentative ones are declined, the confirmed cancelled.
  assert.deepEqual(result, { collection_id, cancelled: 3 });
  assert.deepEqual(
    engine.getCollection(collection_id).map((booking) => booking.state),
    ['declined', 'cancelled', 'completed', 'declined'],
  );
  for (const booking of [first!, second!, fourth!]) {
    const mails = engine
      .outbox()
      .slice(mailsBefore)
      .filter((mail) => mail.booking_id === booking.id);
    assert.equal(mails.length, 1, `one email to the customer of ${booking.id}`);
    assert.match(mails[0]!.body, /Message: Away that week/);
  }
  // A second call finds nothing left to cancel.
  assert.deepEqual(engine.cancelCollection(collection_id), { collection_id, cancelled: 0 });
});

test('cancelCollection frees the time of every occurrence', () => {
  const { engine } = makeEngine();
  const { collection_id } = engine.createRecurring(series('instant', 3), OWNER);
  engine.cancelCollection(collection_id);
  for (const day of [0, 1, 2]) {
    const booking = engine.createBooking(oneToOne('instant', TUESDAY_10 + day * DAY), PUBLIC);
    assert.equal(booking.state, 'confirmed');
  }
});
