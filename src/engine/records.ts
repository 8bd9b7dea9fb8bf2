import type { WeeklyHours } from './availability.ts';
import type { RequiredCustomerField } from './customer-input.ts';

/** The engine's stored records: plain JSON-safe data, instants as epoch milliseconds. */

export type BookingStatus = 'checked_in' | 'in_progress' | 'completed' | 'no_show';
export const BOOKING_STATUSES: readonly BookingStatus[] = [
  'checked_in',
  'in_progress',
  'completed',
  'no_show',
];

/** Makeplans' `DELETE /bookings/:id`: a state outside every graph, holding nothing, listed only in `/bookings/all`. */
export const DELETED = 'deleted';

export interface Customer {
  id: string;
  name: string;
  /** Absent only where the project does not require it (`required_customer_fields`). */
  email?: string;
  phone?: string;
  voip?: string;
  timezone?: string;
  /** Custom fields from the widget's form, kept as given. */
  [field: string]: unknown;
}

export interface EventInfo {
  start: number;
  end: number;
  what: string;
  where?: string;
  description?: string;
}

/** Seed 000's audit-log entry; `success` and `data` are strings there, so they are here. */
export interface LogEntry {
  description: string;
  success: 'true' | 'false';
  state: string;
  data: string;
  created_at: number;
}

export interface BookingRecord {
  id: string;
  graph: string;
  state: string;
  status: BookingStatus | null;
  created_at: number;
  updated_at: number;
  created_by: 'owner' | 'public';
  project_id?: string;
  resource_id?: string;
  /** Unset on seat bookings: their event is the class's. */
  event?: EventInfo;
  customers: Customer[];
  settings: Record<string, unknown>;
  related: {
    owner_booking_id?: string;
    seats?: number;
    rescheduled_from?: string;
    rescheduled_to?: string;
  };
  customer_token?: string;
  /** The host page's campaign parameters (`custom_data`): the owner's to read, nobody else's. */
  custom_data?: Record<string, string>;
  collection_id?: string;
  reservation_id?: string;
  /** Makeplans' owner-set attributes (seed 004): a title and notes, the owner's sync id, what was paid. */
  title?: string;
  notes?: string;
  external_id?: string;
  paid_amount?: number;
  logs: LogEntry[];
  /** The automatic transition the clock will trigger (payment or verification timeout). */
  timer?: { at: number; action: string };
  verification?: {
    code: string;
    expires_at: number;
    /** Wrong codes entered so far; at VERIFICATION_ATTEMPTS the verification locks. */
    failed_attempts?: number;
    locked_at?: number;
  };
  /** A chain paused by a step (verification), resumed by an action marked `resumes`. */
  paused?: { action: string; next: number };
  paid_at?: number;
  /** Reminder instants still to send, earliest first (see reminders.ts). */
  reminders?: number[];
}

export type HoldState = 'reserved' | 'converted' | 'released' | 'expired';

export interface HoldRecord {
  id: string;
  state: HoldState;
  project_id?: string;
  resource_id?: string;
  owner_booking_id?: string;
  start: number;
  end: number;
  seats: number;
  /** Seats the class had left when this was held (Appointedd's `max_spaces`); a slot's is 1. */
  max_spaces?: number;
  created_at: number;
  expires_at: number;
  /** The span the hold was made for; one extension adds the same again. */
  span_ms: number;
  extended: boolean;
  booking_id?: string;
}

export interface BusyEvent {
  start: number;
  end: number;
  what: string;
}

export interface ResourceRecord {
  id: string;
  name: string;
  email: string;
  timezone: string;
  weekly_hours: WeeklyHours;
  /** Calendar events that block time (lunch, holidays): what FindTime subtracts. */
  events: BusyEvent[];
  calendar: CalendarRecord;
}

/** Timekit's calendar object (seed 000); all but id and name optional, so older snapshots load. */
export interface CalendarRecord {
  id: string;
  name: string;
  display_name?: string;
  description?: string;
  foregroundcolor?: string;
  backgroundcolor?: string;
  created_at?: number;
  updated_at?: number;
}

export interface ProjectRecord {
  id: string;
  name: string;
  /** The public key a widget embeds for this project. */
  app_key: string;
  /** The graph the widget books with (and the default when a create names none). */
  graph: string;
  /** Every graph the project's widget key may book with; default `[graph]`. */
  graphs?: string[];
  resources: string[];
  owner_email: string;
  availability: {
    length: string;
    timeslot_increments?: string;
    buffer?: string;
    mode: 'roundrobin_random' | 'roundrobin_prioritized' | 'mutual';
    to?: string;
  };
  /** How long a hold lasts: Appointedd's organisation setting. */
  hold_duration: string;
  /** No public booking further ahead than this. */
  booking_horizon: string;
  booking_settings: Record<string, unknown>;
  customer_fields: Record<string, unknown>;
  ui: Record<string, unknown>;
  webhooks: string[];
  /** What the visitor books, in the owner's words (the widget's summary). */
  description?: string;
  /** What one booking costs in integer minor units; for classes, per seat. 0 is free. */
  price?: { amount: number; currency: string };
  /** Where it takes place: an address or room, or online. */
  location?: { type: 'place'; name: string } | { type: 'online' };
  /** Where a customer email's manage link points: a template with `{id}` and `{token}`. */
  manage_url?: string;
  /** How long before the start reminders go out, e.g. `["24 hours", "1 hour"]`. */
  reminders?: string[];
  /** Whether reminders also go by SMS to customers who gave a phone number. */
  sms?: boolean;
  /** Signs the owner's one-click decision links (decisions.ts); never shown to a key. */
  decision_secret?: string;
  /** What a customer must give (customer-input.ts); default Timekit's name and email. */
  required_customer_fields?: RequiredCustomerField[];
  /** How long a waitlist offer's seat hold lasts (default "2 hours"; never past sign-ups closing). */
  waitlist_offer_window?: string;
}

export interface OutboxAttachment {
  filename: string;
  content_type: string;
  content: string;
}

export interface OutboxEntry {
  id: string;
  kind: 'email' | 'webhook' | 'sms';
  to: string;
  subject: string;
  body: string;
  /** Absent on webhook lines about no booking (hold.expired). */
  booking_id?: string;
  state: string;
  created_at: number;
  /** An email's files: the booking's `.ics` invitation or cancellation. */
  attachments?: OutboxAttachment[];
  /** Links the message carries, by name (manage, confirm, decline), so a console can show them. */
  links?: Record<string, string>;
}

export interface CollectionRecord {
  id: string;
  booking_ids: string[];
  recurring: { rrule: string; rdate?: string; exdate?: string };
  created_at: number;
}

/** waiting → offered (a seat hold) → booked, or lapsed (the offer ran out); left; closed with the class. */
export type WaitlistState = 'waiting' | 'offered' | 'booked' | 'lapsed' | 'left' | 'closed';

/** A customer waiting for seats of a sold-out class; the queue is in created_at order. */
export interface WaitlistEntry {
  id: string;
  state: WaitlistState;
  project_id?: string;
  owner_booking_id: string;
  seats: number;
  /** Always with an email: the offer goes by email. */
  customer: Customer & { email: string };
  customer_token: string;
  created_at: number;
  updated_at: number;
  hold_id?: string;
  booking_id?: string;
}
