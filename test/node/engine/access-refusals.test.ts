import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOUR,
  MARTY,
  OWNER,
  PUBLIC,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  rejects,
  signUp,
  snapshotJson,
  testProject,
  customerOf,
  SLOT,
} from './helpers.ts';

/**
 * The refusals of src/engine/access.ts, word for word and field by field (planted by hand,
 * issue #17): a form can only point at the field a refusal names, and a widget key must not set
 * what the owner's money, records and notices depend on.
 */

const slot = { resource_id: 'res_doc', start: iso(SLOT), end: iso(SLOT + HOUR) };
const OWNER_FIELD = 'only the owner key may set it';

test('an unknown or another project’s id is refused on the field that named it', () => {
  const { engine } = makeEngine();
  const before = snapshotJson(engine);
  const cases: Array<[() => unknown, string, string]> = [
    [() => engine.reserve({ ...slot, project_id: 'other' }, PUBLIC), 'project_id', 'project'],
    [() => engine.reserve({ ...slot, project_id: 'nope' }, OWNER), 'project_id', 'project'],
    [
      () => engine.createBooking({ ...oneToOne('instant', SLOT), project_id: 'nope' }, OWNER),
      'project_id',
      'project',
    ],
    [() => engine.reserve({ ...slot, resource_id: 'nope' }, OWNER), 'resource_id', 'resource'],
    [
      () => engine.reserve({ related: { owner_booking_id: 'nope' } }, PUBLIC),
      'related.owner_booking_id',
      'class',
    ],
    [
      () => engine.createBooking({ ...oneToOne('instant', SLOT), reservation_id: 'nope' }, PUBLIC),
      'reservation_id',
      'hold',
    ],
  ];
  for (const [work, path, kind] of cases) {
    const refusal = rejects(work, 'not_found');
    assert.deepEqual(refusal.details, [{ path, message: `unknown ${kind}` }], path);
  }
  rejects(() => engine.getResource('nope', OWNER), 'not_found', /^No resource with id "nope"$/);
  assert.equal(snapshotJson(engine), before);
});

test('graph_not_allowed points at graph and lists the allowed ones', () => {
  const { engine } = makeEngine({
    projects: [testProject({ graphs: ['instant', 'group_customer'] })],
  });
  const refusal = rejects(
    () => engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC),
    'graph_not_allowed',
  );
  assert.deepEqual(refusal.details, [
    { path: 'graph', message: 'allowed: instant, group_customer' },
  ]);
});

test('an action the engine runs by itself is refused to the owner and the customer alike', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const before = snapshotJson(engine);
  for (const actor of [OWNER, customerOf(booking.customer_token!)]) {
    const refusal = rejects(
      () => engine.performAction(booking.id, 'expire_verification', {}, actor),
      'invalid_action',
    );
    assert.equal(refusal.message, '"expire_verification" happens automatically.');
  }
  assert.equal(snapshotJson(engine), before);
});

test('an owner-only refusal says the action in words', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT);
  const seat = signUp(engine, yoga.id);
  const cancel = rejects(
    () => engine.performAction(seat.id, 'cancel_by_owner', {}, customerOf(seat.customer_token!)),
    'forbidden',
  );
  assert.equal(cancel.message, 'Only the owner may cancel by owner.');
  const open = rejects(
    () =>
      engine.createBooking(
        { graph: 'group_owner', settings: { max_seats: 5 }, event: oneToOne('x', SLOT).event },
        PUBLIC,
      ),
    'forbidden',
  );
  assert.equal(open.message, 'Only the owner may create group owner bookings.');
});

test('settings sent by a widget key are refused whatever their shape: empty, a list or null', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const customer = customerOf(booking.customer_token!);
  const before = snapshotJson(engine);
  for (const settings of [{}, ['min_cancel_time'], null]) {
    const refusal = rejects(
      () => engine.performAction(booking.id, 'cancel_by_customer', { settings }, customer),
      'field_not_allowed',
      undefined,
    );
    assert.deepEqual(refusal.details, [{ path: 'settings', message: OWNER_FIELD }]);
  }
  assert.equal(snapshotJson(engine), before);
});

test('title, notes, external_id and paid_amount are the owner’s: a widget key is refused each', () => {
  const fields: Record<string, unknown> = {
    title: 'VIP',
    notes: 'pays later',
    external_id: 'crm-1',
    paid_amount: 100,
  };
  const { engine } = makeEngine();
  const before = snapshotJson(engine);
  for (const [field, value] of Object.entries(fields)) {
    const refusal = rejects(
      () => engine.createBooking(oneToOne('instant', SLOT, 60, { [field]: value }), PUBLIC),
      'field_not_allowed',
    );
    assert.equal(
      refusal.message,
      `A widget key may not set ${field}: the project decides these, and only the owner key changes them.`,
    );
    assert.deepEqual(refusal.details, [{ path: field, message: OWNER_FIELD }]);
  }
  assert.equal(snapshotJson(engine), before);
  const owners = engine.createBooking(oneToOne('instant', SLOT, 60, fields), OWNER);
  assert.deepEqual(
    [owners.title, owners.notes, owners.external_id, owners.paid_amount],
    ['VIP', 'pays later', 'crm-1', 100],
  );
});

test('a widget key may switch off the customer’s own confirmation: only owner notices are kept', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(
    oneToOne('instant', SLOT, 60, {
      send_booking_confirmed_email_to_customer: { enabled: false },
    }),
    PUBLIC,
  );
  assert.equal(booking.state, 'confirmed');
  assert.deepEqual(
    engine
      .outbox()
      .filter((entry) => entry.to === MARTY.email)
      .map((entry) => entry.subject),
    [],
  );
});

test('a class found by its time is the one starting at that instant, never a 1:1 booking there', () => {
  const { engine } = makeEngine();
  openClass(engine, SLOT);
  const later = openClass(engine, SLOT + 2 * HOUR);
  const hold = engine.reserve({ service_id: 'proj', start: iso(SLOT + 2 * HOUR) }, PUBLIC);
  assert.equal(hold.group_id, later.id);
  assert.equal(hold.start, '2026-11-24T12:00:00+00:00');
  engine.createBooking(oneToOne('instant', SLOT + 4 * HOUR), PUBLIC);
  const refusal = rejects(
    () => engine.reserve({ service_id: 'proj', start: iso(SLOT + 4 * HOUR) }, PUBLIC),
    'validation_failed',
  );
  assert.deepEqual(
    refusal.details?.map((issue) => issue.path),
    ['start'],
  );
});
