import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY,
  HOUR,
  MINUTE,
  MARTY,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  signUp,
  snapshotJson,
  rejects,
  SLOT,
} from './helpers.ts';

const FRIDAY_9 = T0 + 4 * DAY + HOUR;

const slotHold = (start = SLOT) => ({
  resource_id: 'res_doc',
  start: iso(start),
  end: iso(start + HOUR),
});

test('a slot hold takes the time from everyone else until it expires', () => {
  const { engine, clock } = makeEngine();
  const hold = engine.reserve(slotHold(), PUBLIC);
  assert.equal(hold.state, 'reserved');
  assert.equal(hold.expires_at, '2026-11-23T08:10:00+00:00');
  assert.equal(hold.can_extend, true);
  rejects(() => engine.reserve(slotHold(SLOT + 30 * MINUTE), PUBLIC), 'slot_unavailable');
  rejects(() => engine.createBooking(oneToOne('instant', SLOT), PUBLIC), 'slot_unavailable');
  const slots = engine.availability(
    { resources: ['res_doc'], from: iso(SLOT - HOUR), to: iso(SLOT + 2 * HOUR) },
    PUBLIC,
  );
  assert.deepEqual(
    slots.map((slot) => slot.start),
    ['2026-11-24T09:00:00+00:00', '2026-11-24T11:00:00+00:00'],
  );
  clock.advance(10 * MINUTE);
  assert.equal(engine.getHold(hold.id).state, 'expired');
  assert.equal(engine.createBooking(oneToOne('instant', SLOT), PUBLIC).state, 'confirmed');
});

test('a hold converts into a booking; after expiry conversion is hold_expired and changes nothing', () => {
  const { engine, clock } = makeEngine();
  const hold = engine.reserve(slotHold(), PUBLIC);
  const booking = engine.createBooking(
    { ...oneToOne('instant', SLOT), reservation_id: hold.id },
    PUBLIC,
  );
  assert.equal(booking.state, 'confirmed');
  assert.equal(engine.getHold(hold.id).state, 'converted');
  assert.equal(engine.getHold(hold.id).booking_id, booking.id);
  rejects(
    () => engine.createBooking({ ...oneToOne('instant', SLOT), reservation_id: hold.id }, PUBLIC),
    'invalid_action',
    /already became booking/,
  );

  const late = engine.reserve(slotHold(SLOT + 3 * HOUR), PUBLIC);
  clock.advance(10 * MINUTE + 1);
  const before = snapshotJson(engine);
  rejects(
    () =>
      engine.createBooking(
        { ...oneToOne('instant', SLOT + 3 * HOUR), reservation_id: late.id },
        PUBLIC,
      ),
    'hold_expired',
    /free again/,
  );
  rejects(() => engine.extendHold(late.id), 'hold_expired');
  rejects(() => engine.releaseHold(late.id), 'hold_expired');
  assert.equal(snapshotJson(engine), before);
});

test('a hold must match the booking it becomes', () => {
  const { engine } = makeEngine();
  const hold = engine.reserve(slotHold(), PUBLIC);
  rejects(
    () =>
      engine.createBooking(
        { ...oneToOne('instant', SLOT + 2 * HOUR), reservation_id: hold.id },
        PUBLIC,
      ),
    'validation_failed',
    /different resource or time/,
  );
  rejects(
    () => engine.createBooking({ ...oneToOne('instant', SLOT), reservation_id: 'nope' }, PUBLIC),
    'not_found',
  );
  // Without start/end, the event takes the hold's time.
  const booking = engine.createBooking(
    { graph: 'instant', reservation_id: hold.id, event: { what: 'Haircut' }, customer: MARTY },
    PUBLIC,
  );
  assert.equal(booking.attributes.event_info?.start, '2026-11-24T10:00:00+00:00');
});

test('extend once by the same span; release frees at once', () => {
  const { engine, clock } = makeEngine();
  const hold = engine.reserve(slotHold(), PUBLIC);
  clock.advance(5 * MINUTE);
  const extended = engine.extendHold(hold.id);
  assert.equal(extended.expires_at, '2026-11-23T08:20:00+00:00');
  assert.equal(extended.can_extend, false);
  rejects(() => engine.extendHold(hold.id), 'invalid_action', /extended once/);
  clock.advance(12 * MINUTE);
  assert.equal(engine.getHold(hold.id).state, 'reserved', 'the first deadline no longer applies');
  engine.releaseHold(hold.id);
  assert.equal(engine.createBooking(oneToOne('instant', SLOT), PUBLIC).state, 'confirmed');
  assert.equal(engine.releaseHold(hold.id).state, 'released', 'releasing twice is harmless');
});

test('seat holds count as taken seats and convert into a seat booking', () => {
  const { engine, clock } = makeEngine();
  const yoga = openClass(engine, FRIDAY_9, { max_seats: 5 });
  const hold = engine.reserve({ related: { owner_booking_id: yoga.id }, seats: 4 }, PUBLIC);
  assert.equal(engine.getGroup(yoga.id).attributes.group_booking.current_seats, 4);
  rejects(() => signUp(engine, yoga.id, 2), 'sold_out', /only 1 seat left/);
  rejects(
    () => engine.reserve({ related: { owner_booking_id: yoga.id }, seats: 2 }, PUBLIC),
    'sold_out',
  );
  const seat = engine.createBooking(
    { graph: 'group_customer', reservation_id: hold.id, customer: MARTY },
    PUBLIC,
  );
  assert.equal(seat.related.seats, 4);
  assert.equal(engine.getGroup(yoga.id).attributes.group_booking.current_seats, 4);

  const second = engine.reserve({ related: { owner_booking_id: yoga.id }, seats: 1 }, PUBLIC);
  clock.advance(11 * MINUTE);
  assert.equal(engine.getGroup(yoga.id).attributes.group_booking.current_seats, 4);
  rejects(
    () =>
      engine.createBooking(
        { graph: 'group_customer', reservation_id: second.id, customer: MARTY },
        PUBLIC,
      ),
    'hold_expired',
  );
  assert.equal(signUp(engine, yoga.id, 1).state, 'confirmed');
});

test('bad hold requests are refused with the field named', () => {
  const { engine } = makeEngine();
  const before = snapshotJson(engine);
  for (const body of [
    {},
    { resource_id: 'res_doc', start: iso(SLOT) },
    { resource_id: 'res_doc', start: iso(SLOT + HOUR), end: iso(SLOT) },
    { related: { owner_booking_id: 'x' }, seats: 0 },
  ]) {
    rejects(() => engine.reserve(body, PUBLIC), 'validation_failed');
  }
  rejects(
    () =>
      engine.reserve(
        { resource_id: 'res_nobody', start: iso(SLOT), end: iso(SLOT + HOUR) },
        PUBLIC,
      ),
    'not_found',
  );
  assert.equal(snapshotJson(engine), before);
});
