import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { submit } from '../../../src/flow/holding.ts';
import { BY_CLASS, FORM, SLOT, booked, refuse, signalled, stand } from './journey-stand.ts';

/**
 * What holding.ts's `submit` sends: the booking request piece by piece (the customer, the
 * project, the time, the campaign parameters) and its idempotency key, against a stand-in host
 * and client (issue 17's survivors).
 */

/** FNV-1a, 32 bits, written again with BigInt: the idempotency key's hash, checked below. */
function fnv1a(text: string): string {
  let value = 0x811c9dc5n;
  for (let index = 0; index < text.length; index += 1) {
    value ^= BigInt(text.charCodeAt(index));
    value = (value * 0x01000193n) % 2n ** 32n;
  }
  return value.toString(36);
}

describe('submit: what a booking sends', () => {
  const create = (booking = booked({})) => ({ createBooking: async () => booking });
  const sent = (s: ReturnType<typeof stand>) => s.calls.find((c) => c.name === 'createBooking');

  test("the reference hash is FNV-1a's published values", () => {
    assert.deepEqual(
      ['', 'a', 'foobar'].map(fnv1a),
      [0x811c9dc5, 0xe40c292c, 0xbf9cf968].map((n) => n.toString(36)),
    );
  });

  test('a time: the hold, the customer (text-only name and email), zone, project, resource and event', async () => {
    const s = stand(FORM, create(), { projectId: 'proj_1' });
    const values = { name: true, email: 'ada@example.test', phone: '123' };
    await submit(s.host, values);
    const request = {
      graph: 'instant',
      reservation_id: 'hold_1',
      customer: { name: '', email: 'ada@example.test', phone: '123', timezone: 'Europe/Oslo' },
      project_id: 'proj_1',
      resource_id: 'res_1',
      event: { start: SLOT.start, end: SLOT.end, what: 'Checkup', resource_id: 'res_1' },
    };
    const call = sent(s);
    assert.deepEqual(call?.args[0], request);
    const key = `hold_1-${fnv1a(JSON.stringify(call?.args[0]))}`;
    assert.equal((call?.args[1] as { idempotencyKey?: string }).idempotencyKey, key);
    assert.equal(signalled(call), true);
    assert.deepEqual(s.host.memory.values, {});
    assert.deepEqual(s.states[0], {
      ...FORM,
      values,
      submitting: true,
      fieldErrors: [],
      error: undefined,
    });
    assert.deepEqual(s.signals.slice(0, 2), [
      { type: 'form-submitted', detail: { values } },
      { type: 'booking-requested', detail: { request } },
    ]);
  });

  test('the same body keeps its key; another body gets another', async () => {
    const keys: unknown[] = [];
    for (const name of ['Ada', 'Ada', 'Adb']) {
      const s = stand(FORM, create());
      await submit(s.host, { name });
      keys.push((sent(s)?.args[1] as { idempotencyKey?: string }).idempotencyKey);
    }
    assert.equal(keys[0], keys[1]);
    assert.notEqual(keys[1], keys[2]);
  });

  test('what the visitor typed is kept (a copy) until the booking is made', async () => {
    const values = { name: 'Ada', email: 7 as unknown as string };
    const s = stand(FORM, { createBooking: refuse('rate_limited') });
    await submit(s.host, values);
    assert.deepEqual(s.host.memory.values, values);
    assert.notEqual(s.host.memory.values, values);
    assert.deepEqual((sent(s)?.args[0] as { customer: unknown }).customer, {
      name: 'Ada',
      email: '',
      timezone: 'Europe/Oslo',
    });
  });

  test('a class: no project, resource or event; custom data as given, a copy', async () => {
    const customData = { utm_source: 'mail' };
    const s = stand({ ...FORM, held: BY_CLASS }, create(), { options: { customData } });
    await submit(s.host, {});
    const request = sent(s)?.args[0] as Record<string, unknown>;
    assert.deepEqual(Object.keys(request).sort(), [
      'custom_data',
      'customer',
      'graph',
      'reservation_id',
    ]);
    assert.deepEqual(request.custom_data, customData);
    assert.notEqual(request.custom_data, customData);
  });

  test("the page's query, picked when booking; given custom data wins over it", async () => {
    const forward = { search: '?utm_source=ad&ref=7&x=1', setting: 'ref' };
    const s = stand(FORM, create(), { options: { forward } });
    await submit(s.host, {});
    assert.deepEqual((sent(s)?.args[0] as Record<string, unknown>).custom_data, {
      utm_source: 'ad',
      ref: '7',
    });
    const given = stand(FORM, create(), { options: { forward, customData: { a: 'b' } } });
    await submit(given.host, {});
    assert.deepEqual((sent(given)?.args[0] as Record<string, unknown>).custom_data, { a: 'b' });
    const none = stand(FORM, create(), { options: { forward: { search: '?x=1', setting: '' } } });
    await submit(none.host, {});
    assert.equal(Object.hasOwn(sent(none)?.args[0] as object, 'custom_data'), false);
  });
});
