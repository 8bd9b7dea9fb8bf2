import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarView, deadline, holdView, possibleActions } from '../../../src/engine/views.ts';
import type { HoldRecord } from '../../../src/engine/records.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  signUp,
  testProject,
  testResource,
  customerOf,
  SLOT,
} from './helpers.ts';

/**
 * What the wire views show (src/engine/views.ts, planted by hand, issue #17): deadlines to the
 * millisecond, a view's own copies, the event's optional fields, a calendar's own settings, a
 * class's windows, the owner's message, related bookings and a hold's seats.
 */

test('a deadline shows its milliseconds, three digits, also before 1970', () => {
  assert.equal(deadline(Date.parse('2026-11-24T10:00:00Z')), '2026-11-24T10:00:00+00:00');
  assert.equal(deadline(Date.parse('2026-11-24T10:00:00.005Z')), '2026-11-24T10:00:00.005+00:00');
  assert.equal(deadline(Date.parse('2026-11-24T10:00:00.250Z')), '2026-11-24T10:00:00.250+00:00');
  assert.equal(deadline(-1), '1969-12-31T23:59:59.999+00:00');
  assert.equal(deadline(-1000), '1969-12-31T23:59:59+00:00');
});

test('a payment window that ends between seconds shows where it ends', () => {
  const { engine } = makeEngine({
    start: T0 + 250,
    projects: [testProject({ booking_settings: { payment_window: '10 minutes' } })],
  });
  const booking = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
  assert.equal(booking.expires_at, '2026-11-23T08:10:00.250+00:00');
});

test('a summary shows when the booking was made and when it last changed', () => {
  const { engine, clock } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  clock.advance(MINUTE);
  engine.updateBooking(booking.id, { title: 'Trim' }, OWNER);
  const view = engine.getBooking(booking.id, OWNER);
  assert.deepEqual(
    [view.created_at, view.updated_at],
    ['2026-11-23T08:00:00+00:00', '2026-11-23T08:01:00+00:00'],
  );
});

test('a view’s possible actions are its own: changing them changes no other view', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const first = engine.getBooking(booking.id, OWNER);
  first.possible_actions.length = 0;
  assert.deepEqual(engine.getBooking(booking.id, OWNER).possible_actions, [
    'cancel',
    'cancel_by_customer',
    'reschedule_by_customer',
    'complete',
  ]);
});

test('an event shows an empty place and a description as given', () => {
  const { engine } = makeEngine();
  const body = oneToOne('instant', SLOT);
  const booking = engine.createBooking(
    { ...body, event: { ...body.event, where: '', description: 'Bring a towel' } },
    PUBLIC,
  );
  assert.deepEqual(booking.attributes.event_info, {
    start: '2026-11-24T10:00:00+00:00',
    end: '2026-11-24T11:00:00+00:00',
    what: 'Mens haircut',
    where: '',
    description: 'Bring a towel',
    calendar_id: 'cal_doc',
  });
});

test('a calendar’s own name, description and colours are shown, not the defaults', () => {
  const { engine } = makeEngine({
    resources: [
      testResource({
        calendar: {
          id: 'cal_doc',
          name: 'Workshop',
          display_name: 'The workshop',
          description: 'Garage',
          foregroundcolor: '#000000',
          backgroundcolor: '#ffcc00',
        },
      }),
    ],
  });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  assert.deepEqual(booking.calendar, {
    id: 'cal_doc',
    name: 'Workshop',
    display_name: 'The workshop',
    description: 'Garage',
    foregroundcolor: '#000000',
    backgroundcolor: '#ffcc00',
    created_at: '2026-11-23T08:00:00+00:00',
    updated_at: '2026-11-23T08:00:00+00:00',
  });
});

test('a sign-up shows its class’s event, calendar and resource', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT);
  const seat = signUp(engine, yoga.id, 1, OWNER, 'group_customer', 1);
  assert.equal(seat.attributes.event_info!.what, 'Doc Brown\u2019s Friday Yoga Class');
  assert.equal(seat.calendar!.id, 'cal_doc');
  assert.deepEqual(seat.resource, { id: 'res_doc', name: 'Doc Brown', timezone: 'UTC' });
  assert.equal(seat.attributes.group_booking, undefined, 'a seat is no class');
});

test('a class shows when sign-ups open and close, and until when they may cancel', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT, {
    max_seats: 5,
    max_booking_time: '2 days',
    min_booking_time: '1 hour',
    min_cancel_time: '3 hours',
  });
  assert.deepEqual(engine.getGroup(yoga.id).attributes.group_booking, {
    current_seats: 0,
    max_seats: 5,
    seats_left: 5,
    bookable_from: '2026-11-22T10:00:00+00:00',
    bookable_until: '2026-11-24T09:00:00+00:00',
    cancellable_until: '2026-11-24T07:00:00+00:00',
  });
  assert.equal(
    engine.getBooking(yoga.id, OWNER).attributes.group_booking!.bookable_from,
    '2026-11-22T10:00:00+00:00',
  );
  const open = openClass(engine, SLOT + 2 * HOUR, { max_seats: 5 });
  assert.ok(
    !('bookable_from' in engine.getGroup(open.id).attributes.group_booking),
    `!('bookable_from' in engine.getGroup(open.id).attributes.group_booking)`,
  );
});

