import { projectOf, type EngineContext } from './context.ts';
import { parseDuration } from './duration.ts';
import { writeSms } from './emails.ts';
import { customerZone, email, sendSms } from './notify.ts';
import type { BookingRecord } from './records.ts';
import { eventOf, possibleActions } from './views.ts';

/**
 * The project's `reminders` ("24 hours", "1 hour" before the start), queued on the engine's
 * clock like holds and payment windows. A booking keeps the instants still to send; every time
 * it comes to rest they are worked out again, so a cancelled booking (final) drops them and a
 * moved one (a new booking) gets its own. Stale queue entries are skipped when popped.
 */

/** Called whenever a booking comes to rest in a state. */
export function scheduleReminders(context: EngineContext, booking: BookingRecord): void {
  delete booking.reminders;
  const instants = reminderInstants(context, booking);
  if (!instants.length) return;
  booking.reminders = instants;
  for (const at of instants) context.timers.push({ at, kind: 'reminder', id: booking.id });
}

function reminderInstants(context: EngineContext, booking: BookingRecord): number[] {
  // Most projects send none: asked first, as it is the cheapest question.
  const offsets = projectOf(context, booking)?.reminders ?? [];
  if (!offsets.length) return [];
  const graph = context.graphs.get(booking.graph);
  const state = graph?.states[booking.state];
  // Only bookings that are booked: holding time, not waiting on a payment, code or the host.
  if (!state?.holds || state.timeout || !booking.customers.length) return [];
  if (possibleActions(graph, booking.state).includes('confirm')) return [];
  const event = eventOf(booking, context.views);
  if (!event) return [];
  const now = context.now();
  const instants = offsets
    .map((offset) => event.start - (parseDuration(offset) ?? 0))
    .filter((at) => at > now);
  return [...new Set(instants)].sort((a, b) => a - b);
}

/** A reminder's instant came: email (and SMS when the project sends them) to the customer. */
export function sendReminder(context: EngineContext, id: string, at: number): void {
  const stored = context.store.bookings.get(id);
  if (!stored?.reminders?.includes(at)) return;
  const booking = context.store.editBooking(id);
  booking.reminders = booking.reminders!.filter((instant) => instant !== at);
  if (!booking.reminders.length) delete booking.reminders;
  email(
    context,
    booking,
    'customer',
    'reminder',
    `Reminder: ${eventOf(booking, context.views)?.what ?? 'your booking'}`,
    {},
  );
  const customer = booking.customers[0];
  if (projectOf(context, booking)?.sms && customer?.phone) {
    const text = writeSms(context, booking, 'Reminder', customerZone(context, booking));
    sendSms(context, booking, customer.phone, text);
  }
}

/** After a snapshot is loaded: queue what its bookings still have to send. */
export function requeueReminders(context: EngineContext): void {
  for (const booking of context.store.bookings.values())
    for (const at of booking.reminders ?? [])
      context.timers.push({ at, kind: 'reminder', id: booking.id });
}
