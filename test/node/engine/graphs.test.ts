import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  MARTY,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  snapshotJson,
  testProject,
  rejects,
} from './helpers.ts';

const TOMORROW_10 = T0 + DAY + 2 * HOUR; // Tuesday 10:00 UTC, inside 09:00-17:00

test('instant: a public booking is confirmed at once and takes the time', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  assert.equal(booking.state, 'confirmed');
  assert.deepEqual(
    booking
      .logs!.filter((entry) => entry.description.startsWith('Changed state'))
      .map((entry) => entry.state),
    [
      'created',
      'customer_data_saved',
      'booking_data_saved',
      'event_created',
      'notified_customer_by_email',
      'notified_owner_by_email',
      'confirmed',
    ],
  );
  rejects(
    () => engine.createBooking(oneToOne('instant', TOMORROW_10 + 30 * MINUTE), PUBLIC),
    'slot_unavailable',
    /already booked/,
  );
});

test('instant: cancel, cancel_by_customer and complete reach their final states', () => {
  const { engine } = makeEngine();
  const cases: Array<[string, string]> = [
    ['cancel', 'cancelled'],
    ['cancel_by_customer', 'cancelled_by_customer'],
    ['complete', 'completed'],
  ];
  cases.forEach(([action, state], index) => {
    const booking = engine.createBooking(
      oneToOne('instant', TOMORROW_10 + index * 2 * HOUR),
      PUBLIC,
    );
    const after = engine.performAction(booking.id, action, {}, OWNER);
    assert.equal(after.state, state);
    assert.equal(after.completed, true);
    assert.deepEqual(after.possible_actions, []);
  });
});

test('cancelling frees the time for someone else', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  engine.performAction(
    booking.id,
    'cancel_by_customer',
    { cancel_by_customer: { message: 'Double booked' } },
    {
      role: 'public',
      projectId: 'proj',
      customerToken: booking.customer_token!,
    },
  );
  assert.equal(engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC).state, 'confirmed');
  assert.match(
    engine.outbox().find((email) => email.subject.startsWith('Booking cancelled by the customer'))!
      .body,
    /Double booked/,
  );
});

test('the customer token unlocks only its own booking, and only customer actions', () => {
  const { engine } = makeEngine();
  const mine = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const theirs = engine.createBooking(oneToOne('instant', TOMORROW_10 + 2 * HOUR), PUBLIC);
  const me = { role: 'public', projectId: 'proj', customerToken: mine.customer_token! } as const;
  assert.equal(engine.getBooking(mine.id, me).id, mine.id);
  rejects(() => engine.getBooking(theirs.id, me), 'forbidden');
  rejects(() => engine.getBooking(mine.id, PUBLIC), 'forbidden');
  rejects(() => engine.performAction(mine.id, 'cancel', {}, me), 'forbidden', /owner/);
});

test('reschedule_by_customer moves the booking to a new linked booking', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const me = { role: 'public', projectId: 'proj', customerToken: booking.customer_token! } as const;
  const moved = engine.reschedule(
    booking.id,
    {
      start: new Date(TOMORROW_10 + 30 * MINUTE).toISOString(),
      end: new Date(TOMORROW_10 + 90 * MINUTE).toISOString(),
    },
    me,
  );
  assert.equal(moved.state, 'rescheduled_by_customer');
  const newId = moved.related.rescheduled_to!;
  const fresh = engine.getBooking(newId, me, ['related_bookings']);
  assert.equal(fresh.state, 'confirmed');
  assert.equal(fresh.related.rescheduled_from, booking.id);
  assert.equal(fresh.attributes.event_info?.start, '2026-11-24T10:30:00+00:00');
  // The old time is free again, the new one taken.
  assert.equal(
    engine.createBooking(oneToOne('instant', TOMORROW_10 - HOUR), PUBLIC).state,
    'confirmed',
  );
  rejects(
    () => engine.createBooking(oneToOne('instant', TOMORROW_10 + HOUR), PUBLIC),
    'slot_unavailable',
  );
});

test('an action not possible in the current state is invalid_action naming the allowed ones, and changes nothing', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('confirm_decline', TOMORROW_10), PUBLIC);
  const before = snapshotJson(engine);
  rejects(
    () => engine.performAction(booking.id, 'complete', {}, OWNER),
    'invalid_action',
    /Possible actions: decline, confirm, cancel_by_customer/,
  );
  rejects(() => engine.performAction(booking.id, 'fly', {}, OWNER), 'invalid_action');
  rejects(
    () => engine.performAction(booking.id, 'expire_verification', {}, OWNER),
    'invalid_action',
  );
  engine.performAction(booking.id, 'decline', {}, OWNER);
  rejects(() => engine.performAction(booking.id, 'confirm', {}, OWNER), 'invalid_action', /final/);
  assert.notEqual(snapshotJson(engine), before);
});

