import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BookingEngine } from '../../../src/engine/index.ts';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import {
  DAY,
  HOUR,
  OWNER,
  OWNER_EMAIL,
  T0,
  customerOf,
  makeEngine,
  openClass,
  rejects,
  signUp,
  snapshotJson,
} from './helpers.ts';

/**
 * The graphs as data (`GET /graphs`) and the seat graphs' edges. Of 57 bugs planted in the six
 * graph files, 9 passed every engine test: an ending's outcome, who takes the customer's actions,
 * from which states an unpaid seat can be given up or completed, the owner's "seat given up"
 * subject and the switch that keeps a seat's cancellation quiet. The tables are written here,
 * from what each state and action means, not read from the graphs.
 */

/** Every final state of every graph and what it means for the booking. */
const OUTCOMES: Record<string, Record<string, string>> = {
  instant: {
    verification_expired: 'expired',
    cancelled: 'cancelled',
    cancelled_by_customer: 'cancelled',
    rescheduled_by_customer: 'rescheduled',
    completed: 'completed',
  },
  confirm_decline: {
    verification_expired: 'expired',
    declined: 'declined',
    cancelled: 'cancelled',
    cancelled_by_customer: 'cancelled',
    rescheduled_by_customer: 'rescheduled',
    completed: 'completed',
  },
  instant_payment: { unpaid: 'expired', cancelled: 'cancelled', completed: 'completed' },
  group_owner: { cancelled: 'cancelled', completed: 'completed' },
  group_customer: {
    cancelled_by_customer: 'cancelled',
    cancelled_by_owner: 'cancelled',
    completed: 'completed',
  },
  group_customer_payment: {
    unpaid: 'expired',
    cancelled_by_customer: 'cancelled',
    cancelled_by_owner: 'cancelled',
    completed: 'completed',
  },
};

/**
 * Who takes each action that is neither the owner's (owner-only.test.ts) nor the engine's own
 * timers: anyone creates (a widget key, no booking yet); the rest need the booking's customer.
 */
const VISITOR_ACTIONS: Record<string, Record<string, string>> = {
  instant: {
    create: 'anyone',
    verify: 'customer',
    cancel_by_customer: 'customer',
    reschedule_by_customer: 'customer',
  },
  confirm_decline: {
    create: 'anyone',
    verify: 'customer',
    cancel_by_customer: 'customer',
    reschedule_by_customer: 'customer',
  },
  instant_payment: { create: 'anyone', pay: 'customer', release: 'customer' },
  group_owner: {},
  group_customer: { create: 'anyone', cancel_by_customer: 'customer' },
  group_customer_payment: {
    create: 'anyone',
    pay: 'customer',
    release: 'customer',
    cancel_by_customer: 'customer',
  },
};

test('every final state’s outcome, as the graphs are served', () => {
  const { engine } = makeEngine();
  const served = Object.fromEntries(
    engine.listGraphs().map((graph) => [
      graph.name,
      Object.fromEntries(
        Object.entries(graph.states)
          .filter(([, state]) => state.final)
          .map(([name, state]) => [name, state.outcome]),
      ),
    ]),
  );
  assert.deepEqual(served, OUTCOMES);
});

test('who takes each visitor action, as the graphs are served', () => {
  const { engine } = makeEngine();
  const served = Object.fromEntries(
    engine.listGraphs().map((graph) => [
      graph.name,
      Object.fromEntries(
        Object.entries(graph.actions)
          .filter(([, action]) => action.by === 'anyone' || action.by === 'customer')
          .map(([name, action]) => [name, action.by]),
      ),
    ]),
  );
  assert.deepEqual(served, VISITOR_ACTIONS);
});

const CLASS_START = T0 + 3 * DAY + 2 * HOUR;

/** An unpaid (tentative) seat of a paid class, and its customer. */
function unpaidSeat(engine: BookingEngine) {
  const seat = signUp(
    engine,
    openClass(engine, CLASS_START).id,
    1,
    undefined,
    'group_customer_payment',
  );
  assert.equal(seat.state, 'tentative');
  return { seat, customer: customerOf(seat.customer_token!) };
}

