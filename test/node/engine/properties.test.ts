import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  BookingEngine,
  EngineError,
  type Actor,
  type BookingView,
  type GraphDefinition,
} from '../../../src/engine/index.ts';
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
} from './helpers.ts';

/**
 * Random sequences of creates, recurring series (and their cancellation), actions by the owner
 * or the customer (verification and payment among them), statuses, holds, clock moves and bursts
 * of sign-ups across all graphs. After every step: seats add up and never exceed max_seats, nothing held overlaps,
 * final states have no actions, logs only grow, no booking is lost, a failed step changed
 * nothing, and a snapshot round-trips.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const SLOT_STARTS = Array.from({ length: 6 }, (_, index) => T0 + DAY + (1 + index) * HOUR); // 09:00..14:00 Tuesday
const ONE_TO_ONE = ['instant', 'confirm_decline', 'instant_payment'] as const;
const SEAT_GRAPHS = ['group_customer', 'group_customer_payment'] as const;
const STATUSES = ['no_show', 'arrived', 'paid', 'foo'] as const;

/**
 * The oracle: which states occupy time or seats, written here and not read from the graph data
 * under test, so a graph that stops holding (or starts holding) in a state fails the invariants.
 */
const HOLDING_STATES: Record<string, readonly string[]> = {
  instant: ['awaiting_verification', 'confirmed'],
  confirm_decline: ['awaiting_verification', 'tentative', 'confirmed'],
  instant_payment: ['tentative', 'paid'],
  group_owner: ['tentative'],
  group_customer: ['confirmed'],
  group_customer_payment: ['tentative', 'paid'],
};
const holdsTime = (graph: string, state: string) => HOLDING_STATES[graph]?.includes(state) === true;

type Command =
  | {
      kind: 'book';
      graph: (typeof ONE_TO_ONE)[number];
      slot: number;
      minutes: 30 | 60 | 90;
      owner: boolean;
      verify: boolean;
    }
  | { kind: 'holdSlot'; slot: number }
  | { kind: 'holdSeats'; klass: number; seats: number }
  | {
      kind: 'signUp';
      klass: number;
      seats: number;
      graph: (typeof SEAT_GRAPHS)[number];
      viaHold: boolean;
    }
  | { kind: 'burst'; klass: number; count: number }
  | { kind: 'act'; booking: number; choice: number; invalid: boolean; asCustomer: boolean }
  | {
      kind: 'series';
      graph: 'instant' | 'confirm_decline';
      slot: number;
      count: number;
      days: number;
    }
  | { kind: 'cancelSeries'; series: number; message: boolean }
  | { kind: 'status'; booking: number; status: (typeof STATUSES)[number] }
  | { kind: 'holdOp'; hold: number; op: 'extend' | 'release' }
  | { kind: 'tick'; minutes: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('book' as const),
    graph: fc.constantFrom(...ONE_TO_ONE),
    slot: fc.nat(SLOT_STARTS.length - 1),
    minutes: fc.constantFrom(30 as const, 60 as const, 90 as const),
    owner: fc.boolean(),
    verify: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('holdSlot' as const), slot: fc.nat(SLOT_STARTS.length - 1) }),
  fc.record({
    kind: fc.constant('holdSeats' as const),
    klass: fc.nat(1),
    seats: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('signUp' as const),
    klass: fc.nat(1),
    seats: fc.integer({ min: 1, max: 4 }),
    graph: fc.constantFrom(...SEAT_GRAPHS),
    viaHold: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('burst' as const),
    klass: fc.nat(1),
    count: fc.integer({ min: 2, max: 8 }),
  }),
  fc.record({
    kind: fc.constant('act' as const),
    booking: fc.nat(40),
    choice: fc.nat(10),
    invalid: fc.boolean(),
    asCustomer: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('series' as const),
    graph: fc.constantFrom('instant' as const, 'confirm_decline' as const),
    slot: fc.nat(SLOT_STARTS.length - 1),
    count: fc.integer({ min: 2, max: 4 }),
    // Every day or every other day, so some series run into the classes on Thursday and Friday.
    days: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('cancelSeries' as const),
    series: fc.nat(5),
    message: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    booking: fc.nat(40),
    status: fc.constantFrom(...STATUSES),
  }),
  fc.record({
    kind: fc.constant('holdOp' as const),
    hold: fc.nat(20),
    op: fc.constantFrom('extend' as const, 'release' as const),
  }),
  fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 0, max: 30 }) }),
);

interface World {
  engine: BookingEngine;
  classes: string[];
  bookings: Array<{ id: string; token: string }>;
  holds: string[];
  collections: Array<{ id: string; bookings: string[] }>;
  logLengths: Map<string, number>;
  graphs: Map<string, GraphDefinition>;
}

