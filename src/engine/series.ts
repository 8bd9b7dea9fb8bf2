import { OWNER, type Actor } from './access.ts';
import { asObject, view, type EngineContext } from './context.ts';
import { create, resolveResource } from './create.ts';
import { EngineError, invalid, notFound } from './errors.ts';
import { eventInput, parse, recurringInput, stepInput } from './input.ts';
import { runAction } from './machine.ts';
import { expandRecurrence, RecurrenceError } from './recurrence.ts';
import { iso, possibleActions, type BookingView } from './views.ts';

export interface RecurringResult {
  collection_id: string;
  count: number;
}

/** Books every occurrence of a rule as one collection, all or none. */
export function createRecurring(
  context: EngineContext,
  body: unknown,
  actor: Actor,
): RecurringResult {
  if (actor.role !== 'owner')
    throw new EngineError('forbidden', 'Recurring series need the owner key.');
  const input = parse(recurringInput, body);
  const first = parse(eventInput, input.booking.event, 'booking.event');
  const resource = resolveResource(context, input.booking, first, actor);
  let occurrences;
  try {
    occurrences = expandRecurrence({
      start: first.start,
      end: first.end,
      timeZone: resource.timezone,
      ...input.recurring,
    });
  } catch (error) {
    if (error instanceof RecurrenceError) throw invalid(`recurring.${error.field}`, error.message);
    throw error;
  }
  const collectionId = context.newId();
  const ids: string[] = [];
  for (const occurrence of occurrences) {
    const event = {
      ...(input.booking.event as object),
      start: iso(occurrence.start),
      end: iso(occurrence.end),
    };
    try {
      const booking = create(context, { ...input.booking, event }, actor);
      context.store.editBooking(booking.id).collection_id = collectionId;
      ids.push(booking.id);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      throw new EngineError(
        error.code,
        `Occurrence ${iso(occurrence.start)}: ${error.message}`,
        error.details,
      );
    }
  }
  context.store.insertCollection({
    id: collectionId,
    booking_ids: ids,
    recurring: input.recurring,
    created_at: context.now(),
  });
  return { collection_id: collectionId, count: ids.length };
}

/** A series' bookings as the owner reads them (`GET /bookings/recurring/:id` is the owner's). */
export function getCollection(context: EngineContext, id: string): BookingView[] {
  return collectionFor(context, id).booking_ids.map((bookingId) =>
    view(context, context.store.bookings.get(bookingId)!, [], OWNER),
  );
}

/** Cancels every occurrence that can still be cancelled (cancel, decline or cancel_by_owner). */
export function cancelCollection(
  context: EngineContext,
  id: string,
  body: unknown,
): { collection_id: string; cancelled: number } {
  const collection = collectionFor(context, id);
  const message = parse(stepInput, asObject(body ?? {}, 'body').cancel ?? {}, 'cancel').message;
  let cancelled = 0;
  for (const bookingId of collection.booking_ids) {
    const booking = context.store.bookings.get(bookingId)!;
    const allowed = possibleActions(context.graphs.get(booking.graph), booking.state);
    const action = ['cancel', 'decline', 'cancel_by_owner'].find((name) => allowed.includes(name));
    if (!action) continue;
    runAction(context, context.store.editBooking(bookingId), action, {
      actor: OWNER,
      body: message === undefined ? {} : { [action]: { message } },
      pending: {},
    });
    cancelled += 1;
  }
  return { collection_id: id, cancelled };
}

function collectionFor(context: EngineContext, id: string) {
  const collection = context.store.collections.get(id);
  if (!collection) throw notFound('recurring collection', id);
  return collection;
}
