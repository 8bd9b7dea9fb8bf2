import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BookingEngine,
  ManualClock,
  builtInGraphs,
  type GraphDefinition,
} from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  OWNER,
  OWNER_EMAIL,
  PUBLIC,
  T0,
  customerOf,
  makeEngine,
  oneToOne,
  openClass,
  rejects,
  signUp,
  testProject,
  testResource,
  SLOT,
} from './helpers.ts';
import { soldOut } from './waitlist-helpers.ts';

/**
 * The engine's front door (src/engine/engine.ts, planted by hand, issue #17): its options, the
 * set-up calls and the reads that hand out copies, the deadlines it settles, restore.
 */

const instantGraph = () =>
  structuredClone(builtInGraphs.find((graph) => graph.name === 'instant')!);

test('the graphs an engine is given are checked when it starts, and are the only ones', () => {
  const broken: GraphDefinition = { ...instantGraph(), createAction: 'book' };
  assert.throws(() => new BookingEngine({ graphs: [broken] }), {
    message: 'Graph "instant": create action "book" is not defined',
  });
  const engine = new BookingEngine({ graphs: [instantGraph()] });
  assert.deepEqual(
    engine.listGraphs().map((graph) => graph.name),
    ['instant'],
  );
});

test('decision links point at the page the engine was given', () => {
  const page = 'https://owner.example.test/decide';
  const engine = new BookingEngine({ clock: new ManualClock(T0), decisionPage: page });
  engine.addResource(testResource());
  engine.addProject(testProject());
  engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  const mail = engine
    .outbox()
    .find((entry) => entry.to === OWNER_EMAIL && entry.subject.startsWith('Please confirm'))!;
  assert.ok(mail.links!.confirm!.startsWith(`${page}/`), mail.links!.confirm);
  assert.ok(mail.links!.decline!.startsWith(`${page}/`), mail.links!.decline);
});

test('a resource’s calendar keeps the times it was given; missing ones are when it was added', () => {
  const { engine, clock } = makeEngine({ resources: [] });
  const calendarOf = (resourceId: string) => {
    const body = oneToOne('instant', SLOT);
    return engine.createBooking(
      { ...body, event: { ...body.event, resource_id: resourceId } },
      OWNER,
    ).calendar!;
  };
  clock.set(T0 + HOUR);
  engine.addResource(testResource());
  engine.addResource(
    testResource({
      id: 'res_made',
      calendar: { id: 'cal_made', name: 'Made', created_at: T0 - DAY },
    }),
  );
  engine.addResource(
    testResource({
      id: 'res_both',
      calendar: { id: 'cal_both', name: 'Both', created_at: T0 - DAY, updated_at: T0 - HOUR },
    }),
  );
  clock.set(T0 + 2 * HOUR);
  const fresh = calendarOf('res_doc');
  assert.equal(fresh.created_at, '2026-11-23T09:00:00+00:00');
  assert.equal(fresh.updated_at, '2026-11-23T09:00:00+00:00');
  const made = calendarOf('res_made');
  assert.equal(made.created_at, '2026-11-22T08:00:00+00:00');
  assert.equal(made.updated_at, '2026-11-22T08:00:00+00:00');
  const both = calendarOf('res_both');
  assert.equal(both.created_at, '2026-11-22T08:00:00+00:00');
  assert.equal(both.updated_at, '2026-11-23T07:00:00+00:00');
});

test('a project names only graphs the engine has, in `graph` and in `graphs`; it is stored as a copy', () => {
  const { engine } = makeEngine();
  assert.throws(() => engine.addProject(testProject({ id: 'p1', graph: 'walk_in' })), {
    message: 'Project p1: unknown graph walk_in',
  });
  assert.throws(
    () => engine.addProject(testProject({ id: 'p2', graphs: ['instant', 'walk_in'] })),
    { message: 'Project p2: unknown graph walk_in' },
  );
  assert.deepEqual(
    engine.listProjects().map((project) => project.id),
    ['proj'],
  );
  const added = testProject({ id: 'p3', app_key: 'key_3' });
  engine.addProject(added);
  added.name = 'Changed after';
  added.resources.push('res_other');
  assert.equal(engine.getProject('p3').name, 'Test project');
  assert.deepEqual(engine.getProject('p3').resources, ['res_doc']);
});

