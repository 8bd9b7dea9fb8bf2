import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  availabilityMode,
  availableDate,
  bookingLocation,
  count,
  customerInput,
  embedConfig,
  errorBody,
  graphDefinition,
  hold,
  id,
  logEntry,
  price,
  waitlistEntry,
} from '../../../src/schemas/index.ts';
import { CUSTOMER_FIELDS, customFieldCount } from '../../../src/schemas/limits.ts';
import { AT, aHold } from './wire-values.ts';

/**
 * The edges of each wire shape, with hand-written values (no engine): every value list, every
 * boundary and every message the widget relies on. Written after mutation testing showed which
 * of them no test told apart (docs/testing.md).
 */

const ok = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

const anEntry = {
  id: 'wl_1',
  state: 'waiting',
  related: { owner_booking_id: 'cls_1' },
  seats: 1,
  customer: { name: 'Ada', email: 'ada@example.test' },
  created_at: AT,
};

describe('value lists: every documented value passes, any other is refused', () => {
  test('hold states', () => {
    for (const state of ['reserved', 'converted', 'released', 'expired']) {
      assert.equal(ok(hold, { ...aHold, state }), true, state);
    }
    assert.equal(ok(hold, { ...aHold, state: '' }), false);
  });

  test('waitlist states', () => {
    for (const state of ['waiting', 'offered', 'booked', 'lapsed', 'left', 'closed']) {
      assert.equal(ok(waitlistEntry, { ...anEntry, state }), true, state);
    }
    assert.equal(ok(waitlistEntry, { ...anEntry, state: 'pending' }), false);
  });

  test('availability modes', () => {
    for (const mode of ['roundrobin_random', 'roundrobin_prioritized', 'mutual']) {
      assert.equal(ok(availabilityMode, mode), true, mode);
    }
    assert.equal(ok(availabilityMode, 'roundrobin'), false);
  });

  test("a log entry's success is the string 'true' or 'false'", () => {
    const entry = {
      description: 'Booking created',
      state: 'confirmed',
      data: '{}',
      created_at: AT,
    };
    assert.equal(ok(logEntry, { ...entry, success: 'true' }), true);
    assert.equal(ok(logEntry, { ...entry, success: 'false' }), true);
    assert.equal(ok(logEntry, { ...entry, success: true }), false);
    assert.equal(ok(logEntry, { ...entry, success: '' }), false);
  });

  test('a location is a named place or online, nothing else', () => {
    assert.equal(ok(bookingLocation, { type: 'place', name: 'Studio 1' }), true);
    assert.equal(ok(bookingLocation, { type: 'online' }), true);
    assert.equal(ok(bookingLocation, { type: 'place' }), false);
    assert.equal(ok(bookingLocation, { type: 'phone' }), false);
    assert.equal(ok(bookingLocation, { type: 'phone', name: '555 0199' }), false);
    // Not an object at all: refused, not thrown on.
    for (const value of [null, undefined, 'online', 5])
      assert.equal(ok(bookingLocation, value), false, String(value));
  });
});

