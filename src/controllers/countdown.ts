import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface CountdownOptions {
  /** Called once when the remaining time reaches zero. */
  onExpire?: () => void;
  /** Called once per threshold (ms) crossed while counting, e.g. 5 and 1 minutes. */
  onThreshold?: (thresholdMs: number) => void;
  thresholdsMs?: number[];
  /** Local clock; tests inject one. */
  now?: () => number;
  intervalMs?: number;
}

/**
 * Time left until an instant, recomputed from `expiresAt - (now + server offset)` on every tick
 * (never a decremented counter, which drifts in background tabs). Corrects for a wrong local
 * clock with the server's offset; clears its timer when the host disconnects.
 */
export class CountdownController implements ReactiveController {
  private expiresAt: number | undefined;
  private offsetMs = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private expired = false;
  private connected = false;
  private crossed = new Set<number>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CountdownOptions = {},
  ) {
    host.addController(this);
  }

  /** Milliseconds left, never below zero; undefined when not counting. */
  get remainingMs(): number | undefined {
    if (this.expiresAt === undefined) return undefined;
    return Math.max(0, this.expiresAt - this.serverNow());
  }

  get isExpired(): boolean {
    return this.expired;
  }

  /**
   * Counts down to `expiresAt` (server time); `offsetMs` = server clock - local clock. Calling it
   * again with the same instant (a refined offset) keeps the count going: thresholds and expiry
   * already reported for that instant are not reported again.
   */
  start(expiresAt: number, offsetMs = 0): void {
    const sameInstant = expiresAt === this.expiresAt;
    this.expiresAt = expiresAt;
    this.offsetMs = offsetMs;
    if (!sameInstant) {
      this.expired = false;
      // Thresholds already behind us when the count starts are not announced as if just crossed.
      const remaining = this.remainingMs ?? 0;
      this.crossed = new Set(
        (this.options.thresholdsMs ?? []).filter((threshold) => remaining <= threshold),
      );
    }
    if (!this.expired) this.schedule();
    this.tick();
  }

  stop(): void {
    this.expiresAt = undefined;
    this.clear();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    if (this.expiresAt !== undefined && !this.expired) this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.clear();
  }

  /** Recomputes now (also called by tests and when the tab becomes visible again). */
  tick(): void {
    const remaining = this.remainingMs;
    if (remaining === undefined) return;
    for (const threshold of this.options.thresholdsMs ?? []) {
      if (remaining <= threshold && remaining > 0 && !this.crossed.has(threshold)) {
        this.crossed.add(threshold);
        this.options.onThreshold?.(threshold);
      }
    }
    if (remaining === 0 && !this.expired) {
      this.expired = true;
      this.clear();
      this.options.onExpire?.();
    }
    this.host.requestUpdate();
  }

  private serverNow(): number {
    return (this.options.now ?? Date.now)() + this.offsetMs;
  }

  private schedule(): void {
    this.clear();
    // A host that is not in the document gets no timer: hostConnected starts it.
    if (!this.connected) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs ?? 250);
  }

  private clear(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
