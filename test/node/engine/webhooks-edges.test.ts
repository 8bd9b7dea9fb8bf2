import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR, OWNER, PUBLIC, T0, makeEngine, oneToOne, rejects, testProject } from './helpers.ts';

/**
 * The owner's webhook registry and its deliveries as the engine keeps them (src/engine/webhooks.ts,
 * planted by hand, issue #17): what a registration accepts and shows, who hears which event, and
 * each attempt's outcome. The HTTP side (signing, sending) is tested in test/node/mock.
 */

const URL_A = 'https://hooks.example.test/a';
const TOMORROW_10 = T0 + 26 * HOUR;
const SECOND = 1000;

const paths = (error: { details?: Array<{ path: string }> }) =>
  error.details?.map((issue) => issue.path);

test('a webhook URL is http or https with a host; nothing else is registered', () => {
  const { engine } = makeEngine();
  for (const url of ['http://hooks.example.test/a', 'https://hooks.example.test/b'])
    assert.equal(engine.webhooks.create({ url, events: ['*'] }, OWNER).url, url);
  for (const url of ['ftp://hooks.example.test/a', 'not a url', 'mailto:owner@example.test']) {
    const refused = rejects(
      () => engine.webhooks.create({ url, events: ['*'] }, OWNER),
      'validation_failed',
    );
    assert.deepEqual(refused.details, [
      { path: 'url', message: 'must be an http:// or https:// URL' },
    ]);
  }
  assert.equal(engine.webhooks.list(OWNER).length, 2);
});

