import * as z from 'zod/mini';
import { bookingCustomer } from './booking.ts';
import { count, id, instant, oneOf } from './common.ts';

export const waitlistStates = ['waiting', 'offered', 'booked', 'lapsed', 'left', 'closed'] as const;
export const waitlistState = oneOf(waitlistStates);
export type WaitlistState = z.infer<typeof waitlistState>;

/**
 * A place on a sold-out class's waitlist. `offer` is the seat hold given when seats free up:
 * book with it as `reservation_id` before `expires_at`. `customer_token` comes back once, on
 * join: it lets the customer leave (or read the entry) without the owner key.
 */
export const waitlistEntry = z.object({
  id,
  state: waitlistState,
  related: z.object({ owner_booking_id: id }),
  seats: count,
  customer: bookingCustomer,
  created_at: instant,
  offer: z.optional(z.object({ hold_id: id, expires_at: instant })),
  booking_id: z.optional(id),
  customer_token: z.optional(z.string()),
});
export type WaitlistEntry = z.infer<typeof waitlistEntry>;

/** `POST /bookings/waitlist`: the class, the seats wanted (default 1) and who to tell. */
export interface JoinWaitlistRequest {
  related: { owner_booking_id: string; seats?: number };
  customer: { name: string; email: string; [field: string]: unknown };
  project_id?: string;
}
