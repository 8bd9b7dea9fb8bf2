import { z } from 'zod';
import { sameSecret, type Actor } from './access.ts';
import { signUpWindow } from './capacity.ts';
import type { EngineContext } from './context.ts';
import { EngineError, invalid, notFound } from './errors.ts';
import { customerInputFor } from './customer-input.ts';
import { randomToken } from './ids.ts';
import { LIMITS, line, parse } from './input.ts';
import { log } from './notify.ts';
import type { BookingRecord, ProjectRecord, WaitlistEntry } from './records.ts';
import { deadline, iso } from './views.ts';
import type { WaitlistEntry as WaitlistEntryView } from '../schemas/waitlist.ts';

/**
 * The waitlist of a sold-out class: join, leave, read, list. Offers (a seat hold when seats free
 * up) are made in waitlist-offers.ts, after every change the engine commits.
 */

export type { WaitlistEntryView };

const id = line(100).min(1);

/** A join's body; the customer follows its project's rules, with an email for the offer. */
export function joinWaitlistInput(project: ProjectRecord | undefined) {
  return z
    .object({
      project_id: id.optional(),
      related: z
        .object({
          owner_booking_id: id,
          seats: z.int().min(1, 'must be at least 1').max(LIMITS.seats).optional(),
        })
        .strict(),
      customer: customerInputFor(project, ['email']),
    })
    .strict();
}

/** The project whose customer rules a join follows, found without refusing anything. */
function projectOfJoin(context: EngineContext, body: unknown, actor: Actor) {
  const { store } = context;
  if (actor.role === 'public') return store.projects.get(actor.projectId);
  const join = (typeof body === 'object' && body !== null ? body : {}) as {
    project_id?: unknown;
    related?: { owner_booking_id?: unknown };
  };
  const classId = join.related?.owner_booking_id;
  const groupClass = typeof classId === 'string' ? store.bookings.get(classId) : undefined;
  const projectId = typeof join.project_id === 'string' ? join.project_id : groupClass?.project_id;
  return projectId === undefined ? undefined : store.projects.get(projectId);
}

export const listWaitlistInput = z.object({ owner_booking_id: id }).strict();

/** Entries still in the queue: waiting, or holding an offer. */
export function isQueued(entry: WaitlistEntry): boolean {
  return entry.state === 'waiting' || entry.state === 'offered';
}

export function joinWaitlist(
  context: EngineContext,
  body: unknown,
  actor: Actor,
): WaitlistEntryView {
  const { access, capacity, store } = context;
  const now = context.now();
  const input = parse(joinWaitlistInput(projectOfJoin(context, body, actor)), body);
  const project = access.project(actor, input.project_id, 'project_id');
  const classId = input.related.owner_booking_id;
  const groupClass = access.groupClass(classId, actor, 'related.owner_booking_id');
  const seats = input.related.seats ?? 1;
  const what = groupClass.event?.what ?? 'This class';
  const maxSeats = Number(groupClass.settings.max_seats ?? 0);
  if (seats > maxSeats)
    throw invalid('related.seats', `must be at most ${maxSeats}: the class has no more seats`);
  // From the closing instant on no offer can be made (its hold would end as it starts, and
  // waitlist-offers closes the queue then), so a join is refused, not stored and closed at once.
  if (!capacity.holdsCapacity(groupClass) || now >= signUpWindow(groupClass).closes) {
    throw new EngineError(
      'booking_window',
      `"${what}" takes no more sign-ups, so it has no waitlist.`,
    );
  }
  const left = Math.max(0, maxSeats - capacity.seatsTaken(classId, now));
  if (seats <= left) {
    throw new EngineError(
      'seats_available',
      `"${what}" has ${left} seat${left === 1 ? '' : 's'} left: book ${seats === 1 ? 'it' : 'them'} instead of joining the waitlist.`,
      [{ path: 'related.seats', message: `${left} left` }],
    );
  }
  // Required by the schema (the offer goes by email); checked again for the type's sake.
  const address = input.customer.email;
  if (!address) throw invalid('customer.email', 'is required');
  const email = address.toLowerCase();
  for (const entry of store.waitlist.values()) {
    if (
      entry.owner_booking_id === classId &&
      isQueued(entry) &&
      entry.customer.email.toLowerCase() === email
    )
      throw new EngineError(
        'conflict',
        `${input.customer.email} is already on the waitlist of "${what}".`,
        [{ path: 'customer.email', message: 'is already on this waitlist' }],
      );
  }
  const entry: WaitlistEntry = {
    id: context.newId(),
    state: 'waiting',
    owner_booking_id: classId,
    seats,
    customer: { id: context.newId(), ...input.customer, email: address },
    customer_token: randomToken(),
    created_at: now,
    updated_at: now,
    ...((project ?? groupClass.project_id)
      ? { project_id: project?.id ?? groupClass.project_id }
      : {}),
  };
  store.insertWaitlistEntry(entry);
  logOnClass(context, groupClass, `Waitlist: entry ${entry.id} joined for ${seatsText(seats)}`);
  return { ...waitlistView(entry, context), customer_token: entry.customer_token };
}

