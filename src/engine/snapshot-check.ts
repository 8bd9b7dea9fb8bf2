import { z } from 'zod';
import { isValidTimeZone } from '../lib/time/index.ts';
import { checkDuration, DURATION_BOUNDS, type DurationBounds } from './duration.ts';
import { EngineError, type FieldIssue } from './errors.ts';
import type { GraphDefinition } from './graphs/types.ts';
import { BOOKING_STATUSES, DELETED } from './records.ts';
import type { StoreSnapshot } from './store.ts';

/**
 * The whole check of a store snapshot before `restore` swaps it in: every field the engine reads
 * has its type and range, and every name points at something that exists (a graph, a state of
 * that graph, a resource, a class, a project). A snapshot that passes can be read without a
 * crash; one that fails is refused with the paths of its first problems and changes nothing.
 *
 * Records are loose objects: a field the engine does not read is carried along, not refused,
 * so a snapshot from a build that stores one more fact still loads.
 */

/** Instants between the years 1 and 9999: what RFC 3339 can write and Date can hold. */
const time = z.number().int().min(-62_135_596_800_000).max(253_402_300_799_999);
const name = z.string().min(1).max(200);
const text = z.string().max(100_000);
const timeZone = z.string().refine(isValidTimeZone, { message: 'must be an IANA time zone' });

function durationText(limits: DurationBounds) {
  return z.string().superRefine((value, ctx) => {
    const checked = checkDuration(value, limits);
    if ('problem' in checked) ctx.addIssue({ code: 'custom', message: checked.problem });
  });
}

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const hours = z.array(z.tuple([z.string().regex(clockTime), z.string().regex(clockTime)])).max(24);
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const log = z.looseObject({
  description: text,
  success: z.enum(['true', 'false']),
  state: name,
  data: text,
  created_at: time,
});

const booking = z.looseObject({
  id: name,
  graph: name,
  state: name,
  status: z.enum(BOOKING_STATUSES as [string, ...string[]]).nullable(),
  created_at: time,
  updated_at: time,
  created_by: z.enum(['owner', 'public']),
  project_id: name.optional(),
  resource_id: name.optional(),
  event: z
    .looseObject({
      start: time,
      end: time,
      what: text,
      where: text.optional(),
      description: text.optional(),
    })
    .optional(),
  // A project may ask for no email (a phone instead); a customer's zone formats their emails.
  customers: z
    .array(
      z.looseObject({
        id: name,
        name: text,
        email: text.optional(),
        timezone: timeZone.optional(),
      }),
    )
    .max(100),
  settings: z.looseObject({
    max_seats: z.number().int().min(1).optional(),
    min_booking_time: durationText(DURATION_BOUNDS.window).optional(),
    max_booking_time: durationText(DURATION_BOUNDS.window).optional(),
    min_cancel_time: durationText(DURATION_BOUNDS.window).optional(),
    payment_window: durationText(DURATION_BOUNDS.window).optional(),
    verification_window: durationText(DURATION_BOUNDS.window).optional(),
  }),
  related: z.looseObject({
    owner_booking_id: name.optional(),
    seats: z.number().int().min(1).optional(),
    rescheduled_from: name.optional(),
    rescheduled_to: name.optional(),
  }),
  customer_token: name.optional(),
  // Views spread it and the console lists it: strings only, or a restore would show "[object]".
  custom_data: z.record(name, text).optional(),
  collection_id: name.optional(),
  reservation_id: name.optional(),
  logs: z.array(log),
  timer: z.looseObject({ at: time, action: name }).optional(),
  verification: z.looseObject({ code: z.string().max(20), expires_at: time }).optional(),
  paused: z.looseObject({ action: name, next: z.number().int().min(0) }).optional(),
  paid_at: time.optional(),
  reminders: z.array(time).optional(),
});

const hold = z.looseObject({
  id: name,
  state: z.enum(['reserved', 'converted', 'released', 'expired']),
  project_id: name.optional(),
  resource_id: name.optional(),
  owner_booking_id: name.optional(),
  start: time,
  end: time,
  seats: z.number().int().min(1),
  created_at: time,
  expires_at: time,
  span_ms: z.number().int().min(0),
  extended: z.boolean(),
  booking_id: name.optional(),
});

const resource = z.looseObject({
  id: name,
  name: text,
  email: text,
  timezone: timeZone,
  weekly_hours: z.partialRecord(weekday, hours),
  events: z.array(z.looseObject({ start: time, end: time, what: text })),
  calendar: z.looseObject({ id: name, name: text }),
});

