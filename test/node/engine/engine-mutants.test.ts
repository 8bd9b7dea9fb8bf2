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
  MARTY,
  OWNER,
  OWNER_EMAIL,
  PUBLIC,
  SLOT,
  T0,
  customerOf,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  refusedUnchanged,
  rejects,
  signUp,
  snapshotJson,
  testProject,
  testResource,
} from './helpers.ts';
import { soldOut } from './waitlist-helpers.ts';

/**
 * Behaviour of src/engine (access, capacity, decisions, engine, holds, machine) that Stryker
 * mutants survived against the engine tests (issue #17), each pinned here by an observable
 * outcome: refusal messages and their `details` paths (API clients read both), the stored
 * booking, audit-log lines, webhook outbox entries and decision-link tokens.
 */

/** A snapshot as plain data, so a test can edit what the engine's types would not allow. */
type Snapshot = { bookings: Array<Record<string, unknown>> };

const logsOf = (engine: BookingEngine, id: string) =>
  (engine.getBooking(id, OWNER, ['logs']).logs ?? []).map((line) => line.description);

/** The engine's snapshot with `edit` applied to the booking `id`, loaded back. */
function restoreEdited(
  engine: BookingEngine,
  id: string,
  edit: (booking: Record<string, unknown>) => void,
): void {
  const snapshot = engine.snapshot() as unknown as Snapshot;
  edit(snapshot.bookings.find((booking) => booking.id === id)!);
  engine.restore(snapshot);
}

/** The built-in graphs with the instant graph changed by `change` (on a copy). */
function withInstant(change: (graph: GraphDefinition) => void): GraphDefinition[] {
  return builtInGraphs.map((graph): GraphDefinition => {
    if (graph.name !== 'instant') return graph;
    const copy = structuredClone(graph) as GraphDefinition;
    change(copy);
    return copy;
  });
}

function engineWith(graphs: GraphDefinition[]): BookingEngine {
  const engine = new BookingEngine({ clock: new ManualClock(T0), graphs });
  engine.addResource(testResource());
  engine.addProject(testProject());
  return engine;
}

// ---------------------------------------------------------------- access: owner-only fields

test('a widget key setting two settings is refused naming both, comma-separated, each with why', () => {
  const { engine } = makeEngine();
  const refused = refusedUnchanged(
    engine,
    () =>
      engine.createBooking(
        oneToOne('instant', SLOT, 60, { settings: { max_seats: 5, min_booking_time: '1 hour' } }),
        PUBLIC,
      ),
    'field_not_allowed',
  );
  assert.equal(
    refused.message,
    'A widget key may not set settings.max_seats, settings.min_booking_time: the project decides these, and only the owner key changes them.',
  );
  assert.deepEqual(refused.details, [
    { path: 'settings.max_seats', message: 'only the owner key may set it' },
    { path: 'settings.min_booking_time', message: 'only the owner key may set it' },
  ]);
});

// ---------------------------------------------------------------- decisions

test('an engine told no decision page links to the local API server', () => {
  const engine = new BookingEngine({ clock: new ManualClock(T0) });
  engine.addResource(testResource());
  engine.addProject(testProject());
  engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  const mail = engine
    .outbox()
    .find((entry) => entry.to === OWNER_EMAIL && entry.subject.startsWith('Please confirm'));
  assert.ok(mail?.links?.confirm, 'the owner is asked to confirm');
  assert.ok(
    mail.links.confirm.startsWith('http://localhost:8787/v2/decisions/'),
    mail.links.confirm,
  );
});

