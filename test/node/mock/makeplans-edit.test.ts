import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { customer, firstClass, KEYS, useMock, weeklySeries } from './harness.ts';

/** Seed 004's owner edits over HTTP: DELETE /bookings/:id, DELETE /bookings/recurring/:id, PUT /bookings/:id. */
const mock = useMock();

const slot = { start: '2027-02-01T09:00:00+00:00', end: '2027-02-01T10:00:00+00:00' };
const book = async (extra: Record<string, unknown> = {}) => {
  const { status, body } = await mock.call('POST', '/bookings', {
    body: {
      graph: 'instant',
      resource_id: 'res_barber',
      event: { ...slot, what: 'Cut' },
      customer: customer(1),
      ...extra,
    },
  });
  return { status, booking: body.data, error: body.error };
};
const listed = async (path: string, id: string) =>
  (await mock.call('GET', path)).body.data.some((booking: { id: string }) => booking.id === id);

describe('seed 004: DELETE /bookings/:id', () => {
  test('the booking goes to deleted, frees its time, and is listed only in /bookings/all', async () => {
    const { booking } = await book();
    assert.equal((await book()).status, 409, 'the slot is taken');
    assert.equal(
      (await mock.call('DELETE', `/bookings/${booking.id}`, { key: KEYS.barber })).status,
      403,
    );
    const deleted = await mock.call('DELETE', `/bookings/${booking.id}`);
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    assert.equal(deleted.body.data.state, 'deleted');
    assert.equal(deleted.body.data.active, false);
    assert.deepEqual(deleted.body.data.possible_actions, []);
    assert.equal(deleted.body.data.logs.at(-1).description, 'Deleted booking');
    assert.equal((await mock.call('GET', `/bookings/${booking.id}`)).body.data.state, 'deleted');
    for (const path of ['/bookings', '/bookings/active', '/bookings/visible', '/bookings/recent'])
      assert.equal(await listed(path, booking.id), false, path);
    assert.equal(await listed('/bookings/all', booking.id), true);
    assert.equal(await listed('/bookings?state=deleted', booking.id), true);
    const again = await mock.call('DELETE', `/bookings/${booking.id}`);
    assert.equal(again.body.error.code, 'invalid_action');
    const rebooked = await book();
    assert.equal(rebooked.status, 201, 'the time is free again');
    await mock.call('DELETE', `/bookings/${rebooked.booking.id}`);
  });

  test('DELETE /bookings/recurring/:id deletes the whole series', async () => {
    const id = await weeklySeries(mock);
    assert.equal(
      (await mock.call('DELETE', `/bookings/recurring/${id}`, { key: KEYS.paidSession })).status,
      403,
    );
    const deleted = await mock.call('DELETE', `/bookings/recurring/${id}`);
    assert.deepEqual(deleted.body.data, { collection_id: id, deleted: 3 });
    const series = await mock.call('GET', `/bookings/recurring/${id}`);
    assert.deepEqual(
      series.body.data.map((booking: { state: string }) => booking.state),
      ['deleted', 'deleted', 'deleted'],
    );
    assert.equal((await mock.call('GET', `/bookings?collection_id=${id}`)).body.data.length, 0);
    assert.equal((await mock.call('DELETE', '/bookings/recurring/nope')).status, 404);
  });
});

