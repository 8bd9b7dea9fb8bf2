import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  rejects,
  signUp,
  testProject,
} from './helpers.ts';

/**
 * What the owner's booking lists accept and how each filter reads a record
 * (src/engine/listing-filters.ts, planted by hand, issue #17): every list's bounds, the names
 * no graph knows, Makeplans' two state aliases, and each record filter alone.
 */

const at = (day: number, hour: number) => T0 + day * DAY + (hour - 8) * HOUR;

test('each list takes 1 to its most names; empty names and unknown fields are refused', () => {
  const { engine } = makeEngine();
  const cases: Array<[string, number, string]> = [
    ['state', 50, 'confirmed'],
    ['graph', 50, 'instant'],
    ['ids', 500, 'id_1'],
    ['resource_id', 100, 'res_doc'],
    ['service_id', 100, 'proj'],
    ['event_id', 100, 'id_1'],
    ['person_id', 100, 'id_1'],
  ];
  for (const [field, most, name] of cases) {
    assert.doesNotThrow(() => engine.listBookings({ [field]: Array(most).fill(name) }, OWNER));
    for (const value of [Array(most + 1).fill(name), []]) {
      const refusal = rejects(
        () => engine.listBookings({ [field]: value }, OWNER),
        'validation_failed',
      );
      assert.equal(refusal.details![0]!.path, field, `${field} of ${value.length}`);
    }
  }
  // A status list may be empty, but not longer than the list of statuses.
  assert.deepEqual(engine.listBookings({ status: Array(10).fill('completed') }, OWNER), []);
  assert.deepEqual(engine.listBookings({ status: [] }, OWNER), []);
  assert.equal(
    rejects(
      () => engine.listBookings({ status: Array(11).fill('completed') }, OWNER),
      'validation_failed',
    ).details![0]!.path,
    'status',
  );
  for (const field of ['ids', 'project_id', 'collection_id', 'external_id']) {
    const value = field === 'ids' ? [''] : '';
    const refusal = rejects(
      () => engine.listBookings({ [field]: value }, OWNER),
      'validation_failed',
    );
    assert.match(refusal.details![0]!.path, new RegExp(`^${field}`));
  }
  const long = 'x'.repeat(101);
  rejects(() => engine.listBookings({ ids: [long] }, OWNER), 'validation_failed');
  assert.deepEqual(engine.listBookings({ ids: ['x'.repeat(100)] }, OWNER), []);
  const search = rejects(
    () => engine.listBookings({ search: 'x'.repeat(201) }, OWNER),
    'validation_failed',
  );
  assert.equal(search.details![0]!.path, 'search');
  rejects(() => engine.listBookings({ search: 'two\nlines' }, OWNER), 'validation_failed');
  const unknown = rejects(() => engine.listBookings({ colour: 'red' }, OWNER), 'validation_failed');
  assert.match(unknown.message, /colour/);
});

test('a state or graph no graph knows is refused, naming it and what is known', () => {
  const { engine } = makeEngine();
  const state = rejects(
    () => engine.listBookings({ state: ['confirmed', 'lost', 'gone'] }, OWNER),
    'validation_failed',
  );
  assert.equal(state.details!.length, 1);
  assert.equal(state.details![0]!.path, 'state');
  assert.match(state.details![0]!.message, /^unknown "lost", "gone"; known: deleted, /);
  assert.ok(
    state.message.startsWith('state: unknown "lost", "gone"; known: '),
    `state.message.startsWith('state: unknown "lost", "gone"; known: ')`,
  );
  for (const known of ['awaiting_confirmation', 'awaiting_payment', 'tentative', 'confirmed'])
    assert.ok(state.details![0]!.message.includes(known), known);
  const graph = rejects(
    () => engine.listBookings({ graph: ['walk_in'] }, OWNER),
    'validation_failed',
  );
  assert.equal(graph.details![0]!.path, 'graph');
  assert.match(graph.details![0]!.message, /^unknown "walk_in"; known: .*\binstant\b/);
  // Every known name is taken: the aliases, deleted, and a state of each graph.
  assert.doesNotThrow(() =>
    engine.listBookings(
      { state: ['deleted', 'awaiting_payment', 'awaiting_confirmation', 'paid', 'tentative'] },
      OWNER,
    ),
  );
  assert.doesNotThrow(() => engine.listBookings({ graph: ['group_owner'] }, OWNER));
});

test('awaiting_payment: a booking waiting to pay, not one paid nor one waiting for the host', () => {
  const { engine } = makeEngine({
    projects: [testProject({ booking_settings: { payment_window: '1 hour' } })],
  });
  const unpaid = engine.createBooking(oneToOne('instant_payment', at(1, 10)), PUBLIC);
  const paid = engine.createBooking(oneToOne('instant_payment', at(1, 12)), PUBLIC);
  engine.performAction(
    paid.id,
    'pay',
    {},
    {
      role: 'public',
      projectId: 'proj',
      customerToken: paid.customer_token!,
    },
  );
  const request = engine.createBooking(oneToOne('confirm_decline', at(1, 14)), PUBLIC);
  const ids = (state: string) =>
    engine.listBookings({ state: [state] }, OWNER).map((booking) => booking.id);
  assert.deepEqual(ids('awaiting_payment'), [unpaid.id]);
  assert.deepEqual(ids('awaiting_confirmation'), [request.id]);
  assert.deepEqual(ids('tentative'), [unpaid.id, request.id]);
});

test('each record filter alone', () => {
  const { engine, clock } = makeEngine({
    projects: [testProject(), testProject({ id: 'other', app_key: 'other_key' })],
  });
  const ids = (query: unknown) => engine.listBookings(query, OWNER).map((booking) => booking.id);
  const a = engine.createBooking(oneToOne('instant', at(1, 10), 60, { external_id: 'A-1' }), OWNER);
  clock.advance(MINUTE);
  const b = engine.createBooking(oneToOne('instant', at(1, 12)), {
    role: 'public',
    projectId: 'other',
  });
  const { collection_id } = engine.createRecurring(
    { booking: oneToOne('instant', at(2, 10)), recurring: { rrule: 'FREQ=DAILY;COUNT=2' } },
    OWNER,
  );
  const [c1, c2] = engine.getCollection(collection_id);
  const yoga = openClass(engine, at(4, 10));
  const seat = signUp(engine, yoga.id, 1, OWNER, 'group_customer', 1);
  clock.advance(MINUTE);
  engine.setStatus(a.id, 'completed', OWNER);
  const sinceB = iso(T0 + MINUTE);

  assert.deepEqual(ids({ status: ['completed'] }), [a.id]);
  // Updated after `since`: b was updated at `since` itself, so not listed; a changed later.
  assert.deepEqual(ids({ since: sinceB }), [a.id]);
  assert.deepEqual(ids({ ids: [b.id, seat.id] }), [b.id, seat.id]);
  assert.deepEqual(ids({ external_id: 'A-1' }), [a.id]);
  assert.deepEqual(ids({ graph: ['group_customer'] }), [seat.id]);
  assert.deepEqual(ids({ project_id: 'other' }), [b.id]);
  assert.deepEqual(ids({ service_id: ['other'] }), [b.id]);
  assert.deepEqual(ids({ collection_id }), [c1!.id, c2!.id]);
  assert.deepEqual(ids({ event_id: [yoga.id] }), [seat.id]);
  const person = engine.getBooking(b.id, OWNER).customers[0]!.id;
  assert.deepEqual(ids({ person_id: [person] }), [b.id]);
});