test('a decision token is URL-safe base64 ("-" and "_", no padding) and decodes back', () => {
  // This id makes the confirm claims' standard base64 contain both "+" and "/".
  const bookingId = '~\u00ff\u00ff~';
  let counter = 0;
  const engine = new BookingEngine({
    clock: new ManualClock(T0),
    // The booking takes the second id (its customer token the first).
    ids: () => ((counter += 1) === 2 ? bookingId : `id_${counter}`),
  });
  engine.addResource(testResource());
  engine.addProject(testProject());
  engine.setDecisionPage('https://example.test/d');
  const booking = engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  assert.equal(booking.id, bookingId);
  const claims = JSON.stringify({ booking: bookingId, action: 'confirm', expires: T0 + 7 * DAY });
  const standard = Buffer.from(claims, 'utf8').toString('base64');
  assert.ok(standard.includes('+') && standard.includes('/'), `precondition: ${standard}`);
  const mail = engine
    .outbox()
    .find((entry) => entry.to === OWNER_EMAIL && entry.subject.startsWith('Please confirm'))!;
  const token = mail.links!.confirm!.slice('https://example.test/d/'.length);
  assert.equal(token.split('.')[0], Buffer.from(claims, 'utf8').toString('base64url'));
  const view = engine.applyDecision(token);
  assert.equal(view.outcome, 'applied');
  assert.equal(engine.getBooking(bookingId, OWNER).state, 'confirmed');
});

test('a decided request with no event shows on the decision page as "booking"', () => {
  const { engine } = makeEngine();
  engine.setDecisionPage('https://example.test/d');
  const booking = engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  const mail = engine
    .outbox()
    .find((entry) => entry.to === OWNER_EMAIL && entry.subject.startsWith('Please confirm'))!;
  const token = mail.links!.confirm!.slice('https://example.test/d/'.length);
  engine.performAction(booking.id, 'decline', {}, OWNER);
  restoreEdited(engine, booking.id, (record) => {
    delete record.event;
  });
  const view = engine.checkDecision(token);
  assert.equal(view.outcome, 'decided');
  assert.equal(view.booking?.what, 'booking');
});

// ---------------------------------------------------------------- holds

const slotHold = (start: number, extra: Record<string, unknown> = {}) => ({
  resource_id: 'res_doc',
  start: iso(start),
  end: iso(start + HOUR),
  ...extra,
});

test('the owner may hold a slot that has already begun; a widget key may not', () => {
  const { engine } = makeEngine({ start: SLOT + 10 * MINUTE });
  const refused = refusedUnchanged(
    engine,
    () => engine.reserve(slotHold(SLOT), PUBLIC),
    'slot_unavailable',
  );
  assert.equal(refused.message, 'This time is in the past; pick a later time.');
  const hold = engine.reserve(slotHold(SLOT, { project_id: 'proj' }), OWNER);
  assert.equal(hold.state, 'reserved');
});

test('a hold naming an unknown service_id is refused at service_id', () => {
  const { engine } = makeEngine();
  const refused = refusedUnchanged(
    engine,
    () => engine.reserve(slotHold(SLOT, { service_id: 'nope' }), PUBLIC),
    'not_found',
  );
  assert.deepEqual(
    refused.details?.map((issue) => issue.path),
    ['service_id'],
  );
});

test('a slot hold without an end where no class starts is refused at end, saying why', () => {
  const { engine } = makeEngine();
  const refused = refusedUnchanged(
    engine,
    () => engine.reserve({ resource_id: 'res_doc', start: iso(SLOT) }, PUBLIC),
    'validation_failed',
  );
  assert.deepEqual(refused.details, [
    { path: 'end', message: 'is required: no class starts at this time on this resource' },
  ]);
});

test('releasing a hold that became a booking says it cannot release it, naming the booking', () => {
  const { engine } = makeEngine();
  const hold = engine.reserve(slotHold(SLOT), PUBLIC);
  const booking = engine.createBooking(
    { ...oneToOne('instant', SLOT), reservation_id: hold.id },
    PUBLIC,
  );
  const refused = refusedUnchanged(
    engine,
    () => engine.releaseHold(hold.id, OWNER),
    'invalid_action',
  );
  assert.equal(
    refused.message,
    `Cannot release this hold: it already became booking ${booking.id}.`,
  );
});