test('events: at least one, at most 50, each known or "*", listed once; no other fields', () => {
  const { engine } = makeEngine();
  const none = rejects(
    () => engine.webhooks.create({ url: URL_A, events: [] }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(none.details, [
    { path: 'events', message: 'must name at least one event, or "*"' },
  ]);
  const many = rejects(
    () => engine.webhooks.create({ url: URL_A, events: Array(51).fill('*') }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(paths(many), ['events']);
  const extra = rejects(
    () => engine.webhooks.create({ url: URL_A, events: ['*'], secret: 'mine' }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(paths(extra), ['(body)']);
  const unknown = rejects(
    () =>
      engine.webhooks.create({ url: URL_A, events: ['booking.created', 'booking.nope'] }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(paths(unknown), ['events.1']);
  assert.match(
    unknown.message,
    /"booking\.nope" is not an event; use "\*" or one of: booking\.created, /,
  );
  const hook = engine.webhooks.create(
    { url: URL_A, events: ['hold.expired', 'hold.expired', 'waitlist.offered'] },
    OWNER,
  );
  assert.deepEqual(hook.events, ['hold.expired', 'waitlist.offered']);
});

test('the event types: the four extra ones first, then every graph state, sorted', () => {
  const { engine } = makeEngine();
  const types = engine.webhooks.eventTypes();
  assert.deepEqual(types.slice(0, 4), [
    'booking.created',
    'booking.rescheduled',
    'hold.expired',
    'waitlist.offered',
  ]);
  const states = types.slice(4);
  assert.deepEqual(states, [...states].sort());
  assert.ok(
    states.includes('booking.confirmed') && states.includes('booking.cancelled'),
    `states.includes('booking.confirmed') && states.includes('booking.cancelled')`,
  );
  assert.equal(new Set(types).size, types.length);
});

test('a registration shows its secret once; a view names a description only when there is one', () => {
  const { engine } = makeEngine();
  const plain = engine.webhooks.create({ url: URL_A, events: ['*'] }, OWNER);
  assert.match(plain.secret, /^whsec_[0-9a-f]{64}$/);
  assert.deepEqual(Object.keys(plain).sort(), ['created_at', 'events', 'id', 'secret', 'url']);
  const described = engine.webhooks.create(
    { url: URL_A, events: ['*'], description: 'Shop' },
    OWNER,
  );
  assert.equal(described.description, 'Shop');
  assert.deepEqual(engine.webhooks.list(OWNER), [
    { id: plain.id, url: URL_A, events: ['*'], created_at: plain.created_at },
    {
      id: described.id,
      url: URL_A,
      events: ['*'],
      description: 'Shop',
      created_at: described.created_at,
    },
  ]);
});

test('the registry is the owner’s; an unknown webhook is named as one', () => {
  const { engine } = makeEngine();
  const hook = engine.webhooks.create({ url: URL_A, events: ['*'] }, OWNER);
  for (const work of [
    () => engine.webhooks.list(PUBLIC),
    () => engine.webhooks.deliveries(hook.id, PUBLIC),
    () => engine.webhooks.delete(hook.id, PUBLIC),
  ])
    rejects(work, 'forbidden');
  const unknown = rejects(() => engine.webhooks.deliveries('nope', OWNER), 'not_found');
  assert.equal(unknown.message, 'No webhook with id "nope"');
  engine.webhooks.delete(hook.id, OWNER);
  assert.deepEqual(engine.webhooks.list(OWNER), []);
  rejects(() => engine.webhooks.delete(hook.id, OWNER), 'not_found');
});

test('who hears what: "*" everything, a list its own types, each webhook its own deliveries', () => {
  const { engine } = makeEngine();
  const all = engine.webhooks.create({ url: URL_A, events: ['*'] }, OWNER);
  const some = engine.webhooks.create(
    { url: 'https://hooks.example.test/b', events: ['booking.confirmed'] },
    OWNER,
  );
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const types = (id: string) => engine.webhooks.deliveries(id, OWNER).map((d) => d.type);
  assert.deepEqual(types(all.id), ['booking.created', 'booking.confirmed']);
  assert.deepEqual(types(some.id), ['booking.confirmed']);
  const lines = engine.outbox().filter((entry) => entry.kind === 'webhook');
  assert.deepEqual(
    lines.map((entry) => [entry.to, entry.subject, entry.booking_id, entry.state]),
    [
      [URL_A, 'booking.created', booking.id, 'confirmed'],
      [URL_A, 'booking.confirmed', booking.id, 'confirmed'],
      ['https://hooks.example.test/b', 'booking.confirmed', booking.id, 'confirmed'],
    ],
  );
  const body = JSON.parse(lines[0]!.body) as { id: string; created_at: string };
  assert.equal(body.id, lines[0]!.id);
  assert.equal(body.created_at, '2026-11-23T08:00:00+00:00');
  const logs = engine.getBooking(booking.id, OWNER, ['logs']).logs!.map((l) => l.description);
  assert.ok(
    logs.includes(`Webhook triggered: ${URL_A}`),
    'logs.includes(`Webhook triggered: ${URL_A}`)',
  );
});

test('a project’s own URLs hear state changes only, not booking.created', () => {
  const { engine } = makeEngine({ projects: [testProject({ webhooks: [URL_A] })] });
  engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  assert.deepEqual(
    engine
      .outbox()
      .filter((entry) => entry.kind === 'webhook')
      .map((entry) => entry.subject),
    ['booking.confirmed'],
  );
});

test('attempts: due at once, 2xx delivers, anything else waits 10 s, 1 min, ... then fails', () => {
  const { engine, clock } = makeEngine();
  const hook = engine.webhooks.create({ url: URL_A, events: ['booking.confirmed'] }, OWNER);
  engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const [due] = engine.webhooks.due();
  assert.equal(due!.url, URL_A);
  const view = () => engine.webhooks.deliveries(hook.id, OWNER)[0]!;
  assert.equal(view().next_attempt_at, '2026-11-23T08:00:00+00:00');
  // Each attempt at .999 of a second: the view shows the second it happened in.
  clock.advance(SECOND - 1);
  for (const status_code of [199, 300]) {
    engine.webhooks.recordAttempt(due!.id, { status_code });
    clock.advance(SECOND);
  }
  assert.equal(view().state, 'pending');
  assert.deepEqual(
    view().attempts.map((attempt) => attempt.at),
    ['2026-11-23T08:00:00+00:00', '2026-11-23T08:00:01+00:00'],
  );
  assert.equal(view().next_attempt_at, '2026-11-23T08:01:01+00:00');
  // Not due before its time, due at it.
  clock.set(T0 + 61 * SECOND + 998);
  assert.deepEqual(engine.webhooks.due(), []);
  clock.set(T0 + 61 * SECOND + 999);
  assert.equal(engine.webhooks.due().length, 1);
  engine.webhooks.recordAttempt(due!.id, { status_code: 200 });
  assert.equal(view().state, 'delivered');
  assert.equal(view().next_attempt_at, null);
  assert.deepEqual(engine.webhooks.due(), []);
  // Finished is finished: a late report changes nothing.
  assert.equal(engine.webhooks.recordAttempt(due!.id, { status_code: 500 }), undefined);
  assert.equal(view().attempts.length, 3);
});

test('six failed attempts fail the delivery for good; a refused answer counts too', () => {
  const { engine, clock } = makeEngine();
  const hook = engine.webhooks.create({ url: URL_A, events: ['booking.confirmed'] }, OWNER);
  engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const [due] = engine.webhooks.due();
  const waits = [10, 60, 360, 2160, 12960].map((seconds) => seconds * SECOND);
  for (const wait of waits) {
    engine.webhooks.recordAttempt(due!.id, { error: 'ECONNREFUSED' });
    const { next_attempt_at } = engine.webhooks.deliveries(hook.id, OWNER)[0]!;
    assert.equal(Date.parse(next_attempt_at!), clock.now() + wait);
    clock.advance(wait);
  }
  engine.webhooks.recordAttempt(due!.id, { status_code: 503 });
  const failed = engine.webhooks.deliveries(hook.id, OWNER)[0]!;
  assert.equal(failed.state, 'failed');
  assert.equal(failed.next_attempt_at, null);
  assert.equal(failed.attempts.length, 6);
  assert.deepEqual(engine.webhooks.due(), []);
});
