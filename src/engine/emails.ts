import { calendarFile, type CalendarEvent } from '../lib/calendar-file.ts';
import { projectOf, type EngineContext } from './context.ts';
import { decisionLinks } from './decisions.ts';
import { flat } from './flat-text.ts';
import type { GraphDefinition } from './graphs/types.ts';
import type { BookingRecord, OutboxAttachment } from './records.ts';
import { eventOf, messageIn, possibleActions } from './views.ts';

/**
 * What each email says: the words for every template the graphs name, the time in the
 * recipient's zone with the zone named, the customer's manage link, the owner's one-click
 * decision links, and the `.ics` invitation (REQUEST) or cancellation (CANCEL) for bookings
 * that hold time. notify.ts sends; this module only writes.
 */

export interface EmailContent {
  body: string;
  attachments?: OutboxAttachment[];
}

type Recipient = 'owner' | 'customer';
type Invite = 'REQUEST' | 'CANCEL';

interface Template {
  /** The first line after the greeting. */
  intro: string;
  /** The calendar file this email carries, if any. */
  invite?: Invite;
  /** Old → new times (the booking's reschedule target). */
  moved?: boolean;
}

/** Keyed by the graphs' template names (and the companions below). */
const TEMPLATES: Record<string, Template> = {
  'new booking': { intro: 'You have a new booking.', invite: 'REQUEST' },
  'booking confirmation': { intro: 'You are booked. See you there!', invite: 'REQUEST' },
  'confirm/decline': {
    intro: 'A new booking request is waiting for your decision. Confirm or decline it below.',
  },
  'request received': {
    intro:
      'We have received your request. The time is held for you while the host decides; we will email you as soon as they do.',
  },
  'confirmed notification': { intro: 'Your booking is confirmed.', invite: 'REQUEST' },
  'declined notification': { intro: 'Sorry, your booking request was declined.' },
  'cancelled notification': { intro: 'Your booking was cancelled by the host.', invite: 'CANCEL' },
  'cancelled by owner notification': {
    intro: 'Your booking was cancelled by the host.',
    invite: 'CANCEL',
  },
  'cancelled by customer notification': {
    intro: 'The customer cancelled this booking.',
    invite: 'CANCEL',
  },
  'cancellation receipt': {
    intro: 'You cancelled this booking. Nothing more is needed from you.',
    invite: 'CANCEL',
  },
  'rescheduled notification': {
    intro: 'The customer moved this booking.',
    invite: 'REQUEST',
    moved: true,
  },
  rescheduled: { intro: 'Your booking was moved.', invite: 'REQUEST', moved: true },
  'payment request': { intro: 'Your time is held until you pay. Complete the payment to book it.' },
  'payment receipt': {
    intro: 'Thank you: your payment was received and you are booked.',
    invite: 'REQUEST',
  },
  'payment expired': {
    intro: 'The payment window ran out before a payment arrived, so the time was released.',
  },
  'verification code': { intro: 'Enter this code to finish your booking.' },
  reminder: { intro: 'A reminder of your upcoming booking.' },
};

/**
 * Emails the graphs do not name as steps (their audit-log lines are fixed by seed 000): the
 * customer's copy of an owner notification, sent with it.
 */
const COMPANIONS: Record<string, { template: string; subject: string }> = {
  'confirm/decline': { template: 'request received', subject: 'Request received: {what}' },
  'cancelled by customer notification': {
    template: 'cancellation receipt',
    subject: 'You cancelled: {what}',
  },
  'rescheduled notification': { template: 'rescheduled', subject: 'Booking moved: {what}' },
};

export function companionOf(
  context: EngineContext,
  template: string,
  booking: BookingRecord,
): { template: string; subject: string } | undefined {
  const companion = COMPANIONS[template];
  // A moved booking's new request: the customer already got "rescheduled" from the old one.
  if (!companion || (template === 'confirm/decline' && booking.related.rescheduled_from))
    return undefined;
  const what = eventOf(booking, context.views)?.what ?? 'booking';
  return { template: companion.template, subject: companion.subject.replace('{what}', what) };
}

/** Templates of a create chain that a move replaces with the "rescheduled" pair. */
const REPLACED_ON_MOVE = new Set(['new booking', 'booking confirmation']);

/** Step toggles that switch those emails off in a moved booking's create chain. */
export function quietOnMove(graph: GraphDefinition): Record<string, { enabled: false }> {
  const quiet: Record<string, { enabled: false }> = {};
  for (const step of graph.actions[graph.createAction]?.steps ?? [])
    if (
      step.optional &&
      step.effect?.type === 'email' &&
      REPLACED_ON_MOVE.has(step.effect.template)
    )
      quiet[step.name] = { enabled: false };
  return quiet;
}

