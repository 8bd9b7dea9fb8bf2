import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { firstClass, KEYS, useMock } from './harness.ts';

/**
 * Seed 003 (Appointedd) reservations over HTTP: a hold on a group booking shows the seed's
 * `max_spaces`, `reserved_spaces`-like `seats`, `allow_additional_spaces` and the group's id.
 */
const mock = useMock();

describe('seed 003 hold fields', () => {
  test('a class hold shows the seats left when held, whether more fit, and the group id', async () => {
    const group = await firstClass(mock);
    const { body } = await mock.call('GET', '/bookings/groups', { key: KEYS.yoga });
    const left = body.data[0].attributes.group_booking.seats_left as number;
    assert.ok(left >= 2, `the demo class needs 2 seats left, has ${left}`);
    // The seed's example: 1 space reserved of 5 left, more allowed.
    const one = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.yoga,
      body: { related: { owner_booking_id: group.id }, seats: 1 },
    });
    assert.equal(one.status, 201, JSON.stringify(one.body));
    assert.notEqual(one.body.data.id, group.id);
    assert.equal(one.body.data.group_id, group.id);
    assert.equal(one.body.data.seats, 1);
    assert.equal(one.body.data.max_spaces, left);
    assert.equal(one.body.data.allow_additional_spaces, true);
    // The rest: nothing more would fit, and a later hold sees fewer left.
    const rest = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.yoga,
      body: { related: { owner_booking_id: group.id }, seats: left - 1 },
    });
    assert.equal(rest.status, 201, JSON.stringify(rest.body));
    assert.equal(rest.body.data.max_spaces, left - 1);
    assert.equal(rest.body.data.allow_additional_spaces, false);
    const again = await mock.call('GET', `/bookings/reserve/${one.body.data.id}`, {
      key: KEYS.yoga,
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.data.max_spaces, left);
  });

  test('a slot hold holds its one slot: max_spaces 1, no additional spaces, no group', async () => {
    const { body: slots } = await mock.call('POST', '/availability', {
      key: KEYS.barber,
      body: {},
    });
    const slot = slots.data[0];
    const resource = slot.resources[0].id as string;
    const hold = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.barber,
      body: { resource_id: resource, start: slot.start, end: slot.end },
    });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    assert.equal(hold.body.data.max_spaces, 1);
    assert.equal(hold.body.data.allow_additional_spaces, false);
    assert.equal(hold.body.data.group_id, undefined);
  });
});
