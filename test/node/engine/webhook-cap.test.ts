import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, type StoreSnapshot } from '../../../src/engine/index.ts';
import { createContext } from '../../../src/engine/context.ts';
import {
  KEPT_FINISHED_DELIVERIES as KEPT,
  recordAttempt,
  type DeliveryRecord,
} from '../../../src/engine/webhooks.ts';
import { OWNER, T0, makeEngine, snapshotJson } from './helpers.ts';

/**
 * Finished deliveries are capped per webhook (KEPT_FINISHED_DELIVERIES); pending ones never are.
 * These fail if deliveries grow without bound, if a pending one is dropped, if a refused change
 * does not put dropped deliveries back exactly, or if a capped store's snapshot does not load.
 */

const HOOKS = ['hook_a', 'hook_b'];

function pending(index: number, webhookId = 'hook_a'): DeliveryRecord {
  const id = `evt_${String(index).padStart(3, '0')}_${webhookId}`;
  return {
    id,
    webhook_id: webhookId,
    type: 'booking.confirmed',
    created_at: T0 + index,
    body: JSON.stringify({ id, type: 'booking.confirmed' }),
    state: 'pending',
    attempts: [],
    next_attempt_at: T0 + index,
  };
}

/** A snapshot with `count` pending deliveries to each webhook, interleaved as events make them. */
function withDeliveries(base: StoreSnapshot, count: number): StoreSnapshot {
  return {
    ...base,
    webhooks: HOOKS.map((id) => ({
      id,
      url: `https://hooks.example.test/${id}`,
      events: ['*'],
      secret: `whsec_${id}`,
      created_at: T0,
    })),
    webhook_deliveries: Array.from({ length: count }, (_, index) =>
      HOOKS.map((hook) => pending(index, hook)),
    ).flat(),
  };
}

function loadedEngine(count: number) {
  const made = makeEngine();
  made.engine.restore(withDeliveries(made.engine.snapshot(), count));
  // Every delivery is due.
  made.clock.advance(count);
  return made;
}

/** The engine's context without its front door, to run a transaction that a request would refuse. */
function bareContext() {
  return createContext({
    clock: new ManualClock(T0),
    graphs: new Map(),
    newId: () => 'unused',
    random: () => 0.5,
    pages: { decisions: 'https://example.test/decide' },
  });
}

const idsOf = (list: Array<{ id: string }>) => list.map((item) => item.id);

test('past the cap a webhook keeps its newest finished deliveries, in order', () => {
  const { engine, clock } = loadedEngine(KEPT + 5);
  for (const { id } of engine.webhooks.due().filter((due) => due.url.endsWith('hook_a'))) {
    clock.advance(1000);
    engine.webhooks.recordAttempt(id, { status_code: 200 });
  }
  const listed = engine.webhooks.deliveries('hook_a', OWNER);
  assert.equal(listed.length, KEPT);
  assert.deepEqual(
    idsOf(listed),
    Array.from({ length: KEPT }, (_, index) => pending(index + 5).id),
  );
  assert.ok(
    listed.every((delivery) => delivery.state === 'delivered'),
    `listed.every((delivery) => delivery.state === 'delivered')`,
  );
  // The other webhook's deliveries are its own: still all there, still pending.
  assert.equal(engine.webhooks.deliveries('hook_b', OWNER).length, KEPT + 5);
});

test('a delivery still being retried survives the cap, and one that fails late is kept', () => {
  const { engine, clock } = loadedEngine(KEPT + 5);
  const [oldest, ...rest] = engine.webhooks.due().filter((due) => due.url.endsWith('hook_a'));
  engine.webhooks.recordAttempt(oldest!.id, { status_code: 503 });
  for (const { id } of rest) engine.webhooks.recordAttempt(id, { status_code: 200 });

  let listed = engine.webhooks.deliveries('hook_a', OWNER);
  assert.equal(listed.length, KEPT + 1);
  assert.equal(listed[0]!.id, oldest!.id);
  assert.equal(listed[0]!.state, 'pending');
  assert.equal(listed[0]!.attempts.length, 1);

  // Its retries run out hours later: it is the latest to finish, so the oldest delivered goes.
  for (let attempt = 2; attempt <= 6; attempt += 1) {
    clock.advance(5 * 3_600_000);
    engine.webhooks.recordAttempt(oldest!.id, { status_code: 503 });
  }
  listed = engine.webhooks.deliveries('hook_a', OWNER);
  assert.equal(listed.length, KEPT);
  assert.equal(listed[0]!.id, oldest!.id);
  assert.equal(listed[0]!.state, 'failed');
  // 1-4 went when the others finished; 5 goes now.
  assert.equal(listed[1]!.id, pending(6).id);
});

test('a refused change puts dropped deliveries back exactly where they were', () => {
  const context = bareContext();
  const { store } = context;
  store.restore(withDeliveries(store.snapshot(), KEPT + 3));
  for (let index = 0; index < KEPT; index += 1)
    store.transaction(() => recordAttempt(context, pending(index).id, { status_code: 200 }));
  const before = JSON.stringify(store.snapshot());

  assert.throws(
    () =>
      store.transaction(() => {
        // One attempt before the drop, three that each drop one: edits and drops interleave.
        recordAttempt(context, pending(KEPT + 2).id, { status_code: 500 });
        for (const index of [KEPT, KEPT + 1, KEPT + 2])
          recordAttempt(context, pending(index).id, { status_code: 200 });
        assert.equal(store.deliveries.has(pending(2).id), false);
        throw new Error('refused later in the same request');
      }),
    /refused later/,
  );
  assert.equal(JSON.stringify(store.snapshot()), before);
});

test('a snapshot taken after capping loads, and lists the same deliveries', () => {
  const { engine } = loadedEngine(KEPT + 5);
  for (const { id } of engine.webhooks.due())
    engine.webhooks.recordAttempt(id, { status_code: 200 });
  const snapshot = engine.snapshot();
  assert.equal(snapshot.webhook_deliveries?.length, 2 * KEPT);

  const { engine: other } = makeEngine();
  other.restore(snapshot);
  assert.equal(snapshotJson(other), JSON.stringify(snapshot));
  for (const hook of HOOKS)
    assert.deepEqual(
      other.webhooks.deliveries(hook, OWNER),
      engine.webhooks.deliveries(hook, OWNER),
    );
});

test('a refused unregistering puts the webhook and its deliveries back in their places', () => {
  const { engine } = loadedEngine(3);
  const before = snapshotJson(engine);
  const { store } = bareContext();
  store.restore(engine.snapshot());
  assert.throws(
    () =>
      store.transaction(() => {
        store.removeWebhook('hook_a');
        throw new Error('refused');
      }),
    /refused/,
  );
  assert.equal(JSON.stringify(store.snapshot()), before);
});