const project = z.looseObject({
  id: name,
  name: text,
  app_key: name,
  graph: name,
  resources: z.array(name),
  owner_email: text,
  availability: z.looseObject({
    length: durationText(DURATION_BOUNDS.length),
    timeslot_increments: durationText(DURATION_BOUNDS.increment).optional(),
    buffer: durationText(DURATION_BOUNDS.buffer).optional(),
    mode: z.enum(['roundrobin_random', 'roundrobin_prioritized', 'mutual']),
    to: durationText(DURATION_BOUNDS.window).optional(),
  }),
  hold_duration: durationText(DURATION_BOUNDS.hold),
  booking_horizon: durationText(DURATION_BOUNDS.window),
  booking_settings: z.record(z.string(), z.unknown()),
  customer_fields: z.record(z.string(), z.unknown()),
  ui: z.record(z.string(), z.unknown()),
  webhooks: z.array(text),
  waitlist_offer_window: durationText(DURATION_BOUNDS.window).optional(),
});

const collection = z.looseObject({
  id: name,
  booking_ids: z.array(name),
  recurring: z.looseObject({
    rrule: text,
    rdate: text.optional(),
    exdate: text.optional(),
  }),
  created_at: time,
});

const outboxEntry = z.looseObject({
  id: name,
  kind: z.enum(['email', 'webhook', 'sms']),
  to: text,
  subject: text,
  body: text,
  booking_id: name.optional(),
  state: name,
  created_at: time,
});

const webhook = z.looseObject({
  id: name,
  url: text,
  events: z.array(name),
  description: text.optional(),
  secret: name,
  created_at: time,
});

const delivery = z.looseObject({
  id: name,
  webhook_id: name,
  type: name,
  created_at: time,
  body: text,
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.array(
    z.looseObject({ at: time, status_code: z.number().int().optional(), error: text.optional() }),
  ),
  next_attempt_at: time.optional(),
});

const waitlistEntry = z.looseObject({
  id: name,
  state: z.enum(['waiting', 'offered', 'booked', 'lapsed', 'left', 'closed']),
  project_id: name.optional(),
  owner_booking_id: name,
  seats: z.number().int().min(1),
  customer: z.looseObject({ id: name, name: text, email: text }),
  customer_token: name,
  created_at: time,
  updated_at: time,
  hold_id: name.optional(),
  booking_id: name.optional(),
});

const storeSnapshot = z
  .object({
    version: z.literal(1),
    bookings: z.array(booking),
    holds: z.array(hold),
    resources: z.array(resource),
    projects: z.array(project),
    collections: z.array(collection),
    outbox: z.array(outboxEntry),
    webhooks: z.array(webhook).optional(),
    webhook_deliveries: z.array(delivery).optional(),
    waitlist: z.array(waitlistEntry).optional(),
  })
  .strict();

/** At most this many problems are listed: the first ones say enough to find the rest. */
const MAX_DETAILS = 20;