test('an expired hold\u2019s webhook outbox entry records the state expired', () => {
  const { engine, clock } = makeEngine();
  const url = 'https://receiver.example.test/holds';
  engine.webhooks.create({ url, events: ['hold.expired'] }, OWNER);
  const hold = engine.reserve(slotHold(SLOT), PUBLIC);
  clock.set(T0 + 10 * MINUTE);
  engine.settle();
  const entries = engine
    .outbox()
    .filter((entry) => entry.to === url && entry.subject === 'hold.expired');
  assert.equal(entries.length, 1);
  assert.equal(entries[0]!.state, 'expired');
  assert.equal(engine.getHold(hold.id).state, 'expired');
});

// ---------------------------------------------------------------- capacity

test('a snapshot whose seat booking names a 1:1 booking as its class is refused, store unchanged', () => {
  // Changing that seat's seats would ask a 1:1 booking for a class's capacity.
  const { engine } = makeEngine();
  const groupClass = openClass(engine, SLOT, { max_seats: 5 });
  const seat = signUp(engine, groupClass.id);
  const single = engine.createBooking(oneToOne('instant', SLOT + 3 * HOUR), PUBLIC);
  const snapshot = engine.snapshot() as unknown as Snapshot;
  const index = snapshot.bookings.findIndex((booking) => booking.id === seat.id);
  (snapshot.bookings[index]!.related as Record<string, unknown>).owner_booking_id = single.id;
  const refused = refusedUnchanged(engine, () => engine.restore(snapshot), 'validation_failed');
  assert.deepEqual(refused.details, [
    {
      path: `store.bookings.${index}.related.owner_booking_id`,
      message: 'must name a class (a booking with an event, on a class graph) in the snapshot',
    },
  ]);
});

test('a cancelled class with no event refuses sign-ups calling it "this class"', () => {
  const { engine } = makeEngine();
  const groupClass = openClass(engine, SLOT, { max_seats: 5 });
  engine.performAction(groupClass.id, 'cancel', {}, OWNER);
  restoreEdited(engine, groupClass.id, (booking) => {
    delete booking.event;
  });
  const refused = refusedUnchanged(
    engine,
    () => signUp(engine, groupClass.id, 1, OWNER),
    'slot_unavailable',
  );
  assert.equal(refused.message, '"this class" is cancelled and takes no sign-ups.');
});

// ---------------------------------------------------------------- machine: verification

/** An engine whose project verifies bookings with these booking settings. */
function verifying(settings: Record<string, unknown>) {
  return makeEngine({ projects: [testProject({ booking_settings: settings })] });
}

test('a verification code is stored expiring its window after it was sent', () => {
  const { engine } = verifying({ verification: 'email', verification_window: '20 minutes' });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const stored = (engine.snapshot() as unknown as Snapshot).bookings.find(
    (record) => record.id === booking.id,
  )!;
  const verification = stored.verification as { code: string; expires_at: number };
  assert.equal(verification.expires_at, T0 + 20 * MINUTE);
});

test('the owner verifying with the right code has it accepted, not waved through', () => {
  const { engine } = verifying({ verification: 'email' });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const [mail] = engine.outbox().filter((entry) => entry.to === MARTY.email);
  const code = /Your code: (\d{6})/.exec(mail!.subject)![1]!;
  const verified = engine.verify(booking.id, code, OWNER);
  assert.equal(verified.state, 'confirmed');
  const logs = logsOf(engine, booking.id);
  assert.ok(logs.includes('Verification code accepted'), logs.join(' | '));
  assert.ok(!logs.includes('Verified by the owner without a code'), logs.join(' | '));
});

test('SMS verification logs the code was sent by SMS', () => {
  const { engine } = verifying({ verification: 'sms' });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const logs = logsOf(engine, booking.id);
  assert.ok(logs.includes('Verification code sent by SMS'), logs.join(' | '));
});

