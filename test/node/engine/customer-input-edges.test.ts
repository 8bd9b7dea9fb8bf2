import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineError, FieldIssue, ProjectRecord } from '../../../src/engine/index.ts';
import { customerInputFor } from '../../../src/engine/customer-input.ts';
import { parse } from '../../../src/engine/input.ts';
import { OWNER, PUBLIC, T0, DAY, makeEngine, openClass, rejects, testProject } from './helpers.ts';

/**
 * A booking's customer as its project's rules read it (src/engine/customer-input.ts, planted by
 * hand, issue #17): the seed's aliases, the joined name, each field's trim and bound, the
 * optional email's "empty is not given", custom fields' values and count, and the schema cache.
 */

type Required = NonNullable<ProjectRecord['required_customer_fields']>;
const projectRequiring = (fields?: Required) =>
  testProject(fields ? { required_customer_fields: fields } : {});

/** The stored customer as JSON (key order included), or the refusal's details. */
function read(
  fields: Required | undefined,
  customer: unknown,
  also: Required = [],
): string | FieldIssue[] {
  try {
    return JSON.stringify(
      parse(customerInputFor(projectRequiring(fields), also), customer, 'customer'),
    );
  } catch (error) {
    return (error as EngineError).details!;
  }
}

const issue = (path: string, message: string): FieldIssue[] => [{ path, message }];

test('the seed spells the split name firstname/lastname; a clash with the canonical one stays custom', () => {
  assert.equal(
    read(['first_name', 'last_name'], { firstname: 'Emmett', lastname: 'Brown', email: 'e@b.co' }),
    '{"name":"Emmett Brown","first_name":"Emmett","last_name":"Brown","email":"e@b.co"}',
  );
  assert.equal(
    read(['first_name'], { first_name: 'Emmett', firstname: 'Doc' }),
    '{"name":"Emmett","first_name":"Emmett","firstname":"Doc"}',
  );
  assert.equal(
    read(['last_name'], { lastname: 'Brown', last_name: 'Browne' }),
    '{"name":"Browne","last_name":"Browne","lastname":"Brown"}',
  );
  // The alias counts as the field a project requires.
  assert.deepEqual(
    read(['first_name', 'last_name'], { firstname: 'Emmett' }),
    issue('customer.last_name', 'is required'),
  );
  // A custom field named like something every object inherits is only a custom field.
  assert.equal(
    read(['name'], { name: 'Ann', constructor: 'x', toString: 'y' }),
    '{"name":"Ann","constructor":"x","toString":"y"}',
  );
});

test('the name is joined from its parts, trimmed, when no name is given or it is blank, never over a name of another kind', () => {
  assert.equal(
    read(['last_name'], { last_name: ' Brown ' }),
    '{"name":"Brown","last_name":"Brown"}',
  );
  assert.equal(
    read(['first_name'], { first_name: 'Emmett' }),
    '{"name":"Emmett","first_name":"Emmett"}',
  );
  assert.equal(
    read(['first_name'], { name: ' \t', first_name: ' Emmett ', last_name: '  Brown' }),
    '{"name":"Emmett Brown","first_name":"Emmett","last_name":"Brown"}',
  );
  // A blank part is left out.
  assert.equal(
    read(['last_name'], { name: '', first_name: '  ', last_name: 'Brown' }),
    '{"name":"Brown","last_name":"Brown"}',
  );
  // A name that is not text is refused, not replaced by the parts.
  const refused = read(['last_name'], { name: 5, first_name: '  ', last_name: 'Brown' });
  assert.ok(Array.isArray(refused), `refused: ${JSON.stringify(refused)}`);
  assert.deepEqual(
    (refused as FieldIssue[]).map((issue) => issue.path),
    ['customer.name'],
  );
  // A name given wins over its parts.
  assert.equal(
    read(['name'], { name: 'Doc', first_name: 'Emmett', last_name: 'Brown' }),
    '{"name":"Doc","first_name":"Emmett","last_name":"Brown"}',
  );
});

test('a customer that is not an object is named as such, null and arrays too', () => {
  assert.deepEqual(read(undefined, null), issue('customer', 'must be an object (got null)'));
  assert.deepEqual(
    read(undefined, [{ name: 'Ann', email: 'a@b.co' }]),
    issue('customer', 'must be an object (got an array)'),
  );
  assert.deepEqual(read(undefined, 'Ann'), issue('customer', 'must be an object (got a string)'));
});