test('bad create input is a validation error with per-field details, and changes nothing', () => {
  const { engine } = makeEngine();
  const before = snapshotJson(engine);
  const cases: Array<[unknown, string, string]> = [
    [{ ...oneToOne('instant', TOMORROW_10), graph: 'nope' }, 'validation_failed', 'graph'],
    [
      { ...oneToOne('instant', TOMORROW_10), customer: { name: 'Marty' } },
      'validation_failed',
      'customer.email',
    ],
    [
      { ...oneToOne('instant', TOMORROW_10), customer: { ...MARTY, email: 'not-an-email' } },
      'validation_failed',
      'customer.email',
    ],
    [
      { ...oneToOne('instant', TOMORROW_10), customer: { ...MARTY, timezone: 'Mars/Olympus' } },
      'validation_failed',
      'customer.timezone',
    ],
    [
      {
        ...oneToOne('instant', TOMORROW_10),
        event: {
          start: 'yesterday',
          end: '2026-11-24T11:00:00Z',
          what: 'x',
          resource_id: 'res_doc',
        },
      },
      'validation_failed',
      'event.start',
    ],
    [
      {
        ...oneToOne('instant', TOMORROW_10),
        event: {
          start: '2026-11-24T11:00:00Z',
          end: '2026-11-24T10:00:00Z',
          what: 'x',
          resource_id: 'res_doc',
        },
      },
      'validation_failed',
      'event.end',
    ],
    [
      {
        ...oneToOne('instant', TOMORROW_10),
        event: {
          start: '2026-02-30T11:00:00Z',
          end: '2026-03-01T10:00:00Z',
          what: 'x',
          resource_id: 'res_doc',
        },
      },
      'validation_failed',
      'event.start',
    ],
    [
      { ...oneToOne('instant', TOMORROW_10), customer: { ...MARTY, name: 'x'.repeat(201) } },
      'validation_failed',
      'customer.name',
    ],
    [{ ...oneToOne('instant', TOMORROW_10), surprise: true }, 'validation_failed', 'surprise'],
    [{ ...oneToOne('instant', TOMORROW_10), action: 'confirm' }, 'invalid_action', ''],
    // A widget key may not set the owner's fields (issue 10): refused, naming the field.
    [
      { ...oneToOne('instant', TOMORROW_10), ignore_capacity: true },
      'field_not_allowed',
      'ignore_capacity',
    ],
    [
      { graph: 'group_owner', settings: { max_seats: 5 }, event: oneToOne('x', TOMORROW_10).event },
      'forbidden',
      '',
    ],
    ['not an object', 'validation_failed', 'body'],
  ];
  for (const [body, code, path] of cases) {
    assert.throws(
      () => engine.createBooking(body, PUBLIC),
      (error: unknown) => {
        assert.ok(error instanceof EngineError, 'error instanceof EngineError');
        assert.equal(error.code, code, `${JSON.stringify(body).slice(0, 120)} -> ${error.message}`);
        if (path)
          assert.ok(
            error.details?.some((detail) => detail.path === path),
            `${path} in ${JSON.stringify(error.details)}`,
          );
        return true;
      },
    );
  }
  assert.equal(snapshotJson(engine), before);
});

test('public bookings must fit opening hours, be in the future and within the horizon; the owner may double-book on purpose', () => {
  const { engine } = makeEngine();
  rejects(
    () => engine.createBooking(oneToOne('instant', T0 + DAY + 8 * HOUR + 30 * MINUTE), PUBLIC),
    'slot_unavailable',
    /opening hours/,
  );
  rejects(
    () => engine.createBooking(oneToOne('instant', T0 - DAY + 2 * HOUR), PUBLIC),
    'slot_unavailable',
    /past/,
  );
  rejects(
    () => engine.createBooking(oneToOne('instant', T0 + 200 * DAY + 2 * HOUR), PUBLIC),
    'slot_unavailable',
    /too far ahead/,
  );
  engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  rejects(() => engine.createBooking(oneToOne('instant', TOMORROW_10), OWNER), 'slot_unavailable');
  const forced = engine.createBooking(
    oneToOne('instant', TOMORROW_10, 60, { ignore_capacity: true }),
    OWNER,
  );
  assert.equal(forced.state, 'confirmed');
});

test('instant_payment: tentative holds the slot, pay confirms it', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant_payment', TOMORROW_10), PUBLIC);
  assert.equal(booking.state, 'tentative');
  // `release` lets the widget's "Back" free the time before the window ends.
  assert.deepEqual(booking.possible_actions, ['pay', 'release']);
  assert.equal(booking.expires_at, '2026-11-23T08:05:00+00:00');
  rejects(() => engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC), 'slot_unavailable');
  const paid = engine.performAction(
    booking.id,
    'pay',
    { pay: { reference: 'test_123' } },
    { role: 'public', projectId: 'proj', customerToken: booking.customer_token! },
  );
  assert.equal(paid.state, 'paid');
  assert.equal(paid.paid_at, '2026-11-23T08:00:00+00:00');
  assert.equal(paid.expires_at, undefined);
  assert.deepEqual(paid.possible_actions, ['cancel', 'complete']);
});

