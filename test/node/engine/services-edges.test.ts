import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY,
  HOUR,
  OWNER,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  rejects,
  testProject,
  testResource,
} from './helpers.ts';

/**
 * Appointedd's services read from our projects (src/engine/services.ts, planted by hand, issue
 * #17; only the HTTP tests of seed 003 read them before): a slot project and a group one, the
 * largest class of each, buffers, length, price, and who sees which.
 */

const START = T0 + DAY + 2 * HOUR;
const TWO = testResource({
  id: 'res_two',
  name: 'Marty',
  calendar: { id: 'cal_two', name: 'Two' },
});

function services() {
  const made = makeEngine({
    resources: [testResource(), TWO],
    projects: [
      testProject({
        description: 'A haircut',
        availability: {
          length: '45 minutes',
          buffer: '90 seconds',
          mode: 'roundrobin_prioritized',
        },
        price: { amount: 2500, currency: 'EUR' },
      }),
      testProject({
        id: 'yoga',
        name: 'Yoga',
        app_key: 'yoga_key',
        graph: 'group_customer',
        graphs: ['group_customer'],
        resources: ['res_two'],
        availability: { length: '1 hour', mode: 'roundrobin_prioritized' },
      }),
    ],
  });
  const classOn = (resource: string, seats: number, project?: string, graph = 'group_owner') =>
    made.engine.createBooking(
      {
        graph,
        ...(project ? { project_id: project } : {}),
        settings: { max_seats: seats },
        ignore_capacity: true,
        event: { start: iso(START), end: iso(START + HOUR), what: 'Yoga', resource_id: resource },
      },
      OWNER,
    );
  return { ...made, classOn };
}

test('a slot project is a one-person service with its length, buffer after and price', () => {
  const { engine, classOn } = services();
  // A class on its resource changes nothing: a slot service is for one person.
  classOn('res_doc', 12);
  assert.deepEqual(engine.getService('proj', OWNER), {
    id: 'proj',
    name: 'Test project',
    description: 'A haircut',
    graph: 'instant',
    booking: {
      occupancy: 1,
      type: 'ONLINE_BOOKING',
      buffers: { before: 0, after: 2 },
      durations: [{ default: true, minutes: 45, price: 2500, currency: 'EUR' }],
      allow_group: false,
    },
  });
});

test('a group project takes the most seats of its classes: its own and those on its resources', () => {
  const { engine, classOn } = services();
  const yoga = () => engine.getService('yoga', OWNER);
  assert.deepEqual(yoga(), {
    id: 'yoga',
    name: 'Yoga',
    graph: 'group_customer',
    booking: {
      occupancy: 1,
      type: 'ONLINE_BOOKING',
      buffers: { before: 0, after: 0 },
      durations: [{ default: true, minutes: 60, price: 0 }],
      allow_group: true,
    },
  });
  assert.equal('description' in yoga(), false);
  assert.equal('currency' in yoga().booking.durations[0]!, false);
  // On another resource and of no project: not this service's.
  classOn('res_doc', 30);
  assert.equal(yoga().booking.occupancy, 1);
  // On its resource, of no project: counted.
  classOn('res_two', 8);
  assert.equal(yoga().booking.occupancy, 8);
  // Its own, on another resource: counted; a smaller one later does not lower it.
  classOn('res_doc', 15, 'yoga');
  classOn('res_two', 4);
  assert.equal(yoga().booking.occupancy, 15);
});

test('seat and 1:1 bookings are not classes: their seats are not a service’s occupancy', () => {
  const { engine, classOn } = services();
  const groupClass = classOn('res_two', 3);
  engine.createBooking(
    {
      graph: 'group_customer',
      related: { owner_booking_id: groupClass.id, seats: 2 },
      customer: { name: 'Marty McFly', email: 'marty@hillvalley.test' },
    },
    OWNER,
  );
  // Nor is a 1:1 booking, whatever its settings say.
  engine.createBooking(
    {
      graph: 'instant',
      settings: { max_seats: 50 },
      event: { start: iso(START), end: iso(START + HOUR), what: 'Talk', resource_id: 'res_two' },
      customer: { name: 'Marty McFly', email: 'marty@hillvalley.test' },
      ignore_capacity: true,
    },
    OWNER,
  );
  assert.equal(engine.getService('yoga', OWNER).booking.occupancy, 3);
});

test('a duration rounds to the nearest minute', () => {
  const { engine } = makeEngine({
    projects: [
      testProject({
        availability: {
          length: '89 seconds',
          buffer: '29 seconds',
          mode: 'roundrobin_prioritized',
        },
      }),
    ],
  });
  const service = engine.getService('proj', OWNER);
  assert.equal(service.booking.durations[0]!.minutes, 1);
  assert.equal(service.booking.buffers.after, 0);
});

test('a widget key sees its own project only; the owner sees all', () => {
  const { engine } = services();
  assert.deepEqual(
    engine.listServices(OWNER).map((service) => service.id),
    ['proj', 'yoga'],
  );
  assert.deepEqual(
    engine.listServices(PUBLIC).map((service) => service.id),
    ['proj'],
  );
  assert.equal(engine.getService('proj', PUBLIC).id, 'proj');
  const hidden = rejects(() => engine.getService('yoga', PUBLIC), 'not_found');
  assert.equal(hidden.message, 'No service with id "yoga"');
  const missing = rejects(() => engine.getService('nope', OWNER), 'not_found');
  assert.equal(missing.message, 'No service with id "nope"');
});