describe('seed 004: PUT /bookings/:id', () => {
  test('updates the owner attributes and the customer, logged', async () => {
    const { booking } = await book();
    const updated = await mock.call('PUT', `/bookings/${booking.id}`, {
      body: {
        title: 'Beard trim',
        notes: 'Very handsome customer',
        external_id: 'ext-7',
        paid_amount: 25.5,
        custom_data: { utm_source: 'newsletter' },
        customer: { phone: '+45 12345678' },
      },
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    const data = updated.body.data;
    assert.equal(data.title, 'Beard trim');
    assert.equal(data.notes, 'Very handsome customer');
    assert.equal(data.external_id, 'ext-7');
    assert.equal(data.paid_amount, 25.5);
    assert.deepEqual(data.custom_data, { utm_source: 'newsletter' });
    assert.equal(data.customers[0].phone, '+45 12345678');
    assert.equal(data.customers[0].email, customer(1).email);
    assert.match(data.logs.at(-1).description, /^Updated title, notes, external_id/);
    await mock.call('DELETE', `/bookings/${booking.id}`);
  });

  test('bad parts are all reported, nothing changes; widget keys are refused', async () => {
    const { booking } = await book({ title: 'Before' });
    const refused = await mock.call('PUT', `/bookings/${booking.id}`, {
      body: { title: 'After', paid_amount: -1, customer: { email: 'not-an-email' }, colour: 'red' },
    });
    assert.equal(refused.status, 422);
    const paths = refused.body.error.details.map((detail: { path: string }) => detail.path);
    assert.ok(paths.includes('paid_amount') && paths.includes('(body)'), JSON.stringify(paths));
    const badCustomer = await mock.call('PUT', `/bookings/${booking.id}`, {
      body: { title: 'After', customer: { email: 'not-an-email' } },
    });
    assert.equal(badCustomer.body.error.details[0].path, 'customer.email');
    const widget = await mock.call('PUT', `/bookings/${booking.id}`, {
      key: KEYS.barber,
      body: { title: 'After' },
    });
    assert.equal(widget.status, 403);
    const after = await mock.call('GET', `/bookings/${booking.id}?include=logs`);
    assert.equal(after.body.data.title, 'Before');
    assert.equal(
      after.body.data.logs.filter((log: { description: string }) =>
        log.description.startsWith('Updated title'),
      ).length,
      0,
    );
    await mock.call('DELETE', `/bookings/${booking.id}`);
  });

  test('seats (Makeplans count) change only where the class has room', async () => {
    const groupClass = await firstClass(mock);
    const { max_seats, current_seats } = groupClass.attributes.group_booking;
    const signed = await mock.call('POST', '/bookings', {
      body: {
        graph: 'group_customer',
        related: { owner_booking_id: groupClass.id },
        customer: customer(3),
      },
    });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const room = max_seats - current_seats;
    const more = await mock.call('PUT', `/bookings/${signed.body.data.id}`, {
      body: { count: room },
    });
    assert.equal(more.status, 200, JSON.stringify(more.body));
    assert.equal(more.body.data.related.seats, room);
    const tooMany = await mock.call('PUT', `/bookings/${signed.body.data.id}`, {
      body: { seats: room + 1 },
    });
    assert.equal(tooMany.status, 409, JSON.stringify(tooMany.body));
    const after = await mock.call('GET', `/bookings/groups/${groupClass.id}`);
    assert.equal(after.body.data.attributes.group_booking.current_seats, max_seats);

    // Seed 004's ignore_capacity: the owner overfills on purpose; alone it names nothing.
    const alone = await mock.call('PUT', `/bookings/${signed.body.data.id}`, {
      body: { ignore_capacity: true },
    });
    assert.equal(alone.status, 422);
    const notSeats = await mock.call('PUT', `/bookings/${signed.body.data.id}`, {
      body: { title: 'x', ignore_capacity: true },
    });
    assert.equal(notSeats.status, 422);
    assert.equal(notSeats.body.error.details[0].path, 'ignore_capacity');
    const overfilled = await mock.call('PUT', `/bookings/${signed.body.data.id}`, {
      body: { seats: room + 2, ignore_capacity: true },
    });
    assert.equal(overfilled.status, 200, JSON.stringify(overfilled.body));
    assert.ok(
      overfilled.body.data.logs.some(
        (log: { description: string }) => log.description === 'Updated seats',
      ),
      `overfilled.body.data.logs.some((log: { description: string }) => log.description === 'Updated seats')`,
    );
    assert.equal(overfilled.body.data.related.seats, room + 2);
    const full = await mock.call('GET', `/bookings/groups/${groupClass.id}`);
    assert.equal(
      full.body.data.attributes.group_booking.seats_left,
      0,
      'shown full, never below 0',
    );
  });
});
