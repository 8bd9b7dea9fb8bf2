/**
 * The exact words of the emails a booking's life sends, the SMS reminder without a manage link,
 * and the calendar UID of a booking moved more than a thousand times. Each test pins a behaviour
 * that a Stryker survivor in src/engine/emails.ts changed without any engine test noticing
 * (issue #17): the bodies were matched by pattern or not read at all, so an intro emptied to ""
 * or a lost blank line went through.
 *
 * The customer (MARTY) reads times in America/Los_Angeles, the owner in the resource's UTC.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BookingEngine } from '../../../src/engine/index.ts';
import {
  HOUR,
  OWNER,
  OWNER_EMAIL,
  MARTY,
  PUBLIC,
  SLOT,
  customerOf,
  iso,
  makeEngine,
  oneToOne,
  testProject,
} from './helpers.ts';

/** The emails sent since the outbox held `from` entries, as recipient, subject and body. */
function emailsSince(engine: BookingEngine, from: number) {
  return engine
    .outbox()
    .slice(from)
    .filter((entry) => entry.kind === 'email')
    .map(({ to, subject, body }) => ({ to, subject, body }));
}

const OWNER_LINES =
  'Where: Sesame St\nCustomer: Marty McFly <marty@hillvalley.test>, phone 1-591-001-5403';

test('the owner is asked to decide, with a blank line before the links; the customer hears "confirmed" or "declined"', () => {
  const { engine } = makeEngine();
  const asked = engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  const [request] = engine.outbox().filter((entry) => entry.to === OWNER_EMAIL);
  const { confirm, decline } = request!.links!;
  assert.equal(
    request!.body,
    'Hi,\n\nA new booking request is waiting for your decision. Confirm or decline it below.\n\n' +
      'What: Mens haircut\nWhen: Tuesday, 24 November 2026, 10:00–11:00 (UTC)\n' +
      `${OWNER_LINES}\n\nConfirm: ${confirm}\nDecline: ${decline}`,
  );

  let before = engine.outbox().length;
  engine.performAction(asked.id, 'confirm', {}, OWNER);
  assert.deepEqual(emailsSince(engine, before), [
    {
      to: MARTY.email,
      subject: 'Booking confirmed: Mens haircut',
      body:
        'Hi Marty McFly,\n\nYour booking is confirmed.\n\nWhat: Mens haircut\n' +
        'When: Tuesday, 24 November 2026, 02:00–03:00 (America/Los_Angeles)\nWhere: Sesame St',
    },
  ]);

  const refused = engine.createBooking(oneToOne('confirm_decline', SLOT + 2 * HOUR), PUBLIC);
  before = engine.outbox().length;
  engine.performAction(refused.id, 'decline', {}, OWNER);
  assert.deepEqual(emailsSince(engine, before), [
    {
      to: MARTY.email,
      subject: 'Booking declined: Mens haircut',
      body:
        'Hi Marty McFly,\n\nSorry, your booking request was declined.\n\nWhat: Mens haircut\n' +
        'When: Tuesday, 24 November 2026, 04:00–05:00 (America/Los_Angeles)\nWhere: Sesame St',
    },
  ]);
});

test('a customer who cancels: the owner is told, the customer gets a receipt', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const before = engine.outbox().length;
  engine.performAction(booking.id, 'cancel_by_customer', {}, customerOf(booking.customer_token!));
  assert.deepEqual(emailsSince(engine, before), [
    {
      to: OWNER_EMAIL,
      subject: 'Booking cancelled by the customer: Mens haircut',
      body:
        'Hi,\n\nThe customer cancelled this booking.\n\nWhat: Mens haircut\n' +
        `When: Tuesday, 24 November 2026, 10:00–11:00 (UTC)\n${OWNER_LINES}`,
    },
    {
      to: MARTY.email,
      subject: 'You cancelled: Mens haircut',
      body:
        'Hi Marty McFly,\n\nYou cancelled this booking. Nothing more is needed from you.\n\n' +
        'What: Mens haircut\n' +
        'When: Tuesday, 24 November 2026, 02:00–03:00 (America/Los_Angeles)\nWhere: Sesame St',
    },
  ]);
});

