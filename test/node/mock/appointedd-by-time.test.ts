import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { customer, KEYS, useMock } from './harness.ts';

/**
 * Seed 003 (Appointedd) books a group by its time: `POST /bookings/reserve` with the group's
 * service, resource and start holds seats on it (the seed's "Create Reservation" example), and a
 * seat booking created with a start and no class id joins the class starting then.
 */
const mock = useMock({ fresh: true });

interface Group {
  id: string;
  attributes: {
    event_info: { start: string; end: string };
    group_booking: { seats_left: number };
  };
  resource: { id: string };
}

async function firstGroup(): Promise<Group> {
  const { body } = await mock.call('GET', '/bookings/groups', { key: KEYS.yoga });
  return body.data[0] as Group;
}

async function seatsLeft(id: string): Promise<number> {
  const { body } = await mock.call('GET', '/bookings/groups', { key: KEYS.yoga });
  return body.data.find((group: Group) => group.id === id).attributes.group_booking.seats_left;
}

describe('seed 003 reserve onto a group by time', () => {
  test("the seed's request (service, resource, start, required_spaces) holds seats on the class", async () => {
    const group = await firstGroup();
    const left = group.attributes.group_booking.seats_left;
    const hold = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.yoga,
      body: {
        timezone: 'Europe/London',
        required_spaces: 1,
        start: group.attributes.event_info.start,
        service_id: 'proj_yoga',
        resource_id: group.resource.id,
      },
    });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    assert.equal(hold.body.data.group_id, group.id);
    assert.equal(hold.body.data.seats, 1);
    assert.equal(hold.body.data.max_spaces, left);
    assert.equal(hold.body.data.allow_additional_spaces, true);
    assert.equal(Date.parse(hold.body.data.end), Date.parse(group.attributes.event_info.end));
    assert.equal(await seatsLeft(group.id), left - 1);
  });

  test("a resource's slot at a class's time holds seats on it instead of 409 already booked", async () => {
    const group = await firstGroup();
    const { start, end } = group.attributes.event_info;
    const hold = await mock.call('POST', '/bookings/reserve', {
      body: { resource_id: group.resource.id, start, end, seats: 2 },
    });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    assert.equal(hold.body.data.related.owner_booking_id, group.id);
    assert.equal(hold.body.data.seats, 2);
  });

  test('a full class is sold out; a time no class starts at is 422 naming it; nothing is held', async () => {
    const group = await firstGroup();
    const { start } = group.attributes.event_info;
    const left = group.attributes.group_booking.seats_left;
    const reserve = (body: Record<string, unknown>, key: string = KEYS.yoga) =>
      mock.call('POST', '/bookings/reserve', { key, body });
    const full = await reserve({ service_id: 'proj_yoga', start, seats: left + 1 });
    assert.equal(full.status, 409, JSON.stringify(full.body));
    assert.equal(full.body.error.code, 'sold_out');
    const offTime = new Date(Date.parse(start) + 60_000).toISOString();
    const none = await reserve({ service_id: 'proj_yoga', start: offTime });
    assert.equal(none.status, 422);
    assert.equal(none.body.error.details[0].path, 'start');
    const noEnd = await reserve({ resource_id: group.resource.id, start: offTime });
    assert.equal(noEnd.status, 422);
    assert.equal(noEnd.body.error.details[0].path, 'end');
    const both = await reserve({ service_id: 'proj_yoga', start, seats: 1, required_spaces: 1 });
    assert.equal(both.status, 422);
    assert.equal(both.body.error.details[0].path, 'required_spaces');
    const zero = await reserve({ service_id: 'proj_yoga', start, required_spaces: 0 });
    assert.equal(zero.status, 422);
    assert.equal(zero.body.error.details[0].path, 'required_spaces');
    const zone = await reserve({ service_id: 'proj_yoga', start, timezone: 'Mars/Base' });
    assert.equal(zone.status, 422);
    assert.equal(zone.body.error.details[0].path, 'timezone');
    const neither = await reserve({ start });
    assert.equal(neither.status, 422);
    assert.equal(neither.body.error.details[0].path, 'resource_id');
    // Another project's key neither finds nor holds the class.
    const foreign = await reserve({ service_id: 'proj_yoga', start }, KEYS.barber);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.error.details[0].path, 'service_id');
    const foreignResource = await reserve(
      { resource_id: group.resource.id, start, seats: 1 },
      KEYS.barber,
    );
    assert.equal(foreignResource.status, 404);
    assert.equal(await seatsLeft(group.id), left);
  });
});

describe('seed 003 create a seat booking by time', () => {
  test('a seat booking with a start and no class id joins the class starting then', async () => {
    const group = await firstGroup();
    const left = group.attributes.group_booking.seats_left;
    const created = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: {
        graph: 'group_customer',
        event: { start: group.attributes.event_info.start, resource_id: group.resource.id },
        related: { seats: 2 },
        customer: customer(1),
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.data.related.owner_booking_id, group.id);
    assert.equal(await seatsLeft(group.id), left - 2);
  });

  test('a start no class begins at is 422 naming it, and nothing is booked', async () => {
    const group = await firstGroup();
    const left = group.attributes.group_booking.seats_left;
    const offTime = new Date(Date.parse(group.attributes.event_info.start) + 60_000).toISOString();
    const refused = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: { graph: 'group_customer', start: offTime, customer: customer(2) },
    });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.error.details[0].path, 'start');
    const bad = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: { graph: 'group_customer', event: { start: 'soon' }, customer: customer(2) },
    });
    assert.equal(bad.status, 422, JSON.stringify(bad.body));
    assert.equal(bad.body.error.details[0].path, 'event.start');
    assert.equal(await seatsLeft(group.id), left);
  });
});
