import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, barberSlots, bookBarberSlot, firstClass, useMock } from './harness.ts';

/**
 * What Stryker's run on src/mock/handlers (6 December, night) found no mock test reading: the
 * words of the include refusal, the query an endpoint without parameters refuses, and booking.js's
 * reschedule path without timekit-sdk's trailing slash. Each mutant it names passed every other
 * mock test.
 */

const mock = useMock({ fresh: true });

describe('GET /bookings?include=', () => {
  test('names every unknown include and the ones allowed', async () => {
    const answer = await mock.call('GET', '/bookings?include=logs,seats,owners');
    assert.equal(answer.status, 422, JSON.stringify(answer.body));
    assert.equal(
      answer.body.error.message,
      'include: unknown seats, owners; allowed: attributes, customers, calendar, logs, related_bookings',
    );
  });
});

describe('endpoints that read no query', () => {
  for (const [method, path] of [
    ['GET', '/bookings/find_by/external_id/crm-42'],
    ['DELETE', '/bookings/bk_none'],
    ['DELETE', '/bookings/recurring/col_none'],
    ['GET', '/services/proj_yoga'],
    ['GET', '/bookings/waitlist/wl_none'],
    ['GET', '/webhooks/wh_none/deliveries'],
  ] as const) {
    test(`${method} ${path}?confirm=1 is refused, naming that it reads none`, async () => {
      const answer = await mock.call(method, `${path}?confirm=1`);
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      assert.equal(
        answer.body.error.message,
        'Unknown query parameter(s): confirm; this endpoint reads no query parameters.',
      );
    });
  }
});

describe('POST /bookings/:id/reschedule', () => {
  // booking.js posts without a trailing slash, timekit-sdk with one: both must move the booking,
  // not fall through to `/:id/:action` as an action named "reschedule".
  for (const slash of ['', '/']) {
    test(`with${slash ? '' : 'out'} a trailing slash: the customer moves the booking`, async () => {
      const slots = await barberSlots(mock);
      const [first, later] = [slots[0]!, slots[3]!];
      const booked = await bookBarberSlot(mock, first);
      assert.equal(booked.status, 201, JSON.stringify(booked.body));
      const moved = await mock.call('POST', `/bookings/${booked.body.data.id}/reschedule${slash}`, {
        key: KEYS.barber,
        headers: { 'X-Customer-Token': booked.body.data.customer_token },
        body: { start: later.start, end: later.end },
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.data.state, 'rescheduled_by_customer');
      const next = await mock.call('GET', `/bookings/${moved.body.data.related.rescheduled_to}`);
      assert.equal(next.body.data.attributes.event_info.start, later.start);
    });
  }
});

describe('DELETE /bookings/reserve/:id', () => {
  test('the visitor gives the held seat back: the class counts it free again', async () => {
    const group = await firstClass(mock);
    const seats = async () =>
      (await mock.call('GET', `/bookings/groups/${group.id}`, { key: KEYS.yoga })).body.data
        .attributes.group_booking.current_seats;
    const before = await seats();
    const held = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.yoga,
      body: { related: { owner_booking_id: group.id }, seats: 1 },
    });
    assert.equal(held.status, 201, JSON.stringify(held.body));
    assert.equal(await seats(), before + 1);
    const released = await mock.call('DELETE', `/bookings/reserve/${held.body.data.id}`, {
      key: KEYS.yoga,
    });
    assert.equal(released.status, 200, JSON.stringify(released.body));
    assert.equal(released.body.data.state, 'released');
    assert.equal(await seats(), before);
  });
});

describe('GET /bookings/groups', () => {
  // booking.js filters with `search=`; the API's own parameters must filter as well.
  for (const [query, resource, count] of [
    ['project_id=proj_paid_class', 'res_studio', 6],
    ['resource_id=res_doc', 'res_doc', 9],
  ] as const) {
    test(`?${query}: only that one's classes`, async () => {
      const all = await mock.call('GET', '/bookings/groups');
      assert.equal(all.body.data.length, 15);
      const some = await mock.call('GET', `/bookings/groups?${query}`);
      assert.equal(some.status, 200, JSON.stringify(some.body));
      assert.deepEqual(
        [
          ...new Set(
            some.body.data.map((group: { resource: { id: string } }) => group.resource.id),
          ),
        ],
        [resource],
      );
      assert.equal(some.body.meta.total, count);
    });
  }
});

describe('GET /services?limit=', () => {
  for (const limit of ['-1', '1.5', 'two']) {
    test(`${limit} is refused, naming limit`, async () => {
      const answer = await mock.call('GET', `/services?limit=${limit}`);
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      assert.equal(answer.body.error.message, 'limit: must be a whole number');
      assert.deepEqual(answer.body.error.details, [
        { path: 'limit', message: 'must be a whole number' },
      ]);
    });
  }
});

describe('PUT /bookings/:id/verify_code', () => {
  // Only the engine's refusal of the code is put in the caller's words; others pass as they came.
  test('an unknown booking is a 404 naming its id', async () => {
    const answer = await mock.call('PUT', '/bookings/bk_none/verify_code', {
      body: { verification_code: '123456' },
    });
    assert.equal(answer.status, 404, JSON.stringify(answer.body));
    assert.equal(answer.body.error.message, 'No booking with id "bk_none"');
  });
});
