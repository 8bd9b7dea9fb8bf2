import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createClient,
  SlotkitApiError,
  SlotkitTimeoutError,
  type SlotkitClient,
} from '../../../src/sdk/index.ts';
import { engineWorld } from './fixtures.ts';
import { APP_KEY, BASE_URL, clientWith, failure, hang, json, ok } from './helpers.ts';

/**
 * Each endpoint's own settings, one row per endpoint: whether a 503 is tried again, the path of
 * the calls no other test sends, and the client's defaults. Written after mutation testing showed
 * that flipping one endpoint's retry flag or dropping a default went unnoticed (docs/testing.md).
 */

const world = engineWorld();
const AT = '2026-11-23T08:00:00Z';
const entry = {
  id: 'wl_1',
  state: 'waiting',
  related: { owner_booking_id: 'cls_1' },
  seats: 1,
  customer: { name: 'Ada', email: 'ada@example.test' },
  created_at: AT,
};
const unavailable = json(503, {
  error: { status: 503, code: 'unavailable', message: 'Try again' },
});

type Row = [name: string, call: (client: SlotkitClient) => Promise<unknown>, data: unknown];

// Reads, and writes whose second sending answers like the first (a key, or a DELETE of a hold).
const retried: Row[] = [
  ['availability', (c) => c.availability({ project_id: 'p' }), world.slots],
  ['availabilityDates', (c) => c.availabilityDates({ project_id: 'p' }), world.dates],
  ['groups', (c) => c.groups(), world.groups],
  ['group', (c) => c.group('cls_1'), world.groups[0]],
  ['reserve', (c) => c.reserve({ resource_id: 'r', start: AT, end: AT }), world.slotHold],
  ['releaseHold', (c) => c.releaseHold('hold_1'), world.slotHold],
  ['getHold', (c) => c.getHold('hold_1'), world.slotHold],
  ['createBooking', (c) => c.createBooking({ graph: 'instant' }), world.created],
  ['getBooking', (c) => c.getBooking('bk_1'), world.fetched],
  [
    'joinWaitlist',
    (c) => c.joinWaitlist({ related: { owner_booking_id: 'c' }, customer: entry.customer }),
    entry,
  ],
  ['getWaitlistEntry', (c) => c.getWaitlistEntry('wl_1'), entry],
  ['projectConfig', (c) => c.projectConfig('proj_barber'), world.embed],
  ['graphs', (c) => c.graphs(), world.graphs],
  ['graph', (c) => c.graph('instant'), world.graphs[0]],
  ['resources', (c) => c.resources(), world.resources],
];

// Writes a second sending could change or have refused.
const sentOnce: Row[] = [
  ['extendHold', (c) => c.extendHold('hold_1'), world.slotHold],
  ['performAction', (c) => c.performAction('bk_1', 'pay'), world.fetched],
  ['reschedule', (c) => c.reschedule('bk_1', { start: AT, end: AT }), world.fetched],
  ['leaveWaitlist', (c) => c.leaveWaitlist('wl_1'), entry],
];

describe('which endpoints are tried again after a 503', () => {
  for (const [name, call, data] of retried) {
    test(`${name}: tried again, and the second answer is returned`, async () => {
      const { client, calls } = clientWith([unavailable, ok(data)]);
      const answer = await call(client);
      assert.equal(calls.length, 2);
      assert.deepEqual(answer, data);
    });
  }

  for (const [name, call, data] of sentOnce) {
    test(`${name}: sent once, the 503 reported`, async () => {
      const { client, calls } = clientWith([unavailable, ok(data)]);
      const error = await failure(call(client));
      assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
      assert.equal(error.status, 503);
      assert.equal(calls.length, 1);
    });
  }
});

describe('the waitlist and hold paths', () => {
  test('join, read and leave an entry; read a hold', async () => {
    const { client, calls } = clientWith([ok(entry), ok(entry), ok(entry), ok(world.slotHold)]);
    await client.joinWaitlist({ related: { owner_booking_id: 'cls 1' }, customer: entry.customer });
    await client.getWaitlistEntry('wl 1');
    await client.leaveWaitlist('wl/1');
    await client.getHold('hold 1');
    assert.deepEqual(
      calls.map((call) => `${call.method} ${call.url.slice(BASE_URL.length)}`),
      [
        'POST /bookings/waitlist',
        'GET /bookings/waitlist/wl%201',
        'DELETE /bookings/waitlist/wl%2F1',
        'GET /bookings/reserve/hold%201',
      ],
    );
    assert.match(calls[0]!.headers.get('Idempotency-Key') ?? '', /^[0-9a-f-]{36}$/);
  });

  test('an empty include list sends no include parameter', async () => {
    const { client, calls } = clientWith([ok(world.fetched)]);
    await client.getBooking('bk_1', { include: [] });
    assert.equal(calls[0]!.url, `${BASE_URL}/bookings/bk_1`);
  });
});

describe("the client's defaults", () => {
  test('creating a client without a base URL or a key says which is missing', () => {
    assert.throws(() => createClient({ baseUrl: '', appKey: APP_KEY }), {
      name: 'TypeError',
      message: 'slotkit: createClient needs a baseUrl',
    });
    assert.throws(() => createClient({ baseUrl: BASE_URL, appKey: '' }), {
      name: 'TypeError',
      message: 'slotkit: createClient needs an appKey',
    });
  });

  test('two retries by default: three attempts in all', async () => {
    const { client, calls } = clientWith([unavailable]);
    const error = await failure(client.resources());
    assert.ok(error instanceof SlotkitApiError, 'error instanceof SlotkitApiError');
    assert.equal(calls.length, 3);
  });

  test('a fractional retry count is rounded down, a negative one means no retry', async () => {
    const rounded = clientWith([unavailable], { retries: 1.9 });
    await failure(rounded.client.resources());
    assert.equal(rounded.calls.length, 2);
    const negative = clientWith([unavailable], { retries: -3 });
    await failure(negative.client.resources());
    assert.equal(negative.calls.length, 1);
  });

  test('a call gives up after 15 seconds by default', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { client } = clientWith([hang]);
    const pending = failure(client.resources());
    await new Promise((resolve) => setImmediate(resolve));
    t.mock.timers.tick(15_000);
    const error = await pending;
    assert.ok(error instanceof SlotkitTimeoutError, 'error instanceof SlotkitTimeoutError');
    assert.equal(error.timeoutMs, 15_000);
  });

  test('without crypto.randomUUID (a plain http page) the key is 32 random hex digits', async () => {
    const saved = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const { client, calls } = clientWith([ok(world.created)]);
      for (let i = 0; i < 20; i++) await client.createBooking({ graph: 'instant' });
      const keys = calls.map((call) => call.headers.get('Idempotency-Key'));
      for (const key of keys) assert.match(key ?? '', /^[0-9a-f]{32}$/);
      assert.equal(new Set(keys).size, keys.length);
    } finally {
      if (saved) Object.defineProperty(crypto, 'randomUUID', saved);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });
});
