import { z } from 'zod';
import { isValidTimeZone, parseInstant } from '../lib/time/index.ts';
import { parseDuration, DURATION_HINT } from './duration.ts';
import { EngineError, type FieldIssue } from './errors.ts';

/**
 * The shapes of the engine's commands, checked before anything changes. Strings are capped so a
 * caller cannot grow the store without bound; every refusal names the field and what was wrong.
 */

export const LIMITS = {
  name: 200,
  email: 254,
  short: 500,
  long: 5000,
  customFields: 30,
  seats: 10_000,
};

const instant = z
  .string()
  .max(64)
  .refine((text) => parseInstant(text) !== undefined, {
    message: 'must be an RFC 3339 date-time with an offset, e.g. 2026-03-01T08:00:00+00:00',
  })
  .transform((text) => parseInstant(text)!);

export const duration = z
  .string()
  .max(40)
  .refine((text) => parseDuration(text) !== undefined, { message: `must be ${DURATION_HINT}` });

const timeZone = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Copenhagen' });

const id = z.string().min(1).max(100);

// booking.js sends a multi-choice checkbox as an array of its chosen options.
const customFieldValue = z.union([
  z.string().max(LIMITS.long),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(LIMITS.short)).max(50),
]);

/** Timekit's availability bounds: an instant, "now", or a duration after the other bound ("4 weeks"). */
const moment = z
  .string()
  .max(64)
  .refine(
    (text) =>
      text === 'now' || parseInstant(text) !== undefined || parseDuration(text) !== undefined,
    {
      message: 'must be "now", an RFC 3339 date-time, or a duration such as "4 weeks"',
    },
  );

export const customerInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(LIMITS.name),
    email: z
      .string()
      .trim()
      .max(LIMITS.email)
      .pipe(z.email({ message: 'must be an email address' })),
    phone: z.string().max(40).optional(),
    voip: z.string().max(LIMITS.name).optional(),
    timezone: timeZone.optional(),
  })
  .catchall(customFieldValue)
  .refine((customer) => Object.keys(customer).length <= LIMITS.customFields + 5, {
    message: `at most ${LIMITS.customFields} custom fields`,
  });

export const eventInput = z
  .object({
    start: instant,
    end: instant,
    what: z.string().trim().min(1, 'is required').max(LIMITS.short),
    where: z.string().max(LIMITS.short).optional(),
    description: z.string().max(LIMITS.long).optional(),
    calendar_id: id.optional(),
    resource_id: id.optional(),
  })
  .refine((event) => event.end > event.start, {
    message: 'must end after it starts',
    path: ['end'],
  });

export const bookingSettings = z
  .object({
    max_seats: z.int().min(1).max(LIMITS.seats).optional(),
    min_booking_time: duration.optional(),
    max_booking_time: duration.optional(),
    min_cancel_time: duration.optional(),
    payment_window: duration.optional(),
    verification: z.enum(['email']).optional(),
    verification_window: duration.optional(),
  })
  .strict();

export const relatedInput = z
  .object({
    owner_booking_id: id.optional(),
    seats: z.int().min(1, 'must be at least 1').max(LIMITS.seats).optional(),
  })
  .strict();

/** Per-step toggles and inputs: `{ "send_x_email": { "enabled": false } }`, `{ "decline": { "message": "..." } }`. */
export const stepInput = z
  .object({ enabled: z.boolean().optional(), message: z.string().max(LIMITS.long).optional() })
  .catchall(z.unknown());

const CREATE_FIELDS = [
  // booking.js sends the event's fields at the top level instead of under "event".
  'start',
  'end',
  'what',
  'where',
  'description',
  'graph',
  'action',
  'event',
  'customer',
  'settings',
  'related',
  'resource_id',
  'project_id',
  'reservation_id',
  'ignore_capacity',
] as const;

export const createBookingShape = z.object({
  graph: z.string().min(1).max(100),
  action: z.string().min(1).max(100).optional(),
  event: z.unknown().optional(),
  customer: z.unknown().optional(),
  settings: bookingSettings.optional(),
  related: relatedInput.optional(),
  resource_id: id.optional(),
  project_id: id.optional(),
  reservation_id: id.optional(),
  ignore_capacity: z.boolean().optional(),
});

export type CreateBookingBody = z.infer<typeof createBookingShape>;
export type EventInput = z.infer<typeof eventInput>;
export type CustomerInput = z.infer<typeof customerInput>;
export type SettingsInput = z.infer<typeof bookingSettings>;

export function isKnownCreateField(key: string): boolean {
  return (CREATE_FIELDS as readonly string[]).includes(key);
}

export const reserveInput = z.union([
  z
    .object({ resource_id: id, start: instant, end: instant, project_id: id.optional() })
    .strict()
    .refine((hold) => hold.end > hold.start, {
      message: 'must end after it starts',
      path: ['end'],
    }),
  z
    .object({
      related: z.object({ owner_booking_id: id }).strict(),
      seats: z.int().min(1, 'must be at least 1').max(LIMITS.seats).optional(),
      project_id: id.optional(),
    })
    .strict(),
]);

export type ReserveInput = z.infer<typeof reserveInput>;

export const availabilityInput = z
  .object({
    project_id: id.optional(),
    resources: z.array(id).min(1).max(100).optional(),
    mode: z.enum(['roundrobin_random', 'roundrobin_prioritized', 'mutual']).optional(),
    length: duration.optional(),
    from: moment.optional(),
    to: moment.optional(),
    timeslot_increments: duration.optional(),
    buffer: duration.optional(),
    output_timezone: timeZone.optional(),
    // Accepted for Timekit compatibility; the mock's constraints are the resources' opening hours.
    constraints: z.array(z.unknown()).max(50).optional(),
  })
  .strict();

export type AvailabilityInput = z.infer<typeof availabilityInput>;

export const rescheduleInput = z
  .object({
    start: instant,
    end: instant,
    resource_id: id.optional(),
    message: z.string().max(LIMITS.long).optional(),
  })
  .refine((slot) => slot.end > slot.start, { message: 'must end after it starts', path: ['end'] });

export const recurringInput = z
  .object({
    booking: z.record(z.string(), z.unknown()),
    recurring: z
      .object({
        rrule: z.string().min(1).max(1000),
        rdate: z.string().max(20_000).optional(),
        exdate: z.string().max(20_000).optional(),
      })
      .strict(),
  })
  .strict();

export const listInput = z
  .object({
    view: z.enum(['all', 'upcoming', 'unconfirmed', 'visible', 'active']).optional(),
    state: z.array(z.string().max(100)).max(50).optional(),
    graph: z.array(z.string().max(100)).max(50).optional(),
    start: instant.optional(),
    end: instant.optional(),
    search: z.string().max(LIMITS.name).optional(),
    resource_id: id.optional(),
    project_id: id.optional(),
    collection_id: id.optional(),
  })
  .strict();

export type ListInput = z.infer<typeof listInput>;

export const groupsInput = z
  .object({
    /** Zone the instants are written in (booking.js sends Timekit-Timezone). */
    timezone: timeZone.optional(),
    start: instant.optional(),
    end: instant.optional(),
    resource_id: id.optional(),
    project_id: id.optional(),
  })
  .strict();

/** Runs a schema and turns its issues into one EngineError with per-field details. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: FieldIssue[] = result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issueMessage(issue),
  }));
  const summary = details.map((detail) => `${detail.path} ${detail.message}`).join('; ');
  throw new EngineError('validation_failed', `Invalid request: ${summary}`, details);
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys') return `has unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}
