import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  customerOf,
  iso,
  makeEngine,
  oneToOne,
  rejects,
  testProject,
  SLOT,
} from './helpers.ts';

/**
 * The building blocks the graphs share (src/engine/graphs/shared.ts, planted by hand, issue
 * #17): the verification window's setting, where a booking that was never verified or was
 * moved ends (final, and out of the "visible" list), and who may leave a booking still
 * awaiting its code. The graph tests walk the usual paths; these are the rarer ends.
 */

function verifying(settings: Record<string, unknown> = {}) {
  const made = makeEngine({
    projects: [testProject({ booking_settings: { verification: 'email', ...settings } })],
  });
  const booking = made.engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  assert.equal(booking.state, 'awaiting_verification');
  return { ...made, booking };
}

const visible = (engine: ReturnType<typeof makeEngine>['engine']) =>
  engine.listBookings({ view: 'visible' }, OWNER).map((booking) => booking.id);

test('verification_window sets how long a code is waited for (15 minutes unless set)', () => {
  const set = verifying({ verification_window: '30 minutes' });
  set.clock.advance(30 * MINUTE - 1);
  assert.equal(set.engine.getBooking(set.booking.id, OWNER).state, 'awaiting_verification');
  set.clock.advance(1);
  assert.equal(set.engine.getBooking(set.booking.id, OWNER).state, 'verification_expired');
  const unset = verifying();
  unset.clock.advance(15 * MINUTE);
  assert.equal(unset.engine.getBooking(unset.booking.id, OWNER).state, 'verification_expired');
});

test('a booking never verified is over: no status, no action, not among the visible ones', () => {
  const { engine, clock, booking } = verifying();
  clock.advance(15 * MINUTE);
  const expired = engine.getBooking(booking.id, OWNER);
  assert.equal(expired.state, 'verification_expired');
  assert.deepEqual(expired.possible_actions, []);
  const refusal = rejects(() => engine.setStatus(booking.id, 'no_show', OWNER), 'invalid_action');
  assert.equal(refusal.message, 'A verification_expired booking takes no status.');
  assert.deepEqual(visible(engine), []);
});

test('a booking awaiting its code may be cancelled by its customer', () => {
  const { engine, booking } = verifying();
  const cancelled = engine.performAction(
    booking.id,
    'cancel_by_customer',
    {},
    customerOf(booking.customer_token!),
  );
  assert.equal(cancelled.state, 'cancelled_by_customer');
  assert.deepEqual(visible(engine), [booking.id], 'a cancelled booking stays visible');
});

test('a moved booking is over and not visible; the booking it became is', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const moved = engine.reschedule(
    booking.id,
    { start: iso(SLOT + HOUR), end: iso(SLOT + 2 * HOUR) },
    customerOf(booking.customer_token!),
  );
  assert.equal(moved.state, 'rescheduled_by_customer');
  assert.deepEqual(visible(engine), [moved.related.rescheduled_to]);
  const refusal = rejects(() => engine.setStatus(booking.id, 'no_show', OWNER), 'invalid_action');
  assert.equal(refusal.message, 'A rescheduled_by_customer booking takes no status.');
});

test('the owner cancelling for the customer may keep the owner\u2019s own email from being sent', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const before = engine.outbox().length;
  const cancelled = engine.performAction(
    booking.id,
    'cancel_by_customer',
    { notify_owner_cancelled_by_customer_email: { enabled: false } },
    OWNER,
  );
  assert.equal(cancelled.state, 'cancelled_by_customer');
  assert.deepEqual(
    engine
      .outbox()
      .slice(before)
      .filter((entry) => entry.kind === 'email'),
    [],
  );
});

test('a payment\u2019s receipt names what was paid for, and the payer may go without it', () => {
  const { engine } = makeEngine();
  const paid = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
  const me = customerOf(paid.customer_token!);
  let at = engine.outbox().length;
  engine.performAction(paid.id, 'pay', {}, me);
  const mails = () =>
    engine
      .outbox()
      .slice(at)
      .filter((entry) => entry.kind === 'email')
      .map((entry) => [entry.to, entry.subject]);
  assert.deepEqual(mails(), [
    ['marty@hillvalley.test', 'Booking confirmed: Mens haircut'],
    ['marty@hillvalley.test', 'Payment received: Mens haircut'],
  ]);
  const quiet = engine.createBooking(oneToOne('instant_payment', SLOT + 2 * HOUR), PUBLIC);
  at = engine.outbox().length;
  const done = engine.performAction(
    quiet.id,
    'pay',
    { send_payment_receipt_email_to_customer: { enabled: false } },
    customerOf(quiet.customer_token!),
  );
  assert.equal(done.state, 'paid');
  assert.deepEqual(mails(), [['marty@hillvalley.test', 'Booking confirmed: Mens haircut']]);
});

test('a customer who leaves before paying releases the time at once: unpaid, logged', () => {
  const { engine } = makeEngine();
  const left = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
  assert.equal(left.state, 'tentative');
  const released = engine.performAction(left.id, 'release', {}, customerOf(left.customer_token!));
  assert.equal(released.state, 'unpaid');
  const logs = engine.getBooking(left.id, OWNER, ['logs']).logs!;
  assert.ok(
    logs.some((entry) => entry.description === 'Released by the customer before paying'),
    logs.map((entry) => entry.description).join('\n'),
  );
  assert.deepEqual(visible(engine), [], 'an unpaid booking is not visible');
  // The time is free again: another customer books it.
  assert.equal(engine.createBooking(oneToOne('instant', SLOT), PUBLIC).state, 'confirmed');
});

test('the payment request names what is to be paid, and its email may be switched off', () => {
  const { engine, clock } = makeEngine();
  const mailsOf = (id: string) =>
    engine
      .outbox()
      .filter((entry) => entry.kind === 'email' && entry.booking_id === id)
      .map((entry) => [entry.to, entry.subject]);
  const usual = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
  const quiet = engine.createBooking(
    oneToOne('instant_payment', SLOT + 2 * HOUR, 60, {
      send_payment_request_email_to_customer: { enabled: false },
    }),
    PUBLIC,
  );
  clock.advance(5 * MINUTE);
  assert.equal(engine.getBooking(usual.id, OWNER).state, 'unpaid');
  assert.equal(engine.getBooking(quiet.id, OWNER).state, 'unpaid');
  assert.deepEqual(mailsOf(usual.id), [
    ['marty@hillvalley.test', 'Complete your payment: Mens haircut'],
    ['marty@hillvalley.test', 'Booking released: Mens haircut'],
  ]);
  assert.deepEqual(mailsOf(quiet.id), [
    ['marty@hillvalley.test', 'Booking released: Mens haircut'],
  ]);
});
