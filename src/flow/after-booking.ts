import type { Booking } from '../schemas/index.ts';
import { resourceOf, type PaymentHandler } from './settings.ts';
import { problemOf } from './problem.ts';
import { afterCreate, showResult } from './holding.ts';
import type { JourneyHost } from './host.ts';
import type { Notice } from './state.ts';

/**
 * The journey once a booking exists: verify the e-mail, pay, leave the payment, cancel, move it
 * to a new time, open a booking to manage. A chunk of its own in the script tag (imported while
 * the visitor fills in the form, or with a manage link's booking), so the first paint carries
 * none of it. BookingFlow owns the state and hands these functions what they need (host.ts).
 */

/** How the API refuses a manage link's booking and token (a network failure is no such answer). */
const LINK_REFUSALS = ['not_found', 'unauthorized', 'forbidden', 'validation_failed'];

/** The code e-mailed to the visitor. */
export async function verify(host: JourneyHost, code: string): Promise<void> {
  if (host.read().step !== 'verify') return;
  await act(host, 'verify', { verify: { code: code.trim() } }, (booking) =>
    afterCreate(host, booking),
  );
}

/** Takes the payment through `handler`, then registers it with the booking. */
export async function pay(host: JourneyHost, handler: PaymentHandler): Promise<void> {
  const state = host.read();
  if (state.step !== 'payment' || state.busy) return;
  host.write({ ...state, busy: true, error: undefined });
  let input: Record<string, unknown>;
  try {
    input = await handler.pay(state.booking);
  } catch (error) {
    const problem = problemOf(error);
    if (host.read().step === 'payment') host.write({ ...state, busy: false, error: problem });
    host.emit({ type: 'error', detail: { error: problem } });
    return;
  }
  await act(host, 'pay', { pay: input }, (paid) => {
    host.emit({ type: 'booking-paid', detail: { booking: paid } });
    showResult(host, paid);
  });
}

/**
 * Back from payment to the chooser: the reserved time goes back at once (the booking is
 * cancelled where the graph allows it; else its payment window releases it).
 */
export async function leavePayment(host: JourneyHost): Promise<void> {
  const state = host.read();
  if (state.step !== 'payment' || state.busy) return;
  const booking = state.booking;
  host.emit({ type: 'details-closed', detail: {} });
  host.choose();
  // The payment graphs' `release` frees the time at once; a failure leaves it to the window.
  if (booking.possible_actions.includes('release')) {
    await host.client
      .performAction(booking.id, 'release', { release: {} }, host.access())
      .catch(() => undefined);
  }
}

export async function cancel(host: JourneyHost, message: string): Promise<void> {
  const state = host.read();
  if (state.step !== 'manage' || !state.booking || state.busy) return;
  await act(
    host,
    'cancel_by_customer',
    { cancel_by_customer: message ? { message } : {} },
    (booking) => {
      host.write({ step: 'manage', booking, busy: false, banner: { kind: 'cancelled' } });
      host.emit({ type: 'booking-cancelled', detail: { booking } });
      host.cue({ kind: 'cancelled' });
    },
  );
}

/** Moves the booking to the time the visitor picked and confirmed. */
export async function confirmMove(host: JourneyHost): Promise<void> {
  const state = host.read();
  if (state.step !== 'rescheduling' || !state.pendingMove || state.busy) return;
  const slot = state.pendingMove;
  const access = host.access();
  host.write({ ...state, busy: true });
  try {
    const client = host.client;
    const moved = await client.reschedule(
      state.booking.id,
      { start: slot.start, end: slot.end, resource_id: resourceOf(slot) },
      access,
    );
    const newId = moved.related?.rescheduled_to;
    const fresh = newId ? await client.getBooking(newId, access) : moved;
    host.emit({
      type: 'booking-rescheduled',
      detail: { booking: fresh, rescheduledTo: newId ?? fresh.id },
    });
    const before = state.booking.attributes.event_info;
    host.write({
      step: 'manage',
      booking: fresh,
      busy: false,
      ...(before
        ? {
            banner: {
              kind: 'moved',
              from: { start: before.start, end: before.end },
              to: { start: slot.start, end: slot.end },
            },
          }
        : {}),
    });
    host.cue({ kind: 'moved', slot });
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    const notice: Notice = { kind: 'problem', problem };
    host.write({ ...state, busy: false, pendingMove: undefined, notice });
    host.emit({ type: 'error', detail: { error: problem } });
    host.reloadChoices();
  }
}

/** The booking to manage (the flow already shows its step, busy). */
export async function openManage(host: JourneyHost, id: string): Promise<void> {
  try {
    const booking = await host.client.getBooking(id, host.access());
    const until = host.cancellableUntil(booking);
    host.write({
      step: 'manage',
      booking,
      busy: false,
      ...(until ? { cancellableUntil: until } : {}),
    });
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    if (LINK_REFUSALS.includes(problem.code) && host.linkRefused()) return;
    host.write({ step: 'manage', booking: undefined, busy: false, error: problem });
    host.emit({ type: 'error', detail: { error: problem } });
  }
}

/** Runs a customer action on the booking of the current step, with its token. */
async function act(
  host: JourneyHost,
  action: string,
  body: Record<string, unknown>,
  done: (booking: Booking) => void,
): Promise<void> {
  const state = host.read();
  if (state.step !== 'verify' && state.step !== 'payment' && state.step !== 'manage') return;
  const booking = state.booking;
  if (!booking) return;
  host.write({ ...state, busy: true, error: undefined });
  try {
    done(await host.client.performAction(booking.id, action, body, host.access()));
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    if (host.read().step === state.step) host.write({ ...state, busy: false, error: problem });
    host.emit({ type: 'error', detail: { error: problem } });
  }
}
