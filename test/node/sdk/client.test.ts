import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createClient } from '../../../src/sdk/index.ts';
import { engineWorld } from './fixtures.ts';
import { APP_KEY, BASE_URL, clientWith, ok } from './helpers.ts';

const world = engineWorld();

describe('requests', () => {
  test('every request carries Basic auth with the key after a colon, and asks for JSON', async () => {
    const { client, calls } = clientWith([ok(world.resources)]);
    await client.resources();
    const [call] = calls;
    assert.equal(call!.url, `${BASE_URL}/resources`);
    assert.equal(call!.method, 'GET');
    const auth = call!.headers.get('Authorization') ?? '';
    assert.match(auth, /^Basic /);
    assert.equal(Buffer.from(auth.slice(6), 'base64').toString(), `:${APP_KEY}`);
    assert.equal(call!.headers.get('Accept'), 'application/json');
    assert.equal(call!.headers.has('X-Customer-Token'), false);
    assert.equal(call!.body, undefined);
  });

  test('a trailing slash on the base URL and custom headers are handled', async () => {
    const { client, calls } = clientWith([ok(world.graphs)], {
      baseUrl: `${BASE_URL}/`,
      headers: { 'Timekit-App': 'hill-valley' },
    });
    await client.graphs();
    assert.equal(calls[0]!.url, `${BASE_URL}/bookings/graphs`);
    assert.equal(calls[0]!.headers.get('Timekit-App'), 'hill-valley');
  });

  test('POST bodies are JSON with a JSON content type', async () => {
    const { client, calls } = clientWith([ok(world.slots)]);
    const body = { project_id: 'proj_barber', length: '30 minutes', output_timezone: 'UTC' };
    const slots = await client.availability(body);
    assert.equal(slots.length, world.slots.length);
    assert.equal(calls[0]!.method, 'POST');
    assert.equal(calls[0]!.url, `${BASE_URL}/availability`);
    assert.equal(calls[0]!.headers.get('Content-Type'), 'application/json');
    assert.deepEqual(JSON.parse(calls[0]!.body!), body);
  });

  test('path segments are encoded and queries only carry what is set', async () => {
    const { client, calls } = clientWith([
      ok(world.groups),
      ok(world.groups[0]),
      ok(world.fetched),
    ]);
    await client.groups({ start: '2026-11-23T00:00:00+01:00', resource_id: undefined });
    await client.group('a/b?c');
    await client.getBooking('bk 1', { include: ['logs', 'attributes'] });
    assert.equal(
      calls[0]!.url,
      `${BASE_URL}/bookings/groups?start=2026-11-23T00%3A00%3A00%2B01%3A00`,
    );
    assert.equal(calls[1]!.url, `${BASE_URL}/bookings/groups/a%2Fb%3Fc`);
    assert.equal(calls[2]!.url, `${BASE_URL}/bookings/bk%201?include=logs%2Cattributes`);
  });

  test('each endpoint goes to its method and path', async () => {
    const { client, calls } = clientWith([
      ok(world.dates),
      ok(world.slotHold),
      ok(world.slotHold),
      ok(world.slotHold),
      ok(world.created),
      ok(world.fetched),
      ok(world.fetched),
      ok(world.embed),
      ok(world.graphs[0]),
    ]);
    await client.availabilityDates({ project_id: 'proj_barber' });
    await client.reserve({ resource_id: 'res_barber', start: 's', end: 'e' });
    await client.extendHold('hold_1');
    await client.releaseHold('hold_1');
    await client.createBooking({ graph: 'instant' });
    await client.performAction('bk_1', 'cancel_by_customer', {
      cancel_by_customer: { message: 'Sorry' },
    });
    await client.reschedule('bk_1', { start: 's', end: 'e', message: 'Later' });
    await client.projectConfig('proj_barber');
    await client.graph('instant');
    assert.deepEqual(
      calls.map((call) => `${call.method} ${call.url.slice(BASE_URL.length)}`),
      [
        'POST /availability/dates',
        'POST /bookings/reserve',
        'PUT /bookings/reserve/extend',
        'DELETE /bookings/reserve/hold_1',
        'POST /bookings',
        'PUT /bookings/bk_1/cancel_by_customer',
        'POST /bookings/bk_1/reschedule',
        'GET /projects/embed/proj_barber',
        'GET /bookings/graphs/instant',
      ],
    );
    assert.deepEqual(JSON.parse(calls[2]!.body!), { id: 'hold_1' });
    assert.equal(calls[3]!.body, undefined);
    assert.deepEqual(JSON.parse(calls[5]!.body!), { cancel_by_customer: { message: 'Sorry' } });
    assert.deepEqual(JSON.parse(calls[6]!.body!), { start: 's', end: 'e', message: 'Later' });
  });

  test('an action without input still sends an empty JSON object', async () => {
    const { client, calls } = clientWith([ok(world.fetched)]);
    await client.performAction('bk_1', 'pay');
    assert.equal(calls[0]!.body, '{}');
  });

  test('the customer token travels as X-Customer-Token: client-wide, per call, or bound', async () => {
    const { client, calls } = clientWith([ok(world.fetched)], { customerToken: 'tok_client' });
    await client.getBooking('bk_1');
    await client.getBooking('bk_1', { customerToken: 'tok_call' });
    const bound = client.withCustomerToken('tok_bound');
    await bound.performAction('bk_1', 'cancel_by_customer');
    await client.getBooking('bk_1');
    assert.deepEqual(
      calls.map((call) => call.headers.get('X-Customer-Token')),
      ['tok_client', 'tok_call', 'tok_bound', 'tok_client'],
    );
    assert.ok(
      calls.every((call) => !call.url.includes('tok_')),
      'tokens stay out of URLs',
    );
  });

  test('responses come back unwrapped from { data }', async () => {
    const { client } = clientWith([ok(world.created)]);
    const created = await client.createBooking({ graph: 'instant' });
    assert.equal(created.id, world.created.id);
    assert.equal(created.customer_token, world.created.customer_token);
  });

  test('nothing is sent by creating a client, and it needs a base URL and a key', () => {
    const { calls } = clientWith([ok([])]);
    assert.equal(calls.length, 0);
    assert.throws(() => createClient({ baseUrl: '', appKey: APP_KEY }), TypeError);
    assert.throws(() => createClient({ baseUrl: BASE_URL, appKey: '' }), TypeError);
  });

  test('without an injected fetch, the global fetch is looked up at call time', async (t) => {
    const client = createClient({ baseUrl: BASE_URL, appKey: APP_KEY });
    const seen: string[] = [];
    t.mock.method(globalThis, 'fetch', async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response(JSON.stringify({ data: world.resources }));
    });
    await client.resources();
    assert.deepEqual(seen, [`${BASE_URL}/resources`]);
  });
});

