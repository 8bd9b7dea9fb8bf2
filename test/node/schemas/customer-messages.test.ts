import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customerInput, customerMessages } from '../../../src/schemas/index.ts';

/**
 * `customerMessages` is the list of keys a booking form must have a text for. Each key is given
 * here by a customer that earns it, and the list holds those keys and no others: a key missing
 * from the list leaves a form with an untranslated message (mutation testing found the
 * "too_many_fields" entry unchecked; docs/testing.md).
 */

const base = { name: 'Ada', email: 'ada@example.test' };
const manyFields = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`field_${i}`, 'x']));

const earns: [message: string, customer: unknown][] = [
  ['required', { email: base.email }],
  ['invalid', { ...base, phone: 5550199 }],
  ['too_long', { ...base, phone: '1'.repeat(41) }],
  ['email', { ...base, email: 'ada@' }],
  ['timezone', { ...base, timezone: 'Mars/Olympus' }],
  ['too_many_fields', { ...base, ...manyFields }],
];

test('each message key is earned by a customer, and the form list is exactly those keys', () => {
  for (const [message, customer] of earns) {
    const result = customerInput.safeParse(customer);
    assert.equal(result.success, false, message);
    assert.deepEqual(
      result.error!.issues.map((issue) => issue.message),
      [message],
    );
  }
  assert.deepEqual([...customerMessages].sort(), earns.map(([message]) => message).sort());
});

test('a custom field that is neither text nor yes/no says "invalid"', () => {
  for (const value of [9, null, ['a'], { a: 1 }]) {
    const result = customerInput.safeParse({ ...base, shoe_size: value });
    assert.deepEqual(
      result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [['shoe_size', 'invalid']],
      JSON.stringify(value),
    );
  }
});

test('a name or email of blanks says "required", as a missing one does', () => {
  for (const [field, customer] of [
    ['name', { ...base, name: '   ' }],
    ['email', { ...base, email: ' \t ' }],
  ] as const) {
    const result = customerInput.safeParse(customer);
    assert.deepEqual(
      result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [[field, 'required']],
    );
  }
});
