import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY,
  HOUR,
  MARTY,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  openClass,
  rejects,
  snapshotJson,
  testProject,
  testResource,
} from './helpers.ts';

/**
 * What src/engine/series.ts does that the all-or-nothing tests left unchecked (planted by hand,
 * issue #17): only the owner books a series, a refusal names the field and the occurrence, and
 * every occurrence is the first one moved in the resource's own time zone, what and length kept.
 */

const TUESDAY_10 = T0 + DAY + 2 * HOUR;

const series = (booking: Record<string, unknown>, rrule = 'FREQ=DAILY;COUNT=2') => ({
  booking,
  recurring: { rrule },
});

test('a widget key may not book a series, and nothing is booked', () => {
  const { engine } = makeEngine();
  const before = snapshotJson(engine);
  const refusal = rejects(
    () => engine.createRecurring(series(oneToOne('instant', TUESDAY_10)), PUBLIC),
    'forbidden',
  );
  assert.equal(refusal.message, 'Recurring series need the owner key.');
  assert.equal(refusal.status, 403);
  assert.equal(snapshotJson(engine), before);
});

test('a bad first event is refused under booking.event, a bad rule under recurring', () => {
  const { engine } = makeEngine();
  const { event } = oneToOne('instant', TUESDAY_10);
  const endless = rejects(
    () =>
      engine.createRecurring(
        series({ ...oneToOne('instant', TUESDAY_10), event: { ...event, end: event.start } }),
        OWNER,
      ),
    'validation_failed',
  );
  assert.deepEqual(
    endless.details?.map((issue) => issue.path),
    ['booking.event.end'],
  );
  const badRule = rejects(
    () => engine.createRecurring(series(oneToOne('instant', TUESDAY_10), 'FREQ=SOMETIMES'), OWNER),
    'validation_failed',
  );
  assert.deepEqual(
    badRule.details?.map((issue) => issue.path),
    ['recurring.rrule'],
  );
  assert.match(badRule.details![0]!.message, /SOMETIMES/);
});

test('each occurrence keeps the first one’s what, where and length', () => {
  const { engine } = makeEngine();
  const { collection_id } = engine.createRecurring(
    series(oneToOne('instant', TUESDAY_10, 90)),
    OWNER,
  );
  assert.deepEqual(
    engine.getCollection(collection_id).map((booking) => {
      const info = booking.attributes.event_info!;
      return [info.start, info.end, info.what, info.where];
    }),
    [
      ['2026-11-24T10:00:00+00:00', '2026-11-24T11:30:00+00:00', 'Mens haircut', 'Sesame St'],
      ['2026-11-25T10:00:00+00:00', '2026-11-25T11:30:00+00:00', 'Mens haircut', 'Sesame St'],
    ],
  );
});

test('a weekly series keeps the resource’s wall clock across a summer-time change', () => {
  const berlin = testResource({ timezone: 'Europe/Berlin' });
  const { engine } = makeEngine({ resources: [berlin], projects: [testProject()] });
  // Monday 22 March 2027, 10:00 in Berlin (CET, UTC+1); Berlin moves to CEST on 28 March.
  const first = Date.parse('2027-03-22T09:00:00Z');
  const { collection_id } = engine.createRecurring(
    series(oneToOne('instant', first), 'FREQ=WEEKLY;COUNT=2'),
    OWNER,
  );
  assert.deepEqual(
    engine
      .getCollection(collection_id)
      .map((booking) => Date.parse(booking.attributes.event_info!.start)),
    [first, Date.parse('2027-03-29T08:00:00Z')],
  );
});

test('a refused occurrence keeps its code and field, and says which occurrence it was', () => {
  const { engine } = makeEngine();
  const before = snapshotJson(engine);
  const refusal = rejects(
    () =>
      engine.createRecurring(
        series({ ...oneToOne('group_owner', TUESDAY_10), customer: undefined }),
        OWNER,
      ),
    'validation_failed',
  );
  assert.equal(
    refusal.message,
    'Occurrence 2026-11-24T10:00:00+00:00: settings.max_seats: is required for a class',
  );
  assert.deepEqual(refusal.details, [
    { path: 'settings.max_seats', message: 'is required for a class' },
  ]);
  assert.equal(snapshotJson(engine), before);
});

test('a series of sign-ups, one seat in each class at its time, is cancelled seat by seat', () => {
  const { engine } = makeEngine();
  const classes = [openClass(engine, TUESDAY_10), openClass(engine, TUESDAY_10 + DAY)];
  const { event } = oneToOne('group_customer', TUESDAY_10);
  const { collection_id, count } = engine.createRecurring(
    series({ graph: 'group_customer', event, customer: MARTY }),
    OWNER,
  );
  assert.equal(count, 2);
  const seats = () =>
    engine
      .getCollection(collection_id)
      .map((booking) => [booking.related.owner_booking_id, booking.state]);
  assert.deepEqual(seats(), [
    [classes[0]!.id, 'confirmed'],
    [classes[1]!.id, 'confirmed'],
  ]);
  assert.deepEqual(engine.cancelCollection(collection_id), { collection_id, cancelled: 2 });
  assert.deepEqual(seats(), [
    [classes[0]!.id, 'cancelled_by_owner'],
    [classes[1]!.id, 'cancelled_by_owner'],
  ]);
});

test('an unknown series is named as one in every refusal', () => {
  const { engine } = makeEngine();
  for (const work of [() => engine.getCollection('nope'), () => engine.cancelCollection('nope')])
    rejects(work, 'not_found', /^No recurring collection with id "nope"$/);
});

test('a cancel of a series names a body that is not an object, or a bad message, and cancels nothing', () => {
  const { engine } = makeEngine();
  const { collection_id } = engine.createRecurring(series(oneToOne('instant', TUESDAY_10)), OWNER);
  const before = snapshotJson(engine);
  const notObject = rejects(() => engine.cancelCollection(collection_id, 'x'), 'validation_failed');
  assert.deepEqual(notObject.details, [{ path: 'body', message: 'must be a JSON object' }]);
  const badMessage = rejects(
    () => engine.cancelCollection(collection_id, { cancel: { message: 5 } }),
    'validation_failed',
  );
  assert.deepEqual(
    badMessage.details!.map((issue) => issue.path),
    ['cancel.message'],
  );
  assert.equal(snapshotJson(engine), before);
});
