import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, startRealApi, type RealApi } from './real-http.ts';

/** Appointedd (seed 003) sends its key in `X-API-KEY`; the mock takes it beside Basic auth. */
let api: RealApi;
before(async () => (api = await startRealApi()));
after(() => api.close());

test('X-API-KEY alone opens what the key opens, and no more', async () => {
  const services = await api.call('GET', '/v2/services?limit=1', {
    key: null,
    headers: { 'X-API-KEY': KEYS.owner },
  });
  assert.equal(services.status, 200, services.text);
  assert.equal(services.body.data.length, 1);

  const widget = await api.call('GET', '/v2/bookings', {
    key: null,
    headers: { 'X-API-KEY': KEYS.barber },
  });
  assert.equal(widget.status, 403, 'a widget key in X-API-KEY is still only a widget key');
});

test('a wrong key in X-API-KEY, or two headers naming different keys, is 401 and reads nothing', async () => {
  const wrong = await api.call('GET', '/v2/services', {
    key: null,
    headers: { 'X-API-KEY': 'not-a-key' },
  });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.data, undefined);

  const both = await api.call('GET', '/v2/services', {
    key: KEYS.barber,
    headers: { 'X-API-KEY': KEYS.owner },
  });
  assert.equal(both.status, 401);
  assert.match(both.body.error.message, /X-API-KEY/);

  const same = await api.call('GET', '/v2/services', {
    key: KEYS.owner,
    headers: { 'X-API-KEY': KEYS.owner },
  });
  assert.equal(same.status, 200);
});

test('a cross-origin preflight lets a page send X-API-KEY', async () => {
  const preflight = await api.call('OPTIONS', '/v2/services', { key: null });
  assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /X-API-KEY/);
});