test('SMS verification without a phone is refused at customer.phone, saying why', () => {
  const { engine } = verifying({ verification: 'sms' });
  const before = snapshotJson(engine);
  const { phone: _phone, ...noPhone } = MARTY;
  const refused = rejects(
    () => engine.createBooking({ ...oneToOne('instant', SLOT), customer: noPhone }, PUBLIC),
    'validation_failed',
  );
  assert.deepEqual(refused.details, [
    { path: 'customer.phone', message: 'is required: this project verifies by SMS' },
  ]);
  assert.equal(snapshotJson(engine), before);
});

/**
 * An engine whose instant graph checks a code in its create chain. Nothing checks it before
 * the graph runs there (actions.ts only vets codes of later actions), so the graph's own check
 * decides: `verify.code` is the step's input.
 */
const codeAtCreate = () =>
  engineWith(
    withInstant((graph) => {
      graph.actions[graph.createAction]!.steps.unshift({
        name: 'verify',
        effect: { type: 'check_verification_code' },
        to: 'verified',
      });
    }),
  );

test('a code checked at creation: none from a widget key is required, a wrong one does not match', () => {
  const engine = codeAtCreate();
  const before = snapshotJson(engine);
  const missing = rejects(
    () => engine.createBooking(oneToOne('instant', SLOT), PUBLIC),
    'validation_failed',
  );
  assert.deepEqual(missing.details, [{ path: 'verify.code', message: 'is required' }]);
  const wrong = rejects(
    () =>
      engine.createBooking(oneToOne('instant', SLOT, 60, { verify: { code: '123456' } }), PUBLIC),
    'validation_failed',
  );
  assert.deepEqual(wrong.details, [
    { path: 'verify.code', message: 'does not match the code we sent' },
  ]);
  assert.equal(snapshotJson(engine), before);
});

test('a code checked at creation: the owner may go without one', () => {
  const engine = codeAtCreate();
  const booking = engine.createBooking(oneToOne('instant', SLOT), OWNER);
  assert.equal(booking.state, 'confirmed');
  const logs = logsOf(engine, booking.id);
  assert.ok(logs.includes('Verified by the owner without a code'), logs.join(' | '));
});

test('a verified booking with no resource logs its calendar event in calendar "none"', () => {
  const { engine } = verifying({ verification: 'email' });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  assert.equal(booking.state, 'awaiting_verification');
  restoreEdited(engine, booking.id, (record) => {
    delete record.resource_id;
    delete record.project_id;
  });
  engine.verify(booking.id, undefined, OWNER);
  const logs = logsOf(engine, booking.id);
  assert.ok(logs.includes('Created event in calendar: none'), logs.join(' | '));
});

test('a snapshot whose booking awaits a code but paused no chain is refused, store unchanged', () => {
  // Verifying it would end in "verified", which only a resumed chain leaves.
  const { engine } = verifying({ verification: 'email' });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const snapshot = engine.snapshot() as unknown as Snapshot;
  const index = snapshot.bookings.findIndex((record) => record.id === booking.id);
  delete snapshot.bookings[index]!.paused;
  const refused = refusedUnchanged(engine, () => engine.restore(snapshot), 'validation_failed');
  assert.deepEqual(refused.details, [
    {
      path: `store.bookings.${index}.paused`,
      message:
        'is required: in "awaiting_verification" the booking waits for verify, which continues a paused action',
    },
  ]);
});

// ---------------------------------------------------------------- machine: webhooks, seats

test('webhooks switched off with one registered and one project URL logs that it skipped them', () => {
  const { engine } = makeEngine({
    projects: [testProject({ webhooks: ['https://project.example.test/hook'] })],
  });
  engine.webhooks.create({ url: 'https://receiver.example.test/all', events: ['*'] }, OWNER);
  const booking = engine.createBooking(
    { ...oneToOne('instant', SLOT), project_id: 'proj', trigger_webhook: { enabled: false } },
    OWNER,
  );
  const logs = logsOf(engine, booking.id);
  assert.ok(logs.includes('Skipped trigger_webhook: disabled in the request'), logs.join(' | '));
});

