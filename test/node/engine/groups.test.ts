import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  openClass,
  signUp,
  snapshotJson,
  testProject,
  rejects,
} from './helpers.ts';

const FRIDAY_9 = T0 + 4 * DAY + HOUR; // Friday 2026-11-27 09:00 UTC

test('seed 001: a class with 20 seats; Marty takes 1, then 2 more; the owner sees related bookings', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, FRIDAY_9);
  assert.equal(yoga.state, 'tentative');
  assert.deepEqual(yoga.attributes.group_booking && { ...yoga.attributes.group_booking }, {
    current_seats: 0,
    max_seats: 20,
    seats_left: 20,
    bookable_until: '2026-11-27T09:00:00+00:00',
    cancellable_until: '2026-11-27T09:00:00+00:00',
  });
  const one = signUp(engine, yoga.id, 1);
  assert.equal(one.state, 'confirmed');
  assert.equal(one.attributes.event_info?.what, 'Doc Brown\u2019s Friday Yoga Class');
  signUp(engine, yoga.id, 2, PUBLIC, 'group_customer', 2);
  const owner = engine.getBooking(yoga.id, OWNER, ['related_bookings']);
  assert.equal(owner.attributes.group_booking?.current_seats, 3);
  assert.deepEqual(
    owner.related_bookings!.map((seat) => [seat.graph, seat.state]),
    [
      ['group_customer', 'confirmed'],
      ['group_customer', 'confirmed'],
    ],
  );
});

test('the public group listing carries no customer data, ever', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, FRIDAY_9);
  signUp(engine, yoga.id, 1);
  const listing = engine.listGroups({}, PUBLIC);
  assert.equal(listing.length, 1);
  const text = JSON.stringify(listing);
  assert.doesNotMatch(text, /customer0@example\.test|Customer 0|customer_token/);
  assert.deepEqual(Object.keys(listing[0]!).sort(), [
    'attributes',
    'completed',
    'created_at',
    'graph',
    'id',
    'resource',
    'state',
    'updated_at',
  ]);
  assert.equal(listing[0]!.attributes.group_booking.current_seats, 1);
  assert.equal(JSON.stringify(engine.getGroup(yoga.id)), JSON.stringify(listing[0]));
  // A public caller cannot peek at the class's sign-ups through the booking endpoint either.
  rejects(() => engine.getBooking(yoga.id, PUBLIC, ['related_bookings']), 'forbidden');
});

test('seats never exceed max_seats: sold_out says how many are left, and changes nothing', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, FRIDAY_9, { max_seats: 5 });
  signUp(engine, yoga.id, 3);
  const before = snapshotJson(engine);
  rejects(() => signUp(engine, yoga.id, 3), 'sold_out', /only 2 seats left/);
  assert.equal(snapshotJson(engine), before);
  signUp(engine, yoga.id, 2);
  rejects(() => signUp(engine, yoga.id, 1), 'sold_out', /sold out: 0 seats left/);
  rejects(() => signUp(engine, yoga.id, 0), 'validation_failed');
  assert.equal(engine.getGroup(yoga.id).attributes.group_booking.current_seats, 5);
});

test('a sold-out refusal is an EngineError with its 409 shape, built without a stack trace', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, FRIDAY_9, { max_seats: 1 });
  signUp(engine, yoga.id, 1);
  let error: unknown;
  try {
    signUp(engine, yoga.id, 2);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof EngineError, 'error instanceof EngineError');
  assert.deepEqual(error.toJSON(), {
    status: 409,
    code: 'sold_out',
    message: '"Doc Brown\u2019s Friday Yoga Class" is sold out: 0 seats left.',
    details: [{ path: 'seats', message: '0 left' }],
  });
  assert.equal(error.name, 'EngineError');
  // No "    at ..." frames: the stack is the one part a visitor's refusal need not pay for.
  assert.doesNotMatch(error.stack ?? '', /\n\s+at /);
  // Other errors keep theirs, and the limit is as it was.
  assert.match(new Error('x').stack ?? '', /\n\s+at /);
});

test('booking rules: sign-ups only between max_booking_time and min_booking_time before the class', () => {
  const { engine, clock } = makeEngine();
  const far = openClass(engine, T0 + 20 * DAY, {
    max_seats: 20,
    max_booking_time: '14 days',
    min_booking_time: '2 hours',
  });
  rejects(() => signUp(engine, far.id), 'booking_window', /open 14 days before/);
  signUp(engine, far.id, 1, OWNER); // the owner is not bound by the window
  clock.advance(7 * DAY);
  assert.equal(signUp(engine, far.id).state, 'confirmed');
  clock.set(T0 + 20 * DAY - HOUR);
  rejects(() => signUp(engine, far.id), 'booking_window', /closed 2 hours before/);
});

