import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR, MINUTE, OWNER, PUBLIC, T0, iso, makeEngine } from './helpers.ts';

/**
 * The webhook registry's front door (src/engine/webhook-registry.ts, planted by hand, issue
 * #17): each call settles the deadlines that passed before it works, like every other engine
 * call. The engine's tests called it right after another engine call, which had settled them
 * already, so a registry that skipped the settling passed.
 */

const URL_A = 'https://hooks.example.test/a';
const URL_B = 'https://hooks.example.test/b';

/** An engine with webhook A on `hold.expired` and a hold whose 10 minutes just ran out. */
function holdJustExpired() {
  const made = makeEngine();
  const a = made.engine.webhooks.create({ url: URL_A, events: ['hold.expired'] }, OWNER);
  made.engine.reserve(
    { resource_id: 'res_doc', start: iso(T0 + 26 * HOUR), end: iso(T0 + 27 * HOUR) },
    PUBLIC,
  );
  made.clock.advance(10 * MINUTE);
  return { ...made, a };
}

const webhookLines = (engine: ReturnType<typeof makeEngine>['engine']) =>
  engine
    .outbox()
    .filter((entry) => entry.kind === 'webhook')
    .map((entry) => [entry.to, entry.subject]);

test('due() first settles: the expiry that just passed is due at once', () => {
  const { engine } = holdJustExpired();
  const due = engine.webhooks.due();
  assert.deepEqual(
    due.map((delivery) => [delivery.url, JSON.parse(delivery.body).type]),
    [[URL_A, 'hold.expired']],
  );
});

test('deliveries() first settles: the expiry is listed, pending since its instant', () => {
  const { engine, a } = holdJustExpired();
  assert.deepEqual(
    engine.webhooks
      .deliveries(a.id, OWNER)
      .map((delivery) => [delivery.type, delivery.state, delivery.next_attempt_at]),
    [['hold.expired', 'pending', '2026-11-23T08:10:00+00:00']],
  );
});

test('a webhook registered after a deadline passed hears nothing of it', () => {
  const { engine, a } = holdJustExpired();
  const b = engine.webhooks.create({ url: URL_B, events: ['hold.expired'] }, OWNER);
  assert.deepEqual(engine.webhooks.deliveries(b.id, OWNER), []);
  assert.equal(engine.webhooks.deliveries(a.id, OWNER).length, 1);
  assert.deepEqual(webhookLines(engine), [[URL_A, 'hold.expired']]);
});

test('a webhook deleted after a deadline passed was told of it first', () => {
  const { engine, a } = holdJustExpired();
  engine.webhooks.delete(a.id, OWNER);
  assert.deepEqual(webhookLines(engine), [[URL_A, 'hold.expired']]);
});

test('an attempt recorded after a deadline passed: the expiry is settled first, at its instant', () => {
  const { engine, clock, a } = holdJustExpired();
  const first = engine.webhooks.due()[0]!;
  engine.webhooks.recordAttempt(first.id, { status_code: 500 });
  // Another hold runs out; the attempt on the first delivery is recorded after it.
  engine.reserve(
    { resource_id: 'res_doc', start: iso(T0 + 28 * HOUR), end: iso(T0 + 29 * HOUR) },
    PUBLIC,
  );
  clock.advance(10 * MINUTE);
  const retried = engine.webhooks.recordAttempt(first.id, { status_code: 200 });
  assert.equal(retried?.state, 'delivered');
  assert.deepEqual(
    engine.webhooks
      .deliveries(a.id, OWNER)
      .map((delivery) => [delivery.state, delivery.created_at]),
    [
      ['delivered', '2026-11-23T08:10:00+00:00'],
      ['pending', '2026-11-23T08:20:00+00:00'],
    ],
  );
});
