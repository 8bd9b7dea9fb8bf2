/**
 * The mock API's token buckets, driven directly with exact instants (the HTTP tests use the wall
 * clock, so they cannot see refill arithmetic, the sweep's cadence or the bucket bound). Each
 * number below is worked out from the rates the test sets; none is read back from the limiter.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_RATE_LIMITS,
  RateLimiter,
  type KeyClass,
  type RateLimits,
} from '../../../src/mock/rate-limit.ts';

const T0 = Date.parse('2026-11-26T12:00:00Z');
const valid = (key: string): KeyClass => ({ valid: key });

/** `count` requests at one instant, the waits they got. */
function takes(limiter: RateLimiter, count: number, key = valid('k'), client = 'c', at = T0) {
  return Array.from({ length: count }, () => limiter.take(key, client, at));
}

describe('the defaults', () => {
  test('one visitor of a key: 200 at once, then one a fiftieth of a second', () => {
    const limiter = new RateLimiter();
    assert.deepEqual(DEFAULT_RATE_LIMITS, {
      client: { perSecond: 50, burst: 200 },
      key: { perSecond: 500, burst: 2000 },
    });
    assert.ok(
      takes(limiter, 200).every((wait) => wait === 0),
      'takes(limiter, 200).every((wait) => wait === 0)',
    );
    assert.equal(limiter.take(valid('k'), 'c', T0), 1, 'the 201st waits (rounded up to 1 s)');
    assert.equal(limiter.take(valid('k'), 'c', T0 + 20), 0, 'one token back after 20 ms');
  });

  test('a site: 2000 at once over its visitors, whatever their number', () => {
    const limiter = new RateLimiter();
    for (let index = 0; index < 2000; index++)
      assert.equal(limiter.take(valid('k'), `visitor-${index}`, T0), 0);
    assert.equal(limiter.take(valid('k'), 'one more visitor', T0), 1);
    assert.equal(limiter.take(valid('other'), 'one more visitor', T0), 0, 'another key is apart');
  });
});

describe('refill and waits, to the millisecond', () => {
  const limits: RateLimits = {
    client: { perSecond: 2, burst: 3 },
    key: { perSecond: 1000, burst: 1000 },
  };

  test('spent, refilled at perSecond, and a token is usable at exactly 1', () => {
    const limiter = new RateLimiter(limits);
    assert.deepEqual(takes(limiter, 4), [0, 0, 0, 1]);
    assert.equal(limiter.take(valid('k'), 'c', T0 + 250), 1, '0.5 token: not yet');
    assert.equal(limiter.take(valid('k'), 'c', T0 + 500), 0, 'exactly 1 token at 500 ms');
    assert.equal(limiter.take(valid('k'), 'c', T0 + 500), 1, 'and it was spent');
  });

  test('an idle bucket fills up to its burst and no further', () => {
    const limiter = new RateLimiter(limits);
    takes(limiter, 3);
    // 10 s at 2 a second would be 20 tokens; the burst caps them at 3.
    assert.deepEqual(takes(limiter, 4, valid('k'), 'c', T0 + 10_000), [0, 0, 0, 1]);
  });

  test('the wait is the time the missing part of a token takes, rounded up to a second', () => {
    const limiter = new RateLimiter({
      client: { perSecond: 0.25, burst: 1 },
      key: { perSecond: 1000, burst: 1000 },
    });
    assert.equal(limiter.take(valid('k'), 'c', T0), 0);
    assert.equal(limiter.take(valid('k'), 'c', T0), 4, 'a whole token at 0.25 a second');
    assert.equal(limiter.take(valid('k'), 'c', T0 + 2000), 2, 'half a token missing: 2 s');
    assert.equal(limiter.take(valid('k'), 'c', T0 + 3000), 1, 'a quarter missing: 1 s');
    assert.equal(limiter.take(valid('k'), 'c', T0 + 4000), 0);
  });

  test('the longer wait of the key and the client is the answer', () => {
    const limiter = new RateLimiter({
      client: { perSecond: 1, burst: 5 },
      key: { perSecond: 0.1, burst: 1 },
    });
    assert.equal(limiter.take(valid('k'), 'c', T0), 0);
    assert.equal(limiter.take(valid('k'), 'c', T0), 10, "the key's 10 s, not the client's 0");
  });
});

describe('all or nothing', () => {
  test("a request the client's bucket refuses takes nothing from the key's", () => {
    const limiter = new RateLimiter({
      client: { perSecond: 0.001, burst: 1 },
      key: { perSecond: 0.001, burst: 2 },
    });
    assert.equal(limiter.take(valid('k'), 'a', T0), 0);
    for (let index = 0; index < 5; index++)
      assert.ok(limiter.take(valid('k'), 'a', T0) > 0, `limiter.take(valid('k'), 'a', T0) > 0`);
    assert.equal(limiter.take(valid('k'), 'b', T0), 0, "the key's second token is still there");
    assert.ok(limiter.take(valid('k'), 'c', T0) > 0, 'and now the key is spent');
  });
});

