import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/index.ts';
import { Capacity, isLiveHold } from '../../../src/engine/capacity.ts';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import type { BookingRecord, HoldRecord } from '../../../src/engine/records.ts';
import { Store } from '../../../src/engine/store.ts';
import {
  DAY,
  HOUR,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  openClass,
  signUp,
  snapshotJson,
  testProject,
  testResource,
  rejects,
} from './helpers.ts';

/**
 * The edges of src/engine/capacity.ts that planted bugs got past (issue #17): the exact instants
 * where a hold stops holding, a slot stops being "now" or "too far ahead", and two bookings
 * touch without overlapping; and the resource's own calendar events as busy time.
 */

// Monday 23 November 2026, 10:00 UTC: inside the test resource's 09:00-17:00.
const TEN = T0 + 2 * HOUR;

test('a hold holds until the millisecond before its expires_at, and only while reserved', () => {
  const hold = { state: 'reserved', expires_at: TEN } as HoldRecord;
  assert.equal(isLiveHold(hold, TEN - 1), true);
  assert.equal(isLiveHold(hold, TEN), false);
  for (const state of ['converted', 'released', 'expired'] as const) {
    assert.equal(isLiveHold({ ...hold, state }, TEN - 1), false, state);
  }
});

test('seats are counted only on a class: a 1:1 booking named as one is refused, whatever graph', () => {
  // Every caller hands checkSeats a class (access.groupClass refuses anything else first), so
  // only a direct call reaches this guard; it stays so that a new caller cannot count seats on
  // a 1:1 booking or on a graph that no longer exists.
  const capacity = new Capacity(new Store(), new Map(builtInGraphs.map((g) => [g.name, g])));
  for (const graph of ['instant', 'confirm_decline', 'gone']) {
    const booking = { id: 'b1', graph, state: 'confirmed' } as BookingRecord;
    assert.throws(
      () => capacity.checkSeats(booking, 1, { now: TEN, isPublic: true }),
      (error: unknown) => {
        assert.ok(error instanceof EngineError, String(error));
        assert.deepEqual(error.toJSON(), {
          status: 422,
          code: 'validation_failed',
          message: `Booking "b1" is not a class (graph ${graph})`,
          details: [
            {
              path: 'related.owner_booking_id',
              message: 'must be the id of a group_owner booking',
            },
          ],
        });
        return true;
      },
      graph,
    );
  }
});

test('the resource’s own calendar events are busy time, for visitors and the owner alike', () => {
  const lunch = { start: TEN + DAY + 2 * HOUR, end: TEN + DAY + 3 * HOUR, what: 'Lunch' };
  const { engine } = makeEngine({ start: TEN, resources: [testResource({ events: [lunch] })] });
  const before = snapshotJson(engine);
  rejects(() => engine.createBooking(oneToOne('instant', lunch.start), PUBLIC), 'slot_unavailable');
  rejects(
    () => engine.createBooking(oneToOne('instant', lunch.start - 30 * 60_000), OWNER),
    'slot_unavailable',
    /already booked at this time/,
  );
  assert.equal(snapshotJson(engine), before);
  // The hour after lunch is free.
  assert.equal(engine.createBooking(oneToOne('instant', lunch.end), PUBLIC).state, 'confirmed');
});

test('bookings that only touch do not overlap: the hours before and after a booking stay bookable', () => {
  for (const actor of [PUBLIC, OWNER]) {
    const { engine } = makeEngine({ start: TEN });
    const start = TEN + DAY + 2 * HOUR;
    engine.createBooking(oneToOne('instant', start), actor);
    assert.equal(engine.createBooking(oneToOne('instant', start + HOUR), actor).state, 'confirmed');
    assert.equal(engine.createBooking(oneToOne('instant', start - HOUR), actor).state, 'confirmed');
    rejects(
      () => engine.createBooking(oneToOne('instant', start + HOUR / 2), actor),
      'slot_unavailable',
    );
  }
});

test('a visitor may book a slot starting this very millisecond, not one a millisecond ago', () => {
  const { engine, clock } = makeEngine({ start: TEN });
  assert.equal(engine.createBooking(oneToOne('instant', TEN), PUBLIC).state, 'confirmed');
  clock.advance(HOUR + 1);
  rejects(
    () => engine.createBooking(oneToOne('instant', TEN + HOUR), PUBLIC),
    'slot_unavailable',
    /in the past/,
  );
});

