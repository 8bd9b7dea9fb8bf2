import { formatInstant } from '../lib/time/index.ts';
import { cancelDeadline, signUpWindow } from './capacity.ts';
import type {
  Booking,
  BookingSummary,
  Calendar,
  EventInfo,
  Group,
  GroupBooking,
  Hold,
  LogEntry as WireLogEntry,
  Resource,
} from '../schemas/index.ts';
import type { GraphDefinition } from './graphs/types.ts';
import type {
  BookingRecord,
  HoldRecord,
  LogEntry,
  OutboxEntry,
  ResourceRecord,
} from './records.ts';

/**
 * The wire shapes: what the API returns, built from records. Instants become RFC 3339 strings
 * here and nowhere else. Public views are built field by field so customer data cannot slip in.
 */

// The wire shapes are written once, in src/schemas; the engine builds exactly those.
export type EventInfoView = EventInfo;
export type GroupBookingView = GroupBooking;
export type ResourceView = Resource;
export type BookingSummaryView = BookingSummary;
export type LogView = WireLogEntry;
export type BookingView = Booking;
/** The mock always sends every field of seed 000's calendar. */
export type CalendarView = Calendar &
  Required<Pick<Calendar, 'display_name' | 'description' | 'foregroundcolor' | 'backgroundcolor'>>;
export type GroupView = Group;
export type HoldView = Hold;

export interface OutboxView extends Omit<OutboxEntry, 'created_at'> {
  created_at: string;
}

export interface ViewContext {
  graphs: ReadonlyMap<string, GraphDefinition>;
  resources: ReadonlyMap<string, ResourceRecord>;
  bookings: ReadonlyMap<string, BookingRecord>;
  seatsTaken(classId: string): number;
  seatBookings(classId: string): BookingRecord[];
}

// A response shows the same few instants many times (created, updated, each log line of the
// request, its class's start and end, which every sign-up of the class shows again): each is
// written once. The map is emptied when it grows large, so it never holds more than that.
const isoTexts = new Map<number, string>();

/** An instant in UTC as RFC 3339: `formatInstant(ms)`, remembered. */
export function iso(ms: number): string {
  let text = isoTexts.get(ms);
  if (text === undefined) {
    if (isoTexts.size >= 10_000) isoTexts.clear();
    text = formatInstant(ms);
    isoTexts.set(ms, text);
  }
  return text;
}

/**
 * A deadline (a hold's, a payment or verification window's end) to the millisecond, so nothing
 * lives longer than it says: whole seconds read as before, others carry `.mmm`.
 */
export function deadline(ms: number): string {
  const text = iso(ms);
  const millis = ((ms % 1000) + 1000) % 1000;
  return millis === 0
    ? text
    : `${text.slice(0, 19)}.${String(millis).padStart(3, '0')}${text.slice(19)}`;
}

// Graphs are data fixed when an engine starts (a changed graph is a new object), so what a
// state allows is worked out once per graph and state; every booking view and reminder asks.
const actionsOfState = new WeakMap<GraphDefinition, Map<string, readonly string[]>>();

export function possibleActions(graph: GraphDefinition | undefined, state: string): string[] {
  if (!graph) return [];
  let byState = actionsOfState.get(graph);
  if (!byState) actionsOfState.set(graph, (byState = new Map()));
  let names = byState.get(state);
  if (!names) {
    names = graph.states[state]?.final
      ? []
      : Object.entries(graph.actions)
          .filter(([, action]) => action.by !== 'system' && action.from.includes(state))
          .map(([name]) => name);
    byState.set(state, names);
  }
  // A copy: the caller may keep or change its list (a response does).
  return names.slice();
}

export function summary(booking: BookingRecord, context: ViewContext): BookingSummaryView {
  return {
    id: booking.id,
    graph: booking.graph,
    state: booking.state,
    completed: context.graphs.get(booking.graph)?.states[booking.state]?.final === true,
    created_at: iso(booking.created_at),
    updated_at: iso(booking.updated_at),
  };
}

/** The event a booking is about: its own, or its class's for a seat booking. */
export function eventOf(booking: BookingRecord, context: ViewContext): BookingRecord['event'] {
  if (booking.event) return booking.event;
  const classId = booking.related.owner_booking_id;
  return classId ? context.bookings.get(classId)?.event : undefined;
}

function eventInfo(
  booking: BookingRecord,
  context: ViewContext,
  timeZone = 'UTC',
): EventInfoView | undefined {
  const event = eventOf(booking, context);
  if (!event) return undefined;
  const resource = resourceOf(booking, context);
  const format = timeZone === 'UTC' ? iso : (ms: number) => formatInstant(ms, timeZone);
  return {
    start: format(event.start),
    end: format(event.end),
    what: event.what,
    ...(event.where === undefined ? {} : { where: event.where }),
    ...(event.description === undefined ? {} : { description: event.description }),
    ...(resource ? { calendar_id: resource.calendar.id } : {}),
  };
}

