import type { EngineContext } from './context.ts';
import { projectOf } from './context.ts';
import type { BookingRecord, ResourceRecord } from './records.ts';
import { eventOf } from './views.ts';

/** The audit log, emails and webhooks a booking leaves behind: the outbox the sandbox shows. */

export function log(
  context: EngineContext,
  booking: BookingRecord,
  description: string,
  data = '[]',
  at = context.now(),
): void {
  booking.logs.push({ description, success: 'true', state: booking.state, data, created_at: at });
  booking.updated_at = at;
}

export function send(
  context: EngineContext,
  booking: BookingRecord,
  kind: 'email' | 'webhook',
  to: string,
  subject: string,
  body: string,
): void {
  context.store.appendOutbox({
    id: context.newId(),
    kind,
    to,
    subject,
    body,
    booking_id: booking.id,
    state: booking.state,
    created_at: context.now(),
  });
}

export function resourceOfBooking(
  context: EngineContext,
  booking: BookingRecord,
): ResourceRecord | undefined {
  const { store } = context;
  const resourceId =
    booking.resource_id ?? store.bookings.get(booking.related.owner_booking_id ?? '')?.resource_id;
  return resourceId ? store.resources.get(resourceId) : undefined;
}

function ownerEmail(context: EngineContext, booking: BookingRecord): string {
  return (
    resourceOfBooking(context, booking)?.email ??
    projectOf(context, booking)?.owner_email ??
    'owner@slotkit.invalid'
  );
}

export function fill(context: EngineContext, template: string, booking: BookingRecord): string {
  return template
    .replaceAll('{owner_email}', ownerEmail(context, booking))
    .replaceAll('{customer_email}', booking.customers[0]?.email ?? '')
    .replaceAll('{what}', eventOf(booking, context.views)?.what ?? 'booking');
}

/** Logs the attempt and the delivery as seed 000 shows them, and records the email in the outbox. */
export function email(
  context: EngineContext,
  booking: BookingRecord,
  to: 'owner' | 'customer',
  template: string,
  subject: string,
  input: Record<string, unknown>,
): void {
  const customer = booking.customers[0];
  const address = to === 'owner' ? ownerEmail(context, booking) : customer?.email;
  if (!address) return;
  log(context, booking, `Trying to send (${template}) email to ${to} (${address})...`);
  const event = eventOf(booking, context.views);
  const timeZone =
    (to === 'customer' ? customer?.timezone : undefined) ??
    resourceOfBooking(context, booking)?.timezone ??
    'UTC';
  const lines = [
    to === 'customer' ? `Hi ${customer?.name ?? ''},` : 'Hi,',
    '',
    `${capitalize(template)}: ${event?.what ?? 'booking'}`,
    ...(event ? [`When: ${describeTime(event.start, event.end, timeZone)}`] : []),
    ...(event?.where ? [`Where: ${event.where}`] : []),
    ...(to === 'owner' && customer ? [`Customer: ${customer.name} <${customer.email}>`] : []),
    ...(booking.related.seats ? [`Seats: ${booking.related.seats}`] : []),
    ...(typeof input.code === 'string' ? [`Verification code: ${input.code}`] : []),
    ...(typeof input.message === 'string' && input.message
      ? ['', `Message: ${input.message}`]
      : []),
  ];
  send(context, booking, 'email', address, subject, lines.join('\n'));
  log(context, booking, `Email sent to ${address}!`);
}

/** The log's data column: the customer's message, when there is one. */
export function messageData(input: Record<string, unknown>): string {
  return typeof input.message === 'string' ? JSON.stringify({ message: input.message }) : '[]';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Building an Intl formatter costs far more than using one: keep one per zone.
const emailTimeFormats = new Map<string, Intl.DateTimeFormat>();

function describeTime(start: number, end: number, timeZone: string): string {
  let format = emailTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone });
    emailTimeFormats.set(timeZone, format);
  }
  return `${format.formatRange(new Date(start), new Date(end))} (${timeZone})`;
}
