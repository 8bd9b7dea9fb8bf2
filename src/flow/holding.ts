import type { Booking, CreateBookingRequest, Hold, ReserveRequest } from '../schemas/index.ts';
import { parseInstant } from '../lib/time/index.ts';
import { PAYMENT_GRAPHS } from './graphs.ts';
import { forwardedParams } from './forward.ts';
import { problemOf } from './problem.ts';
import { resourceOf, type FlowSettings } from './settings.ts';
import type { JourneyHost } from './host.ts';
import type { CustomerValues, FlowState, Held, Notice } from './state.ts';

/**
 * The journey from a chosen time (or class) to a booking: hold it, fill in the form under the
 * hold, book, and where the new booking goes (verify, payment or the result). A chunk of its own
 * in the script tag, imported when the choices are on screen (BookingFlow.prefetch) or at the
 * latest when the visitor chooses, so the first paint carries none of it.
 */

const TAKEN = ['slot_unavailable', 'sold_out'];

type Details = Extract<FlowState, { step: 'details' }>;

export async function reserve(host: JourneyHost, body: ReserveRequest, held: Held): Promise<void> {
  const state = host.read();
  if (state.step !== 'choose') return;
  host.write({ ...state, busy: true, notice: undefined });
  try {
    const hold = await host.client.reserve(body, { signal: host.access().signal });
    host.memory.heldGroup = held.kind === 'class' ? held.group : undefined;
    host.emit({ type: 'hold-created', detail: { hold } });
    enterDetails(host, hold, held);
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    const notice: Notice = TAKEN.includes(problem.code)
      ? { kind: held.kind === 'slot' ? 'slot-taken' : 'class-full' }
      : { kind: 'problem', problem };
    host.emit({ type: 'error', detail: { error: problem } });
    const now = host.read();
    if (now.step === 'choose') host.write({ ...now, busy: false, notice });
    host.reloadChoices();
  }
}

/** The form under `hold`, with what the visitor typed so far. */
export function enterDetails(host: JourneyHost, hold: Hold, held: Held): void {
  host.write({
    step: 'details',
    hold,
    held,
    values: host.memory.values,
    submitting: false,
    extending: false,
    fieldErrors: [],
  });
  const now = host.client.serverNow();
  const expires = parseInstant(hold.expires_at) ?? now;
  host.cue({ kind: 'hold-created', minutes: Math.round((expires - now) / 60_000) });
}

/** More time on the hold, once, where the project allows it. */
export async function extendHold(host: JourneyHost): Promise<void> {
  const state = host.read();
  if (state.step !== 'details' || state.extending) return;
  host.write({ ...state, extending: true });
  try {
    const hold = await host.client.extendHold(state.hold.id, { signal: host.access().signal });
    patchDetails(host, state.hold.id, { hold, extending: false });
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    patchDetails(host, state.hold.id, { error: problem, extending: false });
    host.emit({ type: 'error', detail: { error: problem } });
  }
}

export async function submit(host: JourneyHost, values: CustomerValues): Promise<void> {
  const state = host.read();
  const settings = host.settings();
  if (state.step !== 'details' || state.submitting || !settings) return;
  host.memory.values = { ...values };
  const request = bookingRequest(host, settings, state.hold.id, state.held, values);
  host.write({ ...state, values, submitting: true, fieldErrors: [], error: undefined });
  host.emit({ type: 'form-submitted', detail: { values } });
  host.emit({ type: 'booking-requested', detail: { request } });
  try {
    const booking = await host.client.createBooking(request, {
      // One key per hold and body: a retry of the same request never books twice.
      idempotencyKey: `${state.hold.id}-${hash(JSON.stringify(request))}`,
      signal: host.access().signal,
    });
    afterCreate(host, booking);
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    host.emit({ type: 'booking-failed', detail: { error: problem } });
    if (problem.code === 'hold_expired') {
      host.emit({ type: 'details-closed', detail: {} });
      host.choose({ kind: 'hold-expired' });
    } else if (problem.code === 'validation_failed' && problem.details?.length) {
      patchDetails(host, state.hold.id, { submitting: false, fieldErrors: problem.details });
    } else if (TAKEN.includes(problem.code)) {
      host.choose({ kind: problem.code === 'sold_out' ? 'class-full' : 'slot-taken' });
    } else {
      patchDetails(host, state.hold.id, { submitting: false, error: problem });
    }
  }
}

