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
  rejects,
  signUp,
  testProject,
  testResource,
} from './helpers.ts';

/**
 * A seat asked for by time instead of by class (src/engine/class-by-time.ts, planted by hand,
 * issue #17): which class starting then is meant (live, with that end, on that resource, of that
 * project, with the seats), and where the request's time and resource are read from and refused.
 */

const START = T0 + DAY + 2 * HOUR; // Tuesday 2026-11-24 10:00 UTC
const TWO = testResource({
  id: 'res_two',
  name: 'Marty',
  calendar: { id: 'cal_two', name: 'Two' },
});
const OTHER = testProject({ id: 'other', app_key: 'other_key', resources: ['res_doc', 'res_two'] });

function engineOf() {
  return makeEngine({
    resources: [testResource(), TWO],
    projects: [testProject({ resources: ['res_doc', 'res_two'] }), OTHER],
  });
}

type Engine = ReturnType<typeof engineOf>['engine'];

/** A class at START: `minutes` long, on `resource`, of `project` (none: the owner's own). */
function classOf(
  engine: Engine,
  options: { what: string; seats?: number; minutes?: number; resource?: string; project?: string },
) {
  return engine.createBooking(
    {
      graph: 'group_owner',
      ...(options.project ? { project_id: options.project } : {}),
      settings: { max_seats: options.seats ?? 5 },
      ignore_capacity: true,
      event: {
        start: iso(START),
        end: iso(START + (options.minutes ?? 60) * 60_000),
        what: options.what,
        resource_id: options.resource ?? 'res_doc',
      },
    },
    OWNER,
  );
}

/** A sign-up by time (top-level `start`, or `event`), its class id. */
function byTime(engine: Engine, extra: Record<string, unknown>, actor: Actor = PUBLIC) {
  const booking = engine.createBooking(
    {
      graph: 'group_customer',
      customer: { name: 'Marty McFly', email: 'marty@hillvalley.test' },
      ...extra,
    },
    actor,
  );
  return booking.related.owner_booking_id;
}

test('a cancelled class at that time is passed over for the live one', () => {
  const { engine } = engineOf();
  const cancelled = classOf(engine, { what: 'Cancelled' });
  engine.performAction(cancelled.id, 'cancel', {}, OWNER);
  const live = classOf(engine, { what: 'Live' });
  assert.equal(byTime(engine, { start: iso(START) }), live.id);
});

test('the end, the resource and the project narrow the classes starting then', () => {
  const { engine } = engineOf();
  const hour = classOf(engine, { what: 'Hour' });
  const long = classOf(engine, { what: 'Two hours', minutes: 120 });
  const onTwo = classOf(engine, { what: 'On two', resource: 'res_two' });
  assert.equal(
    engine.reserve({ service_id: 'proj', start: iso(START), end: iso(START + 2 * HOUR) }, PUBLIC)
      .group_id,
    long.id,
  );
  assert.equal(
    engine.reserve({ start: iso(START), end: iso(START + HOUR), resource_id: 'res_two' }, PUBLIC)
      .group_id,
    onTwo.id,
  );
  assert.equal(byTime(engine, { start: iso(START) }), hour.id);
  assert.equal(byTime(engine, { start: iso(START), resource_id: 'res_two' }), onTwo.id);
});

