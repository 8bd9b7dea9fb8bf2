import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError, type BookingEngine } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  openClass,
  signUp,
  snapshotJson,
  customerOf,
  SLOT,
} from './helpers.ts';

/**
 * Every action only the owner may run, refused (403, nothing changed) for the public widget key
 * and for the booking's own customer token; then run by the owner, so the refusal was about who
 * asked, not about the state. The table is written here, not read from the graphs: a graph that
 * loses an owner-only mark fails the first test, an engine that stops checking fails the rest.
 */

const OWNER_ONLY: Record<string, string[]> = {
  instant: ['cancel', 'complete'],
  confirm_decline: ['cancel', 'complete', 'confirm', 'decline'],
  instant_payment: ['cancel', 'complete'],
  group_owner: ['cancel', 'complete', 'create'],
  group_customer: ['cancel_by_owner', 'complete'],
  group_customer_payment: ['cancel_by_owner', 'complete'],
};

const CLASS_START = T0 + 3 * DAY + 2 * HOUR;

/** A booking of `graph` resting in a state from which the owner may run `action`. */
function bookingReadyFor(engine: BookingEngine, graph: string, action: string) {
  switch (graph) {
    case 'instant':
      return engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
    case 'confirm_decline': {
      const booking = engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
      if (action === 'cancel' || action === 'complete')
        engine.performAction(booking.id, 'confirm', {}, OWNER);
      return booking;
    }
    case 'instant_payment': {
      const booking = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
      engine.performAction(booking.id, 'pay', {}, customerOf(booking.customer_token!));
      return booking;
    }
    case 'group_owner':
      return openClass(engine, CLASS_START);
    case 'group_customer':
    case 'group_customer_payment': {
      const seat = signUp(engine, openClass(engine, CLASS_START).id, 1, PUBLIC, graph);
      if (action === 'complete' && graph === 'group_customer_payment')
        engine.performAction(seat.id, 'pay', {}, customerOf(seat.customer_token!));
      return seat;
    }
  }
  throw new Error(`no set-up for ${graph}`);
}

function refusedWith403(engine: BookingEngine, work: () => unknown, who: string) {
  const before = snapshotJson(engine);
  assert.throws(work, (error: unknown) => {
    assert.ok(error instanceof EngineError, `${who}: expected a refusal, got ${String(error)}`);
    assert.equal(error.code, 'forbidden', `${who}: ${error.message}`);
    assert.equal(error.status, 403);
    return true;
  });
  assert.equal(snapshotJson(engine), before, `${who}: a refusal changed the store`);
}

test('the owner-only actions of every graph are the ones this table lists', () => {
  const { engine } = makeEngine();
  const fromGraphs = Object.fromEntries(
    engine.listGraphs().map((graph) => [
      graph.name,
      Object.entries(graph.actions)
        .filter(([, action]) => action.by === 'owner')
        .map(([name]) => name)
        .sort(),
    ]),
  );
  assert.deepEqual(fromGraphs, OWNER_ONLY);
});

for (const [graph, actions] of Object.entries(OWNER_ONLY)) {
  for (const action of actions.filter((name) => name !== 'create')) {
    test(`${graph}: "${action}" is refused for a widget key and a customer token, then the owner runs it`, () => {
      const { engine } = makeEngine();
      const booking = bookingReadyFor(engine, graph, action);
      refusedWith403(engine, () => engine.performAction(booking.id, action, {}, PUBLIC), 'widget');
      refusedWith403(
        engine,
        () => engine.performAction(booking.id, action, {}, customerOf(booking.customer_token!)),
        'customer token',
      );
      assert.notEqual(engine.performAction(booking.id, action, {}, OWNER).state, booking.state);
    });
  }
}

test('group_owner: a class cannot be opened with a widget key or a customer token', () => {
  const { engine } = makeEngine();
  const seat = signUp(engine, openClass(engine, CLASS_START).id);
  const classBody = {
    graph: 'group_owner',
    settings: { max_seats: 5 },
    event: {
      start: new Date(CLASS_START + DAY).toISOString(),
      end: new Date(CLASS_START + DAY + HOUR).toISOString(),
      what: 'Pop-up class',
      resource_id: 'res_doc',
    },
  };
  refusedWith403(engine, () => engine.createBooking(classBody, PUBLIC), 'widget');
  refusedWith403(
    engine,
    () => engine.createBooking(classBody, customerOf(seat.customer_token!)),
    'customer token',
  );
  assert.equal(engine.createBooking(classBody, OWNER).state, 'tentative');
});
