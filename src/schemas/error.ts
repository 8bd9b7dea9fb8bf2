import * as z from 'zod/mini';

/**
 * Every code the API sends, with its HTTP status: the one list the engine raises from and the
 * SDK types against (a plain table, so the script tag pays nothing for it unless it reads it).
 */
export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  graph_not_allowed: 403,
  field_not_allowed: 403,
  // 423 Locked: the booking's verification takes no more codes.
  verification_locked: 423,
  not_found: 404,
  validation_failed: 422,
  invalid_action: 422,
  slot_unavailable: 409,
  sold_out: 409,
  // A waitlist join for a class that has the seats: book them instead.
  seats_available: 409,
  booking_window: 422,
  hold_expired: 410,
  conflict: 409,
  rate_limited: 429,
} as const;
export type KnownErrorCode = keyof typeof ERROR_STATUS;

/** Codes the API documents; others may come, so `code` stays an open string. */
export type ApiErrorCode = KnownErrorCode | (string & {});

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
