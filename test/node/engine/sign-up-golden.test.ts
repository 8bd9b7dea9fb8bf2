import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OWNER, PUBLIC, T0, DAY, makeEngine, openClass } from './helpers.ts';
import { signUpGoldenScenario } from './sign-up-golden.scenario.ts';

/**
 * The sign-up path is tuned for memory (flat strings, one draft object per email, a shared
 * invitation, log views built field by field): none of it may change a byte a caller reads.
 * sign-up-golden.json was written by the engine before that tuning (commit 64fcd8e); write it
 * again only for a change that means to alter what callers read, and say so.
 */
test('sign-ups, a cancellation and a restore read byte for byte as before the tuning', () => {
  // Parsed and written again: key order and every string survive; only the file's layout goes.
  const golden = readFileSync(new URL('./sign-up-golden.json', import.meta.url), 'utf8');
  assert.equal(signUpGoldenScenario(), JSON.stringify(JSON.parse(golden)));
});

test('a restored audit-log line with a field of its own still shows it, in its place', () => {
  const { engine } = makeEngine();
  const classId = openClass(engine, T0 + DAY).id;
  const { id } = engine.createBooking(
    {
      graph: 'group_customer',
      related: { owner_booking_id: classId },
      customer: { name: 'Ann', email: 'ann@b.test' },
    },
    PUBLIC,
  );
  const snapshot = engine.snapshot();
  const booking = snapshot.bookings.find((record) => record.id === id)!;
  booking.logs[0] = { ...booking.logs[0]!, ...{ actor: 'import' } };
  engine.restore(snapshot);
  const [first, second] = engine.getBooking(id, OWNER, ['logs']).logs!;
  assert.deepEqual(Object.keys(first!), [
    'description',
    'success',
    'state',
    'data',
    'created_at',
    'actor',
  ]);
  assert.equal((first as unknown as { actor: string }).actor, 'import');
  assert.equal(first!.created_at, '2026-11-23T08:00:00+00:00');
  assert.deepEqual(Object.keys(second!), ['description', 'success', 'state', 'data', 'created_at']);
});