test('instant_payment: the timeout after the payment window makes it unpaid and frees the slot, logged at the deadline', () => {
  const { engine, clock } = makeEngine({
    projects: [testProject({ booking_settings: { payment_window: '15 minutes' } })],
  });
  const booking = engine.createBooking(oneToOne('instant_payment', TOMORROW_10), PUBLIC);
  clock.advance(14 * MINUTE);
  assert.equal(engine.getBooking(booking.id, OWNER).state, 'tentative');
  clock.advance(3 * HOUR); // nobody looked when the window closed
  const unpaid = engine.getBooking(booking.id, OWNER, ['logs']);
  assert.equal(unpaid.state, 'unpaid');
  assert.equal(unpaid.completed, true);
  assert.equal(
    unpaid.logs!.find((entry) => entry.description === 'Payment window expired')!.created_at,
    '2026-11-23T08:15:00+00:00',
  );
  assert.equal(engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC).state, 'confirmed');
  rejects(() => engine.performAction(booking.id, 'pay', {}, OWNER), 'invalid_action');
});

test('statuses are set by the owner only, independent of the state', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const checkedIn = engine.setStatus(booking.id, 'checked_in', OWNER);
  assert.equal(checkedIn.status, 'checked_in');
  assert.equal(checkedIn.state, 'confirmed');
  assert.equal(checkedIn.logs!.at(-1)!.description, 'Changed status to: checked_in');
  rejects(
    () => engine.setStatus(booking.id, 'asleep', OWNER),
    'validation_failed',
    /checked_in, in_progress, completed, no_show/,
  );
  rejects(() => engine.setStatus(booking.id, 'no_show', PUBLIC), 'forbidden');
  engine.performAction(booking.id, 'cancel', {}, OWNER);
  rejects(() => engine.setStatus(booking.id, 'completed', OWNER), 'invalid_action');
});

test('email verification holds the time until the code is entered, then continues the graph', () => {
  // Verification is the project's setting: a widget key may not switch it (issue 10).
  const { engine } = makeEngine({
    projects: [testProject({ booking_settings: { verification: 'email' } })],
  });
  const booking = engine.createBooking(oneToOne('confirm_decline', TOMORROW_10), PUBLIC);
  assert.equal(booking.state, 'awaiting_verification');
  // Seed 004 (issue 14): either side may also cancel a booking awaiting verification.
  assert.deepEqual(booking.possible_actions, ['verify', 'cancel', 'cancel_by_customer']);
  const codeEmail = engine.outbox().at(-1)!;
  assert.equal(codeEmail.to, MARTY.email);
  const code = /Verification code: (\d{6})/.exec(codeEmail.body)![1]!;
  rejects(() => engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC), 'slot_unavailable');
  const me = { role: 'public', projectId: 'proj', customerToken: booking.customer_token! } as const;
  rejects(
    () => engine.verify(booking.id, '000000' === code ? '111111' : '000000', me),
    'validation_failed',
    /does not match/,
  );
  const verified = engine.verify(booking.id, code, me);
  assert.equal(verified.state, 'tentative');
  const states = verified
    .logs!.filter((entry) => entry.description.startsWith('Changed state'))
    .map((entry) => entry.state);
  assert.deepEqual(states.slice(3), [
    'awaiting_verification',
    'verified',
    'notified_owner_by_action_email',
    'tentative',
  ]);
});

test('an unverified booking expires and frees its time', () => {
  const { engine, clock } = makeEngine({
    projects: [
      testProject({
        booking_settings: { verification: 'email', verification_window: '30 minutes' },
      }),
    ],
  });
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  clock.advance(31 * MINUTE);
  assert.equal(engine.getBooking(booking.id, OWNER).state, 'verification_expired');
  // The time is free again: the next visitor gets it (and is asked for a code in turn).
  assert.equal(
    engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC).state,
    'awaiting_verification',
  );
});

test('webhooks fire on each resting state of a project that has them, and can be switched off', () => {
  const { engine } = makeEngine({
    projects: [testProject({ webhooks: ['https://hooks.example.test/a'] })],
  });
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const hooks = engine.outbox().filter((entry) => entry.kind === 'webhook');
  assert.equal(hooks.length, 1);
  assert.equal(hooks[0]!.subject, 'booking.confirmed');
  assert.equal(JSON.parse(hooks[0]!.body).data.booking.id, booking.id);
  engine.performAction(booking.id, 'cancel', { trigger_webhook: { enabled: false } }, OWNER);
  assert.equal(engine.outbox().filter((entry) => entry.kind === 'webhook').length, 1);
});

test('graphs are served as data', () => {
  const { engine } = makeEngine();
  const names = engine.listGraphs().map((graph) => graph.name);
  assert.deepEqual(names, [
    'instant',
    'confirm_decline',
    'instant_payment',
    'group_owner',
    'group_customer',
    'group_customer_payment',
  ]);
  const graph = engine.getGraph('confirm_decline');
  assert.deepEqual(graph.actions.decline!.from, ['tentative']);
  assert.equal(JSON.parse(JSON.stringify(graph)).states.declined.final, true);
  rejects(() => engine.getGraph('nope'), 'not_found');
});