test('a project’s classes: its own, and the owner’s own on its resources; not another project’s', () => {
  const { engine } = makeEngine({
    resources: [testResource(), TWO],
    projects: [testProject({ resources: ['res_doc'] }), OTHER],
  });
  const others = classOf(engine, { what: 'Other project’s', project: 'other' });
  const ownersOnTwo = classOf(engine, { what: 'Owner’s, on two', resource: 'res_two' });
  const ownersOnDoc = classOf(engine, { what: 'Owner’s, on doc' });
  // The owner names the project: the other project's class and the class off its resources are not it.
  assert.equal(byTime(engine, { start: iso(START), project_id: 'proj' }, OWNER), ownersOnDoc.id);
  assert.equal(byTime(engine, { start: iso(START), project_id: 'other' }, OWNER), others.id);
  const refused = rejects(
    () => byTime(engine, { start: iso(START), project_id: 'proj', resource_id: 'res_two' }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(refused.details, [
    { path: 'start', message: 'is not the start of a class you can join' },
  ]);
  assert.equal(ownersOnTwo.state, 'tentative');
});

test('the first class with the seats asked for; when none has them, the first one says why', () => {
  const { engine } = engineOf();
  const small = classOf(engine, { what: 'Small', seats: 2 });
  const large = classOf(engine, { what: 'Large', seats: 3 });
  signUp(engine, small.id, 1, OWNER, 'group_customer', 1);
  // Small has 1 left, Large 3: two seats go to Large, one to Small.
  assert.equal(byTime(engine, { start: iso(START), related: { seats: 2 } }), large.id);
  assert.equal(byTime(engine, { start: iso(START), related: { seats: 1 } }), small.id);
  // Now Small has 0 left and Large 1: two seats fit neither; the first (Small) refuses.
  const refused = rejects(
    () => byTime(engine, { start: iso(START), related: { seats: 2 } }),
    'sold_out',
  );
  assert.equal(refused.message, '"Small" is sold out: 0 seats left.');
  // Exactly the seats left is enough.
  assert.equal(byTime(engine, { start: iso(START), related: { seats: 1 } }), large.id);
});

test('the time and resource are read from `event` when there is one, refused under its name', () => {
  const { engine } = engineOf();
  classOf(engine, { what: 'Hour' });
  const onTwo = classOf(engine, { what: 'On two', resource: 'res_two' });
  assert.equal(
    byTime(engine, {
      event: { start: iso(START), resource_id: 'res_two' },
      resource_id: 'res_doc',
    }),
    onTwo.id,
  );
  const none = rejects(
    () => byTime(engine, { event: { start: iso(START + HOUR) } }),
    'validation_failed',
  );
  assert.deepEqual(none.details, [
    { path: 'event.start', message: 'is not the start of a class you can join' },
  ]);
  const top = rejects(() => byTime(engine, { start: iso(START + HOUR) }), 'validation_failed');
  assert.deepEqual(top.details, [
    { path: 'start', message: 'is not the start of a class you can join' },
  ]);
  const unreadable = rejects(
    () => byTime(engine, { event: { start: 'soon' } }),
    'validation_failed',
  );
  assert.deepEqual(
    unreadable.details!.map((issue) => issue.path),
    ['event.start'],
  );
  const unknown = rejects(
    () => byTime(engine, { event: { start: iso(START), resource_id: 'res_gone' } }),
    'not_found',
  );
  assert.deepEqual(unknown.details, [{ path: 'event.resource_id', message: 'unknown resource' }]);
  const unknownTop = rejects(
    () => byTime(engine, { start: iso(START), resource_id: 'res_gone' }),
    'not_found',
  );
  assert.deepEqual(unknownTop.details, [{ path: 'resource_id', message: 'unknown resource' }]);
});

test('an `event` without a start names no time; one that is a list is no event, the top-level start counts', () => {
  const { engine } = engineOf();
  const hour = classOf(engine, { what: 'Hour' });
  const refused = rejects(
    () => byTime(engine, { event: { resource_id: 'res_doc' }, start: iso(START) }),
    'validation_failed',
  );
  assert.deepEqual(refused.details, [
    { path: 'related.owner_booking_id', message: 'is required for group_customer bookings' },
  ]);
  assert.equal(byTime(engine, { event: [iso(START + HOUR)], start: iso(START) }), hour.id);
  for (const event of [null, 'x', 5])
    assert.equal(byTime(engine, { event, start: iso(START) }), hour.id, JSON.stringify(event));
  const empty = rejects(() => byTime(engine, { start: '' }), 'validation_failed');
  assert.deepEqual(
    empty.details!.map((issue) => issue.path),
    ['start'],
  );
});
