import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BookingEngine, ManualClock } from '../../../src/engine/index.ts';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import { isSendAlias } from '../../../src/engine/send-aliases.ts';
import {
  DAY,
  HOUR,
  OWNER,
  OWNER_EMAIL,
  PUBLIC,
  T0,
  MARTY,
  makeEngine,
  oneToOne,
  rejects,
  testProject,
  testResource,
} from './helpers.ts';

/**
 * Seed 004's message switches (src/engine/send-aliases.ts, planted by hand, issue #17): which
 * email each `*_send_email` stands for, that `*_send_sms` and the verification and modification
 * switches change nothing, that a step's own toggle wins, and each refusal's words and field.
 * Only the mock's HTTP tests used them before; the engine's tests never sent one.
 */

const START = T0 + DAY + 2 * HOUR;

/** The emails an owner's 1:1 booking sends with `switches`, as [to, subject] pairs. */
function mailsOfCreate(graph: string, switches: Record<string, unknown>) {
  const { engine } = makeEngine();
  engine.createBooking(oneToOne(graph, START, 60, switches), OWNER);
  return engine
    .outbox()
    .filter((entry) => entry.kind === 'email')
    .map((entry) => [entry.to, entry.subject.split(':')[0]]);
}

const OWNER_NEW: [string, string] = [OWNER_EMAIL, 'New booking'];
const CUSTOMER_CONFIRMED: [string, string] = [MARTY.email, 'Booking confirmed'];

test('the names of the switches: six messages, email or sms, nothing before or after', () => {
  for (const kind of [
    'confirmation',
    'notification',
    'decline',
    'cancellation',
    'verification',
    'modification',
  ]) {
    assert.equal(isSendAlias(`${kind}_send_email`), true, `${kind}_send_email`);
    assert.equal(isSendAlias(`${kind}_send_sms`), true, `${kind}_send_sms`);
  }
  assert.equal(isSendAlias('confirmation_send_emails'), false);
  assert.equal(isSendAlias('confirmation_send_email_x'), false);
  assert.equal(isSendAlias('re_confirmation_send_email'), false);
  assert.equal(isSendAlias('confirmation_send_fax'), false);
  assert.equal(isSendAlias('reminder_send_email'), false);
});

test('confirmation_ and notification_send_email switch the customer\u2019s and the owner\u2019s email', () => {
  assert.deepEqual(mailsOfCreate('instant', {}), [CUSTOMER_CONFIRMED, OWNER_NEW]);
  assert.deepEqual(mailsOfCreate('instant', { confirmation_send_email: false }), [OWNER_NEW]);
  assert.deepEqual(mailsOfCreate('instant', { notification_send_email: false }), [
    CUSTOMER_CONFIRMED,
  ]);
  assert.deepEqual(
    mailsOfCreate('instant', { confirmation_send_email: true, notification_send_email: true }),
    [CUSTOMER_CONFIRMED, OWNER_NEW],
  );
  // confirm_decline's owner email is the request to decide, and the notification switch's too.
  assert.deepEqual(
    mailsOfCreate('confirm_decline', { notification_send_email: false }).map(([to]) => to),
    [],
  );
});

test('the sms, verification and modification switches are accepted and change nothing', () => {
  const all = {
    confirmation_send_sms: false,
    notification_send_sms: false,
    decline_send_sms: false,
    cancellation_send_sms: false,
    verification_send_email: false,
    verification_send_sms: false,
    modification_send_email: false,
    modification_send_sms: false,
  };
  assert.deepEqual(mailsOfCreate('instant', all), [CUSTOMER_CONFIRMED, OWNER_NEW]);
  // A switch that changes nothing does not stop the ones after it from being read.
  assert.deepEqual(
    mailsOfCreate('instant', { confirmation_send_sms: true, notification_send_email: false }),
    [CUSTOMER_CONFIRMED],
  );
});

test('a step\u2019s own toggle wins over the switch that stands for it', () => {
  assert.deepEqual(
    mailsOfCreate('instant', {
      send_booking_confirmed_email_to_customer: { enabled: true },
      confirmation_send_email: false,
    }),
    [CUSTOMER_CONFIRMED, OWNER_NEW],
  );
});

test('a payment request is not a confirmation: the switch names an email the action does not send', () => {
  const { engine } = makeEngine();
  const refusal = rejects(
    () =>
      engine.createBooking(
        oneToOne('instant_payment', START, 60, { confirmation_send_email: false }),
        OWNER,
      ),
    'validation_failed',
    /^confirmation_send_email: this action sends no such email$/,
  );
  assert.deepEqual(refusal.details, [
    { path: 'confirmation_send_email', message: 'this action sends no such email' },
  ]);
});

test('the owner\u2019s decisions: confirmation, decline and cancellation switch the customer\u2019s email', () => {
  const { engine } = makeEngine();
  const confirmed = engine.createBooking(oneToOne('confirm_decline', START), OWNER);
  const declined = engine.createBooking(oneToOne('confirm_decline', START + 2 * HOUR), OWNER);
  const instant = engine.createBooking(oneToOne('instant', START + 4 * HOUR), OWNER);
  const before = engine.outbox().length;
  engine.performAction(confirmed.id, 'confirm', { confirmation_send_email: false }, OWNER);
  engine.performAction(declined.id, 'decline', { decline_send_email: false }, OWNER);
  engine.performAction(instant.id, 'cancel', { cancellation_send_email: false }, OWNER);
  assert.deepEqual(
    engine
      .outbox()
      .slice(before)
      .filter((entry) => entry.kind === 'email'),
    [],
  );
  // And each decision sends its email without the switch.
  const again = engine.createBooking(oneToOne('confirm_decline', START + 6 * HOUR), OWNER);
  const at = engine.outbox().length;
  engine.performAction(again.id, 'decline', {}, OWNER);
  assert.deepEqual(
    engine
      .outbox()
      .slice(at)
      .filter((entry) => entry.kind === 'email')
      .map((entry) => [entry.to, entry.subject.split(':')[0]]),
    [[MARTY.email, 'Booking declined']],
  );
});

