import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, customer, useMock } from './harness.ts';

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

describe('owner endpoints that read no query', () => {
  for (const [method, path] of [
    ['GET', '/bookings/find_by/external_id/crm-42'],
    ['DELETE', '/bookings/bk_none'],
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
      const slots = await mock.call('POST', '/availability', { key: KEYS.barber, body: {} });
      const [first, later] = [slots.body.data[0], slots.body.data[3]];
      const booked = await mock.call('POST', '/bookings', {
        key: KEYS.barber,
        body: {
          graph: 'instant',
          resource_id: first.resources[0].id,
          event: { start: first.start, end: first.end, what: 'Haircut' },
          customer: customer(1),
        },
      });
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
