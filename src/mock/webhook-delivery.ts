import { createHmac } from 'node:crypto';
import type { BookingEngine } from '../engine/index.ts';

/**
 * Sends the engine's due webhook deliveries over real HTTP (`npm run api` only: a page or
 * msw/node has no network of its own, so there they stay in the outbox). The engine decides
 * what is due and when to retry; this module signs, posts, and reports each attempt back.
 */

export const SIGNATURE_HEADER = 'Slotkit-Signature';

export interface DelivererOptions {
  /** How long one attempt may take before it counts as failed. */
  timeoutMs?: number;
  /** How often to look for due deliveries (and retries whose wait is over); 0: only on `flush()`. */
  pollMs?: number;
  fetch?: typeof fetch;
  /** The signature's timestamp: real time, which receivers compare with their own clocks. */
  now?: () => number;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the scheme Stripe uses. */
export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

export class WebhookDeliverer {
  private readonly timeoutMs: number;
  private readonly pollMs: number;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  /** Deliveries being sent right now: a poll during a slow attempt must not send them twice. */
  private readonly inFlight = new Set<string>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly engine: BookingEngine,
    options: DelivererOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.pollMs = options.pollMs ?? 1000;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
  }

  /** Sends everything due now (by the engine's clock) and resolves when each attempt is recorded. */
  async flush(): Promise<void> {
    const due = this.engine.webhooks.due().filter((delivery) => !this.inFlight.has(delivery.id));
    await Promise.all(due.map((delivery) => this.attempt(delivery)));
  }

  start(): void {
    if (this.pollMs <= 0) return;
    this.timer ??= setInterval(() => void this.flush(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async attempt(delivery: { id: string; url: string; secret: string; body: string }) {
    this.inFlight.add(delivery.id);
    let outcome: { status_code?: number; error?: string };
    try {
      const response = await this.fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'slotkit-webhooks',
          [SIGNATURE_HEADER]: signPayload(
            delivery.secret,
            delivery.body,
            Math.floor(this.now() / 1000),
          ),
        },
        body: delivery.body,
        // A redirect is the receiver's misconfiguration, not a place to post signed data to.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel();
      outcome = { status_code: response.status };
    } catch (error) {
      const name = (error as Error).name;
      outcome = {
        error:
          name === 'TimeoutError'
            ? `no answer within ${this.timeoutMs / 1000} s`
            : `${(error as Error).message}${causeOf(error)}`,
      };
    }
    try {
      this.engine.webhooks.recordAttempt(delivery.id, outcome);
    } finally {
      this.inFlight.delete(delivery.id);
    }
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND) is in its cause. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message;
  return reason ? ` (${reason})` : '';
}
