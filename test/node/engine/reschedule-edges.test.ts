import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  OWNER,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  rejects,
  snapshotJson,
  testProject,
  testResource,
  SLOT,
} from './helpers.ts';

/**
 * The reschedule effect of src/engine/machine.ts (planted by hand, issue #17): a customer moving
 * a booking meets the same limits as a visitor booking it (opening hours, the past, the
 * project's horizon), and may move it to another resource of the project.
 */

/** A customer's booking at SLOT on a project of res_doc and res_marty; the customer's actor. */
function booked() {
  const made = makeEngine({
    resources: [
      testResource(),
      testResource({ id: 'res_marty', calendar: { id: 'cal_marty', name: 'Marty' } }),
    ],
    projects: [testProject({ resources: ['res_doc', 'res_marty'] })],
  });
  const booking = made.engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const customer: Actor = {
    role: 'public',
    projectId: 'proj',
    customerToken: booking.customer_token!,
  };
  return { ...made, booking, customer };
}

test('a customer cannot move a booking outside opening hours, into the past or past the horizon', () => {
  const { engine, booking, customer } = booked();
  const before = snapshotJson(engine);
  const to = (start: number) => ({ start: iso(start), end: iso(start + HOUR) });
  const cases: Array<[number, RegExp]> = [
    [SLOT + 10 * HOUR, /outside Doc Brown's opening hours/], // 20:00
    [T0 - DAY + 2 * HOUR, /in the past/],
    [SLOT + 210 * DAY, /too far ahead to book online/], // the project's horizon is 6 months
  ];
  for (const [start, message] of cases)
    rejects(() => engine.reschedule(booking.id, to(start), customer), 'slot_unavailable', message);
  assert.equal(snapshotJson(engine), before);
});

test('a customer may move a booking to another resource of its project', () => {
  const { engine, booking, customer } = booked();
  const moved = engine.reschedule(
    booking.id,
    { start: iso(SLOT + HOUR), end: iso(SLOT + 2 * HOUR), resource_id: 'res_marty' },
    customer,
  );
  const fresh = engine.getBooking(moved.related.rescheduled_to!, customer);
  assert.equal(fresh.resource?.id, 'res_marty');
  assert.equal(fresh.attributes.event_info?.start, '2026-11-24T11:00:00+00:00');
});

test('the moved booking starts its own log and leaves its series; the old one logs the message', () => {
  const { engine, clock } = makeEngine();
  const series = engine.createRecurring(
    { booking: oneToOne('instant', SLOT), recurring: { rrule: 'FREQ=DAILY;COUNT=2' } },
    OWNER,
  );
  const [first] = engine.getCollection(series.collection_id);
  clock.set(T0 + HOUR);
  // `enabled` switches a step; on a step that cannot be switched off it is no part of the slot.
  const moved = engine.reschedule(
    first!.id,
    { start: iso(SLOT + HOUR), end: iso(SLOT + 2 * HOUR), message: 'Running late', enabled: true },
    OWNER,
  );
  const fresh = engine.getBooking(moved.related.rescheduled_to!, OWNER, ['logs']);
  assert.equal(fresh.collection_id, undefined);
  assert.deepEqual(engine.listBookings({ collection_id: series.collection_id }, OWNER).length, 2);
  assert.deepEqual(
    [...new Set(fresh.logs!.map((line) => line.created_at))],
    ['2026-11-23T09:00:00+00:00'],
  );
  const line = engine
    .getBooking(first!.id, OWNER, ['logs'])
    .logs!.find((entry) => entry.description.startsWith('Rescheduled to booking'));
  assert.equal(line?.data, '{"message":"Running late"}');
});

test('the owner may move a booking without telling the webhooks', () => {
  const { engine, booking } = booked();
  engine.webhooks.create({ url: 'https://receiver.example.test/r', events: ['*'] }, OWNER);
  engine.performAction(
    booking.id,
    'reschedule_by_customer',
    {
      reschedule_by_customer: { start: iso(SLOT + HOUR), end: iso(SLOT + 2 * HOUR) },
      trigger_webhook: { enabled: false },
    },
    OWNER,
  );
  assert.deepEqual(
    engine.outbox().filter((entry) => entry.kind === 'webhook'),
    [],
  );
});
