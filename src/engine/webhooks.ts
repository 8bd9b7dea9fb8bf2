import { z } from 'zod';
import { SYSTEM, ownerOnly, type Actor } from './access.ts';
import { projectOf, view, type EngineContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { line, parse, text } from './input.ts';
import { log } from './notify.ts';
import type { BookingRecord, ProjectRecord } from './records.ts';
import { iso } from './views.ts';

/**
 * The owner's webhook registry and its deliveries. The engine only records that a delivery is
 * due and what each attempt got; sending (HTTP, signatures, timeouts) is the runtime's job
 * (src/mock/webhook-delivery.ts), so the engine stays the same in a page, a test and a server.
 */

export interface WebhookRecord {
  id: string;
  url: string;
  /** Event types, or `*` for all of them. */
  events: string[];
  description?: string;
  /** Signs every delivery (HMAC-SHA256); shown once, on create. */
  secret: string;
  created_at: number;
}

export interface DeliveryAttempt {
  at: number;
  /** The receiver's HTTP status; absent when no answer came (refused, timed out). */
  status_code?: number;
  error?: string;
}

export interface DeliveryRecord {
  /** The event's id: the same on every retry, so a receiver can de-duplicate. */
  id: string;
  webhook_id: string;
  type: string;
  created_at: number;
  /** The exact JSON sent (and signed) on every attempt. */
  body: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  next_attempt_at?: number;
}

/** Waits after each failed attempt: ×6 each time, six attempts over about four hours. */
export const RETRY_DELAYS_MS = [10_000, 60_000, 360_000, 2_160_000, 12_960_000] as const;

/**
 * Finished (delivered or failed) deliveries kept per webhook; older ones are dropped as each new
 * one finishes, as hosted services keep only recent deliveries. A hundred covers a receiver's
 * recent history while its owner debugs it, and keeps a long-running `npm run api` bounded.
 * Pending deliveries are never dropped: they are still to be sent.
 */
export const KEPT_FINISHED_DELIVERIES = 100;

/** Event types beyond `booking.<state>`. */
const EXTRA_EVENTS = ['booking.created', 'booking.rescheduled', 'hold.expired', 'waitlist.offered'];

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const webhookInput = z
  .object({
    url: line(2000).refine(isHttpUrl, { message: 'must be an http:// or https:// URL' }),
    events: z.array(line(100)).min(1, { message: 'must name at least one event, or "*"' }).max(50),
    description: text(500).optional(),
  })
  .strict();

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  description?: string;
  created_at: string;
}

export interface DeliveryView {
  id: string;
  webhook_id: string;
  type: string;
  created_at: string;
  state: DeliveryRecord['state'];
  attempts: Array<{ at: string; status_code?: number; error?: string }>;
  next_attempt_at: string | null;
}

/** What a runtime needs to send one due delivery. */
export interface DueDelivery {
  id: string;
  url: string;
  secret: string;
  body: string;
}

function webhookView({ id, url, events, description, created_at }: WebhookRecord): WebhookView {
  return { id, url, events, ...(description ? { description } : {}), created_at: iso(created_at) };
}

function deliveryView(delivery: DeliveryRecord): DeliveryView {
  return {
    id: delivery.id,
    webhook_id: delivery.webhook_id,
    type: delivery.type,
    created_at: iso(delivery.created_at),
    state: delivery.state,
    attempts: delivery.attempts.map((attempt) => ({ ...attempt, at: iso(attempt.at) })),
    next_attempt_at: delivery.next_attempt_at === undefined ? null : iso(delivery.next_attempt_at),
  };
}

/** Every event type a webhook may subscribe to: each graph's states, and the extra ones. */
export function eventTypes(context: EngineContext): string[] {
  const states = new Set<string>();
  for (const graph of context.graphs.values())
    for (const state of Object.keys(graph.states)) states.add(`booking.${state}`);
  return [...new Set([...EXTRA_EVENTS, ...[...states].sort()])];
}

function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export function createWebhook(
  context: EngineContext,
  body: unknown,
  actor: Actor,
): WebhookView & { secret: string } {
  ownerOnly(actor, 'Webhooks');
  const input = parse(webhookInput, body);
  const known = new Set(eventTypes(context));
  input.events.forEach((event, index) => {
    if (event !== '*' && !known.has(event))
      throw invalid(
        `events.${index}`,
        `"${event}" is not an event; use "*" or one of: ${[...known].join(', ')}`,
      );
  });
  const hook: WebhookRecord = {
    id: context.newId(),
    url: input.url,
    events: [...new Set(input.events)],
    ...(input.description ? { description: input.description } : {}),
    secret: newSecret(),
    created_at: context.now(),
  };
  context.store.insertWebhook(hook);
  return { ...webhookView(hook), secret: hook.secret };
}

export function listWebhooks(context: EngineContext, actor: Actor): WebhookView[] {
  ownerOnly(actor, 'Webhooks');
  return [...context.store.webhooks.values()].map(webhookView);
}

function webhookOf(context: EngineContext, id: string, actor: Actor): WebhookRecord {
  ownerOnly(actor, 'Webhooks');
  const hook = context.store.webhooks.get(id);
  if (!hook) throw notFound('webhook', id);
  return hook;
}

/** Unregisters the webhook: nothing more is sent to it, not even retries already due. */
export function deleteWebhook(context: EngineContext, id: string, actor: Actor): WebhookView {
  const hook = webhookOf(context, id, actor);
  context.store.removeWebhook(id);
  return webhookView(hook);
}