test('cancel_by_customer only before min_cancel_time', () => {
  const { engine, clock } = makeEngine();
  const yoga = openClass(engine, FRIDAY_9, { max_seats: 20, min_cancel_time: '1 day' });
  const seat = signUp(engine, yoga.id, 2);
  const me = { role: 'public', projectId: 'proj', customerToken: seat.customer_token! } as const;
  const early = signUp(engine, yoga.id, 1);
  assert.equal(
    engine.performAction(
      early.id,
      'cancel_by_customer',
      { cancel_by_customer: { message: 'Double booked. Sorry, Doc!' } },
      { role: 'public', projectId: 'proj', customerToken: early.customer_token! },
    ).state,
    'cancelled_by_customer',
  );
  assert.match(engine.outbox().at(-1)!.body, /Double booked\. Sorry, Doc!/);
  clock.set(FRIDAY_9 - DAY + MINUTE);
  rejects(
    () => engine.performAction(seat.id, 'cancel_by_customer', {}, me),
    'booking_window',
    /1 day before/,
  );
  assert.equal(engine.getGroup(yoga.id).attributes.group_booking.current_seats, 2);
});

test('cancelling the class cancels every seat booking and tells each customer the owner\u2019s message', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, FRIDAY_9);
  const seats = [
    signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 1),
    signUp(engine, yoga.id, 2, PUBLIC, 'group_customer', 2),
  ];
  const paid = signUp(engine, yoga.id, 1, PUBLIC, 'group_customer_payment', 3);
  const hold = engine.reserve({ related: { owner_booking_id: yoga.id }, seats: 3 }, PUBLIC);
  const cancelled = engine.performAction(
    yoga.id,
    'cancel',
    { cancel: { message: 'Getting the DeLorean fixed that day. Doc.' } },
    OWNER,
  );
  assert.equal(cancelled.state, 'cancelled');
  for (const seat of [...seats, paid]) {
    const after = engine.getBooking(seat.id, OWNER);
    assert.equal(after.state, 'cancelled_by_owner');
  }
  const notices = engine.outbox().filter((email) => email.subject.startsWith('Class cancelled'));
  assert.deepEqual(notices.map((email) => email.to).sort(), [
    'customer1@example.test',
    'customer2@example.test',
    'customer3@example.test',
  ]);
  assert.ok(
    notices.every((email) => email.body.includes('Getting the DeLorean fixed that day. Doc.')),
    `notices.every((email) => email.body.includes('Getting the DeLorean fixed that day. Doc.'))`,
  );
  assert.equal(engine.getHold(hold.id).state, 'released');
  assert.deepEqual(engine.listGroups({}, PUBLIC), []);
  rejects(() => signUp(engine, yoga.id), 'slot_unavailable', /cancelled/);
});

test('group_customer_payment: seats held while unpaid, released by the timeout', () => {
  // The payment window is the project's setting: a widget key may not set it (issue 10).
  const { engine, clock } = makeEngine({
    projects: [testProject({ booking_settings: { payment_window: '10 minutes' } })],
  });
  const pilates = openClass(engine, FRIDAY_9, { max_seats: 4 });
  const unpaid = engine.createBooking(
    {
      graph: 'group_customer_payment',
      related: { owner_booking_id: pilates.id, seats: 3 },
      customer: { name: 'Biff', email: 'biff@example.test' },
    },
    PUBLIC,
  );
  assert.equal(unpaid.state, 'tentative');
  const payer = signUp(engine, pilates.id, 1, PUBLIC, 'group_customer_payment', 9);
  rejects(() => signUp(engine, pilates.id, 1), 'sold_out');
  engine.performAction(
    payer.id,
    'pay',
    {},
    { role: 'public', projectId: 'proj', customerToken: payer.customer_token! },
  );
  clock.advance(11 * MINUTE);
  assert.equal(engine.getBooking(unpaid.id, OWNER).state, 'unpaid');
  assert.equal(engine.getBooking(payer.id, OWNER).state, 'paid');
  assert.equal(engine.getGroup(pilates.id).attributes.group_booking.current_seats, 1);
  assert.equal(signUp(engine, pilates.id, 3).state, 'confirmed');
});

test('a seat booking needs an existing, open class', () => {
  const { engine } = makeEngine();
  rejects(
    () =>
      engine.createBooking(
        { graph: 'group_customer', customer: { name: 'A', email: 'a@b.test' } },
        PUBLIC,
      ),
    'validation_failed',
    /owner_booking_id/,
  );
  rejects(() => signUp(engine, 'missing'), 'not_found');
  const yoga = openClass(engine, FRIDAY_9);
  const seat = signUp(engine, yoga.id);
  // A booking that is no class answers as an unknown class does.
  rejects(() => signUp(engine, seat.id), 'not_found', /No class with id/);
  rejects(() => openClass(engine, FRIDAY_9 + 2 * HOUR, {}), 'validation_failed', /max_seats/);
});
