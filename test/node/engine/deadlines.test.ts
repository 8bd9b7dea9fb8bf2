import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  signUp,
  testProject,
  customerOf,
  SLOT,
} from './helpers.ts';

/**
 * Every deadline at its exact instant and 1 ms either side. The rule written here: a deadline
 * is the first instant that is too late for an expiry (a hold, a payment or verification window
 * is over AT its end) and the last instant still allowed for a cut-off (a seat may be given up
 * exactly min_cancel_time before the class, not 1 ms later).
 */

const CLASS_START = T0 + 3 * DAY + 2 * HOUR;
const EITHER_SIDE = [-1, 0, 1] as const;

function refusedWith(code: string, work: () => unknown) {
  assert.throws(work, (error: unknown) => {
    assert.ok(error instanceof EngineError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
}

test('a seat can be given up exactly min_cancel_time before the class, not 1 ms later', () => {
  const deadline = CLASS_START - DAY;
  for (const offset of EITHER_SIDE) {
    const { engine, clock } = makeEngine();
    const klass = openClass(engine, CLASS_START, { max_seats: 5, min_cancel_time: '1 day' });
    const seat = signUp(engine, klass.id);
    clock.set(deadline + offset);
    const giveUp = () =>
      engine.performAction(seat.id, 'cancel_by_customer', {}, customerOf(seat.customer_token!));
    if (offset <= 0) assert.equal(giveUp().state, 'cancelled_by_customer', `at ${offset} ms`);
    else refusedWith('booking_window', giveUp);
  }
});

test('a hold books until 1 ms before its expires_at; at expires_at it is expired', () => {
  for (const offset of EITHER_SIDE) {
    const { engine, clock } = makeEngine();
    const hold = engine.reserve(
      { resource_id: 'res_doc', start: iso(SLOT), end: iso(SLOT + HOUR) },
      PUBLIC,
    );
    const expiresAt = T0 + 10 * MINUTE; // the project's hold_duration
    assert.equal(Date.parse(hold.expires_at), expiresAt);
    clock.set(expiresAt + offset);
    const book = () =>
      engine.createBooking({ ...oneToOne('instant', SLOT), reservation_id: hold.id }, PUBLIC);
    if (offset < 0) assert.equal(book().state, 'confirmed');
    else {
      refusedWith('hold_expired', book);
      assert.equal(engine.getHold(hold.id).state, 'expired');
    }
  }
});

test('a payment is taken until 1 ms before the window ends; at its end the booking is unpaid', () => {
  for (const offset of EITHER_SIDE) {
    const { engine, clock } = makeEngine({
      projects: [testProject({ booking_settings: { payment_window: '10 minutes' } })],
    });
    const booking = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
    const end = T0 + 10 * MINUTE;
    assert.equal(Date.parse(booking.expires_at!), end);
    clock.set(end + offset);
    const pay = () =>
      engine.performAction(booking.id, 'pay', {}, customerOf(booking.customer_token!));
    if (offset < 0) assert.equal(pay().state, 'paid');
    else {
      refusedWith('invalid_action', pay);
      const unpaid = engine.getBooking(booking.id, customerOf(booking.customer_token!), ['logs']);
      assert.equal(unpaid.state, 'unpaid');
      // It expired at the window's own instant, whenever someone looked.
      assert.equal(
        unpaid.logs!.find((entry) => entry.description === 'Payment window expired')?.created_at,
        iso(end).replace('.000Z', '+00:00'),
      );
    }
  }
});

test('a seat’s payment window is exact too (the default 5 minutes)', () => {
  for (const offset of EITHER_SIDE) {
    const { engine, clock } = makeEngine();
    const seat = signUp(
      engine,
      openClass(engine, CLASS_START).id,
      1,
      PUBLIC,
      'group_customer_payment',
    );
    clock.set(T0 + 5 * MINUTE + offset);
    const state = engine.getBooking(seat.id, customerOf(seat.customer_token!)).state;
    assert.equal(state, offset < 0 ? 'tentative' : 'unpaid', `at ${offset} ms`);
  }
});

test('a verification code is accepted until 1 ms before the window ends', () => {
  for (const offset of EITHER_SIDE) {
    const { engine, clock } = makeEngine({
      projects: [testProject({ booking_settings: { verification: 'email' } })],
    });
    const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
    const code = /Verification code: (\d{6})/.exec(engine.outbox().at(-1)!.body)![1];
    clock.set(T0 + 15 * MINUTE + offset);
    const verify = () => engine.verify(booking.id, code, customerOf(booking.customer_token!));
    if (offset < 0) assert.equal(verify().state, 'confirmed');
    else refusedWith('invalid_action', verify);
  }
});