test('a required name field: trimmed, and blank or missing is "is required"', () => {
  assert.equal(read(['name'], { name: '  Ann Lee ' }), '{"name":"Ann Lee"}');
  assert.deepEqual(read(['name'], { name: '   ' }), issue('customer.name', 'is required'));
  assert.deepEqual(read(undefined, { email: 'a@b.co' }), issue('customer.name', 'is required'));
  assert.deepEqual(
    read(['first_name', 'last_name'], { first_name: 'Emmett', last_name: ' ' }),
    issue('customer.last_name', 'is required'),
  );
  // A name does not stand in for required parts: each missing part is named.
  assert.deepEqual(read(['first_name', 'last_name'], { name: 'Emmett Brown' }), [
    { path: 'customer.first_name', message: 'is required' },
    { path: 'customer.last_name', message: 'is required' },
  ]);
  assert.equal(
    read(['name'], { name: 'y'.repeat(200) }),
    JSON.stringify({ name: 'y'.repeat(200) }),
  );
  assert.deepEqual(
    read(['name'], { name: 'y'.repeat(201) }),
    issue('customer.name', 'Too big: expected string to have <=200 characters'),
  );
});

test('the email: trimmed, then at most 254 characters; required or not, "must be an email address"', () => {
  const padded = ` ${'m'.repeat(247)}@b.test `; // 254 once trimmed
  assert.equal(
    read(undefined, { name: 'Ann', email: padded }),
    JSON.stringify({ name: 'Ann', email: padded.trim() }),
  );
  assert.equal(
    read(['name'], { name: 'Ann', email: padded }),
    JSON.stringify({ name: 'Ann', email: padded.trim() }),
  );
  for (const fields of [undefined, ['name'] as Required]) {
    assert.deepEqual(
      read(fields, { name: 'Ann', email: ` ${'m'.repeat(248)}@b.test` }),
      issue('customer.email', 'Too big: expected string to have <=254 characters'),
    );
  }
  assert.deepEqual(
    read(undefined, { name: 'Ann', email: 'not-an-email' }),
    issue('customer.email', 'must be an email address'),
  );
  assert.deepEqual(
    read(['name'], { name: 'Ann', email: 'not-an-email' }),
    issue('customer.email', 'must be an email address'),
  );
  assert.deepEqual(
    read(['name'], { name: 'Ann', email: 'a@b' }),
    issue('customer.email', 'must be an email address'),
  );
  // Not required: empty (or blank) reads as not given, and is not stored.
  assert.equal(read(['name'], { name: 'Ann', email: '' }), '{"name":"Ann"}');
  assert.equal(read(['name'], { name: 'Ann', email: '  ' }), '{"name":"Ann"}');
  assert.equal(
    read(['name'], { name: 'Ann', email: ' a@b.co' }),
    '{"name":"Ann","email":"a@b.co"}',
  );
  // Required: empty is not an address.
  assert.deepEqual(
    read(undefined, { name: 'Ann', email: ' ' }),
    issue('customer.email', 'must be an email address'),
  );
});

test('the phone: trimmed, at most 40 characters, "is required" where the project says so', () => {
  assert.equal(
    read(['name', 'phone'], { name: 'Ann', phone: ' +45 1234 ' }),
    '{"name":"Ann","phone":"+45 1234"}',
  );
  assert.equal(
    read(['name'], { name: 'Ann', phone: '5'.repeat(40) }),
    JSON.stringify({ name: 'Ann', phone: '5'.repeat(40) }),
  );
  assert.deepEqual(
    read(['name'], { name: 'Ann', phone: '5'.repeat(41) }),
    issue('customer.phone', 'Too big: expected string to have <=40 characters'),
  );
  assert.deepEqual(
    read(['name', 'phone'], { name: 'Ann' }),
    issue('customer.phone', 'is required'),
  );
  assert.deepEqual(
    read(['name', 'phone'], { name: 'Ann', phone: '  ' }),
    issue('customer.phone', 'is required'),
  );
  // Not required: empty is not stored.
  assert.equal(read(['name'], { name: 'Ann', phone: '' }), '{"name":"Ann"}');
});

test('voip is one line of at most 200 characters; the time zone an IANA name', () => {
  assert.equal(
    read(['name'], { name: 'Ann', voip: 'v'.repeat(200) }),
    JSON.stringify({ name: 'Ann', voip: 'v'.repeat(200) }),
  );
  assert.deepEqual(
    read(['name'], { name: 'Ann', voip: 'v'.repeat(201) }),
    issue('customer.voip', 'Too big: expected string to have <=200 characters'),
  );
  assert.deepEqual(
    read(['name'], { name: 'Ann', voip: 'Mc\nFly' }),
    issue('customer.voip', 'must not contain control characters (U+000A at position 2)'),
  );
  assert.deepEqual(
    read(['name'], { name: 'Ann', timezone: 'Mars/Olympus' }),
    issue('customer.timezone', 'must be an IANA time zone such as Europe/Copenhagen'),
  );
});

