import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, MINUTE, OWNER, PUBLIC, T0, openClass, rejects, signUp } from './helpers.ts';
import { customerOf, person, soldOut } from './waitlist-helpers.ts';

/**
 * Leaving a waitlist, the owner's list of a queue, and what an entry shows (planted by hand,
 * issue #17: no engine test reached src/engine/waitlist.ts).
 */

test('leaving releases the offer held, so its seats pass on at once; only once', () => {
  const { engine, clock, join, cancelSeat, stateOf, classLog } = soldOut();
  const first = join(1);
  const second = join(2);
  cancelSeat(0);
  const holdId = engine.getWaitlistEntry(first.id, OWNER).offer!.hold_id;
  clock.advance(5 * MINUTE);
  const left = engine.leaveWaitlist(first.id, customerOf(first.customer_token!));
  assert.equal(left.state, 'left');
  assert.equal(left.offer, undefined);
  assert.equal(engine.getHold(holdId).state, 'released');
  assert.equal(stateOf(second.id), 'offered');
  assert.ok(
    classLog().includes(`Waitlist: entry ${first.id} left`),
    'classLog().includes(`Waitlist: entry ${first.id} left`)',
  );
  const stored = engine.snapshot().waitlist!.find((entry) => entry.id === first.id)!;
  assert.equal(stored.updated_at, T0 + 5 * MINUTE);
  const again = rejects(() => engine.leaveWaitlist(first.id, OWNER), 'invalid_action');
  assert.equal(again.message, 'This waitlist entry is left and can no longer be left.');
});

test('a widget key leaves only with the entry’s token, and only its own project’s entry', () => {
  const { engine, join, stateOf } = soldOut();
  const entry = join(1);
  rejects(() => engine.leaveWaitlist(entry.id, PUBLIC), 'forbidden', /customer_token/);
  rejects(
    () => engine.leaveWaitlist(entry.id, customerOf(entry.customer_token!, 'strict')),
    'not_found',
    /No waitlist entry/,
  );
  assert.equal(stateOf(entry.id), 'waiting');
  assert.equal(engine.leaveWaitlist(entry.id, OWNER).state, 'left');
});

test('only the owner lists a queue: a known class, its own entries, first come first', () => {
  const { engine, clock, groupClass, join } = soldOut();
  const first = join(1);
  clock.advance(MINUTE);
  const second = join(2);
  // Another sold-out class in the same engine, with its own queue.
  const pilates = openClass(engine, T0 + 5 * DAY, { max_seats: 1 });
  signUp(engine, pilates.id, 1, OWNER, 'group_customer', 9);
  const elsewhere = engine.joinWaitlist(
    { related: { owner_booking_id: pilates.id }, customer: person(3) },
    OWNER,
  );
  const list = engine.listWaitlist({ owner_booking_id: groupClass.id });
  assert.deepEqual(
    list.map((entry) => entry.id),
    [first.id, second.id],
  );
  assert.deepEqual(
    engine.listWaitlist({ owner_booking_id: pilates.id }).map((entry) => entry.id),
    [elsewhere.id],
  );
  assert.ok(
    list.every((entry) => entry.customer_token === undefined),
    'list.every((entry) => entry.customer_token === undefined)',
  );
  const refused = rejects(
    () => engine.listWaitlist({ owner_booking_id: groupClass.id }, PUBLIC),
    'forbidden',
  );
  assert.equal(refused.message, 'Only the owner may list a waitlist.');
  const unknown = rejects(() => engine.listWaitlist({ owner_booking_id: 'nope' }), 'not_found');
  assert.deepEqual(
    unknown.details?.map((issue) => issue.path),
    ['owner_booking_id'],
  );
});

test('an entry shows its offer while offered (to the millisecond), then the booking it became', () => {
  const { engine, join, cancelSeat } = soldOut(1, undefined, { start: T0 + 1999 });
  const entry = join(1);
  cancelSeat(0);
  const offered = engine.getWaitlistEntry(entry.id, OWNER);
  assert.deepEqual(offered.offer, {
    hold_id: offered.offer!.hold_id,
    expires_at: '2026-11-23T10:00:01.999+00:00',
  });
  assert.equal(offered.created_at, '2026-11-23T08:00:01+00:00');
  const booking = engine.createBooking(
    { graph: 'group_customer', reservation_id: offered.offer!.hold_id, customer: person(1) },
    PUBLIC,
  );
  const booked = engine.getWaitlistEntry(entry.id, OWNER);
  assert.equal(booked.state, 'booked');
  assert.equal(booked.booking_id, booking.id);
  assert.equal(booked.offer, undefined);
});

test('an entry’s customer is a copy: editing a returned view changes nothing stored', () => {
  const { engine, join } = soldOut();
  const entry = join(1);
  const view = engine.getWaitlistEntry(entry.id, OWNER);
  view.customer.name = 'Biff';
  entry.customer.name = 'Biff';
  assert.equal(engine.getWaitlistEntry(entry.id, OWNER).customer.name, 'Waiter 1');
});

test('the queue goes by when each joined, not by the order a restored snapshot lists them', () => {
  const { engine, clock, groupClass, join, cancelSeat } = soldOut();
  const ids = [join(1).id];
  clock.advance(MINUTE);
  ids.push(join(2).id);
  clock.advance(MINUTE);
  ids.push(join(3).id);
  const snapshot = engine.snapshot();
  snapshot.waitlist!.reverse();
  engine.restore(snapshot);
  assert.deepEqual(
    engine.listWaitlist({ owner_booking_id: groupClass.id }).map((entry) => entry.id),
    ids,
  );
  // The freed seat is offered to the first who joined, not to the first listed.
  cancelSeat(0);
  assert.deepEqual(
    ids.map((id) => engine.getWaitlistEntry(id, OWNER).state),
    ['offered', 'waiting', 'waiting'],
  );
});
