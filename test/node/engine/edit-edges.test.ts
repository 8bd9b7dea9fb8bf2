import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../../src/engine/index.ts';
import {
  HOUR,
  MARTY,
  MINUTE,
  OWNER,
  PUBLIC,
  makeEngine,
  oneToOne,
  openClass,
  rejects,
  signUp,
  snapshotJson,
  testProject,
  SLOT,
} from './helpers.ts';

/**
 * The owner's edits (src/engine/edit.ts, planted by hand, issue #17): only the owner deletes or
 * updates, a deleted booking stays deleted and frees what it held, a class with live sign-ups is
 * not deleted, and an update checks every field before it writes any, then logs what changed.
 */

test('only the owner deletes or updates a booking, or deletes a series', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const { collection_id } = engine.createRecurring(
    { booking: oneToOne('instant', SLOT + 2 * HOUR), recurring: { rrule: 'FREQ=DAILY;COUNT=2' } },
    OWNER,
  );
  const before = snapshotJson(engine);
  const deleting = rejects(() => engine.deleteBooking(booking.id, PUBLIC), 'forbidden');
  assert.equal(deleting.message, 'Only the owner may delete a booking.');
  const updating = rejects(
    () => engine.updateBooking(booking.id, { title: 'Mine' }, PUBLIC),
    'forbidden',
  );
  assert.equal(updating.message, 'Only the owner may update a booking.');
  rejects(() => engine.deleteCollection(collection_id, PUBLIC), 'forbidden');
  // Nor the engine's own actor, which timers act as: the owner alone.
  const system: Actor = { role: 'system' };
  rejects(() => engine.deleteBooking(booking.id, system), 'forbidden');
  rejects(() => engine.updateBooking(booking.id, { title: 'Mine' }, system), 'forbidden');
  assert.equal(snapshotJson(engine), before);
});

test('a deleted booking frees its time, logs it, and is neither deleted again nor updated', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const deleted = engine.deleteBooking(booking.id, OWNER);
  assert.equal(deleted.state, 'deleted');
  assert.equal(deleted.logs!.at(-1)!.description, 'Deleted booking');
  assert.equal(deleted.logs!.at(-1)!.state, 'deleted');
  assert.equal(engine.createBooking(oneToOne('instant', SLOT), PUBLIC).state, 'confirmed');
  const again = rejects(() => engine.deleteBooking(booking.id, OWNER), 'invalid_action');
  assert.equal(again.message, `Booking "${booking.id}" is deleted: it cannot be deleted again.`);
  const update = rejects(
    () => engine.updateBooking(booking.id, { title: 'Back' }, OWNER),
    'invalid_action',
  );
  assert.equal(update.message, `Booking "${booking.id}" is deleted: it cannot be updated.`);
});

test('a deleted booking’s deadline never fires: it stays deleted', () => {
  const { engine, clock } = makeEngine({
    projects: [
      testProject({
        booking_settings: { verification: 'email', verification_window: '30 minutes' },
      }),
    ],
  });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  assert.equal(booking.state, 'awaiting_verification');
  engine.deleteBooking(booking.id, OWNER);
  clock.advance(31 * MINUTE);
  const after = engine.getBooking(booking.id, OWNER, ['logs']);
  assert.equal(after.state, 'deleted');
  assert.equal(after.logs!.at(-1)!.description, 'Deleted booking');
});

test('a class is deleted once no sign-up holds a seat; one live sign-up is enough to refuse', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT);
  const gone = signUp(engine, yoga.id, 2, OWNER, 'group_customer', 1);
  engine.performAction(gone.id, 'cancel_by_owner', {}, OWNER);
  const live = signUp(engine, yoga.id, 1, OWNER, 'group_customer', 2);
  const before = snapshotJson(engine);
  const refusal = rejects(() => engine.deleteBooking(yoga.id, OWNER), 'invalid_action');
  assert.equal(
    refusal.message,
    'This class has 1 live sign-up(s); cancel it (which tells them) before deleting it.',
  );
  assert.equal(snapshotJson(engine), before);
  engine.performAction(live.id, 'cancel_by_owner', {}, OWNER);
  assert.equal(engine.deleteBooking(yoga.id, OWNER).state, 'deleted');
});

