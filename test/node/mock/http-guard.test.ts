/**
 * The mock API's trust boundary over real HTTP: which Host it answers to (DNS rebinding), who may
 * call `/_mock/*` (Origin and Content-Type), that the booking API keeps its CORS for a widget on
 * another origin, and rate limits per key and client. Raw node:http requests, so every header
 * (Host, Origin, Content-Type, the local address) is exactly what the test says.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../../../src/engine/index.ts';
import { createMockApi } from '../../../src/mock/api.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { KEYS, NOW, basic, customer } from './harness.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

interface RawOptions {
  headers?: Record<string, string>;
  body?: string;
  /** The address the request comes from: 127.0.0.2 is another client on the same machine. */
  from?: string;
}

/** One request with exactly these headers (node:http, not fetch: fetch may not set Host). */
function raw(base: string, method: string, path: string, options: RawOptions = {}): Promise<Raw> {
  const url = new URL(`${base}${path}`);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: options.headers ?? {},
        ...(options.from ? { localAddress: options.from } : {}),
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: text ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const EVIL = 'https://evil.example';
const WIDGET_SITE = 'https://widget-site.example';
const ALLOWED = 'http://localhost:5173';
const json = { 'Content-Type': 'application/json' };

describe('the HTTP server answers only to its own Host', () => {
  let server: RunningServer;
  let base: string;
  let port: string;
  before(async () => {
    server = await startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) });
    base = new URL(server.url).origin + '/v2';
    port = new URL(server.url).port;
  });
  after(() => server.close());

  for (const host of [
    'attacker.example',
    'attacker.example:PORT',
    'localhost:1',
    '127.0.0.2:PORT',
  ]) {
    test(`Host: ${host} is refused with 421 and a JSON error, on the API and on /_mock`, async () => {
      const header = host.replace('PORT', port);
      for (const path of ['/_mock/snapshot', '/bookings/graphs']) {
        const answer = await raw(base, 'GET', path, {
          headers: { Host: header, Authorization: basic(KEYS.owner) },
        });
        assert.equal(answer.status, 421, `${header} ${path}`);
        assert.equal(answer.body.error.code, 'misdirected_request');
        assert.match(answer.body.error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
        assert.equal(answer.headers['access-control-allow-origin'], undefined);
        assert.equal(answer.body.data, undefined, 'no data leaks');
      }
    });
  }

  for (const host of ['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT']) {
    test(`Host: ${host} is served`, async () => {
      const answer = await raw(base, 'GET', '/bookings/graphs', {
        headers: { Host: host.replace('PORT', port), Authorization: basic(KEYS.barber) },
      });
      assert.equal(answer.status, 200);
      assert.ok(Array.isArray(answer.body.data), 'Array.isArray(answer.body.data)');
    });
  }
});

