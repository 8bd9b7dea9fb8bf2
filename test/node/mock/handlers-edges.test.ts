import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, KEYS, NOW, startMock, type Mock } from './harness.ts';

/**
 * What single handlers in src/mock/handlers add on top of the engine: the decision page's
 * headers, the graph picture. Each test names the bug it catches; the planted versions passed
 * every other test.
 */

let mock: Mock;
before(() => {
  mock = startMock();
});
after(() => mock.close());
beforeEach(() => {
  mock.api.reset('demo');
  mock.clock.set(NOW);
});

describe('the decision page', () => {
  // The token in its path is the owner's credential: the page must not be cached, nor its
  // address sent on as a Referer, nor run or post anything of another origin.
  for (const method of ['GET', 'POST']) {
    test(`${method}: HTML that is not cached, sends no referrer and may load nothing`, async () => {
      const response = await fetch(`${BASE}/decisions/abc.def`, { method });
      assert.equal(response.status, 404);
      assert.deepEqual(Object.fromEntries(response.headers), {
        'cache-control': 'no-store',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        'content-type': 'text/html; charset=utf-8',
        'referrer-policy': 'no-referrer',
      });
    });
  }
});

describe('the graph picture', () => {
  test('`:name.svg` is the graph as SVG, with its media type', async () => {
    const response = await fetch(`${BASE}/bookings/graphs/instant.svg`, {
      headers: { 'X-API-KEY': KEYS.barber },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    const text = await response.text();
    assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '), text.slice(0, 80));
  });

  test('an unknown graph’s picture is 404', async () => {
    const response = await mock.call('GET', '/bookings/graphs/nope.svg', { key: KEYS.barber });
    assert.equal(response.status, 404);
    assert.equal(response.body.error.code, 'not_found');
  });
});
