/**
 * The server's clock as seen through `Date` headers, for countdowns that must agree with the
 * server's deadlines even when the visitor's clock is wrong.
 *
 * A `Date` header has one-second resolution and was stamped somewhere between sending and
 * receiving, so each response bounds the offset (server - local) to an interval. Intersecting
 * the intervals narrows the estimate below a second; an interval that does not overlap means
 * one of the clocks jumped (or the sandbox moved the server's time), so it starts afresh.
 */
export interface ServerClock {
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void;
  offsetMs(): number;
  now(): number;
}

export function serverClock(localNow: () => number = Date.now): ServerClock {
  let low = -Infinity;
  let high = Infinity;
  const offsetMs = () => (low === -Infinity ? 0 : Math.round((low + high) / 2));
  return {
    observe(dateHeader, sentAt, receivedAt) {
      const stamped = dateHeader ? Date.parse(dateHeader) : NaN;
      if (Number.isNaN(stamped)) return;
      const lo = stamped - receivedAt;
      const hi = stamped + 1000 - sentAt;
      if (lo > high || hi < low) {
        low = lo;
        high = hi;
      } else {
        low = Math.max(low, lo);
        high = Math.min(high, hi);
      }
    },
    offsetMs,
    now: () => localNow() + offsetMs(),
  };
}