function step(world: World, cmd: Command, n: number): void {
  const { engine, classes, bookings, holds, collections } = world;
  const remember = (booking: BookingView) =>
    bookings.push({ id: booking.id, token: booking.customer_token! });
  switch (cmd.kind) {
    case 'book': {
      const body = oneToOne(
        cmd.graph,
        SLOT_STARTS[cmd.slot]!,
        cmd.minutes,
        cmd.verify ? { settings: { verification: 'email' } } : {},
      );
      remember(engine.createBooking(body, cmd.owner ? OWNER : PUBLIC));
      return;
    }
    case 'holdSlot': {
      const start = SLOT_STARTS[cmd.slot]!;
      holds.push(
        engine.reserve(
          { resource_id: 'res_doc', start: iso(start), end: iso(start + HOUR) },
          PUBLIC,
        ).id,
      );
      return;
    }
    case 'holdSeats':
      holds.push(
        engine.reserve(
          { related: { owner_booking_id: classes[cmd.klass]! }, seats: cmd.seats },
          PUBLIC,
        ).id,
      );
      return;
    case 'signUp': {
      const customer = { name: `Customer ${n}`, email: `c${n}@example.test` };
      if (cmd.viaHold) {
        const hold = engine.reserve(
          { related: { owner_booking_id: classes[cmd.klass]! }, seats: cmd.seats },
          PUBLIC,
        );
        holds.push(hold.id);
        remember(
          engine.createBooking({ graph: cmd.graph, reservation_id: hold.id, customer }, PUBLIC),
        );
      } else {
        remember(
          engine.createBooking(
            {
              graph: cmd.graph,
              related: { owner_booking_id: classes[cmd.klass]!, seats: cmd.seats },
              customer,
            },
            PUBLIC,
          ),
        );
      }
      return;
    }
    case 'burst':
      for (let index = 0; index < cmd.count; index += 1) {
        attempt(world, () =>
          remember(
            engine.createBooking(
              {
                graph: 'group_customer',
                related: { owner_booking_id: classes[cmd.klass]!, seats: 1 },
                customer: { name: 'B', email: `b${n}.${index}@example.test` },
              },
              PUBLIC,
            ),
          ),
        );
      }
      return;
    case 'act': {
      const all = [...classes.map((id) => ({ id, token: '' })), ...bookings];
      const target = all[cmd.booking % Math.max(1, all.length)];
      if (!target) return;
      const booking = engine.getBooking(target.id, OWNER);
      const actions = booking.possible_actions;
      const action =
        cmd.invalid || actions.length === 0 ? 'confirm' : actions[cmd.choice % actions.length]!;
      // The customer may run only `customer` actions (verify, pay, cancel_by_customer, ...) on
      // their own booking; anything else is refused and, by attempt(), changes nothing.
      const actor: Actor = cmd.asCustomer
        ? { role: 'public', projectId: 'proj', customerToken: target.token }
        : OWNER;
      if (action === 'verify') {
        const code = /Verification code: (\d{6})/.exec(
          engine
            .outbox()
            .filter((mail) => mail.booking_id === target.id)
            .at(-1)?.body ?? '',
        )?.[1];
        engine.verify(target.id, cmd.invalid ? 'wrong' : code, actor);
        return;
      }
      const body =
        action === 'reschedule_by_customer'
          ? {
              reschedule_by_customer: {
                start: iso(SLOT_STARTS[cmd.choice % SLOT_STARTS.length]!),
                end: iso(SLOT_STARTS[cmd.choice % SLOT_STARTS.length]! + HOUR),
              },
            }
          : {};
      engine.performAction(target.id, action, body, actor);
      return;
    }
    case 'series': {
      const start = SLOT_STARTS[cmd.slot]!;
      const { collection_id } = engine.createRecurring(
        {
          booking: oneToOne(cmd.graph, start),
          recurring: { rrule: `FREQ=DAILY;INTERVAL=${cmd.days};COUNT=${cmd.count}` },
        },
        OWNER,
      );
      const ids = engine.getCollection(collection_id).map((booking) => booking.id);
      assert.equal(ids.length, cmd.count);
      collections.push({ id: collection_id, bookings: ids });
      for (const id of ids) bookings.push({ id, token: '' });
      return;
    }
    case 'cancelSeries': {
      const series = collections[cmd.series % Math.max(1, collections.length)];
      if (!series) return;
      const cancellable = engine
        .getCollection(series.id)
        .filter((booking) =>
          booking.possible_actions.some((name) =>
            ['cancel', 'decline', 'cancel_by_owner'].includes(name),
          ),
        ).length;
      const result = engine.cancelCollection(
        series.id,
        cmd.message ? { cancel: { message: 'Away' } } : {},
      );
      assert.equal(result.cancelled, cancellable);
      for (const booking of engine.getCollection(series.id)) {
        assert.ok(!holdsTime(booking.graph, booking.state), `${booking.id} still holds time`);
      }
      return;
    }
    case 'status': {
      const target = bookings[cmd.booking % Math.max(1, bookings.length)];
      if (!target) return;
      const view = engine.setStatus(target.id, cmd.status, OWNER);
      assert.equal(view.status, cmd.status);
      return;
    }
    case 'holdOp': {
      const hold = holds[cmd.hold % Math.max(1, holds.length)];
      if (!hold) return;
      if (cmd.op === 'extend') engine.extendHold(hold);
      else engine.releaseHold(hold);
      return;
    }
    case 'tick':
      (engine.clock as unknown as { advance(ms: number): void }).advance(cmd.minutes * MINUTE);
      return;
  }
}

