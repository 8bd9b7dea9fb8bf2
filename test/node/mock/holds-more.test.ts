import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstClass, KEYS, NOW, useMock } from './harness.ts';

/**
 * `PUT /bookings/reserve/extend` (src/mock/handlers/holds.ts) with a widget key: the answer is
 * the hold, extended once by its span. The demo's yoga project holds for 10 minutes; the clock
 * stands at NOW. Each test names the bug it catches; the planted versions passed every other
 * mock test.
 */

const mock = useMock({ fresh: true });

test('extending a hold answers it with its deadline one span later, once', async () => {
  // Bug caught: the handler answering the hold as it was (read, not extended), or answering
  // without the hold; both leave the widget's countdown at the old deadline.
  const group = await firstClass(mock);
  const held = await mock.call('POST', '/bookings/reserve', {
    key: KEYS.yoga,
    body: { related: { owner_booking_id: group.id }, seats: 1 },
  });
  assert.equal(held.status, 201, JSON.stringify(held.body));
  const id = held.body.data.id as string;
  assert.equal(held.body.data.expires_at, '2026-11-26T12:10:00+00:00');
  mock.clock.advance(60_000);

  const extended = await mock.call('PUT', '/bookings/reserve/extend', {
    key: KEYS.yoga,
    body: { id },
  });
  assert.equal(extended.status, 200, JSON.stringify(extended.body));
  assert.equal(extended.body.data.id, id);
  assert.equal(extended.body.data.state, 'reserved');
  assert.equal(extended.body.data.expires_at, '2026-11-26T12:20:00+00:00');
  assert.equal(extended.body.data.extended, true);
  assert.equal(extended.body.data.can_extend, false);

  const read = await mock.call('GET', `/bookings/reserve/${id}`, { key: KEYS.yoga });
  assert.equal(read.body.data.expires_at, '2026-11-26T12:20:00+00:00');
  assert.equal(mock.clock.now(), NOW + 60_000);

  const again = await mock.call('PUT', '/bookings/reserve/extend', {
    key: KEYS.yoga,
    body: { id },
  });
  assert.equal(again.status, 422, JSON.stringify(again.body));
  assert.equal(again.body.error.code, 'invalid_action');
});