/** Throws a 422 naming the paths of the snapshot's first problems; returns it typed when sound. */
export function checkSnapshot(
  value: unknown,
  graphs: ReadonlyMap<string, GraphDefinition>,
  prefix = 'store',
): StoreSnapshot {
  const shape = storeSnapshot.safeParse(value);
  const issues: FieldIssue[] = shape.success
    ? references(shape.data as unknown as StoreSnapshot, graphs)
    : shape.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }));
  if (issues.length === 0) return value as StoreSnapshot;
  const details = issues.slice(0, MAX_DETAILS).map((issue) => ({
    path: [prefix, issue.path].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const summary = details
    .slice(0, 3)
    .map((detail) => `${detail.path} ${detail.message}`)
    .join('; ');
  throw new EngineError(
    'validation_failed',
    `The snapshot was not loaded (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${summary}`,
    details,
  );
}

/** Every name in the snapshot points at something that exists; ids are unique. */
function references(
  snapshot: StoreSnapshot,
  graphs: ReadonlyMap<string, GraphDefinition>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  const ids = <T extends { id: string }>(list: T[], path: string) => {
    const byId = new Map<string, T>();
    list.forEach((item, index) => {
      if (byId.has(item.id)) issue(`${path}.${index}.id`, `repeats the id "${item.id}"`);
      byId.set(item.id, item);
    });
    return byId;
  };
  const bookings = ids(snapshot.bookings, 'bookings');
  const holds = ids(snapshot.holds, 'holds');
  const resources = ids(snapshot.resources, 'resources');
  const projects = ids(snapshot.projects, 'projects');
  const collections = ids(snapshot.collections, 'collections');
  ids(snapshot.outbox, 'outbox');
  ids(snapshot.waitlist ?? [], 'waitlist');
  const known = (map: ReadonlyMap<string, unknown>, id: string | undefined, path: string) => {
    if (id !== undefined && !map.has(id))
      issue(path, `names "${id}", which is not in the snapshot`);
  };

  snapshot.bookings.forEach((booking, index) => {
    const at = `bookings.${index}`;
    const graph = graphs.get(booking.graph);
    if (!graph) {
      issue(
        `${at}.graph`,
        `"${booking.graph}" is not a graph; graphs are: ${[...graphs.keys()].join(', ')}`,
      );
      return;
    }
    if (!Object.hasOwn(graph.states, booking.state) && booking.state !== DELETED)
      issue(`${at}.state`, `"${booking.state}" is not a state of the ${graph.name} graph`);
    timerAndPause(booking, graph, at, issue);
    if (booking.event && booking.event.end <= booking.event.start)
      issue(`${at}.event.end`, 'must be after event.start');
    known(projects, booking.project_id, `${at}.project_id`);
    known(resources, booking.resource_id, `${at}.resource_id`);
    known(collections, booking.collection_id, `${at}.collection_id`);
    known(holds, booking.reservation_id, `${at}.reservation_id`);
    known(bookings, booking.related.rescheduled_from, `${at}.related.rescheduled_from`);
    known(bookings, booking.related.rescheduled_to, `${at}.related.rescheduled_to`);
    if (graph.kind === 'seats') {
      if (!isClass(bookings.get(booking.related.owner_booking_id ?? ''), graphs))
        issue(`${at}.related.owner_booking_id`, CLASS_NEEDED);
    } else {
      known(bookings, booking.related.owner_booking_id, `${at}.related.owner_booking_id`);
      if (!booking.event && graph.states[booking.state]?.holds)
        issue(
          `${at}.event`,
          `is required: a ${graph.name} booking in "${booking.state}" holds time`,
        );
    }
  });

  movesEnd(snapshot, bookings, issue);

  snapshot.holds.forEach((hold, index) => {
    const at = `holds.${index}`;
    if (hold.end <= hold.start) issue(`${at}.end`, 'must be after start');
    if (hold.resource_id === undefined && hold.owner_booking_id === undefined)
      issue(at, 'must name a resource_id or an owner_booking_id');
    known(resources, hold.resource_id, `${at}.resource_id`);
    known(bookings, hold.owner_booking_id, `${at}.owner_booking_id`);
    known(bookings, hold.booking_id, `${at}.booking_id`);
    known(projects, hold.project_id, `${at}.project_id`);
  });

  snapshot.resources.forEach((resource, index) => {
    resource.events.forEach((event, eventIndex) => {
      if (event.end <= event.start)
        issue(`resources.${index}.events.${eventIndex}.end`, 'must be after start');
    });
  });

  const keys = new Set<string>();
  snapshot.projects.forEach((project, index) => {
    const at = `projects.${index}`;
    if (!graphs.has(project.graph)) issue(`${at}.graph`, `"${project.graph}" is not a graph`);
    project.resources.forEach((id, resourceIndex) =>
      known(resources, id, `${at}.resources.${resourceIndex}`),
    );
    if (keys.has(project.app_key)) issue(`${at}.app_key`, 'is the key of another project too');
    keys.add(project.app_key);
  });

  snapshot.collections.forEach((collection, index) =>
    collection.booking_ids.forEach((id, bookingIndex) =>
      known(bookings, id, `collections.${index}.booking_ids.${bookingIndex}`),
    ),
  );
  snapshot.outbox.forEach((entry, index) =>
    known(bookings, entry.booking_id, `outbox.${index}.booking_id`),
  );
  const webhooks = ids(snapshot.webhooks ?? [], 'webhooks');
  ids(snapshot.webhook_deliveries ?? [], 'webhook_deliveries');
  snapshot.webhook_deliveries?.forEach((item, index) =>
    known(webhooks, item.webhook_id, `webhook_deliveries.${index}.webhook_id`),
  );
  snapshot.waitlist?.forEach((entry, index) => {
    const at = `waitlist.${index}`;
    if (!isClass(bookings.get(entry.owner_booking_id), graphs))
      issue(`${at}.owner_booking_id`, CLASS_NEEDED);
    if (entry.state === 'offered' && !holds.has(entry.hold_id ?? ''))
      issue(`${at}.hold_id`, 'is required, and must be in the snapshot, for an offered entry');
    known(holds, entry.hold_id, `${at}.hold_id`);
    known(bookings, entry.booking_id, `${at}.booking_id`);
    known(projects, entry.project_id, `${at}.project_id`);
  });
  return issues;
}

/**
 * What the clock and a resumed chain will run must lead the booking back to rest: a timer is
 * the state's own timeout (the clock runs it without asking whether it can start), and a state
 * that waits for an action marked `resumes` (verify) has a paused chain with a step left, since
 * the resumed action itself ends mid-chain ("verified" is no state).
 */
function timerAndPause(
  booking: StoreSnapshot['bookings'][number],
  graph: GraphDefinition,
  at: string,
  issue: (path: string, message: string) => void,
): void {
  const { timer, paused, state } = booking;
  const own = Object.hasOwn(graph.states, state) ? graph.states[state]!.timeout : undefined;
  if (timer && !Object.hasOwn(graph.actions, timer.action))
    issue(`${at}.timer.action`, `"${timer.action}" is not an action of ${graph.name}`);
  else if (timer && timer.action !== own?.action)
    issue(`${at}.timer.action`, `"${timer.action}" is not the timeout of "${state}"`);
  const resumer = Object.entries(graph.actions).find(
    ([, action]) => action.resumes && action.from.includes(state),
  )?.[0];
  if (!paused) {
    if (resumer)
      issue(
        `${at}.paused`,
        `is required: in "${state}" the booking waits for ${resumer}, which continues a paused action`,
      );
    return;
  }
  const action = Object.hasOwn(graph.actions, paused.action)
    ? graph.actions[paused.action]
    : undefined;
  if (!action) issue(`${at}.paused.action`, `"${paused.action}" is not an action of ${graph.name}`);
  else if (paused.next > action.steps.length)
    issue(`${at}.paused.next`, `is past the ${action.steps.length} steps of ${paused.action}`);
  else if (resumer && paused.next === action.steps.length)
    issue(`${at}.paused.next`, `leaves no step of ${paused.action} for ${resumer} to continue`);
}

const CLASS_NEEDED =
  'must name a class (a booking with an event, on a class graph) in the snapshot';

/** A class seats and waitlist entries can belong to: a 1:1 booking has an event but no seats. */
function isClass(
  booking: StoreSnapshot['bookings'][number] | undefined,
  graphs: ReadonlyMap<string, GraphDefinition>,
): boolean {
  return booking?.event !== undefined && graphs.get(booking.graph)?.kind === 'class';
}

/**
 * Each booking's moves lead back to the booking first made: a chain of `rescheduled_from` that
 * loops has no first one (an invitation's walk back would stop only at its cap). Each loop is
 * named once, at its booking that comes first in the snapshot.
 */
function movesEnd(
  snapshot: StoreSnapshot,
  bookings: ReadonlyMap<string, StoreSnapshot['bookings'][number]>,
  issue: (path: string, message: string) => void,
): void {
  const indexOf = new Map(snapshot.bookings.map((booking, index) => [booking.id, index]));
  // Bookings whose chain is walked already: a walk that reaches one has nothing new to find.
  const settled = new Set<string>();
  for (const booking of snapshot.bookings) {
    const chain = new Set<string>();
    let at: StoreSnapshot['bookings'][number] | undefined = booking;
    while (at && !settled.has(at.id) && !chain.has(at.id)) {
      chain.add(at.id);
      at = bookings.get(at.related.rescheduled_from ?? '');
    }
    if (at && chain.has(at.id)) {
      const walked = [...chain];
      const loop = walked.slice(walked.indexOf(at.id));
      const first = loop.reduce((a, b) => (indexOf.get(b)! < indexOf.get(a)! ? b : a));
      const from = loop.indexOf(first);
      const named = [...loop.slice(from), ...loop.slice(0, from), first];
      issue(
        `bookings.${indexOf.get(first)}.related.rescheduled_from`,
        `moves in a loop: ${named.map((id) => `"${id}"`).join(' -> ')}`,
      );
    }
    for (const id of chain) settled.add(id);
  }
}