function resourceOf(booking: BookingRecord, context: ViewContext): ResourceRecord | undefined {
  const classId = booking.related.owner_booking_id;
  const resourceId =
    booking.resource_id ?? (classId ? context.bookings.get(classId)?.resource_id : undefined);
  return resourceId ? context.resources.get(resourceId) : undefined;
}

export function resourceView(resource: ResourceRecord): ResourceView {
  return { id: resource.id, name: resource.name, timezone: resource.timezone };
}

/** Colours for calendars that were given none: one per calendar, always the same. */
const CALENDAR_COLOURS = ['#ea1cb8', '#1c7ed6', '#2b8a3e', '#e8590c', '#5f3dc4', '#0b7285'];

// A calendar's colour is asked for in every booking view: hash each id once.
const colourHashes = new Map<string, number>();

function colourHash(id: string): number {
  let hash = colourHashes.get(id);
  if (hash === undefined) {
    hash = [...id].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);
    if (colourHashes.size >= 10_000) colourHashes.clear();
    colourHashes.set(id, hash);
  }
  return hash;
}

/** Timekit's calendar object, as seed 000's booking shows it. */
export function calendarView(resource: ResourceRecord): CalendarView {
  const { calendar } = resource;
  const hash = colourHash(calendar.id);
  return {
    id: calendar.id,
    name: calendar.name,
    display_name: calendar.display_name ?? calendar.name,
    description: calendar.description ?? '',
    foregroundcolor: calendar.foregroundcolor ?? '#ffffff',
    backgroundcolor: calendar.backgroundcolor ?? CALENDAR_COLOURS[hash % CALENDAR_COLOURS.length]!,
    ...(calendar.created_at === undefined ? {} : { created_at: iso(calendar.created_at) }),
    ...(calendar.updated_at === undefined ? {} : { updated_at: iso(calendar.updated_at) }),
  };
}

export function groupBookingView(
  groupClass: BookingRecord,
  context: ViewContext,
): GroupBookingView {
  const maxSeats = Number(groupClass.settings.max_seats ?? 0);
  const current = Math.min(maxSeats, context.seatsTaken(groupClass.id));
  const window = signUpWindow(groupClass);
  return {
    current_seats: current,
    max_seats: maxSeats,
    seats_left: maxSeats - current,
    ...(window.opens === undefined ? {} : { bookable_from: iso(window.opens) }),
    bookable_until: iso(window.closes),
    cancellable_until: iso(cancelDeadline(groupClass)),
  };
}

/**
 * A customer's own copy, as deep as structuredClone's: the fields are strings, numbers and
 * booleans (only a multi-choice field holds an array, cloned), and cloning the whole customer
 * for every view cost more than the rest of the view.
 */
function copyCustomer(customer: BookingRecord['customers'][number]): typeof customer {
  const copy = { ...customer };
  for (const key in copy) {
    const value = copy[key];
    if (typeof value === 'object' && value !== null) copy[key] = structuredClone(value);
  }
  return copy;
}

/** The five fields every line the engine writes has (notify.ts `log`). */
const LOG_FIELDS = 5;

/**
 * Field by field in the record's order: a spread copies the entry's hidden class, whose
 * created_at holds a number, and writing the text over it then changed that class for every
 * stored entry (a sign-up's response lists its eleven lines). A restored snapshot may carry
 * more fields in a line (its check keeps them): those are shown as before, by a spread.
 */
function logView(entry: LogEntry): LogView {
  const createdAt = iso(entry.created_at);
  let fields = 0;
  for (const _key in entry) fields += 1;
  if (fields !== LOG_FIELDS) return { ...entry, created_at: createdAt };
  return {
    description: entry.description,
    success: entry.success,
    state: entry.state,
    data: entry.data,
    created_at: createdAt,
  };
}

/** `custom_data` is never asked for over HTTP: the engine adds it for the owner's eyes only. */
export type BookingInclude = 'logs' | 'related_bookings' | 'custom_data';

