import * as z from 'zod/mini';
import { count, dict, id, instant, oneOf, resource } from './common.ts';
import { eventInfo, groupBooking, summaryShape } from './group.ts';

export {
  eventInfo,
  group,
  groupBooking,
  type EventInfo,
  type Group,
  type GroupBooking,
} from './group.ts';

/** Seed 000's audit-log entry: `success` and `data` are strings on the wire. */
export const logEntry = z.object({
  description: z.string(),
  success: oneOf(['true', 'false']),
  state: z.string(),
  data: z.string(),
  created_at: instant,
});
export type LogEntry = z.infer<typeof logEntry>;

/** A customer as stored; custom form fields ride along, so they are kept, not dropped. */
export const bookingCustomer = z.catchall(
  z.object({
    id: z.optional(z.string()),
    name: z.string(),
    // Absent where the project does not require it (seed 003's first and last name only).
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    voip: z.optional(z.string()),
    timezone: z.optional(z.string()),
  }),
  z.unknown(),
);
export type BookingCustomer = z.infer<typeof bookingCustomer>;

export const bookingSummary = z.object(summaryShape);
export type BookingSummary = z.infer<typeof bookingSummary>;

/** Timekit's calendar object (seed 000); the mock sends every field, a client needs only two. */
export const calendar = z.object({
  id,
  name: z.string(),
  display_name: z.optional(z.string()),
  description: z.optional(z.string()),
  foregroundcolor: z.optional(z.string()),
  backgroundcolor: z.optional(z.string()),
  created_at: z.optional(instant),
  updated_at: z.optional(instant),
});
export type Calendar = z.infer<typeof calendar>;

export const booking = z.object({
  ...summaryShape,
  status: z.nullable(z.string()),
  possible_actions: z.array(z.string()),
  attributes: z.object({
    event_info: z.optional(eventInfo),
    group_booking: z.optional(groupBooking),
  }),
  calendar: z.optional(calendar),
  resource: z.optional(resource),
  customers: z.array(bookingCustomer),
  related: z.object({
    owner_booking_id: z.optional(id),
    seats: z.optional(count),
    rescheduled_from: z.optional(id),
    rescheduled_to: z.optional(id),
  }),
  settings: dict(z.unknown()),
  project_id: z.optional(z.string()),
  collection_id: z.optional(z.string()),
  /** When the booking moves on by itself (payment or verification window): the countdown's end. */
  expires_at: z.optional(instant),
  paid_at: z.optional(instant),
  /** The owner's message to the customer, when the owner cancelled or declined the booking. */
  owner_message: z.optional(z.string()),
  /** When the customer's next reminder goes out (the project's `reminders` setting). */
  reminder_at: z.optional(instant),
  /** Makeplans (seed 004): holds its time or seats; and the owner-set attributes. */
  active: z.optional(z.boolean()),
  title: z.optional(z.string()),
  notes: z.optional(z.string()),
  external_id: z.optional(z.string()),
  paid_amount: z.optional(z.number()),
  logs: z.optional(z.array(logEntry)),
  related_bookings: z.optional(z.array(bookingSummary)),
  /** The host page's campaign parameters; in the owner's views only. */
  custom_data: z.optional(dict(z.string())),
  /** Returned once, on create: the key to act on this booking later. */
  customer_token: z.optional(z.string()),
});
export type Booking = z.infer<typeof booking>;
