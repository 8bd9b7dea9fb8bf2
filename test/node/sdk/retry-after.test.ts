/**
 * A 429 from a shared widget key: the client waits Retry-After once and sends again only what is
 * safe to send twice (a read, or a write carrying its Idempotency-Key); any other write is
 * reported at once, and so is a wait longer than the cap or than the time the call has left.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SlotkitAbortError, SlotkitApiError } from '../../../src/sdk/index.ts';
import { clientWith, failure, json, ok } from './helpers.ts';

const limited = (retryAfter?: string) =>
  json(
    429,
    { error: { status: 429, code: 'rate_limited', message: 'Too many requests' } },
    retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
  );

const booking = {
  id: 'b1',
  graph: 'instant',
  state: 'confirmed',
};

describe('429 and Retry-After', () => {
  test('a read waits Retry-After, then is sent again and succeeds', async () => {
    const { client, calls } = clientWith([limited('1'), ok([])]);
    const started = Date.now();
    assert.deepEqual(await client.resources(), []);
    const waited = Date.now() - started;
    assert.equal(calls.length, 2);
    assert.ok(waited >= 950, `waited ${waited} ms, Retry-After said 1 s`);
  });

  test('the wait is once: a second 429 is reported with its Retry-After', async () => {
    const { client, calls } = clientWith([limited('0'), limited('0'), ok([])]);
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfter, 0);
    assert.equal(calls.length, 2);
  });

  test('a booking carrying its Idempotency-Key is sent again with the same key and body', async () => {
    const { client, calls } = clientWith([limited('0'), () => Response.json({ data: booking })]);
    await failure(client.createBooking({ graph: 'instant' }, { idempotencyKey: 'k-1' }));
    assert.equal(calls.length, 2);
    assert.equal(calls[0]!.headers.get('Idempotency-Key'), 'k-1');
    assert.equal(calls[1]!.headers.get('Idempotency-Key'), 'k-1');
    assert.equal(calls[1]!.body, calls[0]!.body);
  });

  test('a hold (keyed POST) is retried; its generated key stays the same', async () => {
    const { client, calls } = clientWith([limited('0'), limited('0')]);
    await failure(client.reserve({ resource_id: 'r', start: 's', end: 'e' }));
    assert.equal(calls.length, 2);
    const key = calls[0]!.headers.get('Idempotency-Key');
    assert.ok(key, 'key');
    assert.equal(calls[1]!.headers.get('Idempotency-Key'), key);
  });

  for (const [name, call] of [
    ['an action (PUT /bookings/:id/:action)', (c: any) => c.performAction('b1', 'cancel')],
    ['a reschedule (POST without a key)', (c: any) => c.reschedule('b1', { start: 's', end: 'e' })],
    ['extending a hold', (c: any) => c.extendHold('h1')],
  ] as const) {
    test(`${name} is never sent twice`, async () => {
      const { client, calls } = clientWith([limited('0'), ok(booking)]);
      const error = await failure(call(client));
      assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
      assert.equal(error.status, 429);
      assert.equal(calls.length, 1);
    });
  }

  test('a Retry-After over the cap (5 s) is not waited for: the caller gets it at once', async () => {
    const { client, calls } = clientWith([limited('7'), ok([])]);
    const started = Date.now();
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(error.retryAfter, 7);
    assert.equal(calls.length, 1);
    assert.ok(Date.now() - started < 500, 'Date.now() - started < 500');
  });

  test('a Retry-After longer than the time the call has left is not waited for', async () => {
    const { client, calls } = clientWith([limited('2'), ok([])], { timeoutMs: 1000 });
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(error.status, 429);
    assert.equal(calls.length, 1);
  });

  test('the time already spent counts: a slow 429 leaves too little time to wait out', async () => {
    // 1.5 s for the call; the 429 arrives after 0.7 s, so 0.8 s are left for a 1 s wait.
    const slowLimited = async () => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      return new Response(JSON.stringify({ error: { status: 429, code: 'rate_limited' } }), {
        status: 429,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '1' },
      });
    };
    const { client, calls } = clientWith([slowLimited, ok([])], { timeoutMs: 1500 });
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitApiError, String(error));
    assert.equal(error.status, 429);
    assert.equal(calls.length, 1);
  });

  test('the wait is abortable: the caller’s signal ends it at once', async () => {
    const { client, calls } = clientWith([limited('3'), ok([])]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('left the page')), 50);
    const started = Date.now();
    const error = await failure(client.resources({ signal: controller.signal }));
    assert.ok(error instanceof SlotkitAbortError, String(error));
    assert.ok(Date.now() - started < 1000, 'did not sit out the 3 s');
    assert.equal(calls.length, 1);
  });

  test('without Retry-After a read waits one second, once', async () => {
    const { client, calls } = clientWith([limited(), ok([])]);
    assert.deepEqual(await client.resources(), []);
    assert.equal(calls.length, 2);
  });
});