/** Leaves the queue; an offer still held is released, so its seats pass to the next entry. */
export function leaveWaitlist(context: EngineContext, id: string, actor: Actor): WaitlistEntryView {
  const { store } = context;
  const entry = visibleEntry(context, id, actor);
  if (!isQueued(entry)) {
    throw new EngineError(
      'invalid_action',
      `This waitlist entry is ${entry.state} and can no longer be left.`,
    );
  }
  const edited = store.editWaitlistEntry(id);
  const hold = edited.hold_id ? store.holds.get(edited.hold_id) : undefined;
  if (hold?.state === 'reserved') store.editHold(hold.id).state = 'released';
  edited.state = 'left';
  edited.updated_at = context.now();
  const groupClass = store.bookings.get(edited.owner_booking_id);
  if (groupClass) logOnClass(context, groupClass, `Waitlist: entry ${id} left`);
  return waitlistView(edited, context);
}

export function getWaitlistEntry(
  context: EngineContext,
  id: string,
  actor: Actor,
): WaitlistEntryView {
  return waitlistView(visibleEntry(context, id, actor), context);
}

/** The owner's view of one class's queue, first come first. */
export function listWaitlist(
  context: EngineContext,
  query: unknown,
  actor: Actor,
): WaitlistEntryView[] {
  if (actor.role !== 'owner')
    throw new EngineError('forbidden', 'Only the owner may list a waitlist.');
  const { owner_booking_id: classId } = parse(listWaitlistInput, query);
  context.access.groupClass(classId, actor, 'owner_booking_id');
  return queueOf(context, classId, () => true).map((entry) => waitlistView(entry, context));
}

/** A class's entries in queue order (created_at, then join order), filtered. */
export function queueOf(
  context: EngineContext,
  classId: string,
  keep: (entry: WaitlistEntry) => boolean,
): WaitlistEntry[] {
  return [...context.store.waitlist.values()]
    .filter((entry) => entry.owner_booking_id === classId && keep(entry))
    .sort((a, b) => a.created_at - b.created_at);
}

/**
 * The owner sees every entry; a widget key its project's, and only with the entry's
 * customer_token. Another project's entry reads as unknown, as every record does.
 */
function visibleEntry(context: EngineContext, id: string, actor: Actor): WaitlistEntry {
  const entry = context.store.waitlist.get(id);
  const project = context.access.keyProject(actor);
  if (!entry || (project && entry.project_id !== project.id)) throw notFound('waitlist entry', id);
  if (
    actor.role === 'public' &&
    (!actor.customerToken || !sameSecret(actor.customerToken, entry.customer_token))
  ) {
    throw new EngineError(
      'forbidden',
      'This waitlist entry needs the owner key or its customer_token.',
    );
  }
  return entry;
}

export function waitlistView(entry: WaitlistEntry, context: EngineContext): WaitlistEntryView {
  const hold = entry.hold_id ? context.store.holds.get(entry.hold_id) : undefined;
  return {
    id: entry.id,
    state: entry.state,
    related: { owner_booking_id: entry.owner_booking_id },
    seats: entry.seats,
    customer: structuredClone(entry.customer),
    created_at: iso(entry.created_at),
    ...(hold && entry.state === 'offered'
      ? { offer: { hold_id: hold.id, expires_at: deadline(hold.expires_at) } }
      : {}),
    ...(entry.booking_id ? { booking_id: entry.booking_id } : {}),
  };
}

/** The class's audit log: the owner sees the queue move there. Never the customer token. */
export function logOnClass(context: EngineContext, groupClass: BookingRecord, text: string): void {
  log(context, context.store.editBooking(groupClass.id), text);
}

export function seatsText(seats: number): string {
  return `${seats} seat${seats === 1 ? '' : 's'}`;
}
