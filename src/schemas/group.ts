import * as z from 'zod/mini';
import { count, id, instant, resource } from './common.ts';

/**
 * A class and the parts of a booking it shares: what a group project's first step reads. Apart
 * from booking.ts (which re-exports it) so the script tag's first paint carries these and not
 * the whole booking's schema (src/sdk/client.ts loads that with the steps after choosing).
 */

export const eventInfo = z.object({
  start: instant,
  end: instant,
  what: z.string(),
  where: z.optional(z.string()),
  description: z.optional(z.string()),
  calendar_id: z.optional(z.string()),
});
export type EventInfo = z.infer<typeof eventInfo>;

export const groupBooking = z.object({
  current_seats: count,
  max_seats: count,
  seats_left: count,
  bookable_from: z.optional(instant),
  bookable_until: instant,
  cancellable_until: instant,
});
export type GroupBooking = z.infer<typeof groupBooking>;

export const summaryShape = {
  id,
  graph: z.string(),
  state: z.string(),
  completed: z.boolean(),
  created_at: instant,
  updated_at: instant,
};
/** A class as anyone may see it: event, seats and rules, never who signed up. */
export const group = z.object({
  ...summaryShape,
  attributes: z.object({ event_info: eventInfo, group_booking: groupBooking }),
  resource: z.optional(resource),
});
export type Group = z.infer<typeof group>;