export function listDeliveries(context: EngineContext, id: string, actor: Actor): DeliveryView[] {
  const hook = webhookOf(context, id, actor);
  return [...context.store.deliveries.values()]
    .filter((delivery) => delivery.webhook_id === hook.id)
    .map(deliveryView);
}

/**
 * An event happened: a delivery for each subscribed webhook, plus an outbox line for each (the
 * project's own `webhooks` URLs too), which is all that the page and msw/node ever do with it.
 */
export function emit(
  context: EngineContext,
  type: string,
  /** A function when building it costs (a booking's view): nothing is built when nobody listens. */
  data: Record<string, unknown> | (() => Record<string, unknown>),
  about: { project?: ProjectRecord | undefined; booking?: BookingRecord; state: string },
): void {
  // Nobody listens (the usual case): nothing to build, not even the helpers below.
  const projectUrls = about.project?.webhooks ?? [];
  if (projectUrls.length === 0 && context.store.webhooks.size === 0) return;
  const now = context.now();
  let built: Record<string, unknown> | undefined;
  const payload = (id: string) => {
    built ??= typeof data === 'function' ? data() : data;
    return JSON.stringify({ id, type, created_at: iso(now), data: built });
  };
  const outbox = (to: string, id: string, body: string) => {
    context.store.appendOutbox({
      id,
      kind: 'webhook',
      to,
      subject: type,
      body,
      ...(about.booking ? { booking_id: about.booking.id } : {}),
      state: about.state,
      created_at: now,
    });
    if (about.booking) log(context, about.booking, `Webhook triggered: ${to}`);
  };
  for (const url of projectUrls) {
    const id = context.newId();
    outbox(url, id, payload(id));
  }
  for (const hook of context.store.webhooks.values()) {
    if (!hook.events.includes('*') && !hook.events.includes(type)) continue;
    const id = context.newId();
    const body = payload(id);
    context.store.insertDelivery({
      id,
      webhook_id: hook.id,
      type,
      created_at: now,
      body,
      state: 'pending',
      attempts: [],
      next_attempt_at: now,
    });
    outbox(hook.url, id, body);
  }
}

/** `booking.<type>` with the booking as the owner sees it (never its customer token). */
export function emitBooking(
  context: EngineContext,
  booking: BookingRecord,
  type = `booking.${booking.state}`,
  extra: Record<string, unknown> = {},
): void {
  emit(context, type, () => ({ booking: view(context, booking, [], SYSTEM), ...extra }), {
    // A project's own URLs hear state changes only, as they always have.
    project: type === `booking.${booking.state}` ? projectOf(context, booking) : undefined,
    booking,
    state: booking.state,
  });
}

/** Deliveries whose next attempt is due at `now`, oldest first. */
export function dueDeliveries(context: EngineContext, now: number): DueDelivery[] {
  const due: DueDelivery[] = [];
  for (const delivery of context.store.deliveries.values()) {
    const hook = context.store.webhooks.get(delivery.webhook_id);
    if (!hook || delivery.state !== 'pending' || (delivery.next_attempt_at ?? Infinity) > now)
      continue;
    due.push({ id: delivery.id, url: hook.url, secret: hook.secret, body: delivery.body });
  }
  return due;
}

/**
 * One attempt's outcome: 2xx delivers; anything else waits the next RETRY_DELAYS_MS step, and
 * once they run out the delivery fails for good. A webhook deleted meanwhile records nothing.
 */
export function recordAttempt(
  context: EngineContext,
  id: string,
  outcome: Omit<DeliveryAttempt, 'at'>,
): DeliveryView | undefined {
  const stored = context.store.deliveries.get(id);
  if (!stored || stored.state !== 'pending') return undefined;
  const delivery = context.store.editDelivery(id);
  const attempt = { at: context.now(), ...outcome };
  delivery.attempts.push(attempt);
  const ok =
    attempt.status_code !== undefined && attempt.status_code >= 200 && attempt.status_code < 300;
  const wait = RETRY_DELAYS_MS[delivery.attempts.length - 1];
  if (ok || wait === undefined) {
    delivery.state = ok ? 'delivered' : 'failed';
    delete delivery.next_attempt_at;
  } else {
    delivery.next_attempt_at = attempt.at + wait;
  }
  if (delivery.state !== 'pending') dropOldFinished(context, delivery.webhook_id);
  return deliveryView(delivery);
}

/**
 * Drops the webhook's finished deliveries beyond KEPT_FINISHED_DELIVERIES, those that finished
 * first (a delivery retried for hours is kept when it finally fails, however old it is). The
 * store journals the drop, so a refused request puts them back where they were.
 */
function dropOldFinished(context: EngineContext, webhookId: string): void {
  const finished: DeliveryRecord[] = [];
  for (const delivery of context.store.deliveries.values())
    if (delivery.webhook_id === webhookId && delivery.state !== 'pending') finished.push(delivery);
  const excess = finished.length - KEPT_FINISHED_DELIVERIES;
  if (excess <= 0) return;
  // A stable sort: deliveries that finished at the same instant go oldest first.
  const byFinish = finished.toSorted((a, b) => finishedAt(a) - finishedAt(b));
  context.store.removeDeliveries(byFinish.slice(0, excess).map((delivery) => delivery.id));
}

function finishedAt(delivery: DeliveryRecord): number {
  return delivery.attempts.at(-1)?.at ?? delivery.created_at;
}