test('graphs and projects are handed out as copies: changing one changes nothing inside', () => {
  const { engine } = makeEngine();
  const original = instantGraph().description;
  engine.listGraphs().find((graph) => graph.name === 'instant')!.description = 'changed';
  assert.equal(engine.getGraph('instant').description, original);
  engine.getGraph('instant').description = 'changed too';
  assert.equal(engine.getGraph('instant').description, original);
  const project = engine.getProject('proj');
  project.name = 'changed';
  engine.listProjects()[0]!.app_key = 'stolen_key';
  assert.equal(engine.getProject('proj').name, 'Test project');
  assert.equal(engine.projectIdForKey('widget_key'), 'proj');
  assert.equal(engine.projectIdForKey('stolen_key'), undefined);
});

test('an unknown graph is refused with the names of those there are', () => {
  const { engine } = makeEngine();
  const error = rejects(() => engine.getGraph('walk_in'), 'not_found');
  assert.equal(
    error.message,
    `No graph "walk_in"; graphs are: ${builtInGraphs.map((graph) => graph.name).join(', ')}`,
  );
});

test('a widget key’s project is the one whose key it is', () => {
  const { engine } = makeEngine({
    projects: [testProject(), testProject({ id: 'other', app_key: 'other_key' })],
  });
  assert.equal(engine.projectIdForKey('widget_key'), 'proj');
  assert.equal(engine.projectIdForKey('other_key'), 'other');
  assert.equal(engine.projectIdForKey('no_such_key'), undefined);
});

test('a customer asking for related bookings sees none, not even the class; the owner sees it', () => {
  const { engine } = makeEngine();
  const groupClass = openClass(engine, SLOT);
  const seat = signUp(engine, groupClass.id);
  const customer = customerOf(seat.customer_token!);
  const mine = engine.getBooking(seat.id, customer, ['related_bookings', 'logs']);
  assert.equal(mine.related_bookings, undefined);
  assert.equal(mine.logs!.length > 0, true);
  assert.deepEqual(
    engine.getBooking(seat.id, OWNER, ['related_bookings']).related_bookings!.map((b) => b.id),
    [groupClass.id],
  );
});

test('a seat freed by a deadline is offered at that deadline, even if only the outbox is read', () => {
  const { engine, clock, join, cancelSeat } = soldOut();
  const first = join(1);
  const second = join(2);
  cancelSeat(0);
  // The first offer's hold ends at 10:00; nobody calls the engine until 10:30 but the outbox.
  clock.set(T0 + 2 * HOUR + 30 * MINUTE);
  const offers = engine.outbox().filter((entry) => entry.to === 'waiter2@example.test');
  assert.equal(offers.length, 1);
  const stored = engine.snapshot().waitlist!;
  assert.equal(stored.find((entry) => entry.id === first.id)!.updated_at, T0 + 2 * HOUR);
  assert.equal(stored.find((entry) => entry.id === second.id)!.updated_at, T0 + 2 * HOUR);
  const offer = engine.getWaitlistEntry(second.id, OWNER).offer!;
  assert.equal(engine.getHold(offer.hold_id).expires_at, '2026-11-23T12:00:00+00:00');
});

test('a deadline that is no longer the booking’s own fires nothing, though the booking has another', () => {
  // A graph of the owner's where a paid booking completes by itself a day later: two deadlines in turn.
  const graphs = builtInGraphs.map((graph) => {
    if (graph.name !== 'instant_payment') return graph;
    const copy = structuredClone(graph);
    copy.states.paid = {
      ...copy.states.paid!,
      timeout: { action: 'complete', setting: 'complete_after', default: '1 day' },
    };
    return copy;
  });
  const engine = new BookingEngine({ clock: new ManualClock(T0), graphs });
  engine.addResource(testResource());
  engine.addProject(testProject({ booking_settings: { payment_window: '10 minutes' } }));
  const clock = engine.clock as ManualClock;
  const booking = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
  const customer = customerOf(booking.customer_token!);
  clock.set(T0 + MINUTE);
  assert.equal(engine.performAction(booking.id, 'pay', {}, customer).state, 'paid');
  // The payment window's end passes: that deadline is gone, the day's is the booking's.
  clock.set(T0 + 11 * MINUTE);
  const paid = engine.getBooking(booking.id, OWNER);
  assert.equal(paid.state, 'paid');
  assert.equal(paid.expires_at, '2026-11-24T08:01:00+00:00');
  clock.set(T0 + DAY + MINUTE);
  assert.equal(engine.getBooking(booking.id, OWNER).state, 'completed');
});