test('a seat booking stores no event of its own: its time is its class\u2019s', () => {
  const { engine } = makeEngine();
  const groupClass = openClass(engine, SLOT, { max_seats: 5 });
  const seat = signUp(engine, groupClass.id);
  const stored = (engine.snapshot() as unknown as Snapshot).bookings.find(
    (record) => record.id === seat.id,
  )!;
  assert.ok(!Object.hasOwn(stored, 'event'), `stored keys: ${Object.keys(stored).join(', ')}`);
  // SLOT, the class's start, as views write instants.
  assert.equal(
    engine.getBooking(seat.id, OWNER).attributes.event_info?.start,
    '2026-11-24T10:00:00+00:00',
  );
});

// ---------------------------------------------------------------- machine: reschedule

test('a reschedule body that fails its schema is refused under reschedule_by_customer', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const refused = refusedUnchanged(
    engine,
    () =>
      engine.reschedule(
        booking.id,
        { start: iso(SLOT + 2 * HOUR), end: iso(SLOT + HOUR) },
        customerOf(booking.customer_token!),
      ),
    'validation_failed',
  );
  assert.deepEqual(refused.details, [
    { path: 'reschedule_by_customer.end', message: 'must end after it starts' },
  ]);
});

test('a reschedule to an unknown resource is refused at resource_id', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const refused = refusedUnchanged(
    engine,
    () =>
      engine.reschedule(
        booking.id,
        { start: iso(SLOT + 2 * HOUR), end: iso(SLOT + 3 * HOUR), resource_id: 'res_nope' },
        customerOf(booking.customer_token!),
      ),
    'not_found',
  );
  assert.deepEqual(
    refused.details?.map((issue) => issue.path),
    ['resource_id'],
  );
});

test('the owner may reschedule to a time already begun; the customer may not', () => {
  const { engine, clock } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  clock.set(SLOT + 3 * HOUR);
  const target = { start: iso(SLOT + 2 * HOUR), end: iso(SLOT + 3 * HOUR) };
  const refused = refusedUnchanged(
    engine,
    () => engine.reschedule(booking.id, target, customerOf(booking.customer_token!)),
    'slot_unavailable',
  );
  assert.equal(refused.message, 'This time is in the past; pick a later time.');
  const moved = engine.reschedule(booking.id, target, OWNER);
  assert.ok(moved.related.rescheduled_to, 'the owner moved it');
});

test('rescheduling a booking with no resource, naming none, is refused for resource ""', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  restoreEdited(engine, booking.id, (record) => {
    delete record.resource_id;
  });
  const refused = refusedUnchanged(
    engine,
    () =>
      engine.reschedule(
        booking.id,
        { start: iso(SLOT + 2 * HOUR), end: iso(SLOT + 3 * HOUR) },
        OWNER,
      ),
    'not_found',
  );
  assert.equal(refused.message, 'No resource with id ""');
});

test('a booking a move creates starts in "new", where a create chain that enters no state leaves it', () => {
  // A custom graph whose one create step only runs with verification: creating enters no
  // state, so a booking, made or moved, rests where it started.
  const engine = engineWith(
    withInstant((graph) => {
      graph.states.new = { description: 'Made; nothing else done.', holds: true };
      graph.actions[graph.createAction]!.steps = [
        { name: 'only_if_verifying', when: 'verification_required', to: 'new' },
      ];
      graph.actions.reschedule_by_customer!.from = ['new'];
    }),
  );
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  assert.equal(booking.state, 'new');
  const moved = engine.reschedule(
    booking.id,
    { start: iso(SLOT + 2 * HOUR), end: iso(SLOT + 3 * HOUR) },
    customerOf(booking.customer_token!),
  );
  const movedTo = moved.related.rescheduled_to;
  assert.ok(movedTo, 'the booking moved');
  assert.equal(engine.getBooking(movedTo, OWNER).state, 'new');
});