test('the booking horizon includes its last instant', () => {
  const { engine } = makeEngine({
    start: TEN,
    projects: [testProject({ booking_horizon: '2 days' })],
  });
  assert.equal(engine.createBooking(oneToOne('instant', TEN + 2 * DAY), PUBLIC).state, 'confirmed');
  rejects(
    () => engine.createBooking(oneToOne('instant', TEN + 2 * DAY + HOUR), PUBLIC),
    'slot_unavailable',
    /too far ahead/,
  );
});

test('a project that sets no horizon lets a visitor book six months ahead, not seven', () => {
  // The type wants the field; a project added without it (a seed's, an older snapshot's) has none.
  const project = testProject();
  Reflect.deleteProperty(project, 'booking_horizon');
  const { engine } = makeEngine({ start: TEN, projects: [project] });
  // Whole weeks ahead, so the same weekday and hour.
  const ahead = (weeks: number) => oneToOne('instant', TEN + weeks * 7 * DAY);
  assert.equal(engine.createBooking(ahead(21), PUBLIC).state, 'confirmed');
  rejects(() => engine.createBooking(ahead(29), PUBLIC), 'slot_unavailable', /too far ahead/);
  // The owner is not held to it.
  assert.equal(engine.createBooking(ahead(29), OWNER).state, 'confirmed');
});

test('a visitor keeps the project’s buffer from other bookings; the owner may book inside it', () => {
  const { engine } = makeEngine({
    start: TEN,
    projects: [
      testProject({
        availability: { length: '1 hour', mode: 'roundrobin_prioritized', buffer: '30 minutes' },
      }),
    ],
  });
  const start = TEN + DAY + 2 * HOUR;
  engine.createBooking(oneToOne('instant', start), PUBLIC);
  const before = snapshotJson(engine);
  rejects(
    () => engine.createBooking(oneToOne('instant', start + HOUR), PUBLIC),
    'slot_unavailable',
    /too close to another booking/,
  );
  assert.equal(snapshotJson(engine), before);
  assert.equal(
    engine.createBooking(oneToOne('instant', start + 1.5 * HOUR), PUBLIC).state,
    'confirmed',
  );
  assert.equal(engine.createBooking(oneToOne('instant', start - HOUR), OWNER).state, 'confirmed');
});

test('an overfilled class has 0 seats left, never fewer', () => {
  const { engine } = makeEngine({ start: TEN });
  const yoga = openClass(engine, TEN + DAY, { max_seats: 2 });
  // The owner overfills on purpose (Makeplans' edit with ignore_capacity).
  const friends = signUp(engine, yoga.id, 2, OWNER);
  engine.updateBooking(friends.id, { seats: 3, ignore_capacity: true }, OWNER);
  assert.equal(engine.getGroup(yoga.id).attributes.group_booking.seats_left, 0);
  assert.throws(
    () => signUp(engine, yoga.id, 1),
    (error: unknown) => {
      assert.ok(error instanceof EngineError, String(error));
      assert.equal(error.code, 'sold_out');
      assert.match(error.message, /is sold out: 0 seats left\./);
      assert.deepEqual(error.details, [{ path: 'seats', message: '0 left' }]);
      return true;
    },
  );
});

test('sign-ups open at exactly max_booking_time and close at exactly min_booking_time before the class', () => {
  const start = TEN + 3 * DAY;
  const settings = { max_seats: 10, min_booking_time: '1 hour', max_booking_time: '2 days' };
  const opens = start - 2 * DAY;
  const closes = start - HOUR;
  const { engine, clock } = makeEngine({ start: opens - 1 });
  const yoga = openClass(engine, start, settings);
  rejects(() => signUp(engine, yoga.id), 'booking_window', /open 2 days before it starts/);
  clock.advance(1);
  assert.equal(signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 1).state, 'confirmed');
  clock.advance(closes - opens);
  assert.equal(signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 2).state, 'confirmed');
  clock.advance(1);
  rejects(
    () => signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 3),
    'booking_window',
    /closed 1 hour before it starts/,
  );
});

test('without min_booking_time, sign-ups close when the class starts, and the refusal says so', () => {
  const { engine, clock } = makeEngine({ start: TEN });
  const yoga = openClass(engine, TEN + HOUR);
  clock.advance(HOUR);
  assert.equal(signUp(engine, yoga.id).state, 'confirmed');
  clock.advance(1);
  rejects(
    () => signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 1),
    'booking_window',
    /^This class has already started\.$/,
  );
});
