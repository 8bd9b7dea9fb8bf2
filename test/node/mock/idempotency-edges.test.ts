import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/engine/index.ts';
import { createMockApi } from '../../../src/mock/api.ts';
import { endpoint } from '../../../src/mock/http.ts';
import { BASE, KEYS, NOW, useMock } from './harness.ts';

/**
 * What an Idempotency-Key is remembered for, and what is never remembered: only POSTs, one path
 * each, up to 200 characters, refusals too, unexpected failures not. Each test names the bug it
 * catches; the planted versions passed every other test.
 */

const mock = useMock({ fresh: true });

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

describe('what a key is remembered for', () => {
  test('a PUT with a key is not remembered: another body is answered, not a 409', async () => {
    const first = await mock.call('PUT', '/bookings/bk_none/status', {
      body: { status: 'nope' },
      ...withKey('put-key'),
    });
    const second = await mock.call('PUT', '/bookings/bk_none/status', {
      body: { status: 'other' },
      ...withKey('put-key'),
    });
    assert.deepEqual([first.status, second.status], [422, 422]);
    assert.equal(second.body.error.code, 'validation_failed');
    assert.equal(second.headers.get('idempotent-replayed'), null);
  });

  test('one key on two paths is two requests', async () => {
    const moved = await mock.call('POST', '/_mock/clock', {
      body: { advance: '1 hour' },
      ...withKey('shared'),
    });
    const reset = await mock.call('POST', '/_mock/reset', { body: {}, ...withKey('shared') });
    assert.deepEqual([moved.status, reset.status], [200, 200]);
    assert.deepEqual(reset.body.data, { seed: 'demo', now: '2026-11-26T13:00:00.000Z' });
  });

  test('a key of 200 characters is used; 201 is 422 and nothing moves', async () => {
    const longest = await mock.call('POST', '/_mock/clock', {
      body: { advance: '1 minute' },
      ...withKey('k'.repeat(200)),
    });
    assert.equal(longest.status, 200);
    assert.equal(longest.body.data.now, '2026-11-26T12:01:00.000Z');
    const over = await mock.call('POST', '/_mock/clock', {
      body: { advance: '1 minute' },
      ...withKey('k'.repeat(201)),
    });
    assert.equal(over.status, 422);
    assert.equal(over.body.error.message, 'Idempotency-Key is over 200 characters.');
    assert.equal(mock.clock.now(), NOW + 60_000);
  });
});

describe('what a replay answers', () => {
  test('a refusal is remembered: the retry gets it again, marked as replayed', async () => {
    const body = { related: { owner_booking_id: 'bk_none' } };
    const first = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.yoga,
      body,
      ...withKey('refused'),
    });
    const again = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.yoga,
      body,
      ...withKey('refused'),
    });
    assert.deepEqual([first.status, again.status], [404, 404]);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
  });

  test('an answer and its replay are each written in the timestamp format their request asks for', async () => {
    const first = await mock.call('POST', '/_mock/clock?OutputTimestampFormat=U', {
      body: { advance: '1 hour' },
      ...withKey('format'),
    });
    assert.equal(first.body.data.now, '1795698000');
    const again = await mock.call('POST', '/_mock/clock', {
      body: { advance: '1 hour' },
      ...withKey('format'),
    });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.data.now, '2026-11-26T13:00:00.000Z');
    const formatted = await mock.call('POST', '/_mock/clock?OutputTimestampFormat=U', {
      body: { advance: '1 hour' },
      ...withKey('format'),
    });
    assert.equal(formatted.body.data.now, '1795698000');
    assert.equal(mock.clock.now(), NOW + 3_600_000);
  });
});

describe('an unexpected failure', () => {
  /** An endpoint whose work fails unexpectedly on its first run only, then echoes the body. */
  function flaky() {
    const api = createMockApi({ seed: 'empty', clock: new ManualClock(NOW) });
    let runs = 0;
    const resolver = endpoint(api, 'none', ({ body }) => {
      runs += 1;
      if (runs === 1) throw new TypeError('a bug in the mock');
      return { status: 201, data: body };
    });
    const post = (body: unknown, origin?: string) =>
      resolver({
        request: new Request(`${BASE}/edge`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': 'flaky',
            ...(origin ? { Origin: origin } : {}),
          },
        }),
        params: {},
        cookies: {},
        requestId: 'edge',
      } as never) as Promise<Response>;
    return { post, runs: () => runs };
  }

  test('is a 500 in the error shape, with the usual headers', async (t) => {
    t.mock.method(console, 'error', () => {});
    const { post } = flaky();
    const response = await post({ n: 1 }, 'https://studio.example');
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), {
      error: {
        status: 500,
        code: 'internal_error',
        message: 'The mock API failed unexpectedly; see the console.',
      },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://studio.example');
    assert.equal(response.headers.get('timekit-testmode'), 'true');
    assert.equal(response.headers.get('date'), 'Thu, 26 Nov 2026 12:00:00 GMT');
  });

  test('is forgotten: a retry with the key runs afresh, even with another body', async (t) => {
    t.mock.method(console, 'error', () => {});
    const { post, runs } = flaky();
    assert.equal((await post({ n: 1 })).status, 500);
    const retry = await post({ n: 2 });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), null);
    assert.deepEqual(await retry.json(), { data: { n: 2 } });
    assert.equal(runs(), 2);
  });
});