test('group_customer_payment: an unpaid seat cannot be given up, only released', () => {
  const { engine } = makeEngine();
  const { seat, customer } = unpaidSeat(engine);
  const before = snapshotJson(engine);
  rejects(
    () => engine.performAction(seat.id, 'cancel_by_customer', {}, customer),
    'invalid_action',
    /tentative/,
  );
  assert.equal(snapshotJson(engine), before, 'nothing changed');
  assert.equal(engine.performAction(seat.id, 'release', {}, customer).state, 'unpaid');
});

test('group_customer_payment: the owner completes a paid seat, never an unpaid one', () => {
  const { engine } = makeEngine();
  const { seat, customer } = unpaidSeat(engine);
  const before = snapshotJson(engine);
  rejects(() => engine.performAction(seat.id, 'complete', {}, OWNER), 'invalid_action');
  assert.equal(snapshotJson(engine), before, 'nothing changed');
  engine.performAction(seat.id, 'pay', {}, customer);
  assert.equal(engine.performAction(seat.id, 'complete', {}, OWNER).state, 'completed');
});

const emailsTo = (engine: BookingEngine, to: string, bookingId: string) =>
  engine
    .outbox()
    .filter((entry) => entry.kind === 'email' && entry.to === to && entry.booking_id === bookingId)
    .map((entry) => entry.subject);

test('group_customer: a seat given up tells the owner, naming the class', () => {
  const { engine } = makeEngine();
  const seat = signUp(engine, openClass(engine, CLASS_START).id);
  engine.performAction(seat.id, 'cancel_by_customer', {}, customerOf(seat.customer_token!));
  assert.equal(
    emailsTo(engine, OWNER_EMAIL, seat.id).at(-1),
    'Seat given up: Doc Brown\u2019s Friday Yoga Class',
  );
});

test('group_customer: the owner may cancel a seat without telling its customer', () => {
  const { engine } = makeEngine();
  const groupClass = openClass(engine, CLASS_START);
  const told = signUp(engine, groupClass.id, 1, undefined, 'group_customer', 1);
  const quiet = signUp(engine, groupClass.id, 1, undefined, 'group_customer', 2);
  engine.performAction(told.id, 'cancel_by_owner', {}, OWNER);
  engine.performAction(
    quiet.id,
    'cancel_by_owner',
    { notify_customer_cancelled_by_owner_email: { enabled: false } },
    OWNER,
  );
  const subject = 'Class cancelled: Doc Brown\u2019s Friday Yoga Class';
  assert.equal(emailsTo(engine, 'customer1@example.test', told.id).at(-1), subject);
  assert.deepEqual(
    emailsTo(engine, 'customer2@example.test', quiet.id).filter((line) => line === subject),
    [],
  );
  const lines = engine.getBooking(quiet.id, OWNER, ['logs']).logs!.map((l) => l.description);
  assert.ok(
    lines.includes('Skipped notify_customer_cancelled_by_owner_email: disabled in the request'),
    lines.join(' | '),
  );
  assert.equal(engine.getBooking(quiet.id, OWNER).state, 'cancelled_by_owner');
});

test('every graph, state and action says what it is, and every step has a name and a next state', () => {
  for (const graph of builtInGraphs) {
    const where = graph.name;
    assert.match(graph.description, /\w{3}/, where);
    for (const [name, state] of Object.entries(graph.states))
      assert.match(state.description, /\w{3}/, `${where} state ${name}`);
    for (const [name, action] of Object.entries(graph.actions)) {
      assert.match(action.description, /\w{3}/, `${where} action ${name}`);
      const steps = action.steps.map((step) => step.name);
      for (const step of action.steps) {
        assert.match(step.name, /^[a-z][a-z_]+$/, `${where} ${name} step ${step.name}`);
        assert.match(step.to, /^[a-z][a-z_]+$/, `${where} ${name} step ${step.name} to`);
      }
      // A step's toggle is addressed by its name: one name, one step.
      assert.equal(new Set(steps).size, steps.length, `${where} ${name}: ${steps.join(', ')}`);
    }
  }
});

test('the owner may switch off any email step, and no other step', () => {
  for (const graph of builtInGraphs)
    for (const [name, action] of Object.entries(graph.actions))
      for (const step of action.steps)
        assert.equal(
          step.optional === true,
          step.effect?.type === 'email',
          `${graph.name} ${name} step ${step.name}`,
        );
});
