import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, test } from 'node:test';
import { clientWith, json, ok, type Call } from './helpers.ts';

/**
 * Two edges of the transport no other test pins (docs/testing.md, mutation testing of src/sdk):
 * a read carries no Content-Type (in a browser that header on a cross-origin GET costs a CORS
 * preflight per request), a Retry-After of exactly the cap is still waited out, and no wait
 * leaves its listener behind on the signal, nor a call on the caller's.
 */

const limited = (retryAfter: string) =>
  json(
    429,
    { error: { status: 429, code: 'rate_limited', message: 'Too many requests' } },
    { 'Retry-After': retryAfter },
  );

describe('transport edges', () => {
  test('a read sends no body and no Content-Type; a write sends both', async () => {
    const { client, calls } = clientWith([ok([]), ok([])]);
    await client.resources();
    await client.availability({ project_id: 'p' });
    assert.equal(calls[0]!.headers.has('Content-Type'), false);
    assert.equal(calls[0]!.body, undefined);
    assert.equal(calls[1]!.headers.get('Content-Type'), 'application/json');
  });

  test('a Retry-After of exactly the 5 s cap is waited out, then the read is sent again', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { client, calls } = clientWith([limited('5'), ok([])]);
    const answer = client.resources();
    // Let the first answer arrive and the wait begin, then let the 5 s pass.
    for (let i = 0; i < 50 && calls.length < 2; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      t.mock.timers.tick(1000);
    }
    assert.deepEqual(await answer, []);
    assert.equal(calls.length, 2);
  });

  test('a wait between attempts takes its abort listener off the request’s signal', async () => {
    const listening: number[] = [];
    const answer = (status: number, body: unknown) => (call: Call) => {
      listening.push(getEventListeners(call.signal!, 'abort').length);
      return new Response(JSON.stringify(body), { status });
    };
    const down = { error: { status: 503, code: 'unavailable', message: 'Down' } };
    const { client } = clientWith([
      answer(503, down),
      answer(503, down),
      answer(200, { data: [] }),
    ]);
    await client.resources();
    // Before each of the three attempts: the two waits came and went, each without a trace.
    assert.deepEqual(listening, [0, 0, 0]);
  });

  test("a call that ends, answered or refused, leaves no listener on the caller's signal", async () => {
    const refused = json(404, { error: { status: 404, code: 'not_found', message: 'No' } });
    const { client } = clientWith([ok([]), refused]);
    const { signal } = new AbortController();
    await client.resources({ signal });
    await assert.rejects(client.resources({ signal }));
    assert.equal(getEventListeners(signal, 'abort').length, 0);
  });
});
