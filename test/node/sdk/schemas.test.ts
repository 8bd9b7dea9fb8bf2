import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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
import { engineWorld } from './fixtures.ts';

const world = engineWorld();

describe('schemas accept what the engine sends', () => {
  test('a created booking keeps its token, logs, customers and their custom fields', () => {
    const parsed = booking.parse(world.created);
    assert.equal(parsed.id, world.created.id);
    assert.equal(parsed.state, 'confirmed');
    assert.match(parsed.customer_token ?? '', /^[0-9a-f]{16,}$/);
    assert.ok(
      parsed.possible_actions.includes('cancel_by_customer'),
      `parsed.possible_actions.includes('cancel_by_customer')`,
    );
    assert.equal(parsed.attributes.event_info?.start, world.slots[0]!.start);
    assert.ok((parsed.logs ?? []).length > 0, '(parsed.logs ?? []).length > 0');
    assert.equal(parsed.logs![0]!.success, 'true');
    assert.equal(parsed.customers[0]!.shoe_size, '9');
    assert.equal(parsed.resource?.timezone, 'America/Los_Angeles');
  });

  test('a booking read with its token parses too', () => {
    assert.equal(booking.parse(world.fetched).id, world.created.id);
  });

  test('classes, holds, slots, dates, config, graphs and resources parse', () => {
    const [first] = z.array(group).parse(world.groups);
    assert.equal(first!.attributes.group_booking.max_seats, 20);
    assert.equal(hold.parse(world.seatHold).seats, 2);
    assert.equal(hold.parse(world.slotHold).resource_id, 'res_barber');
    assert.equal(z.array(availableSlot).parse(world.slots).length, world.slots.length);
    assert.match(z.array(availableDate).parse(world.dates)[0]!.date, /^\d{4}-\d{2}-\d{2}$/);
    const config = embedConfig.parse(world.embed);
    assert.equal(config.booking.graph, 'instant');
    assert.equal(config.customer_fields.comment?.title, 'Comment');
    assert.deepEqual(config.resources, ['res_barber']);
    assert.equal(config.resource_details?.[0]?.timezone, 'America/Los_Angeles');
    assert.deepEqual(config.ui.localization, { submit_button: 'Book it' });
    const graphs = z.array(graphDefinition).parse(world.graphs);
    const instant = graphs.find((graph) => graph.name === 'instant');
    assert.equal(instant?.states.cancelled_by_customer?.final, true);
    assert.equal(instant?.actions.cancel_by_customer?.by, 'customer');
    // Steps are not checked, but they reach the demo that draws them.
    assert.ok(
      Array.isArray(instant?.actions.create?.steps),
      'Array.isArray(instant?.actions.create?.steps)',
    );
    assert.equal(z.array(resource).parse(world.resources).length, world.resources.length);
  });

  test('error bodies parse, with and without details', () => {
    assert.equal(errorBody.parse(world.errorBody).error.code, 'slot_unavailable');
    const details = errorBody.parse(world.validationError).error.details;
    assert.equal(details?.[0]?.path, 'customer.email');
  });
});

describe('schemas are lenient on additions, strict on what the widget relies on', () => {
  test('unknown fields are dropped, not refused', () => {
    const parsed = hold.parse({ ...world.slotHold, brand_new_field: { nested: true } });
    assert.equal('brand_new_field' in parsed, false);
  });

  test('instants must be RFC 3339 with an offset', () => {
    for (const expires_at of [
      '2026-11-23 08:10:00',
      '2026-11-23T08:10:00',
      '2026-02-30T08:10:00Z',
      1_795_000_000_000,
    ]) {
      assert.equal(
        hold.safeParse({ ...world.slotHold, expires_at }).success,
        false,
        String(expires_at),
      );
    }
    for (const expires_at of [
      '2026-11-23T08:10:00Z',
      '2026-11-23T09:10:00.250+01:00',
      '2026-11-23T09:10:00+0100',
    ]) {
      assert.equal(hold.safeParse({ ...world.slotHold, expires_at }).success, true, expires_at);
    }
  });

  test('ids must be non-empty strings and seats whole non-negative numbers', () => {
    assert.equal(hold.safeParse({ ...world.slotHold, id: '' }).success, false);
    assert.equal(hold.safeParse({ ...world.slotHold, id: 42 }).success, false);
    assert.equal(hold.safeParse({ ...world.slotHold, seats: 1.5 }).success, false);
    assert.equal(hold.safeParse({ ...world.slotHold, seats: -1 }).success, false);
    assert.equal(hold.safeParse({ ...world.slotHold, seats: '2' }).success, false);
  });

  test('a hold state outside the documented ones is refused', () => {
    assert.equal(hold.safeParse({ ...world.slotHold, state: 'pending' }).success, false);
  });

  test('a class without seat counts is refused', () => {
    const [first] = world.groups;
    const broken = { ...first, attributes: { event_info: first!.attributes.event_info } };
    assert.equal(group.safeParse(broken).success, false);
  });

  test('a map field must be an object, not an array', () => {
    assert.equal(booking.safeParse({ ...world.created, settings: [] }).success, false);
  });
});
