import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, HOUR, OWNER, PUBLIC, T0, makeEngine, oneToOne } from './helpers.ts';

/**
 * Issue 12: the owner's message on a cancellation reached only the customer's e-mail; the
 * booking view the customer reads (with their token) carries it as `owner_message` too.
 */

const TOMORROW_10 = T0 + DAY + 2 * HOUR;

function booked() {
  const { engine, clock } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const customer = { ...PUBLIC, customerToken: booking.customer_token! } as const;
  return { engine, clock, booking, customer };
}

test('an owner cancelling with a message: the customer reads it on their booking', () => {
  const { engine, booking, customer } = booked();
  engine.performAction(
    booking.id,
    'cancel',
    { cancel: { message: 'The shop is closed, sorry' } },
    OWNER,
  );
  assert.equal(engine.getBooking(booking.id, customer).owner_message, 'The shop is closed, sorry');
});

test('no message from the owner, or the customer cancelling: no owner_message', () => {
  const silent = booked();
  silent.engine.performAction(silent.booking.id, 'cancel', {}, OWNER);
  assert.equal(
    'owner_message' in silent.engine.getBooking(silent.booking.id, silent.customer),
    false,
  );
  const own = booked();
  own.engine.performAction(
    own.booking.id,
    'cancel_by_customer',
    { cancel_by_customer: { message: 'I cannot come' } },
    own.customer,
  );
  assert.equal('owner_message' in own.engine.getBooking(own.booking.id, own.customer), false);
});
