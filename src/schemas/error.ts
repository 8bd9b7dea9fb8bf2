import * as z from 'zod/mini';

/** Codes the API documents; others may come, so `code` stays an open string. */
export type ApiErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation_failed'
  | 'invalid_action'
  | 'slot_unavailable'
  | 'sold_out'
  | 'booking_window'
  | 'hold_expired'
  | 'conflict'
  | 'rate_limited'
  | (string & {});

export const fieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssue>;

export const errorBody = z.object({
  error: z.object({
    status: z.number(),
    code: z.string(),
    message: z.string(),
    details: z.optional(z.array(fieldIssue)),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