describe('boundaries of the building blocks', () => {
  test('a count may be 0; an id may be one character', () => {
    assert.equal(ok(count, 0), true);
    assert.equal(ok(count, -1), false);
    assert.equal(ok(id, 'x'), true);
    assert.equal(ok(id, ''), false);
  });

  test('a calendar day is exactly yyyy-MM-dd', () => {
    assert.equal(ok(availableDate, { date: '2026-11-23' }), true);
    for (const date of ['2026-11-23T00:00', 'x2026-11-23', '26-11-23', '2026-1-23', '']) {
      assert.equal(ok(availableDate, { date }), false, date);
    }
  });

  test('a price is whole non-negative minor units in a three-letter upper-case currency', () => {
    assert.equal(ok(price, { amount: 0, currency: 'EUR' }), true);
    for (const bad of [
      { amount: -1, currency: 'EUR' },
      { amount: 1.5, currency: 'EUR' },
      { amount: 100, currency: 'eur' },
      { amount: 100, currency: 'EURO' },
      { amount: 100, currency: 'XEU R' },
      { amount: 100, currency: 'AEUR' },
    ]) {
      assert.equal(ok(price, bad), false, JSON.stringify(bad));
    }
  });

  test("an embed config's duration must be positive, and its booking names a graph", () => {
    const config = {
      id: 'proj_1',
      name: 'Yoga',
      app_key: 'test_widget_key',
      ui: {},
      availability: { length: '1 hour', mode: 'mutual' },
      booking: { graph: 'instant' },
      customer_fields: {},
      resources: ['res_1'],
    };
    assert.equal(ok(embedConfig, config), true);
    assert.equal(ok(embedConfig, { ...config, duration: 30 }), true);
    assert.equal(ok(embedConfig, { ...config, duration: 0 }), false);
    assert.equal(ok(embedConfig, { ...config, availability: { length: '1 hour' } }), false);
    // The booking settings may hold anything beside the graph, but not lack it.
    assert.equal(ok(embedConfig, { ...config, booking: { graph: 'instant', verify: 1 } }), true);
    assert.equal(ok(embedConfig, { ...config, booking: { payment_window: 'PT15M' } }), false);
  });

  test('an error body may come without details', () => {
    const body = { error: { status: 409, code: 'conflict', message: 'Taken' } };
    assert.deepEqual(errorBody.parse(body), body);
  });

  test('a graph keeps what the schema does not check (steps, timeouts) for the demo', () => {
    const graph = graphDefinition.parse({
      name: 'instant',
      kind: 'slot',
      extra: 1,
      states: { confirmed: { holds: true, timeout: '1h' } },
      actions: { cancel: { from: ['confirmed'], by: 'customer', steps: ['a'] } },
    });
    assert.equal(graph['extra'], 1);
    assert.equal(graph.states.confirmed?.['timeout'], '1h');
    assert.deepEqual(graph.actions.cancel?.['steps'], ['a']);
  });
});

describe('the customer form schema at its limits', () => {
  const base = { name: 'Ada', email: 'ada@example.test' };
  const messages = (value: unknown) => {
    const result = customerInput.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  test('the customer fields themselves are not custom fields', () => {
    assert.deepEqual([...CUSTOMER_FIELDS], ['name', 'email', 'phone', 'voip', 'timezone']);
    const customer = { name: 'a', email: 'b', phone: 'c', voip: 'd', timezone: 'e', x: 1, y: 2 };
    assert.equal(customFieldCount(customer), 2);
  });

  test('exactly 30 custom fields pass, 31 do not', () => {
    const fields = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`field_${i}`, 'x']));
    assert.deepEqual(messages({ ...base, ...fields(30) }), []);
    assert.deepEqual(messages({ ...base, ...fields(31) }), ['too_many_fields']);
  });

  test('each length limit is inclusive', () => {
    assert.deepEqual(messages({ ...base, name: 'x'.repeat(200) }), []);
    const local = 'x'.repeat(64);
    const email = `${local}@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(58)}.co`;
    assert.equal(email.length, 254);
    assert.deepEqual(messages({ ...base, email }), []);
    assert.deepEqual(messages({ ...base, email: `x${email}` }), ['too_long']);
    assert.deepEqual(messages({ ...base, phone: '1'.repeat(40) }), []);
    assert.deepEqual(messages({ ...base, phone: '1'.repeat(41) }), ['too_long']);
    assert.deepEqual(messages({ ...base, note: 'x'.repeat(5000) }), []);
    assert.deepEqual(messages({ ...base, note: 'x'.repeat(5001) }), ['too_long']);
  });

  test('optional texts are trimmed; wrong types say "invalid"; a yes/no custom field passes', () => {
    const parsed = customerInput.parse({ ...base, phone: ' 555 ', note: ' hi ', agree: true });
    assert.equal(parsed.phone, '555');
    assert.equal(parsed['note'], 'hi');
    assert.equal(parsed['agree'], true);
    assert.deepEqual(messages({ ...base, phone: 555 }), ['invalid']);
    assert.deepEqual(messages({ ...base, timezone: 3 }), ['invalid']);
    assert.deepEqual(messages({ ...base, timezone: 'Europe/Copenhagen' }), []);
  });
});
