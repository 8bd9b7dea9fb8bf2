import { bookingOwner, type Actor } from './access.ts';
import { sortByStart, view, type EngineContext } from './context.ts';
import { EngineError } from './errors.ts';
import { groupsInput, parse } from './input.ts';
import {
  parseListFilter,
  recordMatches,
  stateMatches,
  type ListFilter,
} from './listing-filters.ts';
import { DELETED, type BookingRecord } from './records.ts';
import { eventOf, groupView, type BookingView, type GroupView } from './views.ts';

/** The owner's booking list: one of the named views, narrowed by the query's filters. */
export function listBookings(context: EngineContext, query: unknown, actor: Actor): BookingView[] {
  if (actor.role !== 'owner')
    throw new EngineError('forbidden', 'Listing bookings needs the owner key.');
  const filter = parseListFilter(context.graphs, query);
  const now = context.now();
  const bookings = [...context.store.bookings.values()].filter((booking) =>
    matches(context, booking, filter, now),
  );
  const sorted =
    filter.view === 'recent'
      ? bookings.sort((a, b) => b.updated_at - a.updated_at)
      : sortByStart(context, bookings);
  return sorted.map((booking) => view(context, booking, [], actor));
}

function matches(
  context: EngineContext,
  booking: BookingRecord,
  filter: ListFilter,
  now: number,
): boolean {
  const graph = context.graphs.get(booking.graph)!;
  const state = graph.states[booking.state];
  const event = eventOf(booking, context.views);
  // Deleted bookings are kept for synchronisation: only /bookings/all, or asking for the state, lists them.
  if (booking.state === DELETED && filter.view !== 'all' && !filter.state?.includes(DELETED))
    return false;
  switch (filter.view) {
    case 'active':
    case 'recent':
      if (!state?.holds) return false;
      break;
    case 'no_status':
      if (!state?.holds || booking.status !== null) return false;
      break;
    case 'upcoming':
      if (!state?.holds || !event || event.start < now) return false;
      break;
    case 'unconfirmed':
      if (
        !graph.actions.confirm?.from.includes(booking.state) &&
        booking.state !== 'awaiting_verification'
      )
        return false;
      break;
    case 'visible':
      if (!state?.holds && state?.outcome !== 'declined' && state?.outcome !== 'cancelled')
        return false;
      break;
    case 'all':
    case undefined:
      break;
  }
  if (filter.state && !stateMatches(graph, booking, filter.state)) return false;
  if (!recordMatches(booking, filter)) return false;
  if (filter.start !== undefined && (!event || event.start < filter.start)) return false;
  if (filter.end !== undefined && (!event || event.end > filter.end)) return false;
  // A seat booking is on its class's resource.
  const resourceId =
    booking.resource_id ??
    context.store.bookings.get(booking.related.owner_booking_id ?? '')?.resource_id;
  if (filter.resource_id && !filter.resource_id.includes(resourceId ?? '')) return false;
  if (filter.search) {
    const needle = filter.search.toLowerCase();
    const haystack = [
      event?.what,
      booking.title,
      ...booking.customers.flatMap((customer) => [customer.name, customer.email]),
    ];
    if (!haystack.some((text) => text?.toLowerCase().includes(needle))) return false;
  }
  return true;
}

/** Makeplans' `GET /bookings/find_by/external_id/:external_id`: the owner's own sync id. */
export function findByExternalId(context: EngineContext, externalId: string, actor: Actor) {
  if (actor.role !== 'owner')
    throw new EngineError('forbidden', 'Finding bookings needs the owner key.');
  for (const booking of context.store.bookings.values())
    if (booking.external_id === externalId) return view(context, booking, [], actor);
  throw new EngineError('not_found', `No booking with external_id "${externalId}"`);
}

/** Upcoming classes the caller may see; a key sees its own project's classes whatever it asks. */
export function listGroups(context: EngineContext, query: unknown, actor: Actor): GroupView[] {
  const { access, store } = context;
  const now = context.now();
  const filter = parse(groupsInput, query);
  const keyProject = access.keyProject(actor);
  const project =
    keyProject ?? (filter.project_id ? store.projects.get(filter.project_id) : undefined);
  const classes = [...store.bookings.values()].filter((booking) => {
    if (
      context.graphs.get(booking.graph)?.kind !== 'class' ||
      !context.capacity.holdsCapacity(booking) ||
      !access.sees(actor, { project_id: booking.project_id, resource_id: booking.resource_id })
    )
      return false;
    const event = booking.event!;
    if (event.end <= now) return false;
    if (filter.start !== undefined && event.start < filter.start) return false;
    if (filter.end !== undefined && event.start >= filter.end) return false;
    if (filter.resource_id && booking.resource_id !== filter.resource_id) return false;
    if (
      filter.spaces !== undefined &&
      groupView(booking, context.views).attributes.group_booking.seats_left < filter.spaces
    )
      return false;
    // The same rule as the project's own key: an owner asking for a project sees what its widget does.
    return !project || access.inProject(project, bookingOwner(booking));
  });
  return sortByStart(context, classes).map((groupClass) =>
    groupView(groupClass, context.views, filter.timezone),
  );
}