test('a series is deleted whole, its deleted occurrences skipped and not counted', () => {
  const { engine } = makeEngine();
  const { collection_id } = engine.createRecurring(
    { booking: oneToOne('instant', SLOT), recurring: { rrule: 'FREQ=DAILY;COUNT=3' } },
    OWNER,
  );
  const [first, second, third] = engine.getCollection(collection_id);
  engine.deleteBooking(second!.id, OWNER);
  assert.deepEqual(engine.deleteCollection(collection_id, OWNER), { collection_id, deleted: 2 });
  for (const occurrence of [first!, second!, third!])
    assert.equal(engine.getBooking(occurrence.id, OWNER).state, 'deleted');
  // The second one was deleted once, not twice.
  const logs = engine.getBooking(second!.id, OWNER, ['logs']).logs!;
  assert.equal(logs.filter((entry) => entry.description === 'Deleted booking').length, 1);
  assert.deepEqual(engine.deleteCollection(collection_id, OWNER), { collection_id, deleted: 0 });
  const unknown = rejects(() => engine.deleteCollection('nope', OWNER), 'not_found');
  assert.equal(unknown.message, 'No recurring collection with id "nope"');
});

test('an update writes each field it names, empty and zero too, and logs their names', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(
    oneToOne('instant', SLOT, 60, {
      title: 'Cut',
      notes: 'Short',
      paid_amount: 25,
      custom_data: { a: 'one', b: 'two' },
    }),
    OWNER,
  );
  const updated = engine.updateBooking(
    booking.id,
    { title: '', notes: '', external_id: 'ext-9', paid_amount: 0, custom_data: { c: 'three' } },
    OWNER,
  );
  assert.deepEqual(
    [updated.title, updated.notes, updated.external_id, updated.paid_amount, updated.custom_data],
    ['', '', 'ext-9', 0, { c: 'three' }],
  );
  const entry = updated.logs!.at(-1)!;
  assert.equal(entry.description, 'Updated title, notes, external_id, paid_amount, custom_data');
  assert.equal(entry.data, '["title","notes","external_id","paid_amount","custom_data"]');
  assert.equal(engine.getBooking(booking.id, OWNER).title, '', 'stored, not only shown');
});

test('an update that names nothing, or only ignore_capacity, or unknown fields, is refused', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT, { max_seats: 5 });
  const seat = signUp(engine, yoga.id, 1, OWNER, 'group_customer', 1);
  const before = snapshotJson(engine);
  for (const body of [{}, { ignore_capacity: true }]) {
    const refusal = rejects(() => engine.updateBooking(seat.id, body, OWNER), 'validation_failed');
    assert.deepEqual(refusal.details, [{ path: '(body)', message: 'names nothing to update' }]);
  }
  const unknown = rejects(
    () => engine.updateBooking(seat.id, { colour: 'red' }, OWNER),
    'validation_failed',
  );
  assert.equal(unknown.details![0]!.path, '(body)');
  assert.match(unknown.details![0]!.message, /colour/);
  assert.equal(snapshotJson(engine), before);
});