/**
 * What an email says, read from the store when it is sent: plain values only, so the text
 * written from it later (a lazy outbox entry, notify.ts) is the text that would have been
 * written then, whatever the booking, its class or its project became since.
 */
export interface EmailDraft {
  /** The greeting's name: the customer's for the customer, none for the owner. */
  greeting?: string;
  intro: string;
  waiting: boolean;
  what: string;
  /** The times, written when sent (describeTime is cached; an unknown zone fails the request). */
  was?: string;
  when?: string;
  where?: string;
  customer?: string;
  seats?: number;
  code?: string;
  message?: string;
  /** Absent when the email carries none (the owner's usually). */
  links?: Record<string, string>;
  manage?: string;
  /** The `.ics` file's event; its method says invitation (REQUEST) or cancellation (CANCEL). */
  invite?: CalendarEvent & { method: Invite };
}

/** Reads what an email says; cheap (no text is written), so it is done when the email is sent. */
export function draftEmail(
  context: EngineContext,
  booking: BookingRecord,
  to: Recipient,
  template: string,
  input: Record<string, unknown>,
  timeZone: string,
): EmailDraft {
  const known = TEMPLATES[template];
  const customer = booking.customers[0];
  const moved = known?.moved ? movedTo(context, booking) : undefined;
  const shown = moved ?? booking;
  const event = eventOf(shown, context.views);
  const previous = moved ? eventOf(booking, context.views) : undefined;
  const manage = to === 'customer' ? manageLink(context, shown) : undefined;
  // Most emails carry no links: no object for them.
  const links =
    manage || template === 'confirm/decline'
      ? {
          ...(manage ? { manage } : {}),
          ...(template === 'confirm/decline' ? decisionLinks(context, booking) : {}),
        }
      : undefined;
  const waiting = moved !== undefined && awaitsHost(context, moved);
  const invite = known?.invite && !waiting ? known.invite : undefined;
  // One literal of every field (undefined when absent): a draft lives as long as its unread
  // outbox entry, and fields added one by one would each grow a second block of memory.
  return {
    greeting: to === 'customer' ? (customer?.name ?? '') : undefined,
    intro: known?.intro ?? `${capitalize(template)}.`,
    waiting,
    what: event?.what ?? 'booking',
    was: previous ? describeTime(previous.start, previous.end, timeZone) : undefined,
    when: event ? describeTime(event.start, event.end, timeZone) : undefined,
    where: event?.where ? event.where : undefined,
    customer: to === 'owner' && customer ? customerLine(customer) : undefined,
    seats: booking.related.seats ? booking.related.seats : undefined,
    code: typeof input.code === 'string' ? input.code : undefined,
    message: messageIn(input)?.trim(),
    links: links && Object.keys(links).length ? links : undefined,
    manage,
    invite: invite && event ? invitationEvent(context, shown, invite) : undefined,
  };
}

/** The words, file and links of a drafted email: the same text whenever it is written. */
export function renderEmail(draft: EmailDraft): EmailContent {
  const { links } = draft;
  const lines = [
    draft.greeting === undefined ? 'Hi,' : `Hi ${draft.greeting},`,
    '',
    draft.intro,
    ...(draft.waiting ? ['The new time waits for the host to confirm it.'] : []),
    '',
    `What: ${draft.what}`,
    ...(draft.was === undefined ? [] : [`Was: ${draft.was}`]),
    ...(draft.when === undefined
      ? []
      : [`${draft.was === undefined ? 'When' : 'Now'}: ${draft.when}`]),
    ...(draft.where ? [`Where: ${draft.where}`] : []),
    ...(draft.customer === undefined ? [] : [`Customer: ${draft.customer}`]),
    ...(draft.seats ? [`Seats: ${draft.seats}`] : []),
    ...(draft.code === undefined ? [] : [`Verification code: ${draft.code}`]),
    ...(draft.message ? ['', `Message: ${draft.message}`] : []),
    ...(links?.confirm ? ['', `Confirm: ${links.confirm}`, `Decline: ${links.decline}`] : []),
    ...(draft.manage ? ['', `View, move or cancel your booking: ${draft.manage}`] : []),
  ];
  return {
    body: lines.join('\n'),
    ...(draft.invite ? { attachments: [invitationFile(draft.invite)] } : {}),
  };
}

/** The SMS text of a reminder or verification code: short, time and zone named. */
export function writeSms(
  context: EngineContext,
  booking: BookingRecord,
  text: string,
  timeZone: string,
): string {
  const event = eventOf(booking, context.views);
  const when = event ? ` ${describeTime(event.start, event.end, timeZone)}` : '';
  const manage = manageLink(context, booking);
  return `${text}: ${event?.what ?? 'booking'}${when}${manage ? ` ${manage}` : ''}`;
}

