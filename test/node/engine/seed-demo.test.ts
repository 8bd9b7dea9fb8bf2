import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BookingEngine,
  DEMO_KEYS,
  ManualClock,
  OWNER,
  seedDemo,
} from '../../../src/engine/index.ts';

test('the demo data: five projects, weekly classes from tomorrow, bookable through holds', () => {
  const engine = new BookingEngine({ clock: new ManualClock('2026-03-26T12:00:00Z') });
  seedDemo(engine);
  assert.deepEqual(
    engine.listProjects().map((project) => [project.id, project.graph, project.app_key]),
    [
      ['proj_barber', 'instant', DEMO_KEYS.barber],
      ['proj_consultant', 'confirm_decline', DEMO_KEYS.consultant],
      ['proj_yoga', 'group_customer', DEMO_KEYS.yoga],
      ['proj_paid_class', 'group_customer_payment', DEMO_KEYS.paidClass],
      ['proj_paid_session', 'instant_payment', DEMO_KEYS.paidSession],
    ],
  );
  const yoga = engine.listGroups({}, { role: 'public', projectId: 'proj_yoga' });
  assert.equal(yoga.length, 9);
  // Mon/Wed/Fri at 07:00 New York, across the US DST change already passed and none pending.
  assert.deepEqual(
    yoga.slice(0, 3).map((group) => group.attributes.event_info.start),
    ['2026-03-27T11:00:00+00:00', '2026-03-30T11:00:00+00:00', '2026-04-01T11:00:00+00:00'],
  );
  assert.equal(yoga[0]!.attributes.group_booking.max_seats, 20);
  assert.equal(engine.listGroups({}, { role: 'public', projectId: 'proj_paid_class' }).length, 6);

  const slots = engine.availability({}, { role: 'public', projectId: 'proj_barber' });
  assert.ok(slots.length > 100, `${slots.length} barber slots in four weeks`);
  const first = slots[0]!;
  const hold = engine.reserve(
    { resource_id: first.resources[0]!.id, start: first.start, end: first.end },
    { role: 'public', projectId: 'proj_barber' },
  );
  const booking = engine.createBooking(
    {
      graph: 'instant',
      reservation_id: hold.id,
      event: { what: 'Haircut' },
      customer: { name: 'Marty', email: 'marty@example.com' },
    },
    { role: 'public', projectId: 'proj_barber' },
  );
  assert.equal(booking.state, 'confirmed');
  assert.equal(
    engine.outbox().filter((entry) => entry.kind === 'webhook').length,
    1,
    'the barber project has a webhook',
  );
  assert.equal(engine.listBookings({ graph: ['group_owner'] }, OWNER).length, 15);
});