function bookingRequest(
  host: JourneyHost,
  settings: FlowSettings,
  holdId: string,
  held: Held,
  values: CustomerValues,
): CreateBookingRequest {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const customer = {
    ...values,
    name: text(values.name),
    email: text(values.email),
    timezone: host.timeZone(),
  };
  const { forward, customData = forward && forwardedParams(forward.search, forward.setting) } =
    host.options;
  const slot = held.kind === 'slot' ? held.slot : undefined;
  const resourceId = slot && resourceOf(slot);
  return {
    graph: settings.graph,
    reservation_id: holdId,
    customer,
    ...(customData ? { custom_data: { ...customData } } : {}),
    ...(settings.projectId ? { project_id: settings.projectId } : {}),
    ...(slot
      ? {
          resource_id: resourceId,
          event: { start: slot.start, end: slot.end, what: settings.what, resource_id: resourceId },
        }
      : {}),
  };
}

/** A created (or verified) booking's next step: verify, payment or the result. */
export function afterCreate(host: JourneyHost, booking: Booking): void {
  const memory = host.memory;
  memory.token = booking.customer_token ?? memory.token;
  // "Book another" starts from the host's prefill again, not from the last visitor's answers.
  memory.values = { ...host.options.prefill };
  host.emit({ type: 'booking-created', detail: { booking } });
  if (booking.state === 'awaiting_verification') {
    host.write({ step: 'verify', booking, busy: false });
    host.cue({ kind: 'verify' });
  } else if (PAYMENT_GRAPHS.includes(booking.graph) && booking.state === 'tentative') {
    host.emit({ type: 'payment-required', detail: { booking, expiresAt: booking.expires_at } });
    host.write({ step: 'payment', booking, busy: false });
    host.cue({ kind: 'payment' });
  } else {
    showResult(host, booking);
  }
}

export function showResult(host: JourneyHost, booking: Booking): void {
  const until = host.cancellableUntil(booking);
  host.write({ step: 'result', booking, ...(until ? { cancellableUntil: until } : {}) });
  host.cue({ kind: 'result', booking });
}

/**
 * Asks the API again for the hold or the booking the step shows (the sandbox, after moving the
 * engine's clock): a payment window that ended goes back to the chooser.
 */
export async function refresh(host: JourneyHost): Promise<void> {
  const state = host.read();
  const access = host.access();
  try {
    if (state.step === 'details') {
      const hold = await host.client.getHold(state.hold.id, { signal: access.signal });
      patchDetails(host, state.hold.id, { hold });
    } else if ('booking' in state && state.booking && access.customerToken) {
      follow(host, await host.client.getBooking(state.booking.id, access));
    }
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code !== 'aborted') host.emit({ type: 'error', detail: { error: problem } });
  }
}

/** The booking moved on by itself (payment window ended, owner acted): follow it. */
function follow(host: JourneyHost, booking: Booking): void {
  const state = host.read();
  if (!('booking' in state) || state.booking?.id !== booking.id) return;
  if (state.step === 'payment' && booking.state !== 'tentative') {
    if (booking.state === 'paid') {
      showResult(host, booking);
    } else {
      host.emit({ type: 'details-closed', detail: {} });
      host.choose({ kind: 'payment-expired' });
    }
    return;
  }
  host.write({ ...state, booking });
}

function patchDetails(host: JourneyHost, holdId: string, change: Partial<Details>): void {
  const state = host.read();
  if (state.step === 'details' && state.hold.id === holdId) host.write({ ...state, ...change });
}

/** A short stable hash (FNV-1a) for idempotency keys. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 0).toString(36);
}
