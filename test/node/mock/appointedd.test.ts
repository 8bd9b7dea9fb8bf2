import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { customer, KEYS, useMock } from './harness.ts';

/** Seed 003 (Appointedd) over HTTP: services, and the group listing's `spaces` filter. */
const mock = useMock();

describe('seed 003 services', () => {
  test('GET /services lists the projects as services; a widget key sees its own', async () => {
    const all = await mock.call('GET', '/services');
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.meta.total, all.body.data.length);
    const barber = all.body.data.find((service: { id: string }) => service.id === 'proj_barber');
    assert.equal(barber.booking.type, 'ONLINE_BOOKING');
    assert.equal(barber.booking.occupancy, 1);
    assert.equal(barber.booking.allow_group, false);
    assert.ok(barber.booking.durations[0].minutes > 0, 'barber.booking.durations[0].minutes > 0');
    const yoga = await mock.call('GET', '/services/proj_yoga', { key: KEYS.yoga });
    assert.equal(yoga.status, 200);
    assert.equal(yoga.body.data.booking.allow_group, true);
    assert.ok(yoga.body.data.booking.occupancy > 1, 'yoga.body.data.booking.occupancy > 1');
    const own = await mock.call('GET', '/services', { key: KEYS.yoga });
    assert.deepEqual(
      own.body.data.map((service: { id: string }) => service.id),
      ['proj_yoga'],
    );
    assert.equal((await mock.call('GET', '/services/proj_barber', { key: KEYS.yoga })).status, 404);
    const one = await mock.call('GET', '/services?limit=1');
    assert.equal(one.body.data.length, 1);
    assert.equal(one.body.meta.total, all.body.data.length);
    const bad = await mock.call('GET', '/services?limit=x');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.details[0].path, 'limit');
  });
});

describe('seed 003 group filter', () => {
  test('spaces lists only classes with at least that many seats left; a bad value is 422', async () => {
    const { body } = await mock.call('GET', '/bookings/groups', { key: KEYS.yoga });
    const first = body.data[0] as {
      id: string;
      attributes: { group_booking: { seats_left: number } };
    };
    const left = first.attributes.group_booking.seats_left;
    const signed = await mock.call('POST', '/bookings', {
      body: {
        graph: 'group_customer',
        related: { owner_booking_id: first.id, seats: left },
        customer: customer(1),
      },
    });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const ids = async (query: string) =>
      (await mock.call('GET', `/bookings/groups?${query}`, { key: KEYS.yoga })).body.data.map(
        (group: { id: string }) => group.id,
      );
    assert.ok((await ids('')).includes(first.id), `(await ids('')).includes(first.id)`);
    assert.ok(
      !(await ids('spaces=1')).includes(first.id),
      `!(await ids('spaces=1')).includes(first.id)`,
    );
    const bad = await mock.call('GET', '/bookings/groups?spaces=none', { key: KEYS.yoga });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.details[0].path, 'spaces');
  });
});
