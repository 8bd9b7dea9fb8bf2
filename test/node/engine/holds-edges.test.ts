import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY,
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  iso,
  makeEngine,
  openClass,
  snapshotJson,
  testProject,
  rejects,
  SLOT,
} from './helpers.ts';

/**
 * What src/engine/holds.ts does that the hold tests left unchecked (planted by hand, issue
 * #17): a slot holds one seat whichever field asks for more, the refusals name their field and
 * say why, a hold lasts its project's span, and an expiry deadline acts once, on the hold that
 * is still reserved at exactly that instant.
 */

const HOOKS = 'https://receiver.example.test/holds';

const slot = (extra: Record<string, unknown> = {}) => ({
  resource_id: 'res_doc',
  start: iso(SLOT),
  end: iso(SLOT + HOUR),
  ...extra,
});

/** An engine whose owner listens for hold.expired; `heard()` lists the hold ids it was told. */
function listening(options: Parameters<typeof makeEngine>[0] = {}) {
  const made = makeEngine(options);
  made.engine.webhooks.create({ url: HOOKS, events: ['hold.expired'] }, OWNER);
  const heard = () =>
    made.engine
      .outbox()
      .filter((entry) => entry.to === HOOKS && entry.subject === 'hold.expired')
      .map((entry) => (JSON.parse(entry.body) as { data: { hold: { id: string } } }).data.hold.id);
  return { ...made, heard };
}

test('a slot holds one seat: seats or required_spaces above 1 are refused, naming the field sent', () => {
  const { engine } = makeEngine();
  const before = snapshotJson(engine);
  for (const field of ['seats', 'required_spaces']) {
    const refused = rejects(
      () => engine.reserve(slot({ [field]: 2 }), PUBLIC),
      'validation_failed',
    );
    assert.deepEqual(
      refused.details?.map((issue) => issue.path),
      [field],
    );
    assert.match(refused.message, /must be 1: a slot is not a class/);
  }
  assert.equal(snapshotJson(engine), before);
  // One seat, asked for either way, is a slot hold.
  assert.equal(engine.reserve(slot({ required_spaces: 1 }), PUBLIC).state, 'reserved');
});

test('by time without a resource, a start where no class begins is refused on start', () => {
  const { engine } = makeEngine();
  openClass(engine, SLOT);
  const before = snapshotJson(engine);
  const refused = rejects(
    () =>
      engine.reserve(
        { service_id: 'proj', start: iso(SLOT + HOUR), end: iso(SLOT + 2 * HOUR) },
        PUBLIC,
      ),
    'validation_failed',
  );
  assert.deepEqual(
    refused.details?.map((issue) => issue.path),
    ['start'],
  );
  assert.match(refused.message, /is not the start of a class of this service/);
  assert.equal(snapshotJson(engine), before);
});

test('a hold lasts its project’s hold_duration, and 10 minutes where the project sets none', () => {
  const short = makeEngine({ projects: [testProject({ hold_duration: '3 minutes' })] });
  assert.equal(short.engine.reserve(slot(), PUBLIC).expires_at, '2026-11-23T08:03:00+00:00');
  const unset = makeEngine({ projects: [testProject({ hold_duration: undefined })] });
  assert.equal(unset.engine.reserve(slot(), PUBLIC).expires_at, '2026-11-23T08:10:00+00:00');
});

test('an extended hold expires at its new deadline: stored as expired, and hold.expired is sent once', () => {
  const { engine, clock, heard } = listening();
  const hold = engine.reserve(slot(), PUBLIC);
  clock.advance(5 * MINUTE);
  engine.extendHold(hold.id);
  clock.advance(5 * MINUTE);
  assert.deepEqual(heard(), [], 'the first deadline passed without expiring it');
  clock.advance(10 * MINUTE - 1);
  assert.deepEqual(heard(), []);
  clock.advance(1);
  assert.deepEqual(heard(), [hold.id]);
  assert.equal(engine.snapshot().holds.find((h) => h.id === hold.id)?.state, 'expired');
  clock.advance(HOUR);
  assert.deepEqual(heard(), [hold.id]);
});

test('a hold released or booked before its deadline stays so; the deadline sends nothing', () => {
  const { engine, clock, heard } = listening();
  const released = engine.reserve(slot(), PUBLIC);
  engine.releaseHold(released.id);
  const yoga = openClass(engine, SLOT + DAY, { max_seats: 5 });
  const seat = engine.reserve({ related: { owner_booking_id: yoga.id }, seats: 2 }, PUBLIC);
  engine.createBooking(
    {
      graph: 'group_customer',
      reservation_id: seat.id,
      customer: { name: 'Marty', email: 'm@example.test' },
    },
    PUBLIC,
  );
  clock.advance(HOUR);
  assert.deepEqual(heard(), []);
  const states = new Map(engine.snapshot().holds.map((h) => [h.id, h.state]));
  assert.equal(states.get(released.id), 'released');
  assert.equal(states.get(seat.id), 'converted');
  assert.equal(engine.getGroup(yoga.id).attributes.group_booking.current_seats, 2);
});

test('a released hold cannot be extended, and the refusal says it was released', () => {
  const { engine } = makeEngine();
  const hold = engine.reserve(slot(), PUBLIC);
  engine.releaseHold(hold.id);
  const refused = rejects(() => engine.extendHold(hold.id), 'invalid_action');
  assert.equal(refused.message, 'Cannot extend this hold: it was released.');
});

test('a hold belongs to the project it was made for, even on a resource another project shares', () => {
  const { engine } = makeEngine({
    projects: [testProject(), testProject({ id: 'proj_b', app_key: 'widget_key_b' })],
  });
  const other = { role: 'public', projectId: 'proj_b' } as const;
  const hold = engine.reserve(slot(), PUBLIC);
  assert.equal(engine.getHold(hold.id, PUBLIC).id, hold.id);
  for (const work of [
    () => engine.getHold(hold.id, other),
    () => engine.extendHold(hold.id, other),
    () => engine.releaseHold(hold.id, other),
  ]) {
    rejects(work, 'not_found');
  }
  assert.equal(engine.getHold(hold.id).state, 'reserved');
});
