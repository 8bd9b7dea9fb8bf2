import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, customer, firstClass, useMock } from './harness.ts';

/**
 * An Idempotency-Key belongs to the API key that sent it: two callers who happen to pick the
 * same key (and send the same body) each get their own answer, never the other's booking.
 */

const mock = useMock();

const post = (key: string, body: unknown, idempotencyKey: string) =>
  mock.call('POST', '/bookings', { key, body, headers: { 'Idempotency-Key': idempotencyKey } });

test('the same Idempotency-Key and body from the widget key and the owner key book twice', async () => {
  const yogaClass = await firstClass(mock);
  const body = {
    graph: 'group_customer',
    related: { owner_booking_id: yogaClass.id, seats: 1 },
    customer: customer(1),
  };
  const fromWidget = await post(KEYS.yoga, body, 'shared-key');
  const fromOwner = await post(KEYS.owner, body, 'shared-key');
  assert.equal(fromWidget.status, 201);
  assert.equal(fromOwner.status, 201);
  assert.notEqual(fromOwner.body.data.id, fromWidget.body.data.id);
  assert.equal(fromWidget.headers.get('idempotent-replayed'), null);
  assert.equal(fromOwner.headers.get('idempotent-replayed'), null);

  // Each key still replays its own answer.
  const widgetAgain = await post(KEYS.yoga, body, 'shared-key');
  assert.equal(widgetAgain.headers.get('idempotent-replayed'), 'true');
  assert.equal(widgetAgain.body.data.id, fromWidget.body.data.id);
  const ownerAgain = await post(KEYS.owner, body, 'shared-key');
  assert.equal(ownerAgain.headers.get('idempotent-replayed'), 'true');
  assert.equal(ownerAgain.body.data.id, fromOwner.body.data.id);
});

test('another project’s widget key with the same Idempotency-Key gets its own answer', async () => {
  const yogaClass = await firstClass(mock);
  const body = {
    graph: 'group_customer',
    related: { owner_booking_id: yogaClass.id, seats: 1 },
    customer: customer(2),
  };
  const fromYoga = await post(KEYS.yoga, body, 'another-shared-key');
  const fromBarber = await post(KEYS.barber, body, 'another-shared-key');
  assert.equal(fromYoga.status, 201);
  assert.equal(fromBarber.headers.get('idempotent-replayed'), null);
  assert.notEqual(fromBarber.body.data?.id, fromYoga.body.data.id);
});

// A hole found while writing these tests: the class's project was never compared with the widget
// key's. Another project's class now answers as an unknown one would, and no seat is taken.
test('a widget key cannot take seats in another project’s class', async () => {
  const yogaClass = await firstClass(mock);
  const signUp = await mock.call('POST', '/bookings', {
    key: KEYS.barber,
    body: {
      graph: 'group_customer',
      related: { owner_booking_id: yogaClass.id, seats: 1 },
      customer: customer(3),
    },
  });
  assert.ok([403, 404].includes(signUp.status), `status ${signUp.status}`);
  const after = await firstClass(mock);
  assert.equal(
    after.attributes.group_booking?.current_seats,
    yogaClass.attributes.group_booking?.current_seats,
  );
});
