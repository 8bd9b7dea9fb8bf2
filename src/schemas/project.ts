import * as z from 'zod/mini';
import { availabilityMode } from './availability.ts';
import { count, dict, id, resource } from './common.ts';

/** One extra form field, as booking.js configures it; unknown options are kept for the form. */
export const customerField = z.catchall(
  z.object({
    title: z.optional(z.string()),
    required: z.optional(z.boolean()),
    format: z.optional(z.string()),
    placeholder: z.optional(z.string()),
    enum: z.optional(z.array(z.string())),
  }),
  z.unknown(),
);
export type CustomerField = z.infer<typeof customerField>;

/** An amount of money in integer minor units (cents, øre, yen) of an ISO 4217 currency. */
export const price = z.object({
  amount: count,
  currency: z.string().check(z.refine((code) => /^[A-Z]{3}$/.test(code))),
});
export type Price = z.infer<typeof price>;

/** Where a booking takes place: an address or room, or online. */
export const bookingLocation = z.union([
  z.object({ type: z.literal('place'), name: z.string() }),
  z.object({ type: z.literal('online') }),
]);
export type BookingLocation = z.infer<typeof bookingLocation>;

/** The widget's remote config (`GET /projects/embed/:id`). */
export const embedConfig = z.object({
  id,
  name: z.string(),
  app_key: z.string(),
  ui: dict(z.unknown()),
  availability: z.object({
    length: z.string(),
    timeslot_increments: z.optional(z.string()),
    buffer: z.optional(z.string()),
    mode: availabilityMode,
    to: z.optional(z.string()),
  }),
  // The project's booking settings (payment_window, verification...) ride next to the graph.
  booking: z.catchall(z.object({ graph: z.string() }), z.unknown()),
  customer_fields: dict(customerField),
  /** Resource ids: booking.js merges this list straight into its availability body. */
  resources: z.array(id),
  /** The same resources with names and zones, for display. */
  resource_details: z.optional(z.array(resource)),
  hold_duration: z.optional(z.string()),
  /** What the visitor books, in the owner's words (the summary's second line). */
  description: z.optional(z.string()),
  /** Minutes one booking lasts: the availability length. */
  duration: z.optional(count.check(z.refine((minutes) => minutes > 0))),
  /** What one booking costs; for classes, per seat. `amount: 0` is free. */
  price: z.optional(price),
  location: z.optional(bookingLocation),
});
export type EmbedConfig = z.infer<typeof embedConfig>;
