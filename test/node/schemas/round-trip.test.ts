import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import {
  availableDate,
  availableSlot,
  booking,
  embedConfig,
  errorBody,
  graphDefinition,
  group,
  hold,
  resource,
} from '../../../src/schemas/index.ts';
import { engineWorld } from '../sdk/fixtures.ts';

/**
 * Every field the engine sends reaches the widget unchanged: a schema that dropped one (an
 * object emptied, a field left out) would hand the widget `undefined` where the server sent a
 * value. Parsing strips only unknown keys, so each wire object must come back deep-equal.
 */

const world = engineWorld();

const shapes: [name: string, schema: z.ZodMiniType, value: unknown][] = [
  ['a created booking (with its token)', booking, world.created],
  ['a booking read with its logs', booking, world.fetched],
  ['a slot hold', hold, world.slotHold],
  ['a seat hold', hold, world.seatHold],
  ['the classes', z.array(group), world.groups],
  ['the slots', z.array(availableSlot), world.slots],
  ['the days with slots', z.array(availableDate), world.dates],
  ['the embed config', embedConfig, world.embed],
  ['the graphs', z.array(graphDefinition), world.graphs],
  ['the resources', z.array(resource), world.resources],
  ['an error', errorBody, world.errorBody],
  ['an error with details', errorBody, world.validationError],
];

for (const [name, schema, value] of shapes) {
  test(`${name}: parsed, every field the engine sent is kept as sent`, () => {
    assert.deepEqual(schema.parse(value), value);
  });
}
