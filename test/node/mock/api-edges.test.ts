import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_KEYS, EngineError, ManualClock, OffsetClock } from '../../../src/engine/index.ts';
import { checkedClockTarget, createMockApi } from '../../../src/mock/api.ts';
import type { MockSnapshot } from '../../../src/mock/handlers/mock-control.ts';
import { NOW } from './harness.ts';

/**
 * MockApi on its own (src/mock/api.ts): its defaults, who a key is, what reset forgets, and the
 * snapshot's clock. Each test names the bug it catches; the planted versions passed every other
 * test.
 */

const LAST_INSTANT = Date.UTC(3000, 0, 1) - 1;
const RANGE = '1970-01-01T00:00:00.000Z to 2999-12-31T23:59:59.999Z';

/**
 * `actual` within 5 s of `expected` (a running clock moves between reading and asserting), with a
 * message of its own: without one, a failing `assert.ok` under tsx makes Node 20 re-read this
 * file's source at the transpiled position to quote the expression, which took minutes here
 * (nodejs/node#52962), so a planted bug hung the file instead of failing it.
 */
function assertNear(actual: number, expected: number) {
  assert.ok(
    Math.abs(actual - expected) < 5_000,
    `${new Date(actual).toISOString()} is not within 5 s of ${new Date(expected).toISOString()}`,
  );
}

/** The error `work` throws, as JSON. */
function refusal(work: () => unknown) {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof EngineError, String(error));
    return error.toJSON();
  }
  assert.fail('nothing was thrown');
}

describe('defaults', () => {
  test('answers on */v2 with the demo owner key, the demo world and no other /_mock origin', () => {
    const api = createMockApi();
    assert.equal(api.baseUrl, '*/v2');
    assert.deepEqual(api.actorFor(DEMO_KEYS.owner), { role: 'owner' });
    assert.deepEqual(api.actorFor(DEMO_KEYS.yoga), { role: 'public', projectId: 'proj_yoga' });
    assert.deepEqual([...api.mockOrigins], []);
    assert.ok(api.clock instanceof OffsetClock, 'the default clock is not a running one');
  });

  test('passes the engine options on, and an empty seed has no widget keys', () => {
    assert.equal(createMockApi().engine.listGraphs().length, 6);
    const api = createMockApi({ seed: 'empty', engine: { graphs: [] } });
    assert.deepEqual(api.engine.listGraphs(), []);
    assert.equal(api.actorFor(DEMO_KEYS.yoga), undefined);
  });
});

describe('who a key is', () => {
  test('the owner, a project’s widget, or nobody; rate limits count nobody as one', () => {
    const api = createMockApi({ ownerKey: 'owner_custom' });
    assert.deepEqual(api.actorFor('owner_custom'), { role: 'owner' });
    assert.equal(api.actorFor(DEMO_KEYS.owner), undefined);
    assert.equal(api.actorFor('made_up'), undefined);
    assert.equal(api.keyClass(undefined), 'none');
    assert.equal(api.keyClass('made_up'), 'unknown');
    assert.deepEqual(api.keyClass(DEMO_KEYS.barber), { valid: DEMO_KEYS.barber });
  });

  test('the client of a request is the address the server set, else local', () => {
    const api = createMockApi({ seed: 'empty' });
    const fromServer = new Request('http://x.test/v2/');
    api.clients.set(fromServer, '127.0.0.2');
    assert.equal(api.clientOf(fromServer), '127.0.0.2');
    assert.equal(api.clientOf(new Request('http://x.test/v2/')), 'local');
  });
});

describe('reset', () => {
  test('forgets idempotency keys and rate limits, and reloads only the seed asked for', () => {
    const api = createMockApi();
    api.reserve('k', '{}')({ status: 201, json: {} });
    api.limiter.limit = { perSecond: 0.001, burst: 1 };
    const now = Date.now();
    const barber = { valid: DEMO_KEYS.barber };
    assert.equal(api.limiter.take(barber, 'local', now), 0);
    assert.equal(api.limiter.take(barber, 'local', now), 1000);
    api.reset('empty');
    assert.equal(api.recall('k'), undefined);
    assert.equal(api.limiter.take(barber, 'local', now), 0);
    assert.equal(api.actorFor(DEMO_KEYS.yoga), undefined);
    api.reset();
    assert.deepEqual(api.actorFor(DEMO_KEYS.yoga), { role: 'public', projectId: 'proj_yoga' });
  });

  test('a settled key is remembered with its body; a forgotten one is gone', async () => {
    const api = createMockApi({ seed: 'empty' });
    api.reserve('kept', '{"a":1}')({ status: 200, json: { data: 1 } });
    api.reserve('dropped', '{"a":2}')(undefined);
    assert.equal(api.recall('kept')?.body, '{"a":1}');
    assert.deepEqual(await api.recall('kept')?.result, { status: 200, json: { data: 1 } });
    assert.equal(api.recall('dropped'), undefined);
  });
});

