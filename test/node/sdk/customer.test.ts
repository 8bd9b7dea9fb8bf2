import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customerInput, customerMessages } from '../../../src/schemas/index.ts';

/** The message keys per field path, as a form would show them. */
function messages(value: unknown): Record<string, string[]> {
  const result = customerInput.safeParse(value);
  if (result.success) return {};
  const found: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '(customer)';
    (found[path] ??= []).push(issue.message);
  }
  return found;
}

test('a complete customer passes, trimmed, with its custom fields', () => {
  const parsed = customerInput.parse({
    name: '  Marty McFly ',
    email: ' marty@hillvalley.test ',
    phone: '555-0199',
    timezone: 'America/Los_Angeles',
    shoe_size: '9',
  });
  assert.deepEqual(parsed, {
    name: 'Marty McFly',
    email: 'marty@hillvalley.test',
    phone: '555-0199',
    timezone: 'America/Los_Angeles',
    shoe_size: '9',
  });
});

test('missing and blank fields say "required", a bad email says "email"', () => {
  assert.deepEqual(messages({}), { name: ['required'], email: ['required'] });
  assert.deepEqual(messages({ name: '   ', email: '  ' }), {
    name: ['required'],
    email: ['required'],
  });
  assert.deepEqual(messages({ name: 'Marty', email: 'marty@' }), { email: ['email'] });
});

test('lengths, time zones and custom field types are checked', () => {
  assert.deepEqual(messages({ name: 'x'.repeat(201), email: 'a@b.co' }), { name: ['too_long'] });
  assert.deepEqual(messages({ name: 'M', email: 'a@b.co', timezone: 'Mars/Olympus' }), {
    timezone: ['timezone'],
  });
  assert.deepEqual(messages({ name: 'M', email: 'a@b.co', shoe_size: 9 }), {
    shoe_size: ['invalid'],
  });
  const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field_${i}`, 'x']));
  assert.deepEqual(messages({ name: 'M', email: 'a@b.co', ...many }), {
    '(customer)': ['too_many_fields'],
  });
});

test('every message the schema gives is a key the form can translate', () => {
  const samples = [
    {},
    { name: 1, email: 2 },
    { name: 'M', email: 'nope', phone: 'x'.repeat(41), timezone: 'Nowhere', extra: 1 },
  ];
  for (const sample of samples) {
    for (const list of Object.values(messages(sample))) {
      for (const message of list) {
        assert.ok((customerMessages as readonly string[]).includes(message), message);
      }
    }
  }
});