test('only the owner reads a project’s settings', () => {
  const { engine } = makeEngine();
  const error = rejects(() => engine.getProjectSettings('proj', PUBLIC), 'forbidden');
  assert.equal(error.message, 'Only the owner may read a project\u2019s settings.');
  assert.equal(engine.getProjectSettings('proj').sms, false);
});

test('a restored hold still expires at its deadline, with its event', () => {
  const { engine, clock } = makeEngine();
  engine.webhooks.create(
    { url: 'https://receiver.example.test/holds', events: ['hold.expired'] },
    OWNER,
  );
  const hold = engine.reserve(
    {
      resource_id: 'res_doc',
      start: new Date(SLOT).toISOString(),
      end: new Date(SLOT + HOUR).toISOString(),
    },
    PUBLIC,
  );
  engine.restore(engine.snapshot());
  clock.set(T0 + 20 * MINUTE);
  assert.equal(engine.getHold(hold.id).state, 'expired');
  assert.equal(engine.snapshot().webhook_deliveries!.length, 1);
});

/** A sign-up whose restored deadline (a customer's cancel, after the class began) is refused when it fires. */
/**
 * An engine whose group_customer seats give themselves up 90 minutes after signing up (a custom
 * graph the checks accept), a seat signed up to a class starting in an hour, and the snapshot
 * taken then. Loading that snapshot after the class began runs the seat's timer, whose
 * cancel_by_customer is refused as too late: a refusal that only the load itself can meet.
 */
function refusedAtLoad() {
  const clock = new ManualClock(T0);
  const graphs = builtInGraphs.map((graph) => {
    if (graph.name !== 'group_customer') return graph;
    const copy = structuredClone(graph);
    copy.states.confirmed!.timeout = {
      action: 'cancel_by_customer',
      setting: 'verification_window',
      default: '90 minutes',
    };
    return copy;
  });
  const engine = new BookingEngine({ clock, graphs });
  engine.addResource(testResource());
  engine.addProject(testProject());
  const groupClass = openClass(engine, T0 + HOUR);
  const seat = signUp(engine, groupClass.id);
  const snapshot = engine.snapshot();
  return { engine, clock, snapshot, seat };
}

test('a snapshot refused while it loads leaves the store as it was, with the refusal as it came', () => {
  const { engine, clock, snapshot, seat } = refusedAtLoad();
  // Something after the snapshot, so that "as it was" is not the snapshot itself.
  engine.performAction(seat.id, 'cancel_by_owner', {}, OWNER);
  clock.set(T0 + 2 * HOUR);
  const before = JSON.stringify(engine.snapshot());
  const error = rejects(() => engine.restore(snapshot), 'booking_window');
  assert.equal(
    error.message,
    'Seats can be given up no later than 0 minutes before the class; it is too late now.',
  );
  assert.equal(JSON.stringify(engine.snapshot()), before);
  assert.equal(engine.getBooking(seat.id, OWNER).state, 'cancelled_by_owner');
});

test('a store whose customers gave no email (a project asking for a phone) restores from its own snapshot', () => {
  const { engine } = makeEngine({
    projects: [testProject({ required_customer_fields: ['name', 'phone'] })],
  });
  const booking = engine.createBooking(
    { ...oneToOne('instant', T0 + 3 * HOUR), customer: { name: 'Biff Tannen', phone: '555-0100' } },
    PUBLIC,
  );
  const snapshot = JSON.stringify(engine.snapshot());
  engine.restore(JSON.parse(snapshot));
  assert.equal(JSON.stringify(engine.snapshot()), snapshot, 'the same store');
  assert.deepEqual(engine.getBooking(booking.id, OWNER).customers[0]!.phone, '555-0100');
});

test('a customer’s zone that is no zone is refused by the check, at its path, before loading', () => {
  const { engine } = makeEngine();
  engine.createBooking(oneToOne('instant', T0 + 3 * HOUR), PUBLIC);
  const snapshot = engine.snapshot();
  snapshot.bookings[0]!.customers[0]!.timezone = 'Mars/Olympus_Mons';
  const before = JSON.stringify(engine.snapshot());
  const error = rejects(() => engine.restore(snapshot), 'validation_failed');
  assert.deepEqual(error.details, [
    { path: 'store.bookings.0.customers.0.timezone', message: 'must be an IANA time zone' },
  ]);
  assert.equal(JSON.stringify(engine.snapshot()), before);
});