describe('snapshots', () => {
  test('the clock is saved as an instant and as its offset from real time', () => {
    const api = createMockApi({ seed: 'empty', clock: new ManualClock(NOW) });
    const before = Date.now();
    const { version, clock } = api.snapshot();
    const after = Date.now();
    assert.equal(version, 1);
    assert.equal(clock.now, '2026-11-26T12:00:00.000Z');
    assert.ok(
      clock.offset_ms <= NOW - before && clock.offset_ms >= NOW - after,
      String(clock.offset_ms),
    );
  });

  test('a running clock takes the offset, a manual one the instant', () => {
    const saved = createMockApi({ seed: 'empty', clock: new ManualClock(NOW) }).snapshot();
    const offset = { ...saved, clock: { now: '2030-01-01T00:00:00Z', offset_ms: 3_600_000 } };
    const running = createMockApi({ seed: 'empty' });
    const before = Date.now();
    running.restore(offset);
    assertNear(running.clock.now(), before + 3_600_000);
    const manual = createMockApi({ seed: 'empty', clock: new ManualClock(0) });
    manual.restore(offset);
    assert.equal(manual.clock.now(), Date.parse('2030-01-01T00:00:00Z'));
  });

  test('a data file written by hand with only the instant sets a running clock to it', () => {
    // Bug caught: the offset used whenever the clock runs, so NaN, and the file refused.
    const saved = createMockApi({ seed: 'empty', clock: new ManualClock(NOW) }).snapshot();
    const running = createMockApi({ seed: 'empty' });
    running.restore({ ...saved, clock: { now: '2030-01-01T00:00:00Z' } } as MockSnapshot);
    assert.ok(running.clock instanceof OffsetClock, 'the running clock was replaced');
    assertNear(running.clock.now(), Date.parse('2030-01-01T00:00:00Z'));
  });

  test('a clock out of range is refused naming the field, and nothing changes', () => {
    const api = createMockApi({ seed: 'demo', clock: new ManualClock(NOW) });
    const empty = createMockApi({ seed: 'empty' }).snapshot();
    const far = { ...empty, clock: { now: '3000-01-01T00:00:00Z', offset_ms: 0 } };
    assert.deepEqual(refusal(() => api.restore(far)).details, [
      { path: 'clock.now', message: `must keep the clock within ${RANGE}` },
    ]);
    const running = createMockApi({ seed: 'demo' });
    const offset = { ...empty, clock: { now: empty.clock.now, offset_ms: 1e15 } };
    assert.deepEqual(refusal(() => running.restore(offset)).details, [
      { path: 'clock.offset_ms', message: `must keep the clock within ${RANGE}` },
    ]);
    assert.equal(api.clock.now(), NOW);
    assert.deepEqual(api.actorFor(DEMO_KEYS.yoga), { role: 'public', projectId: 'proj_yoga' });
    assert.deepEqual(running.actorFor(DEMO_KEYS.yoga), { role: 'public', projectId: 'proj_yoga' });
  });

  test('not version 1, outside or inside, is refused naming version', () => {
    const api = createMockApi({ seed: 'demo', clock: new ManualClock(NOW) });
    const good = api.snapshot();
    for (const bad of [
      { ...good, version: 2 },
      { ...good, store: { ...good.store, version: 2 } },
    ]) {
      assert.deepEqual(
        refusal(() => api.restore(bad as unknown as MockSnapshot)),
        {
          status: 422,
          code: 'validation_failed',
          message: 'Not a slotkit snapshot (version 1).',
          details: [{ path: 'version', message: 'must be 1' }],
        },
      );
    }
  });
});

describe('checkedClockTarget', () => {
  test('keeps the first and last instants, refuses one past either end and NaN', () => {
    assert.equal(checkedClockTarget(0, 'set'), 0);
    assert.equal(checkedClockTarget(LAST_INSTANT, 'set'), LAST_INSTANT);
    for (const target of [-1, LAST_INSTANT + 1, Number.NaN]) {
      assert.deepEqual(
        refusal(() => checkedClockTarget(target, 'advance')),
        {
          status: 422,
          code: 'validation_failed',
          message: `advance: the clock must stay within ${RANGE}.`,
          details: [{ path: 'advance', message: `must keep the clock within ${RANGE}` }],
        },
      );
    }
  });
});