// ---------------------------------------------------------------- engine: settle and restore

test('a settle asked for inside an operation waits: the operation keeps its own instant', () => {
  const clock = new ManualClock(T0);
  let counter = 0;
  let reenter: (() => void) | undefined;
  const engine = new BookingEngine({
    clock,
    ids: () => {
      counter += 1;
      reenter?.();
      reenter = undefined;
      return `id_${counter}`;
    },
  });
  engine.addResource(testResource());
  engine.addProject(testProject());
  const hold = engine.reserve(slotHold(SLOT), PUBLIC);
  // The id source moves the clock past the hold's expiry and asks to settle, mid-booking.
  reenter = () => {
    clock.set(T0 + HOUR);
    engine.settle();
  };
  const booking = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  const stamps = new Set(
    engine.getBooking(booking.id, OWNER, ['logs']).logs!.map((line) => line.created_at),
  );
  assert.deepEqual([...stamps], ['2026-11-23T08:00:00+00:00']);
  assert.equal(booking.created_at, '2026-11-23T08:00:00+00:00');
  assert.equal(engine.getHold(hold.id).state, 'expired');
});

test('a snapshot whose due timer fails while loading is refused as validation_failed at store, old store kept', () => {
  // A custom graph the graph check accepts: "poke" resumes the paused chain it is itself, and
  // both end in "poked", which is no state. The snapshot check passes it; running it throws.
  const engine = engineWith(
    withInstant((graph) => {
      graph.states.waiting = {
        description: 'Waits for a poke.',
        timeout: { action: 'poke', setting: 'verification_window', default: '1 minute' },
      };
      graph.actions.poke = {
        description: 'Poke.',
        from: ['waiting'],
        by: 'system',
        resumes: true,
        steps: [{ name: 'poke', to: 'poked' }],
      };
    }),
  );
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const snapshot = engine.snapshot() as unknown as Snapshot;
  const record = snapshot.bookings.find((entry) => entry.id === booking.id)!;
  record.state = 'waiting';
  record.timer = { at: T0, action: 'poke' };
  record.paused = { action: 'poke', next: 0 };
  const refused = refusedUnchanged(engine, () => engine.restore(snapshot), 'validation_failed');
  const cause = 'Graph instant stopped in undeclared state poked';
  assert.equal(refused.message, `The snapshot could not be loaded: ${cause}`);
  assert.deepEqual(refused.details, [{ path: 'store', message: cause }]);
});

test('a restored snapshot\u2019s spent hold sets no deadline: a freed seat is offered at the next operation\u2019s instant', () => {
  const { engine, clock, groupClass, join } = soldOut(1);
  const entry = join(1);
  const spent = engine.reserve(slotHold(SLOT), PUBLIC);
  engine.releaseHold(spent.id, OWNER);
  const now = T0 + 20 * MINUTE; // past the released hold's old expiry (T0 + 10 minutes)
  clock.set(now);
  // A snapshot whose class has a seat free that nobody was offered yet.
  restoreEdited(engine, groupClass.id, (record) => {
    (record.settings as Record<string, unknown>).max_seats = 2;
  });
  engine.getWaitlistEntry(entry.id, OWNER);
  const snapshot = engine.snapshot() as unknown as {
    waitlist: Array<{ id: string; state: string; hold_id?: string; updated_at: number }>;
    holds: Array<{ id: string; created_at: number }>;
  };
  const offered = snapshot.waitlist.find((item) => item.id === entry.id)!;
  assert.equal(offered.state, 'offered');
  assert.equal(offered.updated_at, now);
  const offer = snapshot.holds.find((hold) => hold.id === offered.hold_id);
  assert.equal(offer?.created_at, now);
});