test('a customer’s multi-choice answer in a view is a copy', () => {
  const { engine } = makeEngine();
  const body = oneToOne('instant', SLOT);
  const booking = engine.createBooking(
    { ...body, customer: { ...body.customer, extras: ['wash', 'beard'] } },
    PUBLIC,
  );
  const view = engine.getBooking(booking.id, OWNER);
  (view.customers[0]!.extras as string[]).push('shave');
  assert.deepEqual(engine.getBooking(booking.id, OWNER).customers[0]!.extras, ['wash', 'beard']);
});

test('a restored log line keeps fields the engine does not write', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const snapshot = engine.snapshot();
  const record = snapshot.bookings.find((candidate) => candidate.id === booking.id)!;
  record.logs = [{ ...record.logs[0]!, source: 'import' } as (typeof record.logs)[number]];
  engine.restore(snapshot);
  const [line] = engine.getBooking(booking.id, OWNER, ['logs']).logs!;
  assert.equal((line as Record<string, unknown>).source, 'import');
  assert.equal(line!.created_at, '2026-11-23T08:00:00+00:00');
});

test('paid_at, reminder_at and custom_data: shown when there is one, custom_data to the owner only', () => {
  const { engine } = makeEngine({
    projects: [testProject({ booking_settings: { payment_window: '10 minutes' } })],
  });
  engine.updateProjectSettings('proj', { reminders: ['1 day', '1 hour'] }, OWNER);
  const booking = engine.createBooking(
    oneToOne('instant_payment', SLOT, 60, { custom_data: { utm_source: 'flyer' } }),
    PUBLIC,
  );
  const me = customerOf(booking.customer_token!);
  engine.performAction(booking.id, 'pay', {}, me);
  const owner = engine.getBooking(booking.id, OWNER);
  assert.equal(owner.paid_at, '2026-11-23T08:00:00+00:00');
  assert.equal(owner.reminder_at, '2026-11-23T10:00:00+00:00');
  assert.deepEqual(owner.custom_data, { utm_source: 'flyer' });
  assert.equal(engine.getBooking(booking.id, me).custom_data, undefined);
  const plain = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  assert.equal(plain.paid_at, undefined);
});

test('related bookings: a moved booking’s old and new one, a sign-up’s class, a class’s sign-ups', () => {
  const { engine } = makeEngine();
  const first = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  engine.reschedule(
    first.id,
    { start: iso(SLOT + DAY), end: iso(SLOT + DAY + HOUR) },
    customerOf(first.customer_token!),
  );
  const moved = engine.getBooking(first.id, OWNER).related.rescheduled_to!;
  const related = (id: string) =>
    engine.getBooking(id, OWNER, ['related_bookings']).related_bookings!.map((other) => other.id);
  assert.deepEqual(related(first.id), [moved]);
  assert.deepEqual(related(moved), [first.id]);
  const yoga = openClass(engine, SLOT + 4 * HOUR);
  const seat = signUp(engine, yoga.id, 1, OWNER, 'group_customer', 1);
  assert.deepEqual(related(seat.id), [yoga.id]);
  assert.deepEqual(related(yoga.id), [seat.id]);
});

test('the owner’s message: from the owner’s ending action only, not blank, not an older one', () => {
  const { engine, clock } = makeEngine();
  const me = (token: string) => customerOf(token);
  const byOwner = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  engine.performAction(byOwner.id, 'cancel', { cancel: { message: 'Flooded' } }, OWNER);
  assert.equal(engine.getBooking(byOwner.id, OWNER).owner_message, 'Flooded');

  const blank = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  engine.performAction(blank.id, 'cancel', { cancel: { message: '  ' } }, OWNER);
  assert.equal(engine.getBooking(blank.id, OWNER).owner_message, undefined);

  const byCustomer = engine.createBooking(oneToOne('instant', SLOT + 4 * HOUR), PUBLIC);
  engine.performAction(
    byCustomer.id,
    'cancel_by_customer',
    { cancel_by_customer: { message: 'Flu' } },
    me(byCustomer.customer_token!),
  );
  assert.equal(engine.getBooking(byCustomer.id, OWNER).owner_message, undefined);

  // The owner confirmed with a message, and later cancelled without one: no message now.
  const request = engine.createBooking(oneToOne('confirm_decline', SLOT + 6 * HOUR), PUBLIC);
  engine.performAction(request.id, 'confirm', { confirm: { message: 'See you' } }, OWNER);
  const confirmLogs = engine.getBooking(request.id, OWNER, ['logs']).logs!;
  assert.ok(
    confirmLogs.some((entry) => entry.data === '{"message":"See you"}'),
    `confirmLogs.some((entry) => entry.data === '{"message":"See you"}')`,
  );
  // Confirmed is no ending: the confirmation's words are no owner message.
  assert.equal(engine.getBooking(request.id, OWNER).owner_message, undefined);
  clock.advance(MINUTE);
  engine.performAction(request.id, 'cancel', {}, OWNER);
  assert.equal(engine.getBooking(request.id, OWNER).owner_message, undefined);
});

