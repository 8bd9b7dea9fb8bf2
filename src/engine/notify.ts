import type { EngineContext } from './context.ts';
import { projectOf } from './context.ts';
import { flat } from './flat-text.ts';
import {
  companionOf,
  draftEmail,
  renderEmail,
  type EmailContent,
  type EmailDraft,
} from './emails.ts';
import type { BookingRecord, OutboxEntry, ResourceRecord } from './records.ts';
import type { UnwrittenText } from './store.ts';
import { eventOf, messageIn } from './views.ts';

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
  kind: 'email' | 'webhook' | 'sms',
  to: string,
  subject: string,
  body: string,
  extra: Omit<EmailContent, 'body'> = {},
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
    ...extra,
  });
}

/** A text message: reminders and SMS verification codes (no audit-log lines, as seed 000 has none). */
export function sendSms(
  context: EngineContext,
  booking: BookingRecord,
  phone: string,
  text: string,
): void {
  send(context, booking, 'sms', phone, text, text);
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
  // Each value is looked up only when the template names it (most name one, or none).
  let text = template;
  if (text.includes('{owner_email}'))
    text = text.replaceAll('{owner_email}', ownerEmail(context, booking));
  if (text.includes('{customer_email}'))
    text = text.replaceAll('{customer_email}', booking.customers[0]?.email ?? '');
  if (text.includes('{what}'))
    text = text.replaceAll('{what}', eventOf(booking, context.views)?.what ?? 'booking');
  return text;
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
  log(
    context,
    booking,
    flat('Trying to send (', template, ') email to ', to, ' (', address, ')...'),
  );
  const timeZone = to === 'customer' ? customerZone(context, booking) : ownerZone(context, booking);
  sendDraft(
    context,
    booking,
    address,
    subject,
    draftEmail(context, booking, to, template, input, timeZone),
  );
  log(context, booking, flat('Email sent to ', address, '!'));
  const companion = companionOf(context, template, booking);
  if (companion && customer?.email) {
    const zone = customerZone(context, booking);
    const draft = draftEmail(context, booking, 'customer', companion.template, input, zone);
    sendDraft(context, booking, customer.email, companion.subject, draft);
  }
}

/**
 * An email in the outbox whose text and `.ics` file are written when first read, from what the
 * draft read at sending time: a sign-up sends two, and the outbox is read far less often than
 * it is written. The entry's keys and bytes are those `send` would have stored.
 */
function sendDraft(
  context: EngineContext,
  booking: BookingRecord,
  to: string,
  subject: string,
  draft: EmailDraft,
): void {
  // Placeholders keep the keys where `send` puts them; EmailText fills them in. One literal
  // each way: a key added afterwards grows the entry a second block of memory.
  const id = context.newId();
  const at = context.now();
  const entry: OutboxEntry = draft.invite
    ? {
        id,
        kind: 'email',
        to,
        subject,
        body: '',
        booking_id: booking.id,
        state: booking.state,
        created_at: at,
        attachments: [],
      }
    : {
        id,
        kind: 'email',
        to,
        subject,
        body: '',
        booking_id: booking.id,
        state: booking.state,
        created_at: at,
      };
  if (draft.links) entry.links = draft.links;
  context.store.appendUnwritten(new EmailText(entry, draft));
}

class EmailText implements UnwrittenText {
  constructor(
    readonly entry: OutboxEntry,
    private readonly draft: EmailDraft,
  ) {}

  write(): void {
    const { body, attachments } = renderEmail(this.draft);
    this.entry.body = body;
    if (attachments) this.entry.attachments = attachments;
  }
}

function ownerZone(context: EngineContext, booking: BookingRecord): string {
  return resourceOfBooking(context, booking)?.timezone ?? 'UTC';
}

/** The customer's own zone when the widget sent it, else the resource's. */
export function customerZone(context: EngineContext, booking: BookingRecord): string {
  return booking.customers[0]?.timezone ?? ownerZone(context, booking);
}

/** The log's data column: the customer's message, when there is one. */
export function messageData(input: Record<string, unknown>): string {
  const message = messageIn(input);
  return message === undefined ? '[]' : JSON.stringify({ message });
}
