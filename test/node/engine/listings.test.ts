import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../../src/engine/index.ts';
import { DAY, HOUR, OWNER, PUBLIC, T0, iso, makeEngine, oneToOne } from './helpers.ts';

test('listings: all, active, upcoming, unconfirmed, visible and filters', () => {
  const { engine, clock } = makeEngine();
  const at = (day: number, hour: number) => T0 + day * DAY + (hour - 8) * HOUR;
  const confirmed = engine.createBooking(oneToOne('instant', at(1, 10)), PUBLIC);
  const tentative = engine.createBooking(oneToOne('confirm_decline', at(1, 12)), PUBLIC);
  const declined = engine.createBooking(oneToOne('confirm_decline', at(2, 10)), PUBLIC);
  engine.performAction(declined.id, 'decline', {}, OWNER);
  const completed = engine.createBooking(oneToOne('instant', at(3, 10)), PUBLIC);
  engine.performAction(completed.id, 'complete', {}, OWNER);
  const soon = engine.createBooking(oneToOne('instant', at(0, 11)), PUBLIC);
  clock.set(at(0, 12)); // "soon" is now in the past

  const ids = (query: unknown) => engine.listBookings(query).map((booking) => booking.id);
  assert.deepEqual(ids({}), [soon.id, confirmed.id, tentative.id, declined.id, completed.id]);
  assert.deepEqual(ids({ view: 'active' }), [soon.id, confirmed.id, tentative.id]);
  assert.deepEqual(ids({ view: 'upcoming' }), [confirmed.id, tentative.id]);
  assert.deepEqual(ids({ view: 'unconfirmed' }), [tentative.id]);
  assert.deepEqual(ids({ view: 'visible' }), [soon.id, confirmed.id, tentative.id, declined.id]);
  assert.deepEqual(ids({ state: ['declined', 'completed'] }), [declined.id, completed.id]);
  assert.deepEqual(ids({ graph: ['confirm_decline'] }), [tentative.id, declined.id]);
  assert.deepEqual(ids({ start: iso(at(1, 0)), end: iso(at(2, 0)) }), [confirmed.id, tentative.id]);
  assert.deepEqual(ids({ search: 'MARTY' }).length, 5);
  assert.deepEqual(ids({ search: 'nobody' }), []);
  assert.throws(
    () => engine.listBookings({ view: 'everything' }),
    (error: unknown) => error instanceof EngineError && error.code === 'validation_failed',
  );
  assert.throws(
    () => engine.listBookings({}, PUBLIC),
    (error: unknown) => error instanceof EngineError && error.code === 'forbidden',
  );
});
