import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, KEYS, useMock } from './harness.ts';

/**
 * What single handlers in src/mock/handlers add on top of the engine: the decision page's
 * headers, the graph picture. Each test names the bug it catches; the planted versions passed
 * every other test.
 */

const mock = useMock({ fresh: true });

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

describe('owner endpoints', () => {
  // The HTTP layer refuses a widget key before the body is read or checked: it learns nothing
  // about what a valid request looks like, and the engine's own check is a second wall, not the
  // only one.
  const OWNER_ONLY: Array<[string, string, unknown?]> = [
    ['GET', '/projects/proj_barber/settings'],
    ['PUT', '/projects/proj_barber/settings', { bogus: 1 }],
    ['GET', '/bookings'],
    ['GET', '/bookings/find_by/external_id/x'],
    ['DELETE', '/bookings/bk_none'],
    ['PUT', '/bookings/bk_none', { bogus: 1 }],
    ['PUT', '/bookings/bk_none/status', { bogus: 1 }],
    ['POST', '/bookings/recurring', { bogus: 1 }],
    ['GET', '/bookings/recurring/col_none'],
    ['DELETE', '/bookings/recurring/col_none'],
    ['PUT', '/bookings/recurring/col_none/cancel', { bogus: 1 }],
    ['GET', '/bookings/waitlist?owner_booking_id=bk_none'],
    ['POST', '/webhooks', { bogus: 1 }],
    ['GET', '/webhooks'],
    ['DELETE', '/webhooks/wh_none'],
    ['GET', '/webhooks/wh_none/deliveries'],
  ];
  test('refuse a widget key with 403 before reading the body', async () => {
    const answers = [];
    for (const [method, path, body] of OWNER_ONLY) {
      const response = await mock.call(method, path, { key: KEYS.barber, body });
      answers.push(`${method} ${path} ${response.status} ${response.body.error?.message}`);
    }
    assert.deepEqual(
      answers,
      OWNER_ONLY.map(
        ([method, path]) =>
          `${method} ${path} 403 This endpoint needs the owner key; a widget key may not use it.`,
      ),
    );
  });
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
