/**
 * Token buckets for the mock API. A widget key is public and shared by every visitor of a site,
 * so a bucket belongs to a key *and* a client (one visitor cannot throttle the others), under a
 * higher ceiling per key (a site's visitors together cannot eat the server). Requests without a
 * valid key share one bucket per kind, so made-up keys cost no memory. Buckets that have filled
 * up again are the same as no bucket and are dropped, so memory follows the active clients only.
 */

export interface Rate {
  /** Requests per second on average. */
  perSecond: number;
  /** Requests allowed at once before the average applies. */
  burst: number;
}

export interface RateLimits {
  /** One client with one key. */
  client: Rate;
  /** One key, all its clients together. */
  key: Rate;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  client: { perSecond: 50, burst: 200 },
  key: { perSecond: 500, burst: 2000 },
};

/** Buckets kept at most; past it the least recently used go first (they are then full again). */
const MAX_BUCKETS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** Who a request counts against: a valid key, no key at all, or a key the API does not know. */
export type KeyClass = { valid: string } | 'none' | 'unknown';

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private takesSinceSweep = 0;

  constructor(public limits: RateLimits = DEFAULT_RATE_LIMITS) {}

  /** The per-client rate; tests turn it down to see a 429 quickly. */
  get limit(): Rate {
    return this.limits.client;
  }

  set limit(rate: Rate) {
    this.limits = { ...this.limits, client: rate };
  }

  /** How many buckets exist: bounded whatever keys or clients arrive. */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * Seconds to wait, or 0 when the request may go ahead (and is counted). Without a valid key
   * there is one shared bucket, whatever the key or the client.
   */
  take(key: KeyClass, client: string, now: number): number {
    this.sweepNow(now);
    if (typeof key === 'string') return this.takeFrom([[`(${key})`, this.limits.key]], now);
    return this.takeFrom(
      [
        [`key|${key.valid}`, this.limits.key],
        [`client|${key.valid}|${client}`, this.limits.client],
      ],
      now,
    );
  }

  clear(): void {
    this.buckets.clear();
  }

  /** All or nothing: a refused request spends no token from any of its buckets. */
  private takeFrom(entries: [string, Rate][], now: number): number {
    const filled = entries.map(([name, rate]) => {
      const bucket = this.buckets.get(name);
      const tokens = bucket
        ? Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond)
        : rate.burst;
      return { name, rate, tokens };
    });
    const wait = Math.max(
      0,
      ...filled.map(({ tokens, rate }) =>
        tokens < 1 ? Math.ceil((1 - tokens) / rate.perSecond) : 0,
      ),
    );
    for (const { name, tokens } of filled) {
      // Delete then set: the map's order is then least recently used first.
      this.buckets.delete(name);
      this.buckets.set(name, { tokens: wait > 0 ? tokens : tokens - 1, at: now });
    }
    while (this.buckets.size > MAX_BUCKETS) {
      this.buckets.delete(this.buckets.keys().next().value!);
    }
    return wait;
  }

  /** Every so often, drop the buckets that have filled up again. */
  private sweepNow(now: number): void {
    if (++this.takesSinceSweep < 1000) return;
    this.takesSinceSweep = 0;
    for (const [name, bucket] of this.buckets) {
      const rate = name.startsWith('client|') ? this.limits.client : this.limits.key;
      const full = bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond >= rate.burst;
      if (full) this.buckets.delete(name);
    }
  }
}
