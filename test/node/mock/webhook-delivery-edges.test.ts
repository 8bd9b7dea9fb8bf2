import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { BookingEngine } from '../../../src/engine/index.ts';
import { WebhookDeliverer, signPayload } from '../../../src/mock/webhook-delivery.ts';

/**
 * WebhookDeliverer on its own: a stand-in engine with one due delivery and a stand-in fetch, so
 * every header, option and outcome is exactly what the test says. Each test names the bug it
 * catches; the planted versions passed webhooks.test.ts.
 */

const DELIVERY = {
  id: 'dlv_1',
  url: 'https://hooks.example/in',
  secret: 'whsec_test',
  body: '{"id":"evt_1"}',
};
/** HMAC-SHA256 of `1700000000.{"id":"evt_1"}` with the key `whsec_test`, in hex. */
const SIGNATURE =
  't=1700000000,v1=c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925';

type Outcome = { status_code?: number; error?: string };

/** An engine whose one delivery stays due until an attempt is recorded `delivered`. */
function engineWithOneDelivery() {
  const recorded: Outcome[] = [];
  let delivered = false;
  const engine = {
    webhooks: {
      due: () => (delivered ? [] : [DELIVERY]),
      recordAttempt: (id: string, outcome: Outcome) => {
        assert.equal(id, DELIVERY.id);
        recorded.push(outcome);
        delivered = outcome.status_code === 200;
      },
    },
  } as unknown as BookingEngine;
  return { engine, recorded };
}

describe('one attempt', () => {
  test('the signature is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    assert.equal(signPayload(DELIVERY.secret, DELIVERY.body, 1700000000), SIGNATURE);
  });

  test('posts the body with exactly these headers, does not follow redirects, records the status', async () => {
    const { engine, recorded } = engineWithOneDelivery();
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const deliverer = new WebhookDeliverer(engine, {
      // 999 ms past the second: the timestamp is rounded down, as receivers compute it.
      now: () => 1_700_000_000_999,
      fetch: (async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return new Response(null, { status: 302, headers: { Location: 'https://else.example' } });
      }) as typeof fetch,
    });
    await deliverer.flush();
    assert.equal(calls.length, 1);
    const { url, init } = calls[0]!;
    assert.equal(url, DELIVERY.url);
    assert.equal(init.method, 'POST');
    assert.deepEqual(init.headers, {
      'Content-Type': 'application/json',
      'User-Agent': 'slotkit-webhooks',
      'Slotkit-Signature': SIGNATURE,
    });
    assert.equal(init.body, DELIVERY.body);
    assert.equal(init.redirect, 'manual');
    assert.ok(init.signal instanceof AbortSignal, 'init.signal instanceof AbortSignal');
    assert.deepEqual(recorded, [{ status_code: 302 }]);
  });

  test('the answer’s body is cancelled, not left open', async () => {
    const { engine } = engineWithOneDelivery();
    let cancelled = false;
    const body = new ReadableStream({
      cancel: () => {
        cancelled = true;
      },
    });
    const deliverer = new WebhookDeliverer(engine, {
      fetch: (async () => new Response(body, { status: 200 })) as typeof fetch,
    });
    await deliverer.flush();
    assert.equal(cancelled, true);
  });

  test('no answer within the timeout is recorded in seconds', async () => {
    const { engine, recorded } = engineWithOneDelivery();
    const deliverer = new WebhookDeliverer(engine, {
      timeoutMs: 50,
      fetch: ((_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
        )) as typeof fetch,
    });
    // AbortSignal.timeout's timer does not hold the event loop open; this does meanwhile.
    const alive = setInterval(() => {}, 1000);
    try {
      await deliverer.flush();
    } finally {
      clearInterval(alive);
    }
    assert.deepEqual(recorded, [{ error: 'no answer within 0.05 s' }]);
  });

  test('a failed fetch is recorded with its cause’s code, else its message, else alone', async () => {
    const failures = [
      new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED', message: 'connect' } }),
      new TypeError('fetch failed', { cause: { message: 'other side hung up' } }),
      new TypeError('fetch failed'),
    ];
    const errors: Array<string | undefined> = [];
    for (const failure of failures) {
      const { engine, recorded } = engineWithOneDelivery();
      const deliverer = new WebhookDeliverer(engine, {
        fetch: (async () => Promise.reject(failure)) as typeof fetch,
      });
      await deliverer.flush();
      errors.push(recorded[0]?.error);
    }
    assert.deepEqual(errors, [
      'fetch failed (ECONNREFUSED)',
      'fetch failed (other side hung up)',
      'fetch failed',
    ]);
  });
});