describe('/_mock/* answers only its own origin, allowed origins, or callers without one', () => {
  let server: RunningServer;
  let base: string;
  let own: string;
  before(async () => {
    server = await startHttpServer({
      port: 0,
      seed: 'demo',
      clock: new ManualClock(NOW),
      mockOrigins: [ALLOWED],
    });
    base = new URL(server.url).origin + '/v2';
    own = new URL(server.url).origin;
  });
  after(() => server.close());

  const bookingCount = async () =>
    (await raw(base, 'GET', '/bookings', { headers: { Authorization: basic(KEYS.owner) } })).body
      .data.length;
  const clockNow = async () => (await raw(base, 'GET', '/_mock/clock')).body.data.now;

  for (const [method, path, body] of [
    ['GET', '/_mock/snapshot', undefined],
    ['GET', '/_mock/outbox', undefined],
    ['POST', '/_mock/reset', '{"seed":"empty"}'],
    ['POST', '/_mock/clock', '{"advance":"1 day"}'],
    ['PUT', '/_mock/snapshot', '{"version":1}'],
    ['GET', '/_MOCK/snapshot', undefined],
    ['GET', '/%5Fmock/snapshot', undefined],
  ] as const) {
    test(`${method} ${path} from ${EVIL}: refused, nothing changed, no CORS for it`, async () => {
      const before = [await bookingCount(), await clockNow()];
      const answer = await raw(base, method, path, {
        headers: { Origin: EVIL, ...json },
        ...(body ? { body } : {}),
      });
      assert.ok([403, 404].includes(answer.status), `${answer.status}`);
      assert.equal(answer.headers['access-control-allow-origin'], undefined);
      assert.equal(answer.body?.data, undefined, 'no data in the answer');
      if (answer.status === 403) assert.match(answer.body.error.message, /--mock-origin/);
      assert.deepEqual([await bookingCount(), await clockNow()], before);
    });
  }

  test(`a preflight from ${EVIL} to /_mock is refused without CORS headers`, async () => {
    const answer = await raw(base, 'OPTIONS', '/_mock/reset', {
      headers: {
        Origin: EVIL,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.equal(answer.status, 403);
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
  });

  test('without an Origin (curl, tests) GET /_mock/snapshot answers', async () => {
    const answer = await raw(base, 'GET', '/_mock/snapshot');
    assert.equal(answer.status, 200);
    assert.ok(
      answer.body.data.store.bookings.length > 0,
      'answer.body.data.store.bookings.length > 0',
    );
  });

  for (const origin of ['OWN', ALLOWED]) {
    test(`from ${origin === 'OWN' ? 'its own origin' : `an allowed origin (${origin})`}: served, and CORS names that origin only`, async () => {
      const from = origin === 'OWN' ? own : origin;
      const preflight = await raw(base, 'OPTIONS', '/_mock/clock', {
        headers: { Origin: from, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], from);
      const answer = await raw(base, 'POST', '/_mock/clock', {
        headers: { Origin: from, ...json },
        body: JSON.stringify({ set: new Date(NOW).toISOString() }),
      });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['access-control-allow-origin'], from);
    });
  }

  for (const [label, headers] of [
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['no Content-Type', {}],
    ['form-urlencoded', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'Content-Type': 'multipart/form-data; boundary=x' }],
  ] as const) {
    test(`a POST /_mock/reset with ${label} is 415 and resets nothing`, async () => {
      const before = await bookingCount();
      const answer = await raw(base, 'POST', '/_mock/reset', {
        headers: { ...headers },
        body: '{"seed":"empty"}',
      });
      assert.equal(answer.status, 415);
      assert.equal(answer.body.error.code, 'unsupported_media_type');
      assert.match(answer.body.error.message, /application\/json/);
      assert.equal(await bookingCount(), before);
    });
  }

  test('text/plain PUT /_mock/snapshot and POST /_mock/clock are 415 and change nothing', async () => {
    const before = [await bookingCount(), await clockNow()];
    const snapshot = await raw(base, 'PUT', '/_mock/snapshot', {
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ version: 1, store: { version: 1 } }),
    });
    const clock = await raw(base, 'POST', '/_mock/clock', {
      headers: { 'Content-Type': 'text/plain' },
      body: '{"advance":"1 day"}',
    });
    assert.deepEqual([snapshot.status, clock.status], [415, 415]);
    assert.deepEqual([await bookingCount(), await clockNow()], before);
  });

  test('application/json with a charset is accepted', async () => {
    const answer = await raw(base, 'POST', '/_mock/clock', {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ set: new Date(NOW).toISOString() }),
    });
    assert.equal(answer.status, 200);
  });

  test('the booking API keeps its CORS: a widget on another origin preflights, reads and books', async () => {
    const preflight = await raw(base, 'OPTIONS', '/bookings', {
      headers: {
        Origin: WIDGET_SITE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], WIDGET_SITE);
    assert.match(String(preflight.headers['access-control-allow-headers']), /idempotency-key/);
    const headers = { Origin: WIDGET_SITE, Authorization: basic(KEYS.yoga), ...json };
    const groups = await raw(base, 'GET', '/bookings/groups', { headers });
    assert.equal(groups.status, 200);
    assert.equal(groups.headers['access-control-allow-origin'], WIDGET_SITE);
    const booked = await raw(base, 'POST', '/bookings', {
      headers,
      body: JSON.stringify({
        graph: 'group_customer',
        related: { owner_booking_id: groups.body.data[0].id },
        customer: customer(1),
      }),
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    assert.equal(booked.headers['access-control-allow-origin'], WIDGET_SITE);
  });
});

describe('npm run api: --mock-origin and SLOTKIT_MOCK_ORIGINS', () => {
  test('both allow their origins on /_mock; others stay refused; a bad one stops the start', async () => {
    const cli = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/mock/cli.ts', '--mock-origin', 'http://flag.example:3000'],
      {
        env: {
          ...process.env,
          PORT: '0',
          SLOTKIT_MOCK_ORIGINS: 'http://env.example, http://env2.example',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        cli.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /on (http:\/\/\S+\/v2)/.exec(out);
          if (match) resolve(match[1]!);
        });
        cli.on('exit', (code) => reject(new Error(`the CLI exited (${code}): ${out}`)));
      });
      const status = async (origin: string) =>
        (await raw(url, 'GET', '/_mock/clock', { headers: { Origin: origin } })).status;
      assert.deepEqual(
        [
          await status('http://flag.example:3000'),
          await status('http://env.example'),
          await status('http://env2.example'),
          await status(EVIL),
        ],
        [200, 200, 200, 403],
      );
    } finally {
      cli.kill('SIGKILL');
    }
    const bad = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/mock/cli.ts', '--mock-origin', 'evil'],
      {
        env: { ...process.env, PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let errors = '';
    bad.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise((resolve) => bad.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(errors, /"evil" is not an origin/);
  });
});

describe('rate limits: per key and client, a ceiling per key, one bucket without a valid key', () => {
  let server: RunningServer;
  let base: string;
  before(async () => {
    server = await startHttpServer({
      port: 0,
      seed: 'demo',
      clock: new ManualClock(NOW),
      rateLimits: { client: { perSecond: 0.1, burst: 3 }, key: { perSecond: 0.1, burst: 5 } },
    });
    base = new URL(server.url).origin + '/v2';
  });
  after(() => server.close());

  const get = (key: string, from: string) =>
    raw(base, 'GET', '/bookings/graphs', { headers: { Authorization: basic(key) }, from });

  test('one visitor spending its allowance does not throttle another visitor of the same key', async () => {
    server.api.limiter.clear();
    const started = Date.now();
    const first = [];
    for (let index = 0; index < 4; index++)
      first.push((await get(KEYS.barber, '127.0.0.1')).status);
    assert.deepEqual(first, [200, 200, 200, 429]);
    const limited = await get(KEYS.barber, '127.0.0.1');
    assert.equal(limited.body.error.code, 'rate_limited');
    // A token every 10 s, less the real time since the bucket emptied (under a second unless
    // the machine is very slow), rounded up.
    const earliest = Math.ceil(10 - (Date.now() - started) / 1000);
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter <= 10 && retryAfter >= earliest, `Retry-After ${retryAfter}`);
    assert.equal((await get(KEYS.barber, '127.0.0.2')).status, 200, 'another client is served');
  });

  test('the key has a ceiling over all its clients', async () => {
    server.api.limiter.clear();
    const statuses = [];
    for (const from of [
      '127.0.0.1',
      '127.0.0.1',
      '127.0.0.2',
      '127.0.0.2',
      '127.0.0.3',
      '127.0.0.4',
    ])
      statuses.push((await get(KEYS.yoga, from)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    assert.equal((await get(KEYS.barber, '127.0.0.4')).status, 200, 'another key is not affected');
  });

  test('made-up keys share one bucket: after it is spent, every made-up key waits, valid ones do not', async () => {
    server.api.limiter.clear();
    const statuses = [];
    for (let index = 0; index < 7; index++)
      statuses.push((await get(`made_up_${index}`, `127.0.0.${1 + (index % 3)}`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
    assert.equal((await get(KEYS.barber, '127.0.0.1')).status, 200);
  });
});

describe('the rate limiter keeps bounded memory', () => {
  test('100,000 made-up keys from many clients make one bucket', () => {
    const api = createMockApi({ seed: 'demo', clock: new ManualClock(NOW) });
    for (let index = 0; index < 100_000; index++) {
      api.limiter.take(api.keyClass(`made_up_${index}`), `10.0.${index % 256}.1`, NOW + index);
    }
    assert.ok(api.limiter.size <= 1, `${api.limiter.size} buckets`);
  });

  test('100,000 clients of one key over 100 s: idle buckets are freed', () => {
    const api = createMockApi({ seed: 'demo', clock: new ManualClock(NOW) });
    const key = api.keyClass(KEYS.barber);
    for (let index = 0; index < 100_000; index++) {
      api.limiter.take(key, `client-${index}`, NOW + index);
    }
    // A bucket spent by one token is full again in 20 ms: only the last sweep's leftovers stay.
    assert.ok(api.limiter.size <= 1001, `${api.limiter.size} buckets`);
  });
});
