/**
 * The handler list of the mock API (routes.ts): the CORS preflight a widget on another origin
 * sends before each call, header by header, and the `/_mock` guard's place ahead of it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE, KEYS, useMock } from './harness.ts';

const mock = useMock();

const preflight = (path: string, headers: Record<string, string>) =>
  fetch(`${BASE}${path}`, { method: 'OPTIONS', headers });

describe('the preflight of the booking API', () => {
  test('204, no body, the caller origin, every method, ten minutes', async () => {
    const response = await preflight('/bookings/groups', {
      Origin: 'https://studio.example',
      'Access-Control-Request-Method': 'DELETE',
    });
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://studio.example');
    assert.equal(
      response.headers.get('access-control-allow-methods'),
      'GET, POST, PUT, DELETE, OPTIONS',
    );
    assert.equal(response.headers.get('access-control-max-age'), '600');
    assert.equal(response.headers.get('vary'), 'Origin');
  });

  test('without a list of headers asked for: every header the SDKs send', async () => {
    const response = await preflight('/bookings', { Origin: 'https://studio.example' });
    assert.equal(
      response.headers.get('access-control-allow-headers'),
      'Authorization, X-API-KEY, Content-Type, Idempotency-Key, X-Customer-Token, Timekit-App',
    );
  });

  test('with a list: the same list back, whatever it names', async () => {
    const response = await preflight('/availability', {
      Origin: 'https://studio.example',
      'Access-Control-Request-Headers': 'x-custom-thing,authorization',
    });
    assert.equal(
      response.headers.get('access-control-allow-headers'),
      'x-custom-thing,authorization',
    );
  });

  test('any path under the API answers, even one no handler knows', async () => {
    const response = await preflight('/no/such/endpoint', { Origin: 'https://a.example' });
    assert.equal(response.status, 204);
  });
});

describe('the order of the handlers', () => {
  test('/_mock is guarded before the preflight: another origin is refused there', async () => {
    const response = await preflight('/_mock/reset', {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'POST',
    });
    assert.notEqual(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-methods'), null);
  });

  test('one endpoint of each group answers', async () => {
    const gets = [
      '/bookings/groups',
      '/bookings/graphs',
      '/resources',
      '/webhooks',
      '/services',
      '/bookings',
    ];
    for (const path of gets) {
      const { status } = await mock.call('GET', path, { key: KEYS.owner });
      assert.equal(status, 200, path);
    }
  });
});
