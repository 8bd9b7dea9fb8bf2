import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { booking, customerField, graphDefinition } from '../../../src/schemas/index.ts';
import { engineWorld } from '../sdk/fixtures.ts';

/**
 * Shapes that keep unknown keys (a booking's customers with their custom fields, a graph's
 * states and actions, a form field's options) still check the keys the widget reads: keeping
 * everything must not mean accepting anything. Mutation testing emptied each of these objects
 * and no test noticed, since the keys still came through (docs/testing.md).
 */

const world = engineWorld();
const ok = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('kept, but checked', () => {
  test("a booking's customer needs a name as text; its custom fields ride along", () => {
    const [customer] = world.created.customers;
    const withCustomer = (changes: object) => ({
      ...world.created,
      customers: [{ ...customer, ...changes }],
    });
    assert.equal(ok(booking, withCustomer({ shoe_size: { eu: 42 } })), true);
    assert.equal(ok(booking, withCustomer({ name: 42 })), false);
    assert.equal(ok(booking, withCustomer({ name: undefined })), false);
    assert.equal(ok(booking, withCustomer({ email: ['a@b.co'] })), false);
    assert.equal(ok(booking, withCustomer({ timezone: 1 })), false);
  });

  test("a graph's states say final and holds with booleans; its actions say from where and by whom", () => {
    const graph = {
      name: 'instant',
      kind: 'slot',
      states: { confirmed: { holds: true, final: false } },
      actions: { cancel: { from: ['confirmed'], by: 'customer' } },
    };
    assert.equal(ok(graphDefinition, graph), true);
    const state = (changes: object) => ({
      ...graph,
      states: { confirmed: { ...graph.states.confirmed, ...changes } },
    });
    const action = (changes: object) => ({
      ...graph,
      actions: { cancel: { ...graph.actions.cancel, ...changes } },
    });
    assert.equal(ok(graphDefinition, state({ final: 'yes' })), false);
    assert.equal(ok(graphDefinition, state({ holds: 1 })), false);
    assert.equal(ok(graphDefinition, action({ from: 'confirmed' })), false);
    assert.equal(ok(graphDefinition, action({ by: undefined })), false);
  });

  test("a form field's known options have their types; other options are kept", () => {
    const field = { title: 'Comment', required: false, format: 'textarea', rows: 4 };
    assert.deepEqual(customerField.parse(field), field);
    assert.equal(ok(customerField, { ...field, required: 'no' }), false);
    assert.equal(ok(customerField, { ...field, title: 7 }), false);
    assert.equal(ok(customerField, { ...field, enum: 'a,b' }), false);
  });
});
