import {
  BookingEngine,
  EngineError,
  DEMO_KEYS,
  OffsetClock,
  seedDemo,
  type Actor,
  type Clock,
  type EngineOptions,
  type StoreSnapshot,
} from '../engine/index.ts';
import { CLOCK_RANGE } from '../engine/duration.ts';
import { parseInstant } from '../lib/time/index.ts';
import type { MockSnapshot } from './handlers/mock-control.ts';
import { RateLimiter, type KeyClass, type RateLimits } from './rate-limit.ts';

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
  /** Requests per key and client, and per key in all; see rate-limit.ts. */
  rateLimits?: RateLimits;
  /**
   * Origins (besides the API's own) whose pages may call `/_mock/*`: reset, time travel and the
   * snapshot of every customer are not for any page the developer happens to visit.
   */
  mockOrigins?: readonly string[];
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
  readonly mockOrigins: ReadonlySet<string>;
  /**
   * Who sent a request, set by the real HTTP server (the remote address). In a service worker
   * or msw/node there is one client: the page or the test process.
   */
  readonly clients = new WeakMap<Request, string>();
  private readonly idempotency = new Map<string, IdempotentCall>();
  private readonly engineOptions: Omit<EngineOptions, 'clock'>;

  constructor(options: MockApiOptions = {}) {
    this.clock = options.clock ?? new OffsetClock();
    this.baseUrl = options.baseUrl ?? '*/v2';
    this.ownerKey = options.ownerKey ?? DEMO_KEYS.owner;
    this.limiter = new RateLimiter(options.rateLimits);
    this.mockOrigins = new Set(options.mockOrigins ?? []);
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

  clientOf(request: Request): string {
    return this.clients.get(request) ?? 'local';
  }

  /** What a key counts against for rate limits. */
  keyClass(key: string | undefined): KeyClass {
    if (key === undefined) return 'none';
    return this.actorFor(key) ? { valid: key } : 'unknown';
  }

  /** The store and where the clock stands: what `GET _mock/snapshot` and `--data` save. */
  snapshot(): MockSnapshot {
    const store = this.engine.snapshot();
    const now = this.clock.now();
    return {
      version: 1,
      clock: { now: new Date(now).toISOString(), offset_ms: now - Date.now() },
      store,
    };
  }

  /**
   * Puts a saved snapshot back, all or nothing: one the engine refuses leaves the store as it
   * was and throws. A running clock keeps its offset from real time; a manual one its instant.
   */
  restore(snapshot: MockSnapshot): void {
    if (snapshot?.version !== 1 || snapshot.store?.version !== 1) {
      throw new EngineError('validation_failed', 'Not a slotkit snapshot (version 1).', [
        { path: 'version', message: 'must be 1' },
      ]);
    }
    // Checked before anything changes, so a refused clock leaves the store as it was too.
    const { offset_ms: offset, now } = snapshot.clock ?? {};
    // Anything but a string is no instant either (`String(undefined)` does not parse).
    const at = parseInstant(String(now));
    const target =
      typeof offset === 'number' && this.clock instanceof OffsetClock
        ? checkedClockTarget(Date.now() + offset, 'clock.offset_ms')
        : at !== undefined
          ? checkedClockTarget(at, 'clock.now')
          : undefined;
    try {
      // The engine checks the whole store and swaps it in, or throws and keeps the old one.
      this.engine.restore(snapshot.store as StoreSnapshot);
    } catch (error) {
      throw error instanceof EngineError
        ? error
        : new EngineError(
            'validation_failed',
            `The snapshot could not be loaded: ${(error as Error).message}`,
          );
    }
    if (target !== undefined) this.clock.set(target);
    this.engine.settle();
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

/** Refuses a clock move that would leave the range every deadline is computed in. */
export function checkedClockTarget(target: number, path: string): number {
  if (Number.isFinite(target) && target >= CLOCK_RANGE.min && target <= CLOCK_RANGE.max)
    return target;
  const range = `${new Date(CLOCK_RANGE.min).toISOString()} to ${new Date(CLOCK_RANGE.max).toISOString()}`;
  throw new EngineError('validation_failed', `${path}: the clock must stay within ${range}.`, [
    { path, message: `must keep the clock within ${range}` },
  ]);
}