test('a customer who moves a booking: the owner is told the old and the new time', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const before = engine.outbox().length;
  engine.reschedule(
    booking.id,
    { start: iso(SLOT + HOUR), end: iso(SLOT + 2 * HOUR) },
    customerOf(booking.customer_token!),
  );
  const [owner] = emailsSince(engine, before).filter((email) => email.to === OWNER_EMAIL);
  assert.deepEqual(owner, {
    to: OWNER_EMAIL,
    subject: 'Booking moved: Mens haircut',
    body:
      'Hi,\n\nThe customer moved this booking.\n\nWhat: Mens haircut\n' +
      'Was: Tuesday, 24 November 2026, 10:00–11:00 (UTC)\n' +
      `Now: Tuesday, 24 November 2026, 11:00–12:00 (UTC)\n${OWNER_LINES}`,
  });
});

test('a paid booking: the payment request, then the receipt', () => {
  const { engine } = makeEngine();
  let before = engine.outbox().length;
  const booking = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
  const customerLines =
    '\n\nWhat: Mens haircut\n' +
    'When: Tuesday, 24 November 2026, 02:00–03:00 (America/Los_Angeles)\nWhere: Sesame St';
  assert.deepEqual(emailsSince(engine, before), [
    {
      to: MARTY.email,
      subject: 'Complete your payment: Mens haircut',
      body:
        'Hi Marty McFly,\n\nYour time is held until you pay. Complete the payment to book it.' +
        customerLines,
    },
  ]);
  before = engine.outbox().length;
  engine.performAction(booking.id, 'pay', { pay: { reference: 'test_123' } }, OWNER);
  const receipt = emailsSince(engine, before).find((email) => email.subject.startsWith('Payment'));
  assert.deepEqual(receipt, {
    to: MARTY.email,
    subject: 'Payment received: Mens haircut',
    body:
      'Hi Marty McFly,\n\nThank you: your payment was received and you are booked.' + customerLines,
  });
});

test('the verification code email, and a reminder', () => {
  const { engine, clock } = makeEngine({
    projects: [testProject({ booking_settings: { verification: 'email' } })],
  });
  engine.updateProjectSettings('proj', { reminders: ['1 hour'] }, OWNER);
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const [codeEmail] = emailsSince(engine, 0);
  const code = /^Your code: (\d{6})$/.exec(codeEmail!.subject)![1]!;
  const customerLines =
    '\n\nWhat: Mens haircut\n' +
    'When: Tuesday, 24 November 2026, 02:00–03:00 (America/Los_Angeles)\nWhere: Sesame St';
  assert.equal(
    codeEmail!.body,
    `Hi Marty McFly,\n\nEnter this code to finish your booking.${customerLines}\nVerification code: ${code}`,
  );
  engine.verify(booking.id, code, customerOf(booking.customer_token!));

  const before = engine.outbox().length;
  clock.set(SLOT - HOUR);
  engine.settle();
  assert.deepEqual(emailsSince(engine, before), [
    {
      to: MARTY.email,
      subject: 'Reminder: Mens haircut',
      body: `Hi Marty McFly,\n\nA reminder of your upcoming booking.${customerLines}`,
    },
  ]);
});

test('an SMS reminder without a manage link ends with the time', () => {
  // No manage_url: nothing may follow the zone (not even a space).
  const { engine, clock } = makeEngine();
  engine.updateProjectSettings('proj', { reminders: ['1 hour'], sms: true }, OWNER);
  engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  clock.set(SLOT - HOUR);
  engine.settle();
  const sms = engine.outbox().filter((entry) => entry.kind === 'sms');
  assert.deepEqual(
    sms.map(({ to, body }) => ({ to, body })),
    [
      {
        to: MARTY.phone,
        body: 'Reminder: Mens haircut Tuesday, 24 November 2026, 02:00–03:00 (America/Los_Angeles)',
      },
    ],
  );
});

test('the calendar UID walks back at most 1000 moves', () => {
  // The walk back to the first booking is capped (against a cycle of moves): after 1001 moves the
  // invitation names the booking of the first move, with SEQUENCE 1000, not the original.
  const { engine } = makeEngine();
  let id = engine.createBooking(oneToOne('instant', SLOT), PUBLIC).id;
  const moves: string[] = [];
  for (let move = 1; move <= 1001; move += 1) {
    const start = SLOT + (move % 2) * HOUR;
    const body = { start: iso(start), end: iso(start + HOUR) };
    id = engine.reschedule(id, body, OWNER).related!.rescheduled_to!;
    moves.push(id);
  }
  const last = engine.outbox().filter((entry) => entry.booking_id === moves.at(-2));
  const file = last.find((entry) => entry.to === MARTY.email)!.attachments![0]!.content;
  assert.match(file, new RegExp(`\\r\\nUID:${moves[0]}@slotkit\\r\\n`));
  assert.match(file, /\r\nSEQUENCE:1000\r\n/);
});
