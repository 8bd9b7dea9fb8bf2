import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CountdownController } from '../../../src/controllers/countdown.ts';

/**
 * The countdown at its last milliseconds, on an injected clock: 1 ms left is not expired, the
 * instant itself is, and expiry is reported once. The controller needs no DOM, only a host.
 */

const EXPIRES_AT = Date.parse('2026-11-26T12:10:00Z');

function countdown(options: { thresholdsMs?: number[] } = {}) {
  let now = 0;
  const expired: number[] = [];
  const thresholds: number[] = [];
  const host: ReactiveControllerHost = {
    addController: (_controller: ReactiveController) => {},
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
  const controller = new CountdownController(host, {
    now: () => now,
    onExpire: () => expired.push(now),
    onThreshold: (threshold) => thresholds.push(threshold),
    ...options,
  });
  return {
    controller,
    expired,
    thresholds,
    at(time: number) {
      now = time;
      controller.tick();
    },
  };
}

test('1 ms before expires_at the countdown is not expired and shows 1 ms left', () => {
  const { controller, expired, at } = countdown();
  at(EXPIRES_AT - 60_000);
  controller.start(EXPIRES_AT);
  at(EXPIRES_AT - 1);
  assert.equal(controller.remainingMs, 1);
  assert.equal(controller.isExpired, false);
  assert.deepEqual(expired, []);
});

test('at expires_at itself it expires, once; 1 ms later it stays expired at 0', () => {
  const { controller, expired, at } = countdown();
  at(EXPIRES_AT - 60_000);
  controller.start(EXPIRES_AT);
  at(EXPIRES_AT);
  assert.equal(controller.remainingMs, 0);
  assert.equal(controller.isExpired, true);
  at(EXPIRES_AT + 1);
  assert.equal(controller.remainingMs, 0);
  assert.deepEqual(expired, [EXPIRES_AT]);
});

test('the server offset moves the instant: a local clock 500 ms behind expires 500 ms earlier locally', () => {
  const { controller, expired, at } = countdown();
  at(EXPIRES_AT - 60_000);
  controller.start(EXPIRES_AT, 500);
  at(EXPIRES_AT - 501);
  assert.equal(controller.remainingMs, 1);
  assert.equal(controller.isExpired, false);
  at(EXPIRES_AT - 500);
  assert.equal(controller.isExpired, true);
  assert.deepEqual(expired, [EXPIRES_AT - 500]);
});

test('a threshold is crossed at its exact remaining time, not 1 ms before', () => {
  const { controller, thresholds, at } = countdown({ thresholdsMs: [60_000] });
  at(EXPIRES_AT - 120_000);
  controller.start(EXPIRES_AT);
  at(EXPIRES_AT - 60_001);
  assert.deepEqual(thresholds, []);
  at(EXPIRES_AT - 60_000);
  assert.deepEqual(thresholds, [60_000]);
  at(EXPIRES_AT - 59_999);
  assert.deepEqual(thresholds, [60_000]);
});
