import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BookingEngine, ManualClock } from '../../../src/engine/index.ts';
import { randomId, randomToken } from '../../../src/engine/ids.ts';
import { DAY, PUBLIC, T0, openClass, testProject, testResource } from './helpers.ts';

/** What crypto.randomUUID answers, and what the engine's ids have always looked like. */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOKEN = /^[0-9a-f]{48}$/;

test('ids are distinct lowercase version-4 UUIDs, across more than one random draw', () => {
  // 256 ids come from one draw: 2,000 span several, so a pool reused by mistake would repeat.
  const ids = Array.from({ length: 2_000 }, randomId);
  for (const id of ids) assert.match(id, UUID_V4);
  assert.equal(new Set(ids).size, ids.length);
  // Every hex digit appears in every free position sooner or later: none is stuck.
  const digitsAt = Array.from({ length: 36 }, (_, at) => new Set(ids.map((id) => id[at])));
  for (const at of [0, 7, 9, 15, 20, 35]) assert.equal(digitsAt[at]!.size, 16, `position ${at}`);
  assert.deepEqual([...digitsAt[19]!].sort(), ['8', '9', 'a', 'b']);
});

test('customer tokens are distinct 48-digit hex, never the zeroed pool', () => {
  const tokens = Array.from({ length: 600 }, randomToken);
  for (const token of tokens) assert.match(token, TOKEN);
  assert.equal(new Set(tokens).size, tokens.length);
  assert.ok(
    tokens.every((token) => !/^0+$/.test(token)),
    'tokens.every((token) => !/^0+$/.test(token))',
  );
});

test('a sign-up on an engine without an id source gets UUIDs for itself, its customer and its token', () => {
  const engine = new BookingEngine({ clock: new ManualClock(T0) });
  engine.addResource(testResource());
  engine.addProject(testProject());
  const classId = openClass(engine, T0 + DAY).id;
  const booking = engine.createBooking(
    {
      graph: 'group_customer',
      related: { owner_booking_id: classId, seats: 1 },
      customer: { name: 'Ada', email: 'ada@example.test' },
    },
    PUBLIC,
  );
  assert.match(classId, UUID_V4);
  assert.match(booking.id, UUID_V4);
  assert.match(booking.customers[0]?.id ?? '', UUID_V4);
  assert.match(booking.customer_token!, TOKEN);
  const outbox = engine.outbox();
  assert.ok(outbox.length > 0, 'outbox.length > 0');
  for (const entry of outbox) assert.match(entry.id, UUID_V4);
});
