import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, BookingEngine, ManualClock } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  openClass,
  signUp,
  testProject,
  customerOf,
  SLOT,
} from './helpers.ts';

/**
 * Every audit-log line of every graph action, word for word: the owner's dashboard shows these,
 * and seed 000 (the walk-through of a declined confirm_decline booking) fixes their wording.
 * "Changed state to: ..." lines are left out (graphs.test.ts pins the state sequences); every
 * other line the action writes is listed here, in order.
 */

const CLASS_START = T0 + 3 * DAY + 2 * HOUR;
const OWNER_MAIL = 'doc@hillvalley.test';
const MARTY_MAIL = 'marty@hillvalley.test';

/** The lines (other than state changes) that `work` adds to booking `id`'s log. */
function linesAdded(engine: BookingEngine, id: string, work: () => void): string[] {
  const before = engine.getBooking(id, OWNER, ['logs']).logs!.length;
  work();
  return engine
    .getBooking(id, OWNER, ['logs'])
    .logs!.slice(before)
    .map((entry) => entry.description)
    .filter((line) => !line.startsWith('Changed state to: '));
}

function created(engine: BookingEngine, body: Record<string, unknown>, actor: Actor = PUBLIC) {
  const booking = engine.createBooking(body, actor);
  return { id: booking.id, me: customerOf(booking.customer_token!), logs: booking.logs! };
}
const createdLines = (logs: Array<{ description: string }>) =>
  logs.map((entry) => entry.description).filter((line) => !line.startsWith('Changed state to: '));

// Verification is the project's setting: a widget key may not ask for it on a booking.
const verifyingEngine = () =>
  makeEngine({ projects: [testProject({ booking_settings: { verification: 'email' } })] });
const verificationCode = (engine: BookingEngine, id: string) =>
  /Verification code: (\d{6})/.exec(
    engine
      .outbox()
      .filter((mail) => mail.booking_id === id)
      .at(-1)!.body,
  )![1];
const advance = (engine: BookingEngine, ms: number) => (engine.clock as ManualClock).advance(ms);

