import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  makeEngine,
  oneToOne,
  openClass,
  rejects,
  signUp,
  SLOT,
} from './helpers.ts';

/**
 * What the engine's parts share (src/engine/context.ts, planted by hand, issue #17): the order
 * of the owner's lists, who reads `custom_data` (the owner, and the owner's webhooks), and the
 * refusal of a body that is not an object.
 */

test('lists run by start, a seat at its class’s; at one start, the earlier made first, whatever the store’s order', () => {
  const { engine, clock } = makeEngine();
  const later = openClass(engine, SLOT + 4 * HOUR);
  clock.advance(MINUTE);
  const earlier = openClass(engine, SLOT);
  clock.advance(MINUTE);
  const laterSeat = signUp(engine, later.id, 1, PUBLIC, 'group_customer', 1);
  clock.advance(MINUTE);
  const earlierSeat = signUp(engine, earlier.id, 1, PUBLIC, 'group_customer', 2);
  const expected = [earlier.id, earlierSeat.id, later.id, laterSeat.id];
  const listed = () => engine.listBookings({}, OWNER).map((booking) => booking.id);
  assert.deepEqual(listed(), expected);
  // The store's own order reversed (a snapshot written the other way round): the same list.
  const snapshot = engine.snapshot();
  snapshot.bookings.reverse();
  engine.restore(snapshot);
  assert.deepEqual(
    engine.snapshot().bookings.map((booking) => booking.id),
    snapshot.bookings.map((booking) => booking.id),
    'the store now holds them last made first',
  );
  assert.deepEqual(listed(), expected);
});

test('the owner’s webhooks read custom_data, as the owner does', () => {
  const { engine } = makeEngine();
  engine.webhooks.create(
    { url: 'https://receiver.example.test/bookings', events: ['booking.created'] },
    OWNER,
  );
  engine.createBooking(
    oneToOne('instant', SLOT, 60, { custom_data: { utm_source: 'flyer' } }),
    PUBLIC,
  );
  const hook = engine.outbox().find((entry) => entry.subject === 'booking.created')!;
  const payload = JSON.parse(hook.body) as { data: { booking: { custom_data?: unknown } } };
  assert.deepEqual(payload.data.booking.custom_data, { utm_source: 'flyer' });
});

test('a series’ bookings read back with custom_data, as the owner reads each booking', () => {
  const { engine } = makeEngine();
  const { collection_id } = engine.createRecurring(
    {
      booking: oneToOne('instant', SLOT, 60, { custom_data: { utm_source: 'flyer' } }),
      recurring: { rrule: 'FREQ=DAILY;COUNT=2' },
    },
    OWNER,
  );
  const collection = engine.getCollection(collection_id);
  assert.equal(collection.length, 2);
  for (const booking of collection)
    assert.deepEqual(booking, engine.getBooking(booking.id, OWNER), 'the same view');
  assert.deepEqual(collection[0]!.custom_data, { utm_source: 'flyer' });
});

test('a body that is not a JSON object is refused as one, null and a list included', () => {
  const { engine } = makeEngine();
  const before = JSON.stringify(engine.snapshot());
  for (const body of [null, [], 'booking', 7]) {
    const error = rejects(() => engine.createBooking(body, PUBLIC), 'validation_failed');
    assert.deepEqual(error.details, [{ path: 'body', message: 'must be a JSON object' }]);
  }
  assert.equal(JSON.stringify(engine.snapshot()), before);
});
