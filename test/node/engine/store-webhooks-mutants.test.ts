/**
 * A restore that must forget which bookings were on which resource, and a loaded snapshot with
 * more finished webhook deliveries than the cap. Each test pins a behaviour that a Stryker
 * survivor in src/engine/store.ts or src/engine/webhooks.ts changed without any engine test
 * noticing (issue #17).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoreSnapshot } from '../../../src/engine/index.ts';
import { KEPT_FINISHED_DELIVERIES as KEPT } from '../../../src/engine/webhooks.ts';
import {
  OWNER,
  PUBLIC,
  SLOT,
  T0,
  makeEngine,
  oneToOne,
  testProject,
  testResource,
} from './helpers.ts';

test('a restore clears the resource index: a booking id reused on another resource does not block the old one', () => {
  // Two engines make the same ids: booking id_2 is on res_doc in one, on res_b in the other.
  const setup = () =>
    makeEngine({
      resources: [testResource(), testResource({ id: 'res_b', name: 'Biff' })],
      projects: [testProject({ resources: ['res_doc', 'res_b'] })],
    });
  const onResource = (resourceId: string) => {
    const body = oneToOne('instant', SLOT);
    return { ...body, event: { ...body.event, resource_id: resourceId } };
  };
  const { engine } = setup();
  const first = engine.createBooking(onResource('res_doc'), PUBLIC);
  const other = setup().engine;
  const moved = other.createBooking(onResource('res_b'), PUBLIC);
  assert.equal(moved.id, first.id);

  engine.restore(other.snapshot());
  // res_doc is free at SLOT again: the old index entry for id_2 must not count against it.
  const booked = engine.createBooking(onResource('res_doc'), PUBLIC);
  assert.equal(booked.state, 'confirmed');
});

test('a loaded snapshot over the cap is trimmed when a delivery finishes, not on a retry', () => {
  const { engine, clock } = makeEngine();
  const finished = Array.from({ length: KEPT + 1 }, (_, index) => ({
    id: `evt_${String(index).padStart(3, '0')}`,
    webhook_id: 'hook_a',
    type: 'booking.confirmed',
    created_at: T0 + index,
    body: '{}',
    state: 'delivered' as const,
    attempts: [{ at: T0 + index, status_code: 200 }],
  }));
  const retried = {
    id: 'evt_pending',
    webhook_id: 'hook_a',
    type: 'booking.confirmed',
    created_at: T0,
    body: '{}',
    state: 'pending' as const,
    attempts: [],
    next_attempt_at: T0,
  };
  const snapshot: StoreSnapshot = {
    ...engine.snapshot(),
    webhooks: [
      {
        id: 'hook_a',
        url: 'https://hooks.example.test/a',
        events: ['*'],
        secret: 'whsec_a',
        created_at: T0,
      },
    ],
    webhook_deliveries: [...finished, retried],
  };
  engine.restore(snapshot);
  clock.advance(KEPT + 1);

  // A failed attempt with retries left: still pending, so nothing finished and nothing goes.
  engine.webhooks.recordAttempt('evt_pending', { status_code: 503 });
  assert.equal(engine.webhooks.deliveries('hook_a', OWNER).length, KEPT + 2);
});