test('refusals: a widget key names every switch; a switch not true or false; no such email', () => {
  const { engine } = makeEngine();
  const widget = rejects(
    () =>
      engine.createBooking(
        oneToOne('instant', START, 60, {
          confirmation_send_email: false,
          notification_send_sms: false,
        }),
        PUBLIC,
      ),
    'field_not_allowed',
    /^A widget key may not set confirmation_send_email, notification_send_sms: only the owner key switches messages\.$/,
  );
  assert.deepEqual(widget.details, [
    { path: 'confirmation_send_email', message: 'only the owner key may set it' },
    { path: 'notification_send_sms', message: 'only the owner key may set it' },
  ]);
  for (const value of ['no', null, 0]) {
    const wrong = rejects(
      () =>
        engine.createBooking(
          oneToOne('instant', START, 60, { confirmation_send_sms: value }),
          OWNER,
        ),
      'validation_failed',
    );
    assert.deepEqual(wrong.details, [
      { path: 'confirmation_send_sms', message: 'must be true or false' },
    ]);
  }
  const booking = engine.createBooking(oneToOne('instant', START), OWNER);
  // The owner may cancel for the customer: that action emails the owner, not the customer.
  const forCustomer = rejects(
    () =>
      engine.performAction(
        booking.id,
        'cancel_by_customer',
        { cancellation_send_email: false },
        OWNER,
      ),
    'validation_failed',
  );
  assert.deepEqual(forCustomer.details, [
    { path: 'cancellation_send_email', message: 'this action sends no such email' },
  ]);
  const none = rejects(
    () => engine.performAction(booking.id, 'cancel', { decline_send_email: false }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(none.details, [
    { path: 'decline_send_email', message: 'this action sends no such email' },
  ]);
});

test('notification_send_email stands for the new booking\u2019s email only, not the owner\u2019s other emails', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', START), OWNER);
  // Cancelling for the customer emails the owner ("cancelled by customer"): not a notification.
  const refusal = rejects(
    () =>
      engine.performAction(
        booking.id,
        'cancel_by_customer',
        { notification_send_email: false },
        OWNER,
      ),
    'validation_failed',
    /^notification_send_email: this action sends no such email$/,
  );
  assert.deepEqual(refusal.details, [
    { path: 'notification_send_email', message: 'this action sends no such email' },
  ]);
  assert.equal(engine.getBooking(booking.id, OWNER).state, 'confirmed');
});

test('in a graph of one\u2019s own, a switch stands for every customer email of its kind, and only those', () => {
  const email = (name: string, to: 'owner' | 'customer', subject: string) => ({
    name,
    effect: { type: 'email' as const, to, template: 'booking confirmation', subject },
    to: `${name}_done`,
    optional: true,
  });
  const extra = [
    {
      name: 'log_confirmed_declined_cancelled',
      effect: { type: 'log' as const, text: 'Noted' },
      to: 'noted',
      optional: true,
    },
    email('notify_owner_confirmed_declined_cancelled_email', 'owner', 'Owner copy'),
    email('send_second_confirmed_email_to_customer', 'customer', 'Second confirmation'),
    email('send_decline_policy_email_to_customer', 'customer', 'Decline policy'),
    email('send_cancel_policy_email_to_customer', 'customer', 'Cancel policy'),
  ];
  const graphs = builtInGraphs.map((graph) => {
    if (graph.name !== 'instant') return graph;
    const create = graph.actions.create!;
    const steps = [...create.steps.slice(0, -1), ...extra, create.steps.at(-1)!];
    return { ...graph, actions: { ...graph.actions, create: { ...create, steps } } };
  });
  const engine = new BookingEngine({ clock: new ManualClock(T0), graphs });
  engine.addResource(testResource());
  engine.addProject(testProject());
  const booking = engine.createBooking(
    oneToOne('instant', START, 60, { confirmation_send_email: false }),
    OWNER,
  );
  assert.deepEqual(
    engine
      .outbox()
      .filter((entry) => entry.kind === 'email')
      .map((entry) => [entry.to, entry.subject.split(':')[0]]),
    [
      [OWNER_EMAIL, 'New booking'],
      [OWNER_EMAIL, 'Owner copy'],
      [MARTY.email, 'Decline policy'],
      [MARTY.email, 'Cancel policy'],
    ],
  );
  assert.ok(
    engine
      .getBooking(booking.id, OWNER, ['logs'])
      .logs!.some((entry) => entry.description === 'Noted'),
    'the log step is not an email: the switch leaves it on',
  );
  for (const key of ['decline_send_email', 'cancellation_send_email']) {
    const refusal = rejects(
      () =>
        engine.createBooking(oneToOne('instant', START + 2 * HOUR, 60, { [key]: false }), OWNER),
      'validation_failed',
    );
    assert.deepEqual(refusal.details, [{ path: key, message: 'this action sends no such email' }]);
  }
});
