import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverClock } from '../../../src/sdk/clock.ts';
import { engineWorld } from './fixtures.ts';
import { clientWith, failure, json, ok } from './helpers.ts';

const world = engineWorld();
const HOUR = 3_600_000;

/** A Date header for local time + offset, truncated to the second as servers send it. */
const dateHeader = (offsetMs: number) => ({ Date: new Date(Date.now() + offsetMs).toUTCString() });

describe('server clock from Date headers', () => {
  test('no response yet: no offset, serverNow is local time', () => {
    const { client } = clientWith([ok(world.resources)]);
    assert.equal(client.clockOffsetMs(), 0);
    assert.ok(
      Math.abs(client.serverNow() - Date.now()) < 50,
      'Math.abs(client.serverNow() - Date.now()) < 50',
    );
  });

  test('a server an hour ahead gives an offset of an hour, within a second', async () => {
    const { client } = clientWith([ok(world.resources, () => dateHeader(HOUR))]);
    await client.resources();
    assert.ok(Math.abs(client.clockOffsetMs() - HOUR) <= 1000, String(client.clockOffsetMs()));
    assert.ok(
      Math.abs(client.serverNow() - (Date.now() + HOUR)) <= 1000,
      'Math.abs(client.serverNow() - (Date.now() + HOUR)) <= 1000',
    );
  });

  test('error responses count too, and a bound client shares the clock', async () => {
    const { client } = clientWith([
      json(404, { error: { status: 404, code: 'not_found', message: 'No booking' } }, () =>
        dateHeader(-2 * HOUR),
      ),
    ]);
    const bound = client.withCustomerToken('tok');
    await failure(bound.getBooking('nope'));
    assert.ok(Math.abs(client.clockOffsetMs() + 2 * HOUR) <= 1000, String(client.clockOffsetMs()));
  });

  test('a response without a Date header leaves the offset alone', async () => {
    const { client } = clientWith([
      ok(world.resources, () => dateHeader(HOUR)),
      () => new Response(JSON.stringify({ data: world.resources })),
    ]);
    await client.resources();
    const offset = client.clockOffsetMs();
    await client.resources();
    assert.equal(client.clockOffsetMs(), offset);
  });

  test('the sandbox moving the server clock moves the offset', async () => {
    let offset = 0;
    const { client } = clientWith([ok(world.resources, () => dateHeader(offset))]);
    await client.resources();
    assert.ok(Math.abs(client.clockOffsetMs()) <= 1000, 'Math.abs(client.clockOffsetMs()) <= 1000');
    offset = 15 * 60_000;
    await client.resources();
    assert.ok(Math.abs(client.clockOffsetMs() - offset) <= 1000, String(client.clockOffsetMs()));
  });
});

describe('serverClock', () => {
  const T = Date.parse('2026-11-23T08:00:00Z');

  test('one response bounds the offset to its round trip plus the header resolution', () => {
    const clock = serverClock(() => T);
    // Sent at T, answered at T + 200 ms; the header says T + 60 s (truncated to the second).
    clock.observe(new Date(T + 60_000).toUTCString(), T, T + 200);
    // The offset lies in [60 000 - 200, 61 000]: the midpoint is the estimate.
    assert.equal(clock.offsetMs(), 60_400);
    assert.equal(clock.now(), T + 60_400);
  });

  test('more responses narrow the estimate below the header resolution', () => {
    const clock = serverClock();
    const trueOffset = 60_700;
    // Exact round trips at different points within a second: each sample cuts the interval.
    for (const sentAt of [T, T + 250, T + 500, T + 750, T + 900]) {
      const stamped = Math.floor((sentAt + trueOffset) / 1000) * 1000;
      clock.observe(new Date(stamped).toUTCString(), sentAt, sentAt);
    }
    assert.ok(Math.abs(clock.offsetMs() - trueOffset) <= 150, String(clock.offsetMs()));
  });

  test('a sample that contradicts the estimate replaces it', () => {
    const clock = serverClock();
    clock.observe(new Date(T).toUTCString(), T, T + 100);
    clock.observe(new Date(T + HOUR).toUTCString(), T + 1000, T + 1100);
    assert.ok(Math.abs(clock.offsetMs() - (HOUR - 1000)) <= 1000, String(clock.offsetMs()));
  });

  test('an unreadable Date header is ignored', () => {
    const clock = serverClock();
    clock.observe('yesterday-ish', T, T);
    clock.observe(null, T, T);
    assert.equal(clock.offsetMs(), 0);
  });
});
