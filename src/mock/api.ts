import {
  BookingEngine,
  DEMO_KEYS,
  OffsetClock,
  seedDemo,
  type Actor,
  type Clock,
  type EngineOptions,
} from '../engine/index.ts';

/** A clock the sandbox and tests can move: ManualClock and OffsetClock both are. */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
  set(time: number): void;
}

export type Seed = 'demo' | 'empty';

export interface MockApiOptions {
  clock?: AdjustableClock;
  /** Which world to start with; `demo` loads the sandbox's projects and classes. */
  seed?: Seed;
  /** Path pattern the handlers answer on; `*` matches any origin. */
  baseUrl?: string;
  ownerKey?: string;
  /** Requests a key may make per second on average, with bursts up to `burst`. */
  rateLimit?: { perSecond: number; burst: number };
  engine?: Omit<EngineOptions, 'clock'>;
}

export interface StoredOutcome {
  status: number;
  json: unknown;
}

/** What an Idempotency-Key got: the body it came with and the answer (pending while it runs). */
interface IdempotentCall {
  body: string;
  result: Promise<StoredOutcome | undefined>;
}

/** Token bucket per key: enough for any widget, small enough to show 429 in a test. */
class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(public limit: { perSecond: number; burst: number }) {}

  /** Seconds to wait, or 0 when the request may go ahead. */
  take(key: string, now: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.limit.perSecond);
    bucket.tokens -= 1;
    return 0;
  }

  clear(): void {
    this.buckets.clear();
  }
}

/**
 * Everything the mock API's handlers share: the engine, the clock it runs on, the keys, the
 * idempotency cache and the rate limiter. One per worker, server or test.
 */
export class MockApi {
  readonly engine: BookingEngine;
  readonly clock: AdjustableClock;
  readonly baseUrl: string;
  readonly ownerKey: string;
  readonly limiter: RateLimiter;
  private readonly idempotency = new Map<string, IdempotentCall>();
  private readonly engineOptions: Omit<EngineOptions, 'clock'>;

  constructor(options: MockApiOptions = {}) {
    this.clock = options.clock ?? new OffsetClock();
    this.baseUrl = options.baseUrl ?? '*/v2';
    this.ownerKey = options.ownerKey ?? DEMO_KEYS.owner;
    this.limiter = new RateLimiter(options.rateLimit ?? { perSecond: 50, burst: 200 });
    this.engineOptions = options.engine ?? {};
    this.engine = new BookingEngine({ ...this.engineOptions, clock: this.clock });
    if ((options.seed ?? 'demo') === 'demo') seedDemo(this.engine);
  }

  /** Empties the engine and reloads a seed; the clock stays where it is. */
  reset(seed: Seed = 'demo'): void {
    this.engine.clear();
    this.idempotency.clear();
    this.limiter.clear();
    if (seed === 'demo') seedDemo(this.engine);
  }

  /** Who a key belongs to: the owner, a project's widget, or nobody (undefined). */
  actorFor(key: string): Actor | undefined {
    if (key === this.ownerKey) return { role: 'owner' };
    const projectId = this.engine.projectIdForKey(key);
    return projectId ? { role: 'public', projectId } : undefined;
  }

  recall(key: string): IdempotentCall | undefined {
    return this.idempotency.get(key);
  }

  /** Claims a key before the work starts; the returned function records the outcome (or forgets). */
  reserve(key: string, body: string): (outcome: StoredOutcome | undefined) => void {
    let settle!: (outcome: StoredOutcome | undefined) => void;
    const result = new Promise<StoredOutcome | undefined>((resolve) => (settle = resolve));
    this.idempotency.set(key, { body, result });
    return (outcome) => {
      if (!outcome) this.idempotency.delete(key);
      settle(outcome);
    };
  }
}

export function createMockApi(options: MockApiOptions = {}): MockApi {
  return new MockApi(options);
}
