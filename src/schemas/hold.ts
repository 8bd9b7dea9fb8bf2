import * as z from 'zod/mini';
import { count, id, instant, oneOf } from './common.ts';

export const holdStates = ['reserved', 'converted', 'released', 'expired'] as const;
export const holdState = oneOf(holdStates);
export type HoldState = z.infer<typeof holdState>;

/** A slot or seat reservation; `expires_at` drives the widget's countdown. */
export const hold = z.object({
  id,
  state: holdState,
  start: instant,
  end: instant,
  seats: count,
  /** Appointedd's: the seats left when it was held (a slot's is 1), and whether more would fit. */
  max_spaces: count,
  allow_additional_spaces: z.boolean(),
  expires_at: instant,
  created_at: instant,
  extended: z.boolean(),
  can_extend: z.boolean(),
  resource_id: z.optional(id),
  /** The class it holds seats on (Appointedd's group booking), as `related.owner_booking_id`. */
  group_id: z.optional(id),
  related: z.optional(z.object({ owner_booking_id: id })),
  booking_id: z.optional(id),
});
export type Hold = z.infer<typeof hold>;