test('seats or count, not both, from 1 to 10 000; ignore_capacity only with one of them', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT, { max_seats: 5 });
  const seat = signUp(engine, yoga.id, 1, OWNER, 'group_customer', 1);
  const before = snapshotJson(engine);
  const both = rejects(
    () => engine.updateBooking(seat.id, { seats: 2, count: 2 }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(both.details, [{ path: 'count', message: 'send seats or count, not both' }]);
  for (const [field, value, message] of [
    ['seats', 0, /at least 1/],
    ['count', 0, /at least 1/],
    ['seats', 10_001, /10000/],
  ] as const) {
    const refusal = rejects(
      () => engine.updateBooking(seat.id, { [field]: value, ignore_capacity: true }, OWNER),
      'validation_failed',
    );
    assert.equal(refusal.details![0]!.path, field);
    assert.match(refusal.details![0]!.message, message);
  }
  const alone = rejects(
    () => engine.updateBooking(seat.id, { title: 'x', ignore_capacity: true }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(alone.details, [
    { path: 'ignore_capacity', message: 'only applies to a change of seats or count' },
  ]);
  assert.equal(snapshotJson(engine), before);
  assert.equal(engine.updateBooking(seat.id, { count: 3 }, OWNER).related.seats, 3);
  assert.equal(engine.getGroup(yoga.id).attributes.group_booking.seats_left, 2);
});

test('seats only for a live seat booking of a class; its own seats count as free', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT, { max_seats: 4 });
  const mine = signUp(engine, yoga.id, 2, OWNER, 'group_customer', 1);
  signUp(engine, yoga.id, 1, OWNER, 'group_customer', 2);
  const oneToOneBooking = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  const notSeats = rejects(
    () => engine.updateBooking(oneToOneBooking.id, { seats: 2 }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(notSeats.details, [
    { path: 'seats', message: 'only a seat booking of a class has seats' },
  ]);
  const classItself = rejects(
    () => engine.updateBooking(yoga.id, { seats: 2 }, OWNER),
    'validation_failed',
  );
  assert.equal(classItself.details![0]!.message, 'only a seat booking of a class has seats');
  // 4 seats, 1 taken by someone else: mine may grow from 2 to 3, not to 4.
  assert.equal(engine.updateBooking(mine.id, { seats: 3 }, OWNER).related.seats, 3);
  const full = rejects(() => engine.updateBooking(mine.id, { seats: 4 }, OWNER), 'sold_out');
  assert.match(full.message, /has only 3 seats left; you asked for 4\./);
  assert.equal(
    engine.updateBooking(mine.id, { seats: 4, ignore_capacity: true }, OWNER).related.seats,
    4,
  );
  engine.performAction(mine.id, 'cancel_by_owner', {}, OWNER);
  const cancelled = rejects(
    () => engine.updateBooking(mine.id, { seats: 1, ignore_capacity: true }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(cancelled.details, [
    { path: 'seats', message: 'a cancelled_by_owner booking holds no seats to change' },
  ]);
});

test('the owner changes seats after sign-ups close', () => {
  const { engine, clock } = makeEngine();
  const yoga = openClass(engine, SLOT, { max_seats: 4, min_booking_time: '1 hour' });
  const mine = signUp(engine, yoga.id, 1, OWNER, 'group_customer', 1);
  clock.set(SLOT - 30 * MINUTE);
  assert.equal(engine.updateBooking(mine.id, { seats: 2 }, OWNER).related.seats, 2);
});

test('a customer edit merges into the first customer and is checked as a whole', () => {
  const { engine } = makeEngine({
    projects: [testProject({ booking_settings: {} })],
  });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const renamed = engine.updateBooking(
    booking.id,
    { customer: { first_name: 'Emmett', last_name: 'Brown' } },
    OWNER,
  );
  assert.equal(renamed.customers[0]!.name, 'Emmett Brown');
  assert.equal(renamed.customers[0]!.email, MARTY.email, 'the fields not named are kept');
  const lastOnly = engine.updateBooking(booking.id, { customer: { last_name: 'Tannen' } }, OWNER);
  assert.equal(lastOnly.customers[0]!.name, 'Emmett Tannen');
  const email = engine.updateBooking(
    booking.id,
    { customer: { email: 'doc@example.test' } },
    OWNER,
  );
  assert.equal(email.customers[0]!.name, 'Emmett Tannen', 'the name kept when not renamed');
  const bad = rejects(
    () => engine.updateBooking(booking.id, { customer: { email: 'not an email' } }, OWNER),
    'validation_failed',
  );
  assert.equal(bad.details![0]!.path, 'customer.email');
  const yoga = openClass(engine, SLOT + 4 * HOUR);
  const none = rejects(
    () =>
      engine.updateBooking(yoga.id, { customer: { name: 'Nobody', email: 'no@hv.test' } }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(none.details, [{ path: 'customer', message: 'this booking has no customer' }]);
});

test('a customer edit is checked against the booking’s own project', () => {
  const { engine } = makeEngine({
    projects: [testProject({ required_customer_fields: ['name', 'phone'] })],
  });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const refusal = rejects(
    () => engine.updateBooking(booking.id, { customer: { phone: '' } }, OWNER),
    'validation_failed',
  );
  assert.equal(refusal.details![0]!.path, 'customer.phone');
  // An optional field given empty is cleared, not kept (nor stored as ""); the rest stays.
  const cleared = engine.updateBooking(booking.id, { customer: { email: ' ' } }, OWNER);
  assert.equal(Object.hasOwn(cleared.customers[0]!, 'email'), false, 'no email left');
  assert.equal(cleared.customers[0]!.name, MARTY.name);
  assert.equal(cleared.customers[0]!.phone, MARTY.phone);
  assert.equal(engine.getBooking(booking.id, OWNER).customers[0]!.email, undefined);
});

test('a customer edit changes the first customer only; the others are kept', () => {
  // The engine books one customer a booking; a restored snapshot may carry more.
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const snapshot = engine.snapshot();
  const record = snapshot.bookings.find((candidate) => candidate.id === booking.id)!;
  const jennifer = { id: 'cus_jennifer', name: 'Jennifer Parker', email: 'jen@hv.test' };
  record.customers = [...record.customers, jennifer];
  engine.restore(snapshot);
  const updated = engine.updateBooking(booking.id, { customer: { name: 'Marty' } }, OWNER);
  assert.deepEqual(
    updated.customers.map((customer) => customer.name),
    ['Marty', 'Jennifer Parker'],
  );
  assert.deepEqual(updated.customers[1], jennifer);
});

// Stryker's survivors in edit.ts (#17): an update must leave alone every field it does not name.
test('an update leaves what it does not name: the title, custom_data and a sign-up’s seats', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(
    oneToOne('instant', SLOT, 60, { title: 'Cut', custom_data: { utm_source: 'flyer' } }),
    OWNER,
  );
  const noted = engine.updateBooking(booking.id, { notes: 'Bring a towel' }, OWNER);
  assert.equal(noted.title, 'Cut');
  assert.deepEqual(engine.getBooking(booking.id, OWNER, ['custom_data']).custom_data, {
    utm_source: 'flyer',
  });
  assert.deepEqual(noted.related, {}, 'a 1:1 booking gains no seats');
  const yoga = openClass(engine, SLOT + 4 * HOUR, { max_seats: 8 });
  const three = signUp(engine, yoga.id, 3, OWNER, 'group_customer', 1);
  assert.equal(engine.updateBooking(three.id, { notes: 'Mats' }, OWNER).related.seats, 3);
  assert.equal(engine.getBooking(yoga.id, OWNER).attributes.group_booking!.seats_left, 5);
});

test('a new first name alone joins the name again with the last name kept', () => {
  const { engine } = makeEngine({ projects: [testProject({ booking_settings: {} })] });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  engine.updateBooking(
    booking.id,
    { customer: { first_name: 'Emmett', last_name: 'Brown' } },
    OWNER,
  );
  const firstOnly = engine.updateBooking(booking.id, { customer: { first_name: 'Doc' } }, OWNER);
  assert.equal(firstOnly.customers[0]!.name, 'Doc Brown');
});

test('a series is deleted by the owner only, in the same words as a booking', () => {
  const { engine } = makeEngine();
  const { collection_id } = engine.createRecurring(
    { booking: oneToOne('instant', SLOT), recurring: { rrule: 'FREQ=DAILY;COUNT=2' } },
    OWNER,
  );
  const refusal = rejects(() => engine.deleteCollection(collection_id, PUBLIC), 'forbidden');
  assert.equal(refusal.message, 'Only the owner may delete a booking.');
});

test('a 1:1 booking that names a class (a restored snapshot may) still has no seats to change', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT + 4 * HOUR, { max_seats: 8 });
  const booking = engine.createBooking(oneToOne('instant', SLOT), OWNER);
  const snapshot = engine.snapshot();
  snapshot.bookings.find((record) => record.id === booking.id)!.related = {
    owner_booking_id: yoga.id,
  };
  engine.restore(snapshot);
  const refusal = rejects(
    () => engine.updateBooking(booking.id, { seats: 2 }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(refusal.details, [
    { path: 'seats', message: 'only a seat booking of a class has seats' },
  ]);
});
