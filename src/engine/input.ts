import { z } from 'zod';
import { isValidTimeZone, parseInstant } from '../lib/time/index.ts';
import { CUSTOMER_LIMITS, CUSTOM_DATA_LIMITS } from '../schemas/limits.ts';
import { checkDuration, DURATION_BOUNDS, parseDuration, type DurationBounds } from './duration.ts';
import { EngineError, type FieldIssue } from './errors.ts';
import { BOOKING_STATUSES } from './records.ts';
import { isSendAlias } from './send-aliases.ts';

/**
 * The shapes of the engine's commands, checked before anything changes. Strings are capped so a
 * caller cannot grow the store without bound; every refusal names the field and what was wrong.
 */

export const LIMITS = {
  name: CUSTOMER_LIMITS.name,
  email: CUSTOMER_LIMITS.email,
  short: 500,
  long: 5000,
  customFields: CUSTOMER_LIMITS.customFields,
  seats: 10_000,
};

// Lone surrogates cannot be encoded as UTF-8 (they turn into U+FFFD on the way out); control
// characters break emails, logs and terminals. Tab and line breaks are fine in long text only.
const LONE_SURROGATE = /\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Why a string is not acceptable text, or undefined: the one rule every name and text field follows. */
export function textProblem(text: string, multiline: boolean): string | undefined {
  const control = (multiline ? TEXT_CONTROL : LINE_CONTROL).exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `must not contain control characters (U+${code} at position ${control.index})`;
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `must not contain a lone surrogate (at position ${surrogate.index})`;
  return undefined;
}

/** A single-line string (names, ids, titles): no control characters, no lone surrogates. */
export function line(max: number) {
  return z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const problem = textProblem(text, false);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** Long text (descriptions, messages): tab and line breaks allowed, other controls not. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, true);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

export const instant = z
  .string()
  .max(64)
  .refine((text) => parseInstant(text) !== undefined, {
    message: 'must be an RFC 3339 date-time with an offset, e.g. 2026-03-01T08:00:00+00:00',
  })
  .transform((text) => parseInstant(text)!);

/** A Timekit duration ("15 minutes") within the bounds of its use (DURATION_BOUNDS). */
export function boundedDuration(limits: DurationBounds) {
  return z
    .string()
    .max(40)
    .superRefine((text, ctx) => {
      const checked = checkDuration(text, limits);
      if ('problem' in checked) ctx.addIssue({ code: 'custom', message: checked.problem });
    });
}

/** Booking settings' and windows' durations: 0 to 5 years. */
export const duration = boundedDuration(DURATION_BOUNDS.window);

export const timeZone = z
  .string()
  .max(64)
  .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Copenhagen' });

export const id = line(100).min(1);

/** Timekit's availability bounds: an instant, "now", or a duration after the other bound ("4 weeks"). */
const moment = z
  .string()
  .max(64)
  .superRefine((text, ctx) => {
    if (text === 'now' || parseInstant(text) !== undefined) return;
    if (parseDuration(text) === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be "now", an RFC 3339 date-time, or a duration such as "4 weeks"',
      });
      return;
    }
    const checked = checkDuration(text, DURATION_BOUNDS.window);
    if ('problem' in checked) ctx.addIssue({ code: 'custom', message: checked.problem });
  });

export const eventInput = z
  .object({
    start: instant,
    end: instant,
    what: line(LIMITS.short).trim().min(1, 'is required'),
    where: line(LIMITS.short).optional(),
    description: text(LIMITS.long).optional(),
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
    verification: z.enum(['email', 'sms']).optional(),
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
  .object({ enabled: z.boolean().optional(), message: text(LIMITS.long).optional() })
  .catchall(z.unknown());

/**
 * An action's body: step names (or the action's own) to their inputs. Which names a graph knows
 * is the engine's check; the shape (an object of objects) is checked here before anything runs.
 */
export const actionInput = z.preprocess(
  // Seed 004's `*_send_email: false` switches are booleans; the engine checks them (send-aliases.ts).
  (body) =>
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([key]) => !isSendAlias(key)))
      : body,
  z.record(line(100), stepInput),
);

/** `PUT /bookings/:id/status`. */
export const statusInput = z
  .object({ status: z.enum(BOOKING_STATUSES as [string, ...string[]]) })
  .strict();

/** `PUT /bookings/reserve/extend`. */
export const extendInput = z.object({ id }).strict();

/** `PUT /bookings/recurring/:id/cancel`: an optional message for every occurrence. */
export const cancelCollectionInput = z
  .object({
    cancel: z
      .object({ message: text(LIMITS.long).optional() })
      .strict()
      .optional(),
  })
  .strict();

/**
 * `custom_data`: string to string, the host page's campaign parameters. A widget key may send it
 * (it is the visitor's own data); only the owner reads it back.
 */
export const customDataInput = z
  .record(line(CUSTOM_DATA_LIMITS.key).min(1, 'must not be empty'), line(CUSTOM_DATA_LIMITS.value))
  .refine((data) => Object.keys(data).length <= CUSTOM_DATA_LIMITS.keys, {
    message: `at most ${CUSTOM_DATA_LIMITS.keys} keys`,
  });

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
  'custom_data',
  'title',
  'notes',
  'external_id',
  'paid_amount',
  'confirm',
] as const;

