import * as z from 'zod/mini';
import { instant, isoDate, oneOf, resource } from './common.ts';

export const availableSlot = z.object({
  start: instant,
  end: instant,
  resources: z.array(resource),
});
export type AvailableSlot = z.infer<typeof availableSlot>;

/** A day with at least one slot, in the request's output time zone. */
export const availableDate = z.object({ date: isoDate });
export type AvailableDate = z.infer<typeof availableDate>;

export const availabilityMode = oneOf(['roundrobin_random', 'roundrobin_prioritized', 'mutual']);
export type AvailabilityMode = z.infer<typeof availabilityMode>;
