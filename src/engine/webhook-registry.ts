import type { Actor } from './access.ts';
import type { EngineContext } from './context.ts';
import * as webhooks from './webhooks.ts';

type Run = <T>(work: (context: EngineContext) => T) => T;

/**
 * The engine's front door for webhooks, beside BookingEngine's: every call settles deadlines
 * and runs in one transaction through the engine's own `run`. A runtime that can send HTTP
 * polls `due()` and reports each attempt with `recordAttempt`; one that cannot leaves them be.
 */
export class WebhookRegistry {
  constructor(
    private readonly context: EngineContext,
    private readonly run: Run,
  ) {}

  create(body: unknown, actor: Actor) {
    return this.run((context) => webhooks.createWebhook(context, body, actor));
  }

  list(actor: Actor) {
    return this.run((context) => webhooks.listWebhooks(context, actor));
  }

  delete(id: string, actor: Actor) {
    return this.run((context) => webhooks.deleteWebhook(context, id, actor));
  }

  deliveries(id: string, actor: Actor) {
    return this.run((context) => webhooks.listDeliveries(context, id, actor));
  }

  /** Every event type a webhook may subscribe to. */
  eventTypes(): string[] {
    return webhooks.eventTypes(this.context);
  }

  /** Deliveries whose next attempt is due now (the engine's clock). */
  due(): webhooks.DueDelivery[] {
    return this.run((context) => webhooks.dueDeliveries(context, context.now()));
  }

  recordAttempt(id: string, outcome: { status_code?: number; error?: string }) {
    return this.run((context) => webhooks.recordAttempt(context, id, outcome));
  }
}