/** Runs a step; an engine refusal must leave the store exactly as it was. */
function attempt(world: World, work: () => void): void {
  world.engine.settle();
  const before = JSON.stringify(world.engine.snapshot());
  try {
    work();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    assert.equal(
      JSON.stringify(world.engine.snapshot()),
      before,
      `a refused step changed the store: ${error.message}`,
    );
  }
}

function checkInvariants(world: World): void {
  const { engine, graphs } = world;
  const now = engine.clock.now();
  const snapshot = engine.snapshot();

  // Seats add up and never exceed max_seats.
  for (const classId of world.classes) {
    const view = engine.getBooking(classId, OWNER);
    const seats = snapshot.bookings
      .filter(
        (booking) =>
          booking.related.owner_booking_id === classId && holdsTime(booking.graph, booking.state),
      )
      .reduce((sum, booking) => sum + (booking.related.seats ?? 1), 0);
    const held = snapshot.holds
      .filter(
        (hold) =>
          hold.owner_booking_id === classId && hold.state === 'reserved' && hold.expires_at > now,
      )
      .reduce((sum, hold) => sum + hold.seats, 0);
    const group = view.attributes.group_booking!;
    if (view.state === 'tentative') assert.equal(group.current_seats, seats + held);
    assert.ok(
      seats + held <= group.max_seats,
      `class ${classId}: ${seats + held} > ${group.max_seats}`,
    );
  }

  // Nothing that holds time on the resource overlaps anything else (no ignore_capacity here).
  const taken = [
    ...snapshot.bookings
      .filter(
        (booking) =>
          booking.resource_id && booking.event && holdsTime(booking.graph, booking.state),
      )
      .map((booking) => booking.event!),
    ...snapshot.holds.filter(
      (hold) => hold.resource_id && hold.state === 'reserved' && hold.expires_at > now,
    ),
  ].sort((a, b) => a.start - b.start);
  for (let index = 1; index < taken.length; index += 1) {
    assert.ok(taken[index]!.start >= taken[index - 1]!.end, 'two holders of the same time');
  }

  // Final states have no actions; logs only grow; nothing is lost.
  const ids = new Set(snapshot.bookings.map((booking) => booking.id));
  for (const { id } of world.bookings) assert.ok(ids.has(id), `booking ${id} was lost`);
  for (const booking of snapshot.bookings) {
    const view = engine.getBooking(booking.id, OWNER);
    const final = graphs.get(booking.graph)!.states[booking.state]?.final === true;
    assert.equal(view.completed, final);
    if (final) assert.deepEqual(view.possible_actions, []);
    assert.ok(booking.logs.length >= (world.logLengths.get(booking.id) ?? 0), 'a log shrank');
    world.logLengths.set(booking.id, booking.logs.length);
  }

  // A series is all there, each occurrence carrying its collection id.
  for (const series of world.collections) {
    assert.deepEqual(
      engine.getCollection(series.id).map((booking) => [booking.id, booking.collection_id]),
      series.bookings.map((id) => [id, series.id]),
    );
  }

  // A snapshot restores into an equal engine.
  const copy = new BookingEngine({ clock: engine.clock });
  copy.restore(snapshot);
  assert.deepEqual(copy.snapshot(), snapshot);
}

test(`random sequences across all graphs keep every invariant (${RUNS} runs)`, () => {
  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), (commands) => {
      const { engine } = makeEngine();
      const classes = [
        openClass(engine, T0 + 3 * DAY + 2 * HOUR, { max_seats: 6, min_cancel_time: '1 day' }).id,
        openClass(engine, T0 + 4 * DAY + 2 * HOUR, { max_seats: 3, payment_window: '10 minutes' })
          .id,
      ];
      const world: World = {
        engine,
        classes,
        bookings: [],
        holds: [],
        collections: [],
        logLengths: new Map(),
        graphs: new Map(engine.listGraphs().map((graph) => [graph.name, graph])),
      };
      commands.forEach((cmd, index) => {
        attempt(world, () => step(world, cmd, index));
        checkInvariants(world);
      });
    }),
    { numRuns: RUNS },
  );
});
