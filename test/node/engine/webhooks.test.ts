import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR, OWNER, PUBLIC, T0, makeEngine, oneToOne } from './helpers.ts';

const TOMORROW_10 = T0 + 26 * HOUR;

test('a reschedule is delivered as booking.rescheduled with the new booking and the old one', () => {
  const { engine } = makeEngine();
  const hook = engine.webhooks.create(
    { url: 'https://hooks.example.test/a', events: ['booking.rescheduled'] },
    OWNER,
  );
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const mine = { ...PUBLIC, customerToken: booking.customer_token! };
  engine.reschedule(
    booking.id,
    {
      start: new Date(TOMORROW_10 + 2 * HOUR).toISOString(),
      end: new Date(TOMORROW_10 + 3 * HOUR).toISOString(),
    },
    mine,
  );
  const deliveries = engine.webhooks.deliveries(hook.id, OWNER);
  assert.deepEqual(
    deliveries.map((delivery) => delivery.type),
    ['booking.rescheduled'],
  );
  const [line] = engine.outbox().filter((entry) => entry.kind === 'webhook');
  const payload = JSON.parse(line!.body);
  assert.equal(payload.id, deliveries[0]!.id);
  assert.equal(payload.data.rescheduled_from.id, booking.id);
  assert.notEqual(payload.data.booking.id, booking.id);
  assert.equal(line!.body.includes(booking.customer_token!), false);
});

test('a refused action leaves no delivery behind; the owner may switch webhooks off per request', () => {
  const { engine } = makeEngine();
  const hook = engine.webhooks.create(
    { url: 'https://hooks.example.test/a', events: ['*'] },
    OWNER,
  );
  const booking = engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const before = engine.webhooks.deliveries(hook.id, OWNER).length;
  assert.deepEqual(
    engine.webhooks.deliveries(hook.id, OWNER).map((delivery) => delivery.type),
    ['booking.created', 'booking.confirmed'],
  );
  assert.throws(() => engine.performAction(booking.id, 'pay', {}, OWNER));
  engine.performAction(booking.id, 'cancel', { trigger_webhook: { enabled: false } }, OWNER);
  assert.equal(engine.webhooks.deliveries(hook.id, OWNER).length, before);
});

test('webhooks and deliveries survive a snapshot, and a snapshot from before them still loads', () => {
  const { engine } = makeEngine();
  const hook = engine.webhooks.create(
    { url: 'https://hooks.example.test/a', events: ['*'] },
    OWNER,
  );
  engine.createBooking(oneToOne('instant', TOMORROW_10), PUBLIC);
  const snapshot = engine.snapshot();
  const { engine: other } = makeEngine();
  other.restore(snapshot);
  assert.equal(other.webhooks.deliveries(hook.id, OWNER).length, 2);
  assert.equal(other.webhooks.due().length, 2);

  const { webhooks: _hooks, webhook_deliveries: _deliveries, ...old } = snapshot;
  other.restore(old);
  assert.deepEqual(other.webhooks.list(OWNER), []);

  const broken = structuredClone(snapshot);
  broken.webhook_deliveries![0]!.webhook_id = 'gone';
  assert.throws(() => other.restore(broken), /webhook_deliveries\.0\.webhook_id/);
});
