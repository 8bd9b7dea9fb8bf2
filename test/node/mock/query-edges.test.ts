import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useMock } from './harness.ts';

/**
 * How query parameters are read (withQuery, listParam and searchFilters in src/mock/http.ts):
 * a typo is refused naming it, lists may be written three ways. Each test names the bug it
 * catches; the planted versions passed every other test.
 */

const mock = useMock({ fresh: true });

const INCLUDES = 'attributes, customers, calendar, logs, related_bookings';

describe('unknown query parameters', () => {
  test('one unknown parameter is 422 naming it and what the endpoint reads', async () => {
    const response = await mock.call('GET', '/bookings/waitlist?owner_booking=bk_1');
    assert.equal(response.status, 422);
    assert.deepEqual(response.body.error, {
      status: 422,
      code: 'validation_failed',
      message: 'Unknown query parameter(s): owner_booking; this endpoint reads owner_booking_id.',
      details: [
        {
          path: 'query.owner_booking',
          message: 'is not known; this endpoint reads owner_booking_id',
        },
      ],
    });
  });

  test('an endpoint that reads none says so', async () => {
    const response = await mock.call('GET', '/webhooks?page=2');
    assert.equal(response.status, 422);
    assert.equal(
      response.body.error.message,
      'Unknown query parameter(s): page; this endpoint reads no query parameters.',
    );
  });

  test('customer_token, OutputTimestampFormat and name[] are always allowed', async () => {
    const answers = await Promise.all([
      mock.call('GET', '/webhooks?customer_token=abc'),
      mock.call('GET', '/webhooks?OutputTimestampFormat=U'),
      mock.call('GET', '/bookings?state[]=confirmed'),
    ]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200],
    );
  });
});

describe('list parameters', () => {
  test('comma-separated, trimmed, empty entries dropped', async () => {
    const response = await mock.call('GET', '/bookings?include=%20logs%20,,related_bookings');
    assert.equal(response.status, 200);
  });

  test('each entry of a comma list is checked on its own', async () => {
    const response = await mock.call('GET', '/bookings?include=logs,nope');
    assert.equal(response.status, 422);
    assert.equal(response.body.error.message, `include: unknown nope; allowed: ${INCLUDES}`);
  });

  test('name[] is read like name', async () => {
    const response = await mock.call('GET', '/bookings?include[]=nope');
    assert.equal(response.status, 422);
    assert.equal(response.body.error.message, `include: unknown nope; allowed: ${INCLUDES}`);
  });
});