/** What each case logs today, checked against seed 000 where the seed has the line. */
const EXPECTED: Record<string, string[]> = {
  'instant create': [
    'Updated booking object with success',
    'Created event in calendar: My calendar',
    `Trying to send (booking confirmation) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
    `Trying to send (new booking) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'instant create with verification': [
    'Updated booking object with success',
    `Trying to send (verification code) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
  ],
  'instant verify': [
    'Verification code accepted',
    'Created event in calendar: My calendar',
    `Trying to send (booking confirmation) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
    `Trying to send (new booking) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'instant expire_verification': ['Verification code expired'],
  'instant cancel (with a message)': [
    `Booking was cancelled by: ${OWNER_MAIL}`,
    'Removed event from calendar',
    `Trying to send (cancelled notification) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
  ],
  'instant cancel_by_customer': [
    `Booking was cancelled by customer: ${MARTY_MAIL}`,
    `Trying to send (cancelled by customer notification) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'instant reschedule_by_customer': [
    'Rescheduled to booking id_5',
    'Removed event from calendar',
    `Trying to send (rescheduled notification) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'instant complete': ['Booking was completed'],
  'instant: an optional step switched off': [
    `Booking was cancelled by: ${OWNER_MAIL}`,
    'Removed event from calendar',
    'Skipped notify_customer_cancelled_by_email: disabled in the request',
  ],
  'status set by the owner': ['Changed status to: no_show'],
  'confirm_decline create': [
    'Updated booking object with success',
    `Trying to send (confirm/decline) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'confirm_decline confirm': [
    `Booking was confirmed by: ${OWNER_MAIL}`,
    'Created event in calendar: My calendar',
    `Trying to send (confirmed notification) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
  ],
  'confirm_decline decline': [
    `Booking was rejected by: ${OWNER_MAIL}`,
    `Trying to send (declined notification) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
  ],
  'confirm_decline cancel_by_customer': [
    `Booking was cancelled by customer: ${MARTY_MAIL}`,
    `Trying to send (cancelled by customer notification) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'confirm_decline cancel after confirm': [
    `Booking was cancelled by: ${OWNER_MAIL}`,
    'Removed event from calendar',
    `Trying to send (cancelled notification) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
  ],
  'instant_payment create': [
    'Updated booking object with success',
    `Trying to send (payment request) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
  ],
  'instant_payment pay': [
    'Payment registered',
    'Created event in calendar: My calendar',
    `Trying to send (booking confirmation) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
    `Trying to send (payment receipt) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
  ],
  'instant_payment timeout': [
    'Payment window expired',
    `Trying to send (payment expired) email to customer (${MARTY_MAIL})...`,
    `Email sent to ${MARTY_MAIL}!`,
  ],
  'group_owner create': [
    'Updated booking object with success',
    'Created event in calendar: My calendar',
  ],
  'group_owner cancel with 0 seat bookings': [
    `Class was cancelled by: ${OWNER_MAIL}`,
    'Cancelled 0 seat bookings',
    'Removed event from calendar',
  ],
  'group_owner cancel with 1 seat bookings': [
    `Class was cancelled by: ${OWNER_MAIL}`,
    'Cancelled 1 seat booking',
    'Removed event from calendar',
  ],
  'group_owner cancel with 2 seat bookings': [
    `Class was cancelled by: ${OWNER_MAIL}`,
    'Cancelled 2 seat bookings',
    'Removed event from calendar',
  ],
  'group_owner complete': ['Booking was completed'],
  'group_customer create': [
    'Updated booking object with success',
    'Trying to send (booking confirmation) email to customer (customer0@example.test)...',
    'Email sent to customer0@example.test!',
    `Trying to send (new booking) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'group_customer cancel_by_owner': [
    `Seat booking was cancelled by: ${OWNER_MAIL}`,
    'Trying to send (cancelled by owner notification) email to customer (customer0@example.test)...',
    'Email sent to customer0@example.test!',
  ],
  'group_customer cancel_by_customer': [
    'Booking was cancelled by customer: customer0@example.test',
    `Trying to send (cancelled by customer notification) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'group_customer complete': ['Booking was completed'],
  'group_customer_payment create': [
    'Updated booking object with success',
    'Trying to send (payment request) email to customer (customer0@example.test)...',
    'Email sent to customer0@example.test!',
  ],
  'group_customer_payment cancel_by_owner': [
    `Seat booking was cancelled by: ${OWNER_MAIL}`,
    'Trying to send (cancelled by owner notification) email to customer (customer0@example.test)...',
    'Email sent to customer0@example.test!',
  ],
  'group_customer_payment cancel_by_customer': [
    'Booking was cancelled by customer: customer0@example.test',
    `Trying to send (cancelled by customer notification) email to owner (${OWNER_MAIL})...`,
    `Email sent to ${OWNER_MAIL}!`,
  ],
  'group_customer_payment complete': ['Booking was completed'],
  'group_customer_payment pay': [
    'Payment registered',
    'Trying to send (booking confirmation) email to customer (customer0@example.test)...',
    'Email sent to customer0@example.test!',
    'Trying to send (payment receipt) email to customer (customer0@example.test)...',
    'Email sent to customer0@example.test!',
  ],
  'group_customer_payment timeout': [
    'Payment window expired',
    'Trying to send (payment expired) email to customer (customer0@example.test)...',
    'Email sent to customer0@example.test!',
  ],
};

/** Each case runs one action and returns the lines it logged. */
const CASES: Array<[string, () => string[]]> = [
  [
    'instant create',
    () => createdLines(created(makeEngine().engine, oneToOne('instant', SLOT)).logs),
  ],
  [
    'instant create with verification',
    () => createdLines(created(verifyingEngine().engine, oneToOne('instant', SLOT)).logs),
  ],
  [
    'instant verify',
    () => {
      const { engine } = verifyingEngine();
      const { id, me } = created(engine, oneToOne('instant', SLOT));
      return linesAdded(engine, id, () => engine.verify(id, verificationCode(engine, id), me));
    },
  ],
  [
    'instant expire_verification',
    () => {
      const { engine } = verifyingEngine();
      const { id } = created(engine, oneToOne('instant', SLOT));
      return linesAdded(engine, id, () => advance(engine, 15 * MINUTE));
    },
  ],
  [
    'instant cancel (with a message)',
    () => {
      const { engine } = makeEngine();
      const { id } = created(engine, oneToOne('instant', SLOT));
      return linesAdded(engine, id, () =>
        engine.performAction(id, 'cancel', { cancel: { message: 'Sick' } }, OWNER),
      );
    },
  ],
  [
    'instant cancel_by_customer',
    () => {
      const { engine } = makeEngine();
      const { id, me } = created(engine, oneToOne('instant', SLOT));
      return linesAdded(engine, id, () => engine.performAction(id, 'cancel_by_customer', {}, me));
    },
  ],
  [
    'instant reschedule_by_customer',
    () => {
      const { engine } = makeEngine();
      const { id, me } = created(engine, oneToOne('instant', SLOT));
      const to = {
        start: new Date(SLOT + HOUR).toISOString(),
        end: new Date(SLOT + 2 * HOUR).toISOString(),
      };
      return linesAdded(engine, id, () => engine.reschedule(id, to, me));
    },
  ],
  [
    'instant complete',
    () => {
      const { engine } = makeEngine();
      const { id } = created(engine, oneToOne('instant', SLOT));
      return linesAdded(engine, id, () => engine.performAction(id, 'complete', {}, OWNER));
    },
  ],
  [
    'instant: an optional step switched off',
    () => {
      const { engine } = makeEngine();
      const { id } = created(engine, oneToOne('instant', SLOT));
      return linesAdded(engine, id, () =>
        engine.performAction(
          id,
          'cancel',
          { notify_customer_cancelled_by_email: { enabled: false } },
          OWNER,
        ),
      );
    },
  ],
  [
    'status set by the owner',
    () => {
      const { engine } = makeEngine();
      const { id } = created(engine, oneToOne('instant', SLOT));
      return linesAdded(engine, id, () => engine.setStatus(id, 'no_show', OWNER));
    },
  ],
  [
    'confirm_decline create',
    () => createdLines(created(makeEngine().engine, oneToOne('confirm_decline', SLOT)).logs),
  ],
  ...(['confirm', 'decline', 'cancel_by_customer'] as const).map(
    (action): [string, () => string[]] => [
      `confirm_decline ${action}`,
      () => {
        const { engine } = makeEngine();
        const { id, me } = created(engine, oneToOne('confirm_decline', SLOT));
        const actor = action === 'cancel_by_customer' ? me : OWNER;
        return linesAdded(engine, id, () => engine.performAction(id, action, {}, actor));
      },
    ],
  ),
  [
    'confirm_decline cancel after confirm',
    () => {
      const { engine } = makeEngine();
      const { id } = created(engine, oneToOne('confirm_decline', SLOT));
      engine.performAction(id, 'confirm', {}, OWNER);
      return linesAdded(engine, id, () => engine.performAction(id, 'cancel', {}, OWNER));
    },
  ],
  [
    'instant_payment create',
    () => createdLines(created(makeEngine().engine, oneToOne('instant_payment', SLOT)).logs),
  ],
  [
    'instant_payment pay',
    () => {
      const { engine } = makeEngine();
      const { id, me } = created(engine, oneToOne('instant_payment', SLOT));
      return linesAdded(engine, id, () =>
        engine.performAction(id, 'pay', { pay: { amount: 25 } }, me),
      );
    },
  ],
  [
    'instant_payment timeout',
    () => {
      const { engine } = makeEngine();
      const { id } = created(engine, oneToOne('instant_payment', SLOT));
      return linesAdded(engine, id, () => advance(engine, 5 * MINUTE));
    },
  ],
  ['group_owner create', () => createdLines(openClass(makeEngine().engine, CLASS_START).logs!)],
  ...([0, 1, 2] as const).map((seats): [string, () => string[]] => [
    `group_owner cancel with ${seats} seat bookings`,
    () => {
      const { engine } = makeEngine();
      const klass = openClass(engine, CLASS_START).id;
      for (let n = 0; n < seats; n += 1) signUp(engine, klass, 1, PUBLIC, 'group_customer', n);
      return linesAdded(engine, klass, () => engine.performAction(klass, 'cancel', {}, OWNER));
    },
  ]),
  [
    'group_owner complete',
    () => {
      const { engine } = makeEngine();
      const klass = openClass(engine, CLASS_START).id;
      return linesAdded(engine, klass, () => engine.performAction(klass, 'complete', {}, OWNER));
    },
  ],
  ...(['group_customer', 'group_customer_payment'] as const).flatMap(
    (graph): Array<[string, () => string[]]> => [
      [
        `${graph} create`,
        () => {
          const { engine } = makeEngine();
          return createdLines(
            signUp(engine, openClass(engine, CLASS_START).id, 2, PUBLIC, graph).logs!,
          );
        },
      ],
      [
        `${graph} cancel_by_owner`,
        () => {
          const { engine } = makeEngine();
          const { id } = signUp(engine, openClass(engine, CLASS_START).id, 2, PUBLIC, graph);
          return linesAdded(engine, id, () =>
            engine.performAction(id, 'cancel_by_owner', {}, OWNER),
          );
        },
      ],
      [
        `${graph} cancel_by_customer`,
        () => {
          const { engine } = makeEngine();
          const seat = signUp(engine, openClass(engine, CLASS_START).id, 2, PUBLIC, graph);
          const me = customerOf(seat.customer_token!);
          if (graph === 'group_customer_payment') engine.performAction(seat.id, 'pay', {}, me);
          return linesAdded(engine, seat.id, () =>
            engine.performAction(seat.id, 'cancel_by_customer', {}, me),
          );
        },
      ],
      [
        `${graph} complete`,
        () => {
          const { engine } = makeEngine();
          const seat = signUp(engine, openClass(engine, CLASS_START).id, 2, PUBLIC, graph);
          if (graph === 'group_customer_payment')
            engine.performAction(seat.id, 'pay', {}, customerOf(seat.customer_token!));
          return linesAdded(engine, seat.id, () =>
            engine.performAction(seat.id, 'complete', {}, OWNER),
          );
        },
      ],
    ],
  ),
  [
    'group_customer_payment pay',
    () => {
      const { engine } = makeEngine();
      const seat = signUp(
        engine,
        openClass(engine, CLASS_START).id,
        2,
        PUBLIC,
        'group_customer_payment',
      );
      return linesAdded(engine, seat.id, () =>
        engine.performAction(seat.id, 'pay', {}, customerOf(seat.customer_token!)),
      );
    },
  ],
  [
    'group_customer_payment timeout',
    () => {
      const { engine } = makeEngine();
      const seat = signUp(
        engine,
        openClass(engine, CLASS_START).id,
        2,
        PUBLIC,
        'group_customer_payment',
      );
      return linesAdded(engine, seat.id, () => advance(engine, 5 * MINUTE));
    },
  ],
];

test('audit log: every case has its expected lines and no expected lines lack a case', () => {
  assert.deepEqual(CASES.map(([name]) => name).sort(), Object.keys(EXPECTED).sort());
});

for (const [name, run] of CASES) {
  test(`audit log: ${name}`, () => {
    assert.deepEqual(run(), EXPECTED[name]);
  });
}
