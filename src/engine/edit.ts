import { z } from 'zod';
import type { Actor } from './access.ts';
import { view, type EngineContext } from './context.ts';
import { EngineError, invalid, notFound } from './errors.ts';
import { CUSTOMER_FIELD_NAMES, customerInputFor } from './customer-input.ts';
import { customDataInput, LIMITS, ownerAttributes, parse } from './input.ts';
import { log } from './notify.ts';
import { DELETED, type BookingRecord, type Customer } from './records.ts';
import type { BookingView } from './views.ts';

/**
 * Makeplans' owner edits (seed 004): `DELETE /bookings/:id`, `DELETE /bookings/recurring/:id`
 * and `PUT /bookings/:id`. Each checks everything before it changes anything, and logs what it did.
 */

function ownerOnly(actor: Actor, what: string): void {
  if (actor.role !== 'owner')
    throw new EngineError('forbidden', `Only the owner may ${what} a booking.`);
}

function refuseDeleted(booking: BookingRecord, what: string): void {
  if (booking.state === DELETED)
    throw new EngineError(
      'invalid_action',
      `Booking "${booking.id}" is deleted: it cannot ${what}.`,
    );
}

/**
 * Sets the booking to `deleted`: it holds nothing from then on (its time or seats are free), its
 * deadline is dropped, and only `/bookings/all` lists it. A class with live sign-ups is refused:
 * cancelling it tells its customers, deleting would not.
 */
function markDeleted(context: EngineContext, booking: BookingRecord): void {
  const graph = context.graphs.get(booking.graph)!;
  if (graph.kind === 'class') {
    const live = context.store
      .seatBookingsOfClass(booking.id)
      .filter((seat) => context.capacity.holdsCapacity(seat));
    if (live.length)
      throw new EngineError(
        'invalid_action',
        `This class has ${live.length} live sign-up(s); cancel it (which tells them) before deleting it.`,
      );
  }
  const edited = context.store.editBooking(booking.id);
  delete edited.timer;
  delete edited.paused;
  // Queued reminders are skipped once the booking no longer lists them.
  delete edited.reminders;
  edited.state = DELETED;
  log(context, edited, 'Deleted booking');
}

export function deleteBooking(context: EngineContext, id: string, actor: Actor): BookingView {
  ownerOnly(actor, 'delete');
  const booking = context.access.booking(id, actor);
  refuseDeleted(booking, 'be deleted again');
  markDeleted(context, booking);
  return view(context, context.store.bookings.get(id)!, ['logs'], actor);
}

/** Deletes every occurrence of a series not deleted yet; one refusal leaves the whole series as it was. */
export function deleteCollection(
  context: EngineContext,
  id: string,
  actor: Actor,
): { collection_id: string; deleted: number } {
  ownerOnly(actor, 'delete');
  const collection = context.store.collections.get(id);
  if (!collection) throw notFound('recurring collection', id);
  let deleted = 0;
  for (const bookingId of collection.booking_ids) {
    const booking = context.store.bookings.get(bookingId)!;
    if (booking.state === DELETED) continue;
    markDeleted(context, booking);
    deleted += 1;
  }
  return { collection_id: id, deleted };
}

const seats = z.int().min(1, 'must be at least 1').max(LIMITS.seats);

export const updateInput = z
  .object({
    ...ownerAttributes,
    custom_data: customDataInput.optional(),
    /** Seats of a seat booking; Makeplans calls it `count`. */
    seats: seats.optional(),
    count: seats.optional(),
    /** Seed 004: more seats than the class has left, on purpose (the owner's call). */
    ignore_capacity: z.boolean().optional(),
    /** Merged into the first customer, then checked as a whole customer. */
    customer: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((body) => body.seats === undefined || body.count === undefined, {
    message: 'send seats or count, not both',
    path: ['count'],
  });

/** `PUT /bookings/:id`: the owner's editable attributes, all checked before any is written. */
export function updateBooking(
  context: EngineContext,
  id: string,
  body: unknown,
  actor: Actor,
): BookingView {
  ownerOnly(actor, 'update');
  const booking = context.access.booking(id, actor);
  refuseDeleted(booking, 'be updated');
  const input = parse(updateInput, body);
  const changed = Object.keys(input).filter((key) => key !== 'ignore_capacity');
  if (!changed.length) throw invalid('(body)', 'names nothing to update');
  const seatCount = input.seats ?? input.count;
  const customer = input.customer ? editedCustomer(context, booking, input.customer) : undefined;
  if (customer && !booking.customers.length)
    throw invalid('customer', 'this booking has no customer');
  if (input.ignore_capacity && seatCount === undefined)
    throw invalid('ignore_capacity', 'only applies to a change of seats or count');
  if (seatCount !== undefined)
    checkSeats(context, booking, seatCount, input.ignore_capacity === true);

  const edited = context.store.editBooking(id);
  for (const key of ['title', 'notes', 'external_id', 'paid_amount'] as const)
    if (input[key] !== undefined) Object.assign(edited, { [key]: input[key] });
  if (input.custom_data) edited.custom_data = { ...input.custom_data };
  if (seatCount !== undefined) edited.related = { ...edited.related, seats: seatCount };
  if (customer) {
    const first: Record<string, unknown> = { ...booking.customers[0]!, ...customer };
    // The check dropped an optional field given empty: the owner cleared it.
    for (const field of CUSTOMER_FIELD_NAMES) if (!(field in customer)) delete first[field];
    edited.customers = [first as Customer, ...booking.customers.slice(1)];
  }
  log(context, edited, `Updated ${changed.join(', ')}`, JSON.stringify(changed));
  return view(context, edited, ['logs'], actor);
}

/**
 * The first customer with the edit merged in, checked against the project's rules as a whole.
 * A new first or last name without a new `name` joins into the name again.
 */
function editedCustomer(
  context: EngineContext,
  booking: BookingRecord,
  fields: Record<string, unknown>,
) {
  const { name, ...current } = booking.customers[0] ?? {};
  const renamed = 'first_name' in fields || 'last_name' in fields;
  const merged = { ...current, ...(renamed ? {} : { name }), ...fields };
  const project = booking.project_id ? context.store.projects.get(booking.project_id) : undefined;
  return { ...parse(customerInputFor(project), merged, 'customer') };
}

/**
 * More seats only where the class has them left (the booking's own seats count as free), unless
 * the owner ignores the class's capacity.
 */
function checkSeats(
  context: EngineContext,
  booking: BookingRecord,
  count: number,
  ignoreCapacity: boolean,
): void {
  const classId = booking.related.owner_booking_id;
  if (context.graphs.get(booking.graph)?.kind !== 'seats' || !classId)
    throw invalid('seats', 'only a seat booking of a class has seats');
  if (!context.capacity.holdsCapacity(booking))
    throw invalid('seats', `a ${booking.state} booking holds no seats to change`);
  if (ignoreCapacity) return;
  context.capacity.checkSeats(context.store.bookings.get(classId)!, count, {
    now: context.now(),
    isPublic: false,
    exclude: { bookingId: booking.id },
  });
}