describe('idempotency keys', () => {
  test('createBooking sends a fresh UUID per booking', async () => {
    const { client, calls } = clientWith([ok(world.created)]);
    await client.createBooking({ graph: 'instant' });
    await client.createBooking({ graph: 'instant' });
    const [first, second] = calls.map((call) => call.headers.get('Idempotency-Key'));
    assert.match(first ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(first, second);
  });

  test('a given key is used as is, for bookings and holds', async () => {
    const { client, calls } = clientWith([ok(world.created), ok(world.slotHold)]);
    await client.createBooking({ graph: 'instant' }, { idempotencyKey: 'form-submit-1' });
    await client.reserve(
      { related: { owner_booking_id: 'class_1' }, seats: 2 },
      { idempotencyKey: 'hold-1' },
    );
    assert.equal(calls[0]!.headers.get('Idempotency-Key'), 'form-submit-1');
    assert.equal(calls[1]!.headers.get('Idempotency-Key'), 'hold-1');
  });

  test('reads and customer actions carry no key', async () => {
    const { client, calls } = clientWith([ok(world.fetched)]);
    await client.getBooking('bk_1');
    await client.performAction('bk_1', 'pay');
    assert.ok(
      calls.every((call) => !call.headers.has('Idempotency-Key')),
      `calls.every((call) => !call.headers.has('Idempotency-Key'))`,
    );
  });
});
