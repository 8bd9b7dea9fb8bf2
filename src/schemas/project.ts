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
export type BookingLocation = { type: 'place'; name: string } | { type: 'online' };

/**
 * A check of its own rather than a union of two objects with literal types: zod's union and
 * literal schemas would come into the script tag's first paint for this one field (0.5 KB gzip).
 * Unlike an object schema, it passes keys it does not know through.
 */
const isBookingLocation = (value: unknown): value is BookingLocation => {
  if (typeof value !== 'object' || value === null) return false;
  const { type, name } = value as { type?: unknown; name?: unknown };
  return type === 'online' || (type === 'place' && typeof name === 'string');
};
export const bookingLocation = z.custom<BookingLocation>(isBookingLocation);

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
