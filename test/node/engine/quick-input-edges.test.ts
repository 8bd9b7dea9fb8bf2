import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customerInputFor } from '../../../src/engine/customer-input.ts';
import { createBookingShape } from '../../../src/engine/input.ts';
import { quickCreateShape, quickCustomer } from '../../../src/engine/quick-input.ts';
import { testProject } from './helpers.ts';

/**
 * The sign-up's short cuts at each rule's edge (src/engine/quick-input.ts, planted by hand,
 * issue #17). sign-up-fast-paths.test.ts compares them with zod on random bodies, but a quick
 * path that gave up on a body it should take still passed (zod answers it, only slower), and
 * random bodies seldom sit on an edge. Here each edge is named: the quick answer where it must
 * be taken, equal to zod's, and "ask zod" (undefined) where zod refuses or reads differently.
 */

type Required = Parameters<typeof quickCustomer>[1];

/** The body is taken by the quick path, with `expected` (key order included), as zod reads it. */
function shapeTaken(body: Record<string, unknown>, expected: string) {
  const quick = quickCreateShape(body);
  assert.equal(JSON.stringify(quick), expected, `quick: ${JSON.stringify(body)}`);
  const slow = createBookingShape.safeParse(body);
  assert.equal(JSON.stringify(slow.data), expected, `zod: ${JSON.stringify(body)}`);
}

const shapeLeft = (body: Record<string, unknown>, why: string) =>
  assert.equal(quickCreateShape(body), undefined, why);

function customerTaken(customer: unknown, required: Required, expected: string) {
  assert.equal(JSON.stringify(quickCustomer(customer, required)), expected, 'quick');
  const project = testProject({ required_customer_fields: [...required] });
  const slow = customerInputFor(project).safeParse(customer);
  assert.equal(JSON.stringify(slow.data), expected, 'zod');
}

const customerLeft = (customer: unknown, required: Required, why: string) =>
  assert.equal(quickCustomer(customer, required), undefined, why);

test('a body of every quick field is taken, in the schema\u2019s key order', () => {
  shapeTaken(
    {
      confirm: false,
      ignore_capacity: true,
      reservation_id: 'hold_1',
      project_id: 'proj',
      resource_id: 'res_doc',
      related: { seats: 3, owner_booking_id: 'cls_1' },
      customer: { name: 'Ann' },
      event: { start: 'x' },
      action: 'create',
      graph: 'group_customer',
    },
    '{"graph":"group_customer","action":"create","event":{"start":"x"},"customer":{"name":"Ann"},' +
      '"related":{"owner_booking_id":"cls_1","seats":3},"resource_id":"res_doc",' +
      '"project_id":"proj","reservation_id":"hold_1","ignore_capacity":true,"confirm":false}',
  );
  shapeTaken({ graph: 'instant' }, '{"graph":"instant"}');
  // A body without a prototype is still a JSON object.
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, {
    graph: 'instant',
    related: Object.assign(Object.create(null) as Record<string, unknown>, { seats: 2 }),
  });
  shapeTaken(bare, '{"graph":"instant","related":{"seats":2}}');
});

test('ids: 1 to 100 characters of one line, each id field checked', () => {
  shapeTaken({ graph: 'g'.repeat(100) }, JSON.stringify({ graph: 'g'.repeat(100) }));
  shapeTaken({ graph: 'g', action: 'a' }, '{"graph":"g","action":"a"}');
  shapeLeft({ graph: 'g'.repeat(101) }, 'a graph of 101 characters');
  shapeLeft({ graph: '' }, 'an empty graph');
  shapeLeft({ graph: 'a\tb' }, 'a graph with a tab');
  shapeLeft({ graph: 5 }, 'a graph that is a number');
  shapeLeft({ action: 'create' }, 'no graph');
  for (const key of ['action', 'resource_id', 'project_id', 'reservation_id']) {
    shapeLeft({ graph: 'g', [key]: '' }, `an empty ${key}`);
    shapeLeft({ graph: 'g', [key]: 'x'.repeat(101) }, `${key} of 101 characters`);
  }
  for (const key of ['ignore_capacity', 'confirm']) {
    shapeTaken({ graph: 'g', [key]: false }, JSON.stringify({ graph: 'g', [key]: false }));
    shapeLeft({ graph: 'g', [key]: 'true' }, `${key} as text`);
  }
});

