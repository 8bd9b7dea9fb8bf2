import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { KEYS, NOW, basic, customer } from './harness.ts';

/**
 * `custom_data` (issue 16: the host page's utm_* and named parameters) over real HTTP: a widget
 * key may send it, the engine caps it, and only the owner reads it back.
 */

let server: RunningServer;
let clock: ManualClock;

before(async () => {
  clock = new ManualClock(NOW);
  server = await startHttpServer({ port: 0, clock, seed: 'demo' });
});
after(() => server.close());
beforeEach(() => {
  clock.set(NOW);
  server.api.reset();
});

async function send(method: string, path: string, key: string, body?: unknown, token?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: basic(key),
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { 'X-Customer-Token': token }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A barber booking with the widget key, with `extra` in its body. */
async function bookBarber(extra: Record<string, unknown>) {
  const free = await send('POST', '/v2/availability', KEYS.barber, { project_id: 'proj_barber' });
  const slot = free.body.data[0];
  return send('POST', '/v2/bookings', KEYS.barber, {
    graph: 'instant',
    project_id: 'proj_barber',
    event: { start: slot.start, end: slot.end, what: 'Cut', resource_id: slot.resources[0].id },
    customer: customer(1),
    ...extra,
  });
}

const bookingCount = async () =>
  (await send('GET', '/v2/bookings', KEYS.owner)).body.data.length as number;

describe('custom_data on a booking', () => {
  test('a widget key sends it; the owner reads it, the visitor does not', async () => {
    const data = { utm_source: 'newsletter', utm_campaign: 'spring', ref: 'partner-7' };
    const created = await bookBarber({ custom_data: data });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.data.id as string;
    assert.equal(created.body.data.custom_data, undefined, 'not echoed to the widget key');

    const owner = await send('GET', `/v2/bookings/${id}`, KEYS.owner);
    assert.deepEqual(owner.body.data.custom_data, data);
    const listed = await send('GET', '/v2/bookings', KEYS.owner);
    const row = listed.body.data.find((booking: { id: string }) => booking.id === id);
    assert.deepEqual(row.custom_data, data);

    const visitor = await send(
      'GET',
      `/v2/bookings/${id}`,
      KEYS.barber,
      undefined,
      created.body.data.customer_token,
    );
    assert.equal(visitor.status, 200);
    assert.equal(visitor.body.data.custom_data, undefined);
  });

  const tooMuch: Array<[string, unknown, string]> = [
    [
      'more than 20 keys',
      Object.fromEntries(Array.from({ length: 21 }, (_, n) => [`utm_k${n}`, 'x'])),
      'custom_data',
    ],
    ['a key over 40 characters', { ['k'.repeat(41)]: 'x' }, 'custom_data'],
    ['a value over 200 characters', { utm_source: 'x'.repeat(201) }, 'custom_data.utm_source'],
    ['a value that is not a string', { utm_source: 3 }, 'custom_data.utm_source'],
    ['a control character', { utm_source: 'a\nb' }, 'custom_data.utm_source'],
    ['not an object', 'utm_source=x', 'custom_data'],
  ];
  for (const [what, customData, path] of tooMuch) {
    test(`${what} is refused with 422 naming the field, and nothing is booked`, async () => {
      const before = await bookingCount();
      const answer = await bookBarber({ custom_data: customData });
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      const paths = (answer.body.error.details ?? []).map((issue: { path: string }) => issue.path);
      assert.ok(
        paths.some((found: string) => found.startsWith(path)),
        `${JSON.stringify(paths)} names ${path}`,
      );
      assert.equal(await bookingCount(), before);
    });
  }

  test('20 keys of 40 characters with 200-character values are accepted', async () => {
    const data = Object.fromEntries(
      Array.from({ length: 20 }, (_, n) => [`${n}`.padStart(40, 'k'), 'v'.repeat(200)]),
    );
    const created = await bookBarber({ custom_data: data });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const owner = await send('GET', `/v2/bookings/${created.body.data.id}`, KEYS.owner);
    assert.deepEqual(owner.body.data.custom_data, data);
  });

  test('a snapshot with custom_data restores; one with a non-string value is refused', async () => {
    const created = await bookBarber({ custom_data: { utm_source: 'newsletter' } });
    assert.equal(created.status, 201);
    const snapshot = server.api.engine.snapshot();
    server.api.engine.restore(structuredClone(snapshot));
    const owner = await send('GET', `/v2/bookings/${created.body.data.id}`, KEYS.owner);
    assert.deepEqual(owner.body.data.custom_data, { utm_source: 'newsletter' });
    const bad = structuredClone(snapshot) as unknown as {
      bookings: Array<{ custom_data?: unknown }>;
    };
    const record = bad.bookings.find((booking) => booking.custom_data);
    record!.custom_data = { utm_source: 3 };
    assert.throws(
      () => server.api.engine.restore(bad),
      (error: { details?: Array<{ path: string }> }) =>
        JSON.stringify(error.details ?? error).includes('custom_data'),
    );
  });
});