describe('attempts over time', () => {
  test('a delivery being sent is not sent again by a flush meanwhile; once recorded it can be', async () => {
    const { engine, recorded } = engineWithOneDelivery();
    const replies: Array<(response: Response) => void> = [];
    const deliverer = new WebhookDeliverer(engine, {
      fetch: (() => new Promise<Response>((resolve) => replies.push(resolve))) as typeof fetch,
    });
    const first = deliverer.flush();
    await deliverer.flush();
    assert.equal(replies.length, 1);
    replies[0]!(new Response(null, { status: 500 }));
    await first;
    assert.deepEqual(recorded, [{ status_code: 500 }]);
    const retry = deliverer.flush();
    assert.equal(replies.length, 2);
    replies[1]!(new Response(null, { status: 200 }));
    await retry;
    assert.deepEqual(recorded, [{ status_code: 500 }, { status_code: 200 }]);
  });

  /** setInterval, counted and kept (the real one), with mocked time. */
  function timers(t: TestContext) {
    const started: Array<{ ms: number; timer: NodeJS.Timeout }> = [];
    t.mock.timers.enable({ apis: ['setInterval'] });
    const mocked = globalThis.setInterval;
    t.mock.method(globalThis, 'setInterval', ((callback: () => void, ms: number) => {
      const timer = mocked(callback, ms) as NodeJS.Timeout;
      started.push({ ms, timer });
      return timer;
    }) as typeof setInterval);
    return started;
  }

  test('polls every second by default, one timer however often started, none after stop', async (t) => {
    const started = timers(t);
    const { engine } = engineWithOneDelivery();
    let sends = 0;
    // Each attempt fails at once, so the delivery is due again at every poll.
    const deliverer = new WebhookDeliverer(engine, {
      fetch: (async () => {
        sends += 1;
        return new Response(null, { status: 500 });
      }) as typeof fetch,
    });
    const recorded = () => new Promise((done) => setImmediate(done));
    deliverer.start();
    deliverer.start();
    assert.deepEqual(
      started.map((entry) => entry.ms),
      [1000],
    );
    t.mock.timers.tick(999);
    await recorded();
    assert.equal(sends, 0);
    t.mock.timers.tick(1);
    await recorded();
    assert.equal(sends, 1);
    t.mock.timers.tick(1000);
    await recorded();
    assert.equal(sends, 2);
    deliverer.stop();
    t.mock.timers.tick(5000);
    await recorded();
    assert.equal(sends, 2);
  });

  test('pollMs 0 never polls', (t) => {
    const started = timers(t);
    const deliverer = new WebhookDeliverer(engineWithOneDelivery().engine, { pollMs: 0 });
    deliverer.start();
    assert.equal(started.length, 0);
  });

  test('the poll does not keep the process alive', (t) => {
    const real = globalThis.setInterval;
    const started: NodeJS.Timeout[] = [];
    t.mock.method(globalThis, 'setInterval', ((callback: () => void, ms: number) => {
      const timer = real(callback, ms);
      started.push(timer);
      return timer;
    }) as typeof real);
    const deliverer = new WebhookDeliverer(engineWithOneDelivery().engine, { pollMs: 60_000 });
    deliverer.start();
    try {
      assert.equal(started.length, 1);
      assert.equal(started[0]!.hasRef(), false);
    } finally {
      deliverer.stop();
    }
  });

  test('by default an attempt may take 10 s and is signed with the real time', async (t) => {
    const timeouts: number[] = [];
    const realTimeout = AbortSignal.timeout.bind(AbortSignal);
    t.mock.method(AbortSignal, 'timeout', (ms: number) => {
      timeouts.push(ms);
      return realTimeout(ms);
    });
    const headers: Array<Record<string, string>> = [];
    t.mock.method(globalThis, 'fetch', async (_url: string, init: RequestInit) => {
      headers.push(init.headers as Record<string, string>);
      return new Response(null, { status: 200 });
    });
    const before = Math.floor(Date.now() / 1000);
    await new WebhookDeliverer(engineWithOneDelivery().engine).flush();
    const after = Math.floor(Date.now() / 1000);
    assert.deepEqual(timeouts, [10_000]);
    const seconds = Number(/^t=(\d+),/.exec(headers[0]!['Slotkit-Signature']!)![1]);
    assert.ok(seconds >= before && seconds <= after, `t=${seconds}`);
  });
});