/** The project's manage_url with this booking's id and token, when both exist. */
export function manageLink(context: EngineContext, booking: BookingRecord): string | undefined {
  const template = projectOf(context, booking)?.manage_url;
  if (!template || !booking.customer_token) return undefined;
  return template
    .replaceAll('{id}', encodeURIComponent(booking.id))
    .replaceAll('{token}', encodeURIComponent(booking.customer_token));
}

/** The booking a reschedule created (the old booking names it once it is moved). */
function movedTo(context: EngineContext, booking: BookingRecord): BookingRecord | undefined {
  const id = booking.related.rescheduled_to;
  return id ? context.store.bookings.get(id) : undefined;
}

/** A moved confirm_decline request holds its new time but is not booked until confirmed. */
function awaitsHost(context: EngineContext, booking: BookingRecord): boolean {
  return possibleActions(context.graphs.get(booking.graph), booking.state).includes('confirm');
}

/**
 * One UID for a booking and every booking it was moved to (the first one's id + UID_SUFFIX),
 * and a SEQUENCE that grows with each move, so a calendar updates the same entry rather than
 * adding another: the booking a chain of moves started from, and how many moves since.
 */
function firstOfMoves(
  context: EngineContext,
  booking: BookingRecord,
): { first: BookingRecord; sequence: number } {
  let first = booking;
  let moves = 0;
  for (
    let previous = context.store.bookings.get(first.related.rescheduled_from ?? '');
    previous && moves < 1000;
    previous = context.store.bookings.get(previous.related.rescheduled_from ?? '')
  ) {
    first = previous;
    moves += 1;
  }
  return { first, sequence: moves };
}

type Invitation = CalendarEvent & { method: Invite };

const UID_SUFFIX = '@slotkit';

// A sign-up's two emails carry the same invitation: the last one is shared while it is equal.
let lastInvitation: Invitation | undefined;

/**
 * The invitation's event, read when the email is sent (the file is written from it later).
 * Nothing changes an invitation once made, so an equal one is the same object.
 */
function invitationEvent(
  context: EngineContext,
  booking: BookingRecord,
  method: Invite,
): Invitation {
  const event = eventOf(booking, context.views)!;
  const { first, sequence } = firstOfMoves(context, booking);
  const organizer = projectOf(context, booking)?.owner_email;
  // The fields, every one present (undefined when absent: the file skips those).
  const fields = {
    start: event.start,
    end: event.end,
    summary: event.what,
    location: event.where ? event.where : undefined,
    description: event.description ? event.description : undefined,
    stamp: context.now(),
    method,
    // A cancellation outranks the invitation it cancels.
    sequence: method === 'CANCEL' ? sequence + 1 : sequence,
    organizer: organizer ? organizer : undefined,
  };
  const last = lastInvitation;
  if (last && isUidOf(last.uid, first.id) && sameFields(last, fields)) return last;
  return (lastInvitation = { uid: flat(first.id, UID_SUFFIX), ...fields });
}

/** Whether `uid` is the one `id` gives, read without writing it. */
function isUidOf(uid: string, id: string): boolean {
  return (
    uid.length === id.length + UID_SUFFIX.length && uid.startsWith(id) && uid.endsWith(UID_SUFFIX)
  );
}

function sameFields(a: Invitation, b: Omit<Invitation, 'uid'>): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.summary === b.summary &&
    a.location === b.location &&
    a.description === b.description &&
    a.stamp === b.stamp &&
    a.method === b.method &&
    a.sequence === b.sequence &&
    a.organizer === b.organizer
  );
}

function invitationFile(event: Invitation): OutboxAttachment {
  const { method } = event;
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    content_type: `text/calendar; charset=utf-8; method=${method}`,
    content: calendarFile(event),
  };
}

function customerLine(customer: BookingRecord['customers'][number]): string {
  return flat(
    customer.name,
    customer.email ? flat(' <', customer.email, '>') : '',
    customer.phone ? flat(', phone ', customer.phone) : '',
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Building an Intl formatter costs far more than using one: keep one per zone.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

// formatRange is slow (tens of microseconds) and a class's sign-ups all describe the same time:
// remembered by zone, then start, without building a key string for every email.
const described = new Map<string, Map<number, { end: number; text: string }>>();
let describedCount = 0;

export function describeTime(start: number, end: number, timeZone: string): string {
  let byStart = described.get(timeZone);
  const known = byStart?.get(start);
  if (known?.end === end) return known.text;
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone });
    timeFormats.set(timeZone, format);
  }
  const text = `${format.formatRange(new Date(start), new Date(end))} (${timeZone})`;
  if (describedCount >= 5_000) {
    described.clear();
    describedCount = 0;
    byStart = undefined;
  }
  if (!byStart) described.set(timeZone, (byStart = new Map()));
  byStart.set(start, { end, text });
  describedCount += 1;
  return text;
}