test('custom fields: text, numbers, booleans, null and lists of up to 50 short lines', () => {
  assert.equal(
    read(['name'], {
      name: 'Ann',
      age: 41,
      member: false,
      note: null,
      empty: '',
      picks: ['a', 'b'],
    }),
    '{"name":"Ann","age":41,"member":false,"note":null,"empty":"","picks":["a","b"]}',
  );
  const fifty = Array.from({ length: 50 }, (_, n) => `${n}`.padStart(500, 'o'));
  assert.equal(
    read(['name'], { name: 'Ann', picks: fifty }),
    JSON.stringify({ name: 'Ann', picks: fifty }),
  );
  const picks = (value: unknown) => read(['name'], { name: 'Ann', picks: value });
  assert.deepEqual(
    picks([...fifty, 'x']),
    issue(
      'customer.picks',
      'must be text, a number, true or false, null, or a list of at most 50 lines',
    ),
  );
  assert.deepEqual(
    picks(['o'.repeat(501)]),
    issue('customer.picks.0', 'Too big: expected string to have <=500 characters'),
  );
  assert.deepEqual(
    picks(['a\nb']),
    issue('customer.picks.0', 'must not contain control characters (U+000A at position 1)'),
  );
  assert.deepEqual(
    picks({ a: 1 }),
    issue(
      'customer.picks',
      'must be text, a number, true or false, null, or a list of at most 50 lines',
    ),
  );
  // Long text may have lines.
  assert.equal(
    read(['name'], { name: 'Ann', note: 'one\ntwo' }),
    '{"name":"Ann","note":"one\\ntwo"}',
  );
});

test('at most 30 custom fields, refused on the customer as a whole', () => {
  const custom = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`field_${i}`, i]));
  const thirty = { name: 'Ann', email: 'a@b.co', ...custom(30) };
  assert.equal(read(undefined, thirty), JSON.stringify(thirty));
  assert.deepEqual(
    read(undefined, { name: 'Ann', email: 'a@b.co', ...custom(31) }),
    issue('customer', 'at most 30 custom fields'),
  );
});

test('the fields a use needs besides (the waitlist\u2019s email) are required on top of the project\u2019s', () => {
  assert.equal(read(['name'], { name: 'Ann' }), '{"name":"Ann"}');
  assert.deepEqual(
    read(['name'], { name: 'Ann' }, ['email']),
    issue('customer.email', 'is required'),
  );
  assert.equal(
    read(['name'], { name: 'Ann', email: 'a@b.co' }, ['email']),
    '{"name":"Ann","email":"a@b.co"}',
  );
});

test('one schema per set of required fields, whatever their order; different sets differ', () => {
  const nameEmail = customerInputFor(projectRequiring(['email', 'name']));
  assert.equal(customerInputFor(projectRequiring(['name', 'email'])), nameEmail);
  assert.equal(customerInputFor(undefined), nameEmail, 'the default is name and email');
  assert.equal(customerInputFor(projectRequiring(['name']), ['email']), nameEmail);
  const nameOnly = customerInputFor(projectRequiring(['name']));
  assert.notEqual(nameOnly, nameEmail);
  // Whichever was built first, each keeps its own rule.
  assert.equal(nameOnly.safeParse({ name: 'Ann' }).success, true);
  assert.equal(nameEmail.safeParse({ name: 'Ann' }).success, false);
  const lastOnly = customerInputFor(projectRequiring(['last_name']));
  assert.equal(lastOnly.safeParse({ first_name: 'Emmett' }).success, false);
  assert.equal(
    customerInputFor(projectRequiring(['last_name', 'phone'])).safeParse({ last_name: 'Brown' })
      .success,
    false,
  );
});

test('a project asking for the split name books a sign-up with the seed\u2019s spelling', () => {
  const { engine } = makeEngine({
    projects: [testProject({ required_customer_fields: ['first_name', 'last_name'] })],
  });
  const classId = openClass(engine, T0 + DAY).id;
  const seat = engine.createBooking(
    {
      graph: 'group_customer',
      related: { owner_booking_id: classId },
      customer: { firstname: ' Emmett', lastname: 'Brown ', email: '' },
    },
    PUBLIC,
  );
  assert.deepEqual(seat.customers[0], {
    id: 'id_2',
    name: 'Emmett Brown',
    first_name: 'Emmett',
    last_name: 'Brown',
  });
});

test('a project may require any one of the three name fields, and must require one', () => {
  const { engine } = makeEngine();
  for (const field of ['name', 'first_name', 'last_name'] as const) {
    assert.deepEqual(
      engine.updateProjectSettings('proj', { required_customer_fields: [field, 'email'] }, OWNER)
        .required_customer_fields,
      [field, 'email'],
    );
  }
  const refusal = rejects(
    () => engine.updateProjectSettings('proj', { required_customer_fields: ['email'] }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(refusal.details, [
    {
      path: 'body.required_customer_fields',
      message: 'must include name, first_name, last_name or more: a booking says whom it is for',
    },
  ]);
});
