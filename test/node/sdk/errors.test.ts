import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  SlotkitAbortError,
  SlotkitApiError,
  SlotkitError,
  SlotkitNetworkError,
  SlotkitSchemaError,
  SlotkitTimeoutError,
} from '../../../src/sdk/index.ts';
import { backoffDelay } from '../../../src/sdk/transport.ts';
import { engineWorld } from './fixtures.ts';
import { clientWith, failure, hang, json, networkDown, ok } from './helpers.ts';

const world = engineWorld();
const unavailable = json(503, {
  error: { status: 503, code: 'unavailable', message: 'Down for maintenance' },
});

describe('API errors', () => {
  test('a 4xx body becomes a SlotkitApiError with its code, message and details', async () => {
    const { client, calls } = clientWith([json(422, world.validationError)]);
    const error = await failure(client.createBooking({ graph: 'instant' }));
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.ok(error instanceof SlotkitError, 'error instanceof SlotkitError');
    assert.equal(error.name, 'SlotkitApiError');
    assert.equal(error.status, 422);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.message, world.validationError.error.message);
    assert.deepEqual(error.details, world.validationError.error.details);
    assert.ok(
      error.details.some((detail) => detail.path === 'customer.email'),
      `error.details.some((detail) => detail.path === 'customer.email')`,
    );
    assert.equal(error.endpoint, 'POST /bookings');
    assert.equal(calls.length, 1, 'a 4xx is never retried');
  });

  test('a 409 from a read is not retried either', async () => {
    const { client, calls } = clientWith([json(409, world.errorBody)]);
    const error = await failure(client.reserve({ resource_id: 'r', start: 's', end: 'e' }));
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(error.code, 'slot_unavailable');
    assert.deepEqual(error.details, []);
    assert.equal(calls.length, 1);
  });

  test('429 reports Retry-After in seconds, from a number or a date', async () => {
    const limited = { error: { status: 429, code: 'rate_limited', message: 'Slow down' } };
    const date = 'Mon, 23 Nov 2026 08:00:00 GMT';
    const { client, calls } = clientWith([
      json(429, limited, { 'Retry-After': '7' }),
      json(429, limited, { Date: date, 'Retry-After': 'Mon, 23 Nov 2026 08:00:30 GMT' }),
    ]);
    const first = await failure(client.resources());
    assert.ok(first instanceof SlotkitApiError, 'first instanceof SlotkitApiError');
    assert.equal(first.code, 'rate_limited');
    assert.equal(first.retryAfter, 7);
    const second = await failure(client.resources());
    assert.ok(second instanceof SlotkitApiError, 'second instanceof SlotkitApiError');
    // 30 s after the server's own Date, whatever the local clock says (±1 s for its resolution).
    assert.ok(second.retryAfter! >= 29 && second.retryAfter! <= 31, String(second.retryAfter));
    assert.equal(calls.length, 2, 'a Retry-After over the cap is not waited for');
  });

  test('an error without a JSON body is still an API error, code http_error', async () => {
    const { client } = clientWith([() => new Response('<h1>Bad gateway</h1>', { status: 404 })]);
    const error = await failure(client.group('g1'));
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(error.status, 404);
    assert.equal(error.code, 'http_error');
  });
});

describe('retries', () => {
  test('a 5xx read is retried, then reported as a SlotkitApiError', async () => {
    const { client, calls } = clientWith([unavailable]);
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(error.status, 503);
    assert.equal(error.code, 'unavailable');
    assert.equal(calls.length, 3, 'the first try and two retries');
  });

  test('a read that recovers returns the data', async () => {
    const { client, calls } = clientWith([unavailable, networkDown(), ok(world.slots)]);
    const slots = await client.availability({ project_id: 'proj_barber' });
    assert.equal(slots.length, world.slots.length);
    assert.equal(calls.length, 3);
  });

  test('a network failure is retried, then reported as a SlotkitNetworkError', async () => {
    const cause = networkDown();
    const { client, calls } = clientWith([cause], { retries: 4 });
    const error = await failure(client.groups());
    assert.ok(error instanceof SlotkitNetworkError, 'error instanceof SlotkitNetworkError');
    assert.equal(error.code, 'network_error');
    assert.equal(error.cause, cause);
    assert.equal(calls.length, 5);
  });

  test('retries: 0 means one attempt', async () => {
    const { client, calls } = clientWith([unavailable], { retries: 0 });
    await failure(client.resources());
    assert.equal(calls.length, 1);
  });

  test('writes without an idempotency key are never repeated', async () => {
    const { client, calls } = clientWith([unavailable]);
    await failure(client.performAction('bk_1', 'pay'));
    await failure(client.extendHold('hold_1'));
    await failure(client.reschedule('bk_1', { start: 's', end: 'e' }));
    assert.equal(calls.length, 3);
  });

  test('a booking retried after a lost answer sends the same key and the same bytes', async () => {
    const { client, calls } = clientWith([networkDown(), unavailable, ok(world.created)]);
    const body = { graph: 'instant', customer: { name: 'Marty', email: 'marty@hillvalley.test' } };
    const created = await client.createBooking(body);
    assert.equal(created.id, world.created.id);
    assert.equal(calls.length, 3);
    const keys = new Set(calls.map((call) => call.headers.get('Idempotency-Key')));
    assert.equal(keys.size, 1);
    assert.ok([...keys][0], '[...keys][0]');
    assert.equal(new Set(calls.map((call) => call.body)).size, 1);
  });

  test('the wait before each retry comes from retryDelay, with the attempt number', async () => {
    const attempts: number[] = [];
    const { client } = clientWith([unavailable], {
      retries: 3,
      retryDelay: (attempt) => {
        attempts.push(attempt);
        return 1;
      },
    });
    await failure(client.resources());
    assert.deepEqual(attempts, [1, 2, 3]);
  });

  test('the default backoff doubles from 200 ms with ±25 % jitter, capped', () => {
    assert.equal(
      backoffDelay(1, () => 0.5),
      200,
    );
    assert.equal(
      backoffDelay(2, () => 0.5),
      400,
    );
    assert.equal(
      backoffDelay(3, () => 0.5),
      800,
    );
    assert.equal(
      backoffDelay(1, () => 0),
      150,
    );
    assert.equal(
      backoffDelay(1, () => 0.999_999),
      250,
    );
    assert.equal(
      backoffDelay(2, () => 0),
      300,
    );
    assert.ok(
      backoffDelay(30, () => 0.999_999) <= 2500,
      'backoffDelay(30, () => 0.999_999) <= 2500',
    );
  });

  test('a client without retryDelay really waits between attempts', async () => {
    const { client, calls } = clientWith([unavailable], { retries: 1, retryDelay: undefined });
    const started = performance.now();
    await failure(client.resources());
    const waited = performance.now() - started;
    assert.equal(calls.length, 2);
    assert.ok(waited >= 140 && waited < 1000, `waited ${waited} ms`);
  });
});

