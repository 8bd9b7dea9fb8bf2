import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY,
  OWNER,
  PUBLIC,
  makeEngine,
  openClass,
  rejects,
  signUp,
  snapshotJson,
} from './helpers.ts';
import { START, customerOf, person, soldOut } from './waitlist-helpers.ts';

/**
 * Joining a class's waitlist and reading an entry, straight on the engine (planted by
 * hand, issue #17: no engine test reached src/engine/waitlist.ts; only the HTTP tests in
 * test/node/mock did). Each refusal is pinned with its code, words and field.
 */

const paths = (error: { details?: Array<{ path: string }> }) =>
  error.details?.map((issue) => issue.path);

test('a bad join is refused on its field before anything is stored', () => {
  const { engine, groupClass } = soldOut();
  const before = snapshotJson(engine);
  const body = (related: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    related: { owner_booking_id: groupClass.id, ...related },
    customer: person(1),
    ...extra,
  });
  const cases: Array<[unknown, string, RegExp]> = [
    [null, '(body)', /must be an object/],
    [body({ owner_booking_id: '' }), 'related.owner_booking_id', /Too small/],
    [body({ seats: 0 }), 'related.seats', /must be at least 1/],
    [body({ seats: 10_001 }), 'related.seats', /Too big/],
    [body({ extra: 1 }), 'related', /unknown field/],
    [body({}, { extra: 1 }), '(body)', /unknown field/],
  ];
  for (const [sent, path, message] of cases) {
    const refused = rejects(() => engine.joinWaitlist(sent, OWNER), 'validation_failed');
    assert.deepEqual(paths(refused), [path], JSON.stringify(sent));
    assert.match(refused.details![0]!.message, message);
  }
  assert.equal(snapshotJson(engine), before);
});

test('an unknown project or class is refused at its own field, and nothing is stored', () => {
  const { engine, groupClass } = soldOut();
  const before = snapshotJson(engine);
  const unknownProject = rejects(
    () =>
      engine.joinWaitlist(
        {
          related: { owner_booking_id: groupClass.id },
          customer: person(1),
          project_id: 'nope',
        },
        OWNER,
      ),
    'not_found',
  );
  assert.equal(unknownProject.message, 'No project with id "nope"');
  assert.deepEqual(unknownProject.details, [{ path: 'project_id', message: 'unknown project' }]);
  const unknownClass = rejects(
    () =>
      engine.joinWaitlist({ related: { owner_booking_id: 'nope' }, customer: person(1) }, OWNER),
    'not_found',
  );
  assert.equal(unknownClass.message, 'No class with id "nope"');
  assert.deepEqual(unknownClass.details, [
    { path: 'related.owner_booking_id', message: 'unknown class' },
  ]);
  assert.equal(snapshotJson(engine), before);
});

test('a party bigger than the class is refused; one as big as the class may wait', () => {
  const { join } = soldOut(2);
  const refused = rejects(
    () => join(1, { related: { owner_booking_id: soldOut(2).groupClass.id, seats: 3 } }),
    'validation_failed',
  );
  assert.deepEqual(refused.details, [
    { path: 'related.seats', message: 'must be at most 2: the class has no more seats' },
  ]);
  const { groupClass, join: joinSame } = soldOut(2);
  const entry = joinSame(1, { related: { owner_booking_id: groupClass.id, seats: 2 } });
  assert.equal(entry.seats, 2);
  assert.equal(entry.state, 'waiting');
});

test('one seat unless asked, and the class log says so', () => {
  const { engine, groupClass, join } = soldOut();
  const entry = join(1);
  assert.equal(entry.seats, 1);
  assert.equal(entry.created_at, '2026-11-23T08:00:00+00:00');
  const logs = engine.getBooking(groupClass.id, OWNER, ['logs']).logs!.map((l) => l.description);
  assert.ok(logs.includes(`Waitlist: entry ${entry.id} joined for 1 seat`), logs.join('\n'));
});