test('a hold on a class: seats left when held, room for more, its class, then its booking', () => {
  const { engine, clock } = makeEngine();
  const yoga = openClass(engine, SLOT, { max_seats: 5 });
  const hold = engine.reserve({ related: { owner_booking_id: yoga.id }, seats: 2 }, PUBLIC);
  assert.deepEqual(
    [hold.seats, hold.max_spaces, hold.allow_additional_spaces, hold.group_id, hold.related],
    [2, 5, true, yoga.id, { owner_booking_id: yoga.id }],
  );
  assert.equal(hold.booking_id, undefined);
  const all = engine.reserve({ related: { owner_booking_id: yoga.id }, seats: 3 }, PUBLIC);
  assert.deepEqual([all.max_spaces, all.allow_additional_spaces], [3, false]);
  const seat = engine.createBooking(
    {
      graph: 'group_customer',
      reservation_id: hold.id,
      related: { owner_booking_id: yoga.id, seats: 2 },
      customer: { name: 'Held', email: 'held@hv.test' },
    },
    PUBLIC,
  );
  assert.equal(engine.getHold(hold.id).booking_id, seat.id);
  assert.equal(engine.getHold(hold.id).can_extend, false, 'converted');
  clock.set(Date.parse(all.expires_at) - 1);
  assert.equal(engine.getHold(all.id).can_extend, true);
});

test('a hold on a resource’s slot holds one seat and has no class', () => {
  const { engine } = makeEngine();
  const hold = engine.reserve(
    { resource_id: 'res_doc', start: iso(SLOT), end: iso(SLOT + HOUR) },
    PUBLIC,
  );
  assert.deepEqual(
    [hold.seats, hold.max_spaces, hold.allow_additional_spaces, hold.resource_id],
    [1, 1, false, 'res_doc'],
  );
  assert.ok(
    !('group_id' in hold) && !('related' in hold),
    `!('group_id' in hold) && !('related' in hold)`,
  );
});

// Stryker's survivors in views.ts (#17).
test('a calendar given no colour gets one of six, the same for the same id', () => {
  // Written out, not computed: a changed hash would recolour every owner's calendars.
  const expected = {
    cal_0: '#5f3dc4',
    cal_1: '#0b7285',
    cal_2: '#ea1cb8',
    cal_3: '#1c7ed6',
    cal_4: '#2b8a3e',
    cal_5: '#e8590c',
    cal_doc: '#ea1cb8',
  };
  const colours = Object.fromEntries(
    Object.keys(expected).map((id) => [
      id,
      calendarView(testResource({ calendar: { id, name: 'Mine' } })).backgroundcolor,
    ]),
  );
  assert.deepEqual(colours, expected);
});

test('a view has no key for what the booking lacks, and logs only when asked', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), OWNER);
  const view = engine.getBooking(booking.id, OWNER);
  for (const key of [
    'project_id',
    'collection_id',
    'title',
    'notes',
    'external_id',
    'paid_amount',
    'logs',
  ])
    assert.equal(key in view, false, `no ${key}`);
  assert.equal(engine.getBooking(booking.id, OWNER, ['logs']).logs!.length > 0, true);
  // A cancelled booking restored without its event (only a booking holding time needs one).
  const snapshot = engine.snapshot();
  engine.performAction(booking.id, 'cancel', {}, OWNER);
  const cancelled = engine.snapshot().bookings.find((record) => record.id === booking.id)!;
  delete cancelled.event;
  engine.restore({ ...snapshot, bookings: [cancelled] });
  assert.deepEqual(engine.getBooking(booking.id, OWNER).attributes, {});
});

test('the owner’s message is found when the booking was made long before it ended', () => {
  const { engine, clock } = makeEngine();
  const booking = engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  clock.advance(HOUR);
  engine.performAction(booking.id, 'decline', { decline: { message: 'Fully booked' } }, OWNER);
  assert.equal(engine.getBooking(booking.id, OWNER).owner_message, 'Fully booked');
});

test('a hold whose time is up cannot be extended, even before its timer has run', () => {
  const hold: HoldRecord = {
    id: 'hold_1',
    state: 'reserved',
    resource_id: 'res_doc',
    start: SLOT,
    end: SLOT + HOUR,
    seats: 1,
    created_at: T0,
    expires_at: T0 + 10 * MINUTE,
    span_ms: 10 * MINUTE,
    extended: false,
  };
  assert.equal(holdView(hold, T0 + 10 * MINUTE - 1).can_extend, true);
  assert.equal(holdView(hold, T0 + 10 * MINUTE).can_extend, false);
  assert.equal(holdView(hold, T0 + 11 * MINUTE).can_extend, false);
});

test('a booking on a graph the engine does not know has no possible actions', () => {
  assert.deepEqual(possibleActions(undefined, 'confirmed'), []);
});