describe('requests without a valid key', () => {
  const limits: RateLimits = {
    client: { perSecond: 0.001, burst: 1 },
    key: { perSecond: 0.001, burst: 3 },
  };

  test('share one bucket at the key rate, whatever the client', () => {
    const limiter = new RateLimiter(limits);
    assert.deepEqual(
      ['a', 'a', 'a', 'b'].map((client) => limiter.take('unknown', client, T0)),
      [0, 0, 0, 1000],
    );
    assert.equal(limiter.size, 1);
  });

  test('no key and an unknown key are two buckets', () => {
    const limiter = new RateLimiter(limits);
    assert.deepEqual(takes(limiter, 3, 'none'), [0, 0, 0]);
    assert.equal(limiter.take('none', 'a', T0), 1000);
    assert.equal(limiter.take('unknown', 'a', T0), 0, 'an unknown key still has its own');
    assert.equal(limiter.size, 2);
  });
});

describe('clear', () => {
  test('forgets every bucket: all full again', () => {
    const limiter = new RateLimiter({
      client: { perSecond: 0.001, burst: 1 },
      key: { perSecond: 0.001, burst: 1 },
    });
    limiter.take(valid('k'), 'c', T0);
    limiter.take('none', 'c', T0);
    assert.equal(limiter.size, 3);
    limiter.clear();
    assert.equal(limiter.size, 0);
    assert.equal(limiter.take(valid('k'), 'c', T0), 0);
    assert.equal(limiter.take('none', 'c', T0), 0);
  });
});

describe('the limit setter', () => {
  test('changes the client rate and keeps the key rate', () => {
    const limiter = new RateLimiter({
      client: { perSecond: 1000, burst: 1000 },
      key: { perSecond: 0.001, burst: 4 },
    });
    limiter.limit = { perSecond: 0.5, burst: 2 };
    assert.deepEqual(limiter.limit, { perSecond: 0.5, burst: 2 });
    assert.deepEqual(limiter.limits.key, { perSecond: 0.001, burst: 4 });
    assert.deepEqual(takes(limiter, 3), [0, 0, 2]);
    assert.deepEqual(takes(limiter, 3, valid('k'), 'd'), [0, 0, 1000], 'the key allows 4');
  });
});

describe('memory: at most 10,000 buckets, least recently used dropped first', () => {
  test('the 10,000th visitor of one key pushes out the first visitor, not the key', () => {
    // The key allows 10,001 requests at once: one left after 10,000 visitors.
    const limiter = new RateLimiter({
      client: { perSecond: 0.001, burst: 1 },
      key: { perSecond: 0.001, burst: 10_001 },
    });
    for (let index = 0; index < 10_000; index++)
      assert.equal(limiter.take(valid('k'), `visitor-${index}`, T0), 0);
    assert.equal(limiter.size, 10_000, 'the key and 9,999 visitors');
    assert.ok(limiter.take(valid('k'), 'visitor-2', T0) > 0, 'visitor 2 is still remembered');
    assert.equal(limiter.take(valid('k'), 'visitor-0', T0), 0, 'visitor 0 was forgotten: full');
    assert.equal(limiter.size, 10_000);
    assert.ok(limiter.take(valid('k'), 'newcomer', T0) > 0, "the key's count was kept: spent");
  });
});

describe('the sweep: every 1000th request drops the buckets that are full again', () => {
  // A visitor's bucket is full again 500 ms after its one token; the key's takes far longer.
  const limits: RateLimits = {
    client: { perSecond: 2, burst: 1 },
    key: { perSecond: 1, burst: 2000 },
  };

  test('idle buckets stay until the 1000th request, which drops exactly the full ones', () => {
    const limiter = new RateLimiter(limits);
    limiter.take(valid('k'), 'first', T0);
    limiter.take(valid('k'), 'second', T0 + 1000);
    assert.equal(limiter.size, 3, '"first" is full again but no sweep ran yet');
    for (let index = 3; index < 1000; index++) limiter.take(valid('k'), `v${index}`, T0 + 1000);
    assert.equal(limiter.size, 1000);
    // Request 1000, 500 ms on: every visitor is exactly full again (0 + 0.5 s × 2 = 1 token);
    // the key has about 1002 of its 2000 tokens and stays.
    limiter.take('unknown', 'x', T0 + 1500);
    assert.equal(limiter.size, 2, "the key's bucket and the unknown keys' one");
    // The count starts again: request 1001 sweeps nothing, though the unknown bucket is full.
    limiter.take(valid('k'), 'late', T0 + 5000);
    assert.equal(limiter.size, 3);
  });
});