test('a class with room sends the customer to book: how many are left, and "it" or "them"', () => {
  const { engine } = makeEngine();
  const groupClass = openClass(engine, START, { max_seats: 4 });
  signUp(engine, groupClass.id, 2);
  const ask = (seats: number) => () =>
    engine.joinWaitlist(
      { related: { owner_booking_id: groupClass.id, seats }, customer: person(1) },
      PUBLIC,
    );
  const two = rejects(ask(2), 'seats_available');
  assert.equal(
    two.message,
    '"Doc Brown\u2019s Friday Yoga Class" has 2 seats left: book them instead of joining the waitlist.',
  );
  assert.deepEqual(two.details, [{ path: 'related.seats', message: '2 left' }]);
  signUp(engine, groupClass.id, 1, PUBLIC, 'group_customer', 1);
  const one = rejects(ask(1), 'seats_available');
  assert.match(one.message, /has 1 seat left: book it instead/);
  // Two seats do not fit in the one left: that party may wait.
  assert.equal(ask(2)().state, 'waiting');
});

test('no waitlist once a class takes no sign-ups: cancelled, or from the instant they close', () => {
  const cancelled = soldOut();
  cancelled.engine.performAction(cancelled.groupClass.id, 'cancel', {}, OWNER);
  const refused = rejects(() => cancelled.join(1), 'booking_window');
  assert.equal(
    refused.message,
    '"Doc Brown\u2019s Friday Yoga Class" takes no more sign-ups, so it has no waitlist.',
  );
  // Sign-ups close at the start (no min_booking_time). A millisecond before, the entry waits
  // and stays waiting; at the closing instant no offer could ever be made, so it is refused
  // (it used to be taken, answered "waiting" and closed in the same step).
  const closing = soldOut();
  closing.clock.set(START - 1);
  const entry = closing.join(1);
  assert.equal(closing.engine.getWaitlistEntry(entry.id, OWNER).state, 'waiting');
  closing.clock.set(START);
  const before = snapshotJson(closing.engine);
  rejects(() => closing.join(2), 'booking_window', /takes no more sign-ups/);
  assert.equal(snapshotJson(closing.engine), before);
});

test('one place per email in any case, while queued; another class or after leaving is new', () => {
  const { engine, groupClass, seats, join } = soldOut();
  const first = join(1, { customer: { name: 'Marty', email: 'Marty@Example.test' } });
  assert.equal(first.customer.email, 'Marty@Example.test');
  const again = () => join(2, { customer: { name: 'Marty', email: 'marty@example.TEST' } });
  const refused = rejects(again, 'conflict');
  assert.equal(
    refused.message,
    'marty@example.TEST is already on the waitlist of "Doc Brown\u2019s Friday Yoga Class".',
  );
  assert.deepEqual(refused.details, [
    { path: 'customer.email', message: 'is already on this waitlist' },
  ]);
  // After leaving, the same person may join again; holding an offer is still a place.
  engine.leaveWaitlist(first.id, OWNER);
  const back = again();
  assert.equal(back.state, 'waiting');
  engine.performAction(seats[0]!.id, 'cancel_by_owner', {}, OWNER);
  assert.equal(engine.getWaitlistEntry(back.id, OWNER).state, 'offered');
  rejects(again, 'conflict');
  // And may wait for another class meanwhile.
  const other = openClass(engine, START + DAY, { max_seats: 1 });
  signUp(engine, other.id, 1, PUBLIC, 'group_customer', 7);
  const elsewhere = engine.joinWaitlist(
    {
      related: { owner_booking_id: other.id },
      customer: { name: 'M', email: 'marty@example.test' },
    },
    PUBLIC,
  );
  assert.equal(elsewhere.state, 'waiting');
  assert.equal(back.related.owner_booking_id, groupClass.id);
});