test('related: an owner booking id and 1 to 10,000 whole seats, nothing else', () => {
  shapeTaken(
    { graph: 'g', related: { owner_booking_id: 'c' } },
    '{"graph":"g","related":{"owner_booking_id":"c"}}',
  );
  shapeTaken({ graph: 'g', related: { seats: 1 } }, '{"graph":"g","related":{"seats":1}}');
  shapeTaken({ graph: 'g', related: { seats: 10_000 } }, '{"graph":"g","related":{"seats":10000}}');
  shapeTaken({ graph: 'g', related: {} }, '{"graph":"g","related":{}}');
  shapeLeft({ graph: 'g', related: { seats: 0 } }, 'no seats');
  shapeLeft({ graph: 'g', related: { seats: 10_001 } }, '10,001 seats');
  shapeLeft({ graph: 'g', related: { seats: 1.5 } }, 'a seat and a half');
  shapeLeft({ graph: 'g', related: { seats: 2 ** 53 } }, 'seats past the safe integers');
  shapeLeft({ graph: 'g', related: { owner_booking_id: '' } }, 'an empty owner booking id');
  shapeLeft({ graph: 'g', related: { owner_booking_id: 'c', other: 1 } }, 'an unknown field');
  shapeLeft({ graph: 'g', related: { seats: 1, other: 1 } }, 'an unknown field beside seats');
  shapeLeft({ graph: 'g', related: [] }, 'a list');
  shapeLeft({ graph: 'g', related: null }, 'null');
  shapeLeft({ graph: 'g', related: new (class Related {})() }, 'an object of a class');
});

test('a field only zod reads, or one given as undefined, sends the body to zod', () => {
  shapeLeft({ graph: 'g', settings: {} }, 'settings');
  shapeLeft({ graph: 'g', custom_data: {} }, 'custom_data');
  shapeLeft({ graph: 'g', event: undefined }, 'an event given as undefined');
  shapeLeft({ graph: 'g', action: undefined }, 'an action given as undefined');
});

test('the usual customer is taken: trimmed, in the schema\u2019s key order', () => {
  customerTaken(
    { timezone: 'Asia/Tokyo', phone: ' +45 1234 ', email: ' ann@b.co ', name: ' Ann Lee ' },
    ['name', 'email', 'phone'],
    '{"name":"Ann Lee","email":"ann@b.co","phone":"+45 1234","timezone":"Asia/Tokyo"}',
  );
  customerTaken({ name: 'Ann' }, ['name'], '{"name":"Ann"}');
  customerTaken(
    Object.assign(Object.create(null) as Record<string, unknown>, { name: 'Ann', email: 'a@b.co' }),
    ['name', 'email'],
    '{"name":"Ann","email":"a@b.co"}',
  );
  customerTaken({ name: 'y'.repeat(200) }, ['name'], JSON.stringify({ name: 'y'.repeat(200) }));
  const email254 = `${'m'.repeat(247)}@b.test`;
  customerTaken(
    { name: 'Ann', email: ` ${email254} ` },
    ['name', 'email'],
    JSON.stringify({ name: 'Ann', email: email254 }),
  );
  customerTaken(
    { name: 'Ann', phone: '5'.repeat(40) },
    ['name'],
    JSON.stringify({ name: 'Ann', phone: '5'.repeat(40) }),
  );
});

test('a customer the quick path cannot answer as zod would is left to zod', () => {
  const both: Required = ['name', 'email'];
  customerLeft(null, both, 'null');
  customerLeft(['Ann'], both, 'a list');
  customerLeft(
    new (class Customer {
      name = 'Ann';
      email = 'a@b.co';
    })(),
    both,
    'a class',
  );
  customerLeft({ name: 'Ann' }, both, 'a required email missing');
  customerLeft({ name: 'Ann', email: undefined }, both, 'a required email given as undefined');
  customerLeft({ name: 'Ann', email: 'a@b.co' }, ['name', 'email', 'phone'], 'no phone');
  customerLeft({ name: 'Ann' }, ['first_name'], 'a split name required');
  customerLeft({ name: 'y'.repeat(201) }, ['name'], 'a name of 201 characters');
  customerLeft({ name: 'Ann\tLee' }, ['name'], 'a name with a tab');
  customerLeft({ name: '   ' }, ['name'], 'a blank name');
  customerLeft({ name: 5 }, ['name'], 'a name that is a number');
  customerLeft({ name: 'Ann', email: 5 }, ['name'], 'an email that is a number');
  customerLeft({ name: 'Ann', email: 'nope' }, ['name'], 'not an address');
  customerLeft({ name: 'Ann', email: '' }, ['name'], 'an empty email');
  customerLeft(
    { name: 'Ann', email: `${'m'.repeat(248)}@b.test` },
    ['name'],
    'an email of 255 characters',
  );
  customerLeft({ name: 'Ann', phone: '5'.repeat(41) }, ['name'], 'a phone of 41 characters');
  customerLeft({ name: 'Ann', phone: '555\t1' }, ['name'], 'a phone with a tab');
  customerLeft({ name: 'Ann', phone: '  ' }, ['name'], 'a blank phone');
  customerLeft({ name: 'Ann', phone: 5 }, ['name'], 'a phone that is a number');
  customerLeft({ name: 'Ann', timezone: 'Mars/Base' }, ['name'], 'an unknown time zone');
  customerLeft({ name: 'Ann', timezone: 5 }, ['name'], 'a time zone that is a number');
  customerLeft({ name: 'Ann', voip: 'x' }, ['name'], 'voip');
  customerLeft({ name: 'Ann', first_name: 'Ann' }, ['name'], 'a split name');
});