/** Makeplans' owner-set attributes (seed 004): on create and on `PUT /bookings/:id`. */
export const ownerAttributes = {
  title: line(LIMITS.short).optional(),
  notes: text(LIMITS.long).optional(),
  external_id: line(LIMITS.short).min(1, 'must not be empty').optional(),
  paid_amount: z.number().min(0).max(1_000_000_000).optional(),
};

export const createBookingShape = z.object({
  graph: line(100).min(1),
  action: line(100).min(1).optional(),
  event: z.unknown().optional(),
  customer: z.unknown().optional(),
  settings: bookingSettings.optional(),
  related: relatedInput.optional(),
  resource_id: id.optional(),
  project_id: id.optional(),
  reservation_id: id.optional(),
  ignore_capacity: z.boolean().optional(),
  custom_data: customDataInput.optional(),
  ...ownerAttributes,
  confirm: z.boolean().optional(),
});

export type CreateBookingBody = z.infer<typeof createBookingShape>;
export type EventInput = z.infer<typeof eventInput>;
export type SettingsInput = z.infer<typeof bookingSettings>;

const CREATE_FIELD_SET: ReadonlySet<string> = new Set(CREATE_FIELDS);

export function isKnownCreateField(key: string): boolean {
  return CREATE_FIELD_SET.has(key);
}

const holdSeats = z.int().min(1, 'must be at least 1').max(LIMITS.seats);

/**
 * A hold by time: a resource's slot, or seats on the class starting then (Appointedd's slot on a
 * group booking, found by `service_id` or `resource_id` and `start`; `required_spaces` is its
 * name for `seats`). `end` is needed only when no class starts then.
 */
const reserveByTime = z
  .object({
    resource_id: id.optional(),
    service_id: id.optional(),
    project_id: id.optional(),
    start: instant,
    end: instant.optional(),
    seats: holdSeats.optional(),
    required_spaces: holdSeats.optional(),
    timezone: timeZone.optional(),
  })
  .strict()
  .refine((hold) => hold.resource_id !== undefined || hold.service_id !== undefined, {
    message: 'is required (or service_id) to hold by time',
    path: ['resource_id'],
  })
  .refine((hold) => hold.end === undefined || hold.end > hold.start, {
    message: 'must end after it starts',
    path: ['end'],
  })
  .refine(
    (hold) =>
      hold.service_id === undefined ||
      hold.project_id === undefined ||
      hold.service_id === hold.project_id,
    { message: 'names another project than project_id', path: ['service_id'] },
  )
  .refine((hold) => hold.seats === undefined || hold.required_spaces === undefined, {
    message: 'is the same as seats: send one of them',
    path: ['required_spaces'],
  });

export const reserveInput = z.union([
  reserveByTime,
  z
    .object({
      related: z.object({ owner_booking_id: id }).strict(),
      seats: holdSeats.optional(),
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
    length: boundedDuration(DURATION_BOUNDS.length).optional(),
    from: moment.optional(),
    to: moment.optional(),
    timeslot_increments: boundedDuration(DURATION_BOUNDS.increment).optional(),
    buffer: boundedDuration(DURATION_BOUNDS.buffer).optional(),
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
    message: text(LIMITS.long).optional(),
  })
  .strict()
  .refine((slot) => slot.end > slot.start, { message: 'must end after it starts', path: ['end'] });

export const recurringInput = z
  .object({
    booking: z.record(z.string(), z.unknown()),
    recurring: z
      .object({
        rrule: text(1000).min(1),
        rdate: text(20_000).optional(),
        exdate: text(20_000).optional(),
      })
      .strict(),
  })
  .strict();

export const groupsInput = z
  .object({
    /** Zone the instants are written in (booking.js sends Timekit-Timezone). */
    timezone: timeZone.optional(),
    start: instant.optional(),
    end: instant.optional(),
    resource_id: id.optional(),
    project_id: id.optional(),
    /** Appointedd's `spaces`: only classes with at least this many seats left. */
    spaces: z.coerce.number().int().min(1).max(LIMITS.seats).optional(),
  })
  .strict();

/** Runs a schema and turns its issues into one EngineError with per-field details. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: FieldIssue[] = result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issueMessage(issue, value),
  }));
  const summary = details.map((detail) => `${detail.path} ${detail.message}`).join('; ');
  throw new EngineError('validation_failed', `Invalid request: ${summary}`, details);
}

/** The value at a path of the input, looking only at its own fields. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_type') {
    // zod leaves the input off its issues, so look it up: missing and mistyped read differently.
    const found = valueAt(root, issue.path);
    if (found === undefined) return 'is required';
    const expected =
      ({ object: 'an object', record: 'an object', array: 'an array' } as Record<string, string>)[
        issue.expected
      ] ?? `a ${issue.expected}`;
    return `must be ${expected} (got ${kindOf(found)})`;
  }
  if (issue.code === 'unrecognized_keys') return `has unknown field(s): ${issue.keys.join(', ')}`;
  // zod answers a bad record key with "Invalid key in record" and keeps the reason inside.
  if (issue.code === 'invalid_key' && issue.issues[0])
    return `the key ${issueMessage(issue.issues[0], root)}`;
  return issue.message;
}