test('customer rules come from the key’s project, else the body’s project_id, else the class’s', () => {
  // A widget key of one project is not held to another project's rules: the class is unknown.
  const strictClass = soldOut(1, 'strict');
  rejects(() => strictClass.join(1), 'not_found');
  // The owner: the class's project needs a phone; so does a project named in the body.
  const noPhone = rejects(() => strictClass.join(1, {}, OWNER), 'validation_failed');
  assert.deepEqual(paths(noPhone), ['customer.phone']);
  const named = soldOut();
  const refused = rejects(
    () => named.join(1, { project_id: 'strict' }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(paths(refused), ['customer.phone']);
  // A project that needs no email still needs one for a waitlist: the offer goes by email.
  const loose = soldOut(1, 'loose');
  for (const customer of [{ name: 'A' }, { name: 'A', email: '' }]) {
    const missing = rejects(() => loose.join(1, { customer }, OWNER), 'validation_failed');
    assert.deepEqual(missing.details, [
      {
        path: 'customer.email',
        message: 'email' in customer ? 'must be an email address' : 'is required',
      },
    ]);
    assert.match(missing.message, /^Invalid request: customer\.email /);
  }
});

test('an entry belongs to its project, so that project’s key reads it with the token', () => {
  // The owner adds someone to a project's class; the class has the project.
  const owned = soldOut(1, 'proj');
  const byOwner = owned.join(1, {}, OWNER);
  assert.equal(
    owned.engine.getWaitlistEntry(byOwner.id, customerOf(byOwner.customer_token!)).id,
    byOwner.id,
  );
  // A visitor joins a class the owner made without a project: the key's project.
  const plain = soldOut();
  const byVisitor = plain.join(1);
  assert.equal(
    plain.engine.getWaitlistEntry(byVisitor.id, customerOf(byVisitor.customer_token!)).id,
    byVisitor.id,
  );
});

test('reading an entry: the owner, or a widget key with its customer_token; never another project', () => {
  const { engine, join } = soldOut();
  const entry = join(1);
  assert.match(entry.customer_token!, /^[0-9a-f]{48}$/);
  assert.equal(engine.getWaitlistEntry(entry.id, OWNER).customer_token, undefined);
  for (const actor of [PUBLIC, customerOf('f'.repeat(48))]) {
    const refused = rejects(() => engine.getWaitlistEntry(entry.id, actor), 'forbidden');
    assert.equal(refused.message, 'This waitlist entry needs the owner key or its customer_token.');
  }
  const other = rejects(
    () => engine.getWaitlistEntry(entry.id, customerOf(entry.customer_token!, 'strict')),
    'not_found',
  );
  assert.equal(other.message, `No waitlist entry with id "${entry.id}"`);
});

test('a restored class without seats or an event: no seats to wait for, and "This class"', () => {
  const { engine, groupClass, join } = soldOut();
  const snapshot = engine.snapshot();
  const stored = snapshot.bookings.find((booking) => booking.id === groupClass.id)!;
  delete stored.settings.max_seats;
  engine.restore(snapshot);
  const noSeats = rejects(() => join(1), 'validation_failed');
  assert.equal(noSeats.details![0]!.message, 'must be at most 0: the class has no more seats');
  // Only a class that holds no time may lack its event: a cancelled one, without sign-ups.
  const bare = makeEngine();
  const cancelled = openClass(bare.engine, START, { max_seats: 1 });
  bare.engine.performAction(cancelled.id, 'cancel', {}, OWNER);
  const old = bare.engine.snapshot();
  delete old.bookings.find((booking) => booking.id === cancelled.id)!.event;
  bare.engine.restore(old);
  const noEvent = rejects(
    () =>
      bare.engine.joinWaitlist(
        { related: { owner_booking_id: cancelled.id }, customer: person(1) },
        OWNER,
      ),
    'booking_window',
  );
  assert.equal(noEvent.message, '"This class" takes no more sign-ups, so it has no waitlist.');
});
