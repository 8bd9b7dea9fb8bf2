import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientWith, json, ok } from './helpers.ts';

/**
 * Two edges of the transport no other test pins (docs/testing.md, mutation testing of src/sdk):
 * a read carries no Content-Type (in a browser that header on a cross-origin GET costs a CORS
 * preflight per request), and a Retry-After of exactly the cap is still waited out.
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
});
