import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeEngine, OWNER, OWNER_EMAIL, MARTY } from './helpers.ts';

// Seed 000's request, sent as the seed sends it (its 2015 date is in the past: the owner may).
const seedRequest = {
  graph: 'confirm_decline',
  action: 'create',
  event: {
    start: '2015-03-01T08:00:00+00:00',
    end: '2015-03-01T13:00:00+00:00',
    what: 'Mens haircut',
    where: 'Sesame St, Middleburg, FL 32068, USA',
    calendar_id: 'cal_doc',
    description: 'Please arrive 10 minutes before you time begin',
  },
  customer: MARTY,
};

test('seed 000: create then decline gives the seed\u2019s states and log descriptions', () => {
  const { engine } = makeEngine();
  const created = engine.createBooking(seedRequest, OWNER);
  assert.equal(created.state, 'tentative');
  assert.equal(created.completed, false);
  assert.deepEqual(created.possible_actions, ['decline', 'confirm', 'cancel_by_customer']);
  assert.deepEqual(created.attributes.event_info, {
    start: '2015-03-01T08:00:00+00:00',
    end: '2015-03-01T13:00:00+00:00',
    what: 'Mens haircut',
    where: 'Sesame St, Middleburg, FL 32068, USA',
    description: 'Please arrive 10 minutes before you time begin',
    calendar_id: 'cal_doc',
  });
  assert.equal(created.calendar?.name, 'My calendar');
  assert.deepEqual(
    created.customers.map(({ id: _id, ...customer }) => customer),
    [MARTY],
  );
  assert.ok(created.customer_token, 'the creator gets its customer token once');

  const declined = engine.performAction(
    created.id,
    'decline',
    { notify_customer_declined_by_email: { message: "Sorry, I'm not available at that location" } },
    OWNER,
  );
  assert.equal(declined.state, 'declined');
  assert.equal(declined.completed, true);
  assert.deepEqual(declined.possible_actions, []);

  const logs = engine.getBooking(created.id, OWNER, ['logs']).logs!;
  assert.deepEqual(
    logs.map((entry) => [entry.description, entry.state]),
    [
      ['Changed state to: created', 'created'],
      ['Changed state to: customer_data_saved', 'customer_data_saved'],
      ['Updated booking object with success', 'customer_data_saved'],
      ['Changed state to: booking_data_saved', 'booking_data_saved'],
      [`Trying to send (confirm/decline) email to owner (${OWNER_EMAIL})...`, 'booking_data_saved'],
      [`Email sent to ${OWNER_EMAIL}!`, 'booking_data_saved'],
      ['Changed state to: notified_owner_by_action_email', 'notified_owner_by_action_email'],
      ['Changed state to: tentative', 'tentative'],
      [`Booking was rejected by: ${OWNER_EMAIL}`, 'tentative'],
      ['Changed state to: declining', 'declining'],
      [`Trying to send (declined notification) email to customer (${MARTY.email})...`, 'declining'],
      [`Email sent to ${MARTY.email}!`, 'declining'],
      [
        'Changed state to: notified_customer_declined_by_email',
        'notified_customer_declined_by_email',
      ],
      ['Changed state to: declined', 'declined'],
    ],
  );
  assert.ok(
    logs.every((entry) => entry.success === 'true'),
    `logs.every((entry) => entry.success === 'true')`,
  );

  // The owner's request, the customer's "request received" copy (issue 13), the decline.
  const emails = engine.outbox();
  assert.deepEqual(
    emails.map((email) => [email.kind, email.to, email.subject]),
    [
      ['email', OWNER_EMAIL, 'Please confirm or decline: Mens haircut'],
      ['email', MARTY.email, 'Request received: Mens haircut'],
      ['email', MARTY.email, 'Booking declined: Mens haircut'],
    ],
  );
  assert.match(emails[2]!.body, /Message: Sorry, I'm not available at that location/);
});

test('seed 000: the action-named input form reaches the email too', () => {
  const { engine } = makeEngine();
  const created = engine.createBooking(seedRequest, OWNER);
  engine.performAction(created.id, 'decline', { decline: { message: 'Booked solid' } }, OWNER);
  assert.match(engine.outbox().at(-1)!.body, /Message: Booked solid/);
});

test('seed 000: a disabled email step is logged as skipped and sends nothing', () => {
  const { engine } = makeEngine();
  const created = engine.createBooking(
    { ...seedRequest, send_confirm_decline_email_to_owner: { enabled: false } },
    OWNER,
  );
  assert.equal(created.state, 'tentative');
  assert.equal(engine.outbox().length, 0);
  const descriptions = created.logs!.map((entry) => entry.description);
  assert.ok(
    descriptions.includes('Skipped send_confirm_decline_email_to_owner: disabled in the request'),
    `descriptions.includes('Skipped send_confirm_decline_email_to_owner: disabled in the request')`,
  );
  assert.ok(
    descriptions.includes('Changed state to: notified_owner_by_action_email'),
    `descriptions.includes('Changed state to: notified_owner_by_action_email')`,
  );
});

test('seed 000: confirming creates the event and tells the customer', () => {
  const { engine } = makeEngine();
  const created = engine.createBooking(seedRequest, OWNER);
  const confirmed = engine.performAction(created.id, 'confirm', {}, OWNER);
  assert.equal(confirmed.state, 'confirmed');
  assert.deepEqual(confirmed.possible_actions, [
    'cancel',
    'cancel_by_customer',
    'reschedule_by_customer',
    'complete',
  ]);
  const tail = confirmed.logs!.slice(8).map((entry) => entry.description);
  assert.deepEqual(tail, [
    `Booking was confirmed by: ${OWNER_EMAIL}`,
    'Changed state to: confirming',
    'Created event in calendar: My calendar',
    'Changed state to: event_created',
    `Trying to send (confirmed notification) email to customer (${MARTY.email})...`,
    `Email sent to ${MARTY.email}!`,
    'Changed state to: notified_customer_confirmed_by_email',
    'Changed state to: confirmed',
  ]);
});