export function bookingView(
  booking: BookingRecord,
  context: ViewContext,
  include: ReadonlySet<BookingInclude> = new Set(),
): BookingView {
  const graph = context.graphs.get(booking.graph);
  const resource = resourceOf(booking, context);
  const event = eventInfo(booking, context);
  const attributes: BookingView['attributes'] = {};
  if (event) attributes.event_info = event;
  if (graph?.kind === 'class') attributes.group_booking = groupBookingView(booking, context);
  // Field by field, in the wire order: a literal of a dozen conditional spreads cost this view
  // most of its time (each spread is a runtime copy), and it is built for every response.
  const view: Partial<BookingView> = summary(booking, context);
  view.status = booking.status;
  view.possible_actions = possibleActions(graph, booking.state);
  view.attributes = attributes;
  if (resource) {
    view.calendar = calendarView(resource);
    view.resource = resourceView(resource);
  }
  view.customers = booking.customers.map(copyCustomer);
  view.related = { ...booking.related };
  view.settings = { ...booking.settings };
  if (booking.project_id) view.project_id = booking.project_id;
  if (booking.collection_id) view.collection_id = booking.collection_id;
  if (booking.timer) view.expires_at = deadline(booking.timer.at);
  if (booking.paid_at !== undefined) view.paid_at = iso(booking.paid_at);
  const ownerMessage = ownerMessageOf(booking, graph);
  if (ownerMessage !== undefined) view.owner_message = ownerMessage;
  if (booking.reminders?.length) view.reminder_at = iso(booking.reminders[0]!);
  // Makeplans' `active`: the booking holds its time or seats.
  view.active = graph?.states[booking.state]?.holds === true;
  if (booking.title !== undefined) view.title = booking.title;
  if (booking.notes !== undefined) view.notes = booking.notes;
  if (booking.external_id !== undefined) view.external_id = booking.external_id;
  if (booking.paid_amount !== undefined) view.paid_amount = booking.paid_amount;
  if (include.has('custom_data') && booking.custom_data)
    view.custom_data = { ...booking.custom_data };
  if (include.has('logs')) view.logs = booking.logs.map(logView);
  if (include.has('related_bookings')) {
    const related =
      graph?.kind === 'class'
        ? context.seatBookings(booking.id)
        : [
            booking.related.owner_booking_id,
            booking.related.rescheduled_from,
            booking.related.rescheduled_to,
          ]
            .map((id) => (id ? context.bookings.get(id) : undefined))
            .filter((found): found is BookingRecord => found !== undefined);
    view.related_bookings = related.map((other) => summary(other, context));
  }
  return view as BookingView;
}

/**
 * The owner's message to the customer when an owner's action ended the booking (cancel,
 * decline): until now only the e-mail carried it; the customer's manage view shows it too.
 * It is the message the ending action logged, never one the customer wrote earlier.
 */
function ownerMessageOf(
  booking: BookingRecord,
  graph: GraphDefinition | undefined,
): string | undefined {
  if (!graph?.states[booking.state]?.final) return undefined;
  const endedByOwner = Object.values(graph.actions).some(
    (action) => action.by === 'owner' && action.steps.at(-1)?.to === booking.state,
  );
  if (!endedByOwner) return undefined;
  // The ending action's logs share its instant: an older message (the customer's) is not it.
  const endedAt = booking.logs.at(-1)?.created_at;
  for (const entry of booking.logs.toReversed()) {
    if (entry.created_at !== endedAt) break;
    const message = messageOf(entry.data);
    if (message) return message;
  }
  return undefined;
}

/**
 * The message an action came with (its body, or a log's data column): one without visible text
 * is no message, in the log, the email and the manage view alike.
 */
export function messageIn(input: { message?: unknown }): string | undefined {
  return typeof input.message === 'string' && input.message.trim() ? input.message : undefined;
}

/** The message a log's data column holds (notify.ts `messageData`), if any. */
function messageOf(data: string): string | undefined {
  if (!data.startsWith('{')) return undefined;
  try {
    return messageIn(JSON.parse(data) as { message?: unknown });
  } catch {
    return undefined;
  }
}

/** A class as anyone may see it: event, seats and rules, and never who signed up. */
export function groupView(
  groupClass: BookingRecord,
  context: ViewContext,
  timeZone?: string,
): GroupView {
  const resource = resourceOf(groupClass, context);
  return {
    ...summary(groupClass, context),
    attributes: {
      event_info: eventInfo(groupClass, context, timeZone)!,
      group_booking: groupBookingView(groupClass, context),
    },
    ...(resource ? { resource: resourceView(resource) } : {}),
  };
}

export function holdView(hold: HoldRecord, now: number): HoldView {
  return {
    id: hold.id,
    state: hold.state,
    start: iso(hold.start),
    end: iso(hold.end),
    seats: hold.seats,
    // Appointedd's reservation fields: how many seats it could have held, and whether more fit.
    max_spaces: hold.max_spaces ?? hold.seats,
    allow_additional_spaces: (hold.max_spaces ?? hold.seats) > hold.seats,
    expires_at: deadline(hold.expires_at),
    created_at: iso(hold.created_at),
    extended: hold.extended,
    can_extend: hold.state === 'reserved' && !hold.extended && hold.expires_at > now,
    ...(hold.resource_id ? { resource_id: hold.resource_id } : {}),
    ...(hold.owner_booking_id
      ? { group_id: hold.owner_booking_id, related: { owner_booking_id: hold.owner_booking_id } }
      : {}),
    ...(hold.booking_id ? { booking_id: hold.booking_id } : {}),
  };
}

export function outboxView(entry: OutboxEntry): OutboxView {
  return { ...entry, created_at: iso(entry.created_at) };
}
