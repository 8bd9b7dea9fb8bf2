import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockApi } from '../../../src/mock/api.ts';
import { endpoint } from '../../../src/mock/http.ts';
import { BASE, KEYS, useMock } from './harness.ts';

/**
 * The edges of the resolver every endpoint goes through (src/mock/http.ts): the exact headers,
 * which key a request carries, how big a body may be and how it is read. Each test names the bug
 * it catches; the planted versions passed every other test.
 */

const mock = useMock({ fresh: true });

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('the headers of every answer', () => {
  // A browser hides every response header not listed here from the SDK: without
  // Idempotent-Replayed it cannot tell a replayed booking from a new one.
  test('an answer and a refusal both expose the four headers, vary on Origin and are not cached', async () => {
    const ok = await mock.call('GET', '/bookings/graphs', {
      key: KEYS.barber,
      headers: { Origin: 'https://studio.example' },
    });
    const refused = await mock.call('GET', '/bookings/nope', {
      headers: { Origin: 'https://studio.example' },
    });
    for (const response of [ok, refused]) {
      assert.equal(
        response.headers.get('access-control-expose-headers'),
        'Date, Timekit-TestMode, Retry-After, Idempotent-Replayed',
      );
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://studio.example');
      assert.equal(response.headers.get('vary'), 'Origin');
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
    assert.deepEqual([ok.status, refused.status], [200, 404]);
  });
});

describe('/_mock', () => {
  // A page the developer allowed reads the snapshot, then PUTs it back: its preflight must
  // allow PUT and Content-Type.
  test('a preflight from an allowed origin gets exactly these headers', async () => {
    const response = await fetch(`${BASE}/_mock/snapshot`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://slotkit.test', 'Access-Control-Request-Method': 'PUT' },
    });
    assert.equal(response.status, 204);
    assert.deepEqual(Object.fromEntries(response.headers), {
      'access-control-allow-headers': 'Content-Type',
      'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
      'access-control-allow-origin': 'http://slotkit.test',
      'access-control-expose-headers': 'Date, Timekit-TestMode, Retry-After, Idempotent-Replayed',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  // Media types are case-insensitive (RFC 9110); a client that capitalises is not refused.
  test('take application/json in any case', async () => {
    const response = await mock.call('POST', '/_mock/reset', {
      body: { seed: 'empty' },
      headers: { 'Content-Type': 'Application/JSON; charset=UTF-8' },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.data, { seed: 'empty', now: '2026-11-26T12:00:00.000Z' });
  });
});

describe('which key a request carries', () => {
  const graphs = (headers: Record<string, string>) =>
    mock.call('GET', '/bookings/graphs', { key: null, headers });

  test('the scheme is case-insensitive, X-API-KEY is trimmed, Basic without a colon is the key', async () => {
    const answers = await Promise.all([
      graphs({ Authorization: `basic ${b64(`:${KEYS.barber}`)}` }),
      // Headers already strip spaces and tabs; a no-break space (obs-text) reaches the trim.
      graphs({ 'X-API-KEY': `\u00a0${KEYS.barber}\u00a0` }),
      graphs({ Authorization: `Basic ${b64(KEYS.barber)}` }),
      graphs({ Authorization: `Basic ${b64(`user:${KEYS.barber}`)}`, 'X-API-KEY': KEYS.barber }),
    ]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200, 200],
    );
  });

  test('two headers naming different keys are 401, even when one of them is valid', async () => {
    const answer = await graphs({
      Authorization: `Basic ${b64(`:${KEYS.yoga}`)}`,
      'X-API-KEY': KEYS.barber,
    });
    assert.equal(answer.status, 401);
    assert.equal(
      answer.body.error.message,
      'Authorization and X-API-KEY name different keys; send one of them.',
    );
  });

  // A malformed Authorization is a wrong key, not a missing one: it must not fall through to
  // the X-API-KEY beside it, nor read as "no key sent".
  for (const [label, authorization] of [
    ['another scheme', 'Bearer abc'],
    ['base64 that does not decode', 'Basic a'],
  ] as const) {
    test(`Authorization with ${label}: 401 as an invalid key, and X-API-KEY beside it does not win`, async () => {
      const alone = await graphs({ Authorization: authorization });
      assert.equal(alone.status, 401);
      assert.equal(alone.body.error.message, 'The key is not valid for this API.');
      const withPlain = await graphs({ Authorization: authorization, 'X-API-KEY': KEYS.barber });
      assert.equal(withPlain.status, 401);
      assert.equal(withPlain.body.error.code, 'unauthorized');
    });
  }
});

describe('how a body is read', () => {
  /** `{}` padded with spaces (still valid JSON) to exactly `bytes` bytes. */
  const padded = (bytes: number) => '{}' + ' '.repeat(bytes - 2);

  test('a body of exactly 64 KB is read; one byte more is 422 naming (body)', async () => {
    const exact = await mock.call('POST', '/availability', {
      key: KEYS.barber,
      raw: padded(64 * 1024),
    });
    assert.equal(exact.status, 200);
    const over = await mock.call('POST', '/availability', {
      key: KEYS.barber,
      raw: padded(64 * 1024 + 1),
    });
    assert.equal(over.status, 422);
    assert.deepEqual(over.body.error, {
      status: 422,
      code: 'validation_failed',
      message: 'The request body is over 64 KB.',
      details: [{ path: '(body)', message: 'must be at most 64 KB (65536 bytes)' }],
    });
  });

  /** The resolver alone, on an empty world: it echoes the body it read. */
  const echo = endpoint(createMockApi({ seed: 'empty' }), 'none', ({ body }) => ({ data: body }));
  const resolve = (request: Request) =>
    echo({ request, params: {}, cookies: {}, requestId: 'edge' } as never) as Promise<Response>;
  const streamed = (body: ReadableStream, headers: Record<string, string> = {}) =>
    new Request(`${BASE}/edge`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  test('a body sent without a length is still cut at 64 KB', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(64 * 1024 + 1).fill(0x20));
        controller.close();
      },
    });
    const response = await resolve(streamed(body));
    assert.equal(response.status, 422);
    assert.equal((await response.json()).error.message, 'The request body is over 64 KB.');
  });

  test('a declared length of exactly 64 KB is read', async () => {
    const request = new Request(`${BASE}/edge`, {
      method: 'POST',
      body: padded(64 * 1024),
      headers: { 'Content-Length': String(64 * 1024) },
    });
    const response = await resolve(request);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { data: {} });
  });

  test('a declared length over 64 KB is refused before a byte is read', async () => {
    // A body that never ends: reading it would hang, so only the declared length can answer.
    const endless = new ReadableStream({ pull: () => new Promise(() => {}) });
    const request = streamed(endless, { 'Content-Length': '1000000' });
    const answer = await Promise.race([
      resolve(request),
      new Promise<'hung'>((done) => setTimeout(() => done('hung'), 2000).unref()),
    ]);
    assert.notEqual(answer, 'hung');
    assert.equal((answer as Response).status, 422);
    assert.equal(request.bodyUsed, false);
    await endless.cancel().catch(() => {});
  });

  test('bytes that are not UTF-8 are 422, not read with replacement characters', async () => {
    const response = await fetch(`${BASE}/availability`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${b64(`:${KEYS.barber}`)}`,
        'Content-Type': 'application/json',
      },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), // {"\xff":1}
    });
    assert.equal(response.status, 422);
    assert.deepEqual((await response.json()).error.details, [
      { path: '(body)', message: 'must be UTF-8 encoded JSON' },
    ]);
  });

  test('an empty or blank body reads as {}, so the schema names the missing field', async () => {
    for (const raw of ['', ' \n ']) {
      const response = await mock.call('PUT', '/bookings/bk_none/status', {
        raw,
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(response.status, 422);
      assert.deepEqual(
        response.body.error.details.map((detail: { path: string }) => detail.path),
        ['status'],
      );
    }
  });

  test('text that is not JSON is 422 naming (body)', async () => {
    const response = await mock.call('POST', '/availability', { key: KEYS.barber, raw: '{oops' });
    assert.equal(response.status, 422);
    assert.deepEqual(response.body.error.details, [
      { path: '(body)', message: 'must be valid JSON' },
    ]);
  });

  test('a DELETE’s body is not read: junk in it changes no answer', async () => {
    const response = await mock.call('DELETE', '/webhooks/wh_none', { raw: 'not json' });
    assert.equal(response.status, 404);
    assert.equal(response.body.error.code, 'not_found');
  });
});