describe('timeouts and aborts', () => {
  test('no answer within timeoutMs is a SlotkitTimeoutError', async () => {
    const { client, calls } = clientWith([hang], { timeoutMs: 30 });
    const started = performance.now();
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitTimeoutError, 'error instanceof SlotkitTimeoutError');
    assert.equal(error.code, 'timeout');
    assert.equal(error.timeoutMs, 30);
    assert.ok(performance.now() - started < 1000, 'performance.now() - started < 1000');
    assert.equal(calls.length, 1, 'the time budget covers retries: none is left');
  });

  test('the timeout also covers the wait between retries', async () => {
    const { client, calls } = clientWith([unavailable], { timeoutMs: 40, retryDelay: () => 5000 });
    const started = performance.now();
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitTimeoutError, 'error instanceof SlotkitTimeoutError');
    assert.ok(performance.now() - started < 1000, 'performance.now() - started < 1000');
    assert.equal(calls.length, 1);
  });

  test('the caller aborting mid-request is a SlotkitAbortError, never retried', async () => {
    const { client, calls } = clientWith([hang]);
    const controller = new AbortController();
    const pending = failure(client.availability({}, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('user picked another day')), 5);
    const error = await pending;
    assert.ok(error instanceof SlotkitAbortError, 'error instanceof SlotkitAbortError');
    assert.equal(error.code, 'aborted');
    assert.ok(!(error instanceof SlotkitTimeoutError), '!(error instanceof SlotkitTimeoutError)');
    assert.equal((error.cause as Error).message, 'user picked another day');
    assert.equal(calls.length, 1);
  });

  test('the fetch sees the abort, so the request itself is cancelled', async () => {
    const { client, calls } = clientWith([hang]);
    const controller = new AbortController();
    const pending = failure(client.resources({ signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(calls[0]!.signal?.aborted, false);
    controller.abort();
    await pending;
    assert.equal(calls[0]!.signal?.aborted, true);
  });

  test('aborting while waiting to retry stops at once', async () => {
    const controller = new AbortController();
    const { client, calls } = clientWith([unavailable], {
      retryDelay: () => {
        setTimeout(() => controller.abort(), 5);
        return 5000;
      },
    });
    const started = performance.now();
    const error = await failure(client.resources({ signal: controller.signal }));
    assert.ok(error instanceof SlotkitAbortError, 'error instanceof SlotkitAbortError');
    assert.ok(performance.now() - started < 1000, 'performance.now() - started < 1000');
    assert.equal(calls.length, 1);
  });

  test('an already aborted signal sends nothing', async () => {
    const { client, calls } = clientWith([ok(world.resources)]);
    const error = await failure(client.resources({ signal: AbortSignal.abort() }));
    assert.ok(error instanceof SlotkitAbortError, 'error instanceof SlotkitAbortError');
    assert.equal(calls.length, 0);
  });

  test('a finished call leaves no listener on the caller signal', async () => {
    const { client } = clientWith([ok(world.resources)]);
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      added++;
      add(...args);
    };
    signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      removed++;
      remove(...args);
    };
    await client.resources({ signal });
    assert.equal(added, 1);
    assert.equal(removed, 1);
  });
});

describe('malformed responses', () => {
  test('a success that does not match the schema is a SlotkitSchemaError with the issues', async () => {
    const broken = { ...world.slotHold, expires_at: 'in ten minutes' };
    const { client, calls } = clientWith([ok(broken)]);
    const error = await failure(client.reserve({ resource_id: 'r', start: 's', end: 'e' }));
    assert.ok(error instanceof SlotkitSchemaError, 'error instanceof SlotkitSchemaError');
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.endpoint, 'POST /bookings/reserve');
    assert.deepEqual(
      error.issues.map((issue) => issue.path.join('.')),
      ['data.expires_at'],
    );
    assert.match(error.message, /data\.expires_at/);
    assert.equal(calls.length, 1, 'a wrong shape is not retried: it would come back the same');
  });

  test('a body without the data envelope is refused', async () => {
    const { client } = clientWith([json(200, world.created)]);
    const error = await failure(client.getBooking('bk_1'));
    assert.ok(error instanceof SlotkitSchemaError, 'error instanceof SlotkitSchemaError');
    assert.deepEqual(error.issues[0]!.path, ['data']);
  });

  test('a success that is not JSON is a SlotkitSchemaError too', async () => {
    const { client } = clientWith([() => new Response('<html>captive portal</html>')]);
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitSchemaError, 'error instanceof SlotkitSchemaError');
  });
});
