import { z } from 'zod';
import { EngineError } from './errors.ts';
import type { GraphDefinition } from './graphs/types.ts';
import { instant, LIMITS, line, parse } from './input.ts';
import { BOOKING_STATUSES, DELETED, type BookingRecord } from './records.ts';

/**
 * What the owner's booking lists accept (Timekit's filters and Makeplans' seed 004), checked
 * whole before anything is read: an unknown state, graph or status is a 422 naming it, never a
 * filter that silently matches nothing or everything.
 */

export const LIST_VIEWS = [
  'all',
  'upcoming',
  'unconfirmed',
  'visible',
  'active',
  'recent',
  'no_status',
] as const;
export type ListView = (typeof LIST_VIEWS)[number];

/**
 * Makeplans' state names that have no state of their own here: each is the graph's resting state
 * the name describes, so `state=awaiting_payment` finds tentative bookings of the paid graphs.
 */
export const STATE_ALIASES: Record<string, (graph: GraphDefinition, state: string) => boolean> = {
  awaiting_confirmation: (graph, state) => graph.actions.confirm?.from.includes(state) === true,
  awaiting_payment: (graph, state) =>
    Object.values(graph.actions).some(
      (action) =>
        action.from.includes(state) &&
        action.steps.some((step) => step.effect?.type === 'register_payment'),
    ),
};

const id = line(100).min(1);
const list = (max: number) => z.array(id).min(1).max(max);

export const listFilterInput = z
  .object({
    view: z.enum(LIST_VIEWS).optional(),
    state: list(50).optional(),
    status: z
      .array(z.enum(BOOKING_STATUSES as [string, ...string[]]))
      .max(10)
      .optional(),
    graph: list(50).optional(),
    start: instant.optional(),
    end: instant.optional(),
    /** Updated after this instant: Makeplans' incremental sync. */
    since: instant.optional(),
    search: line(LIMITS.name).optional(),
    ids: list(500).optional(),
    external_id: line(LIMITS.short).min(1).optional(),
    resource_id: list(100).optional(),
    project_id: id.optional(),
    collection_id: id.optional(),
    /** Makeplans' names for what is here a project (service), a class (event), a customer (person). */
    service_id: list(100).optional(),
    event_id: list(100).optional(),
    person_id: list(100).optional(),
  })
  .strict();

export type ListFilter = z.output<typeof listFilterInput>;

/** Parses a listing query and refuses state and graph names that no graph knows. */
export function parseListFilter(
  graphs: ReadonlyMap<string, GraphDefinition>,
  query: unknown,
): ListFilter {
  const filter = parse(listFilterInput, query);
  const states = new Set([DELETED, ...Object.keys(STATE_ALIASES)]);
  for (const graph of graphs.values()) for (const state in graph.states) states.add(state);
  unknownNames('state', filter.state, states);
  unknownNames('graph', filter.graph, new Set(graphs.keys()));
  return filter;
}

function unknownNames(field: string, given: string[] | undefined, known: Set<string>): void {
  const unknown = (given ?? []).filter((name) => !known.has(name));
  if (!unknown.length) return;
  const message = `unknown ${unknown.map((name) => `"${name}"`).join(', ')}; known: ${[...known].join(', ')}`;
  throw new EngineError('validation_failed', `${field}: ${message}`, [{ path: field, message }]);
}

/** The booking's state is one the filter names, directly or through a Makeplans alias. */
export function stateMatches(graph: GraphDefinition, booking: BookingRecord, names: string[]) {
  return names.some(
    (name) => name === booking.state || STATE_ALIASES[name]?.(graph, booking.state) === true,
  );
}

/** The filters that read the record alone (views, states and times are the listing's). */
export function recordMatches(booking: BookingRecord, filter: ListFilter): boolean {
  if (filter.status && !filter.status.includes(booking.status ?? '')) return false;
  if (filter.since !== undefined && booking.updated_at <= filter.since) return false;
  if (filter.ids && !filter.ids.includes(booking.id)) return false;
  if (filter.external_id !== undefined && booking.external_id !== filter.external_id) return false;
  if (filter.graph && !filter.graph.includes(booking.graph)) return false;
  if (filter.project_id && booking.project_id !== filter.project_id) return false;
  if (filter.collection_id && booking.collection_id !== filter.collection_id) return false;
  if (filter.service_id && !filter.service_id.includes(booking.project_id ?? '')) return false;
  if (filter.event_id && !filter.event_id.includes(booking.related.owner_booking_id ?? ''))
    return false;
  if (filter.person_id && !booking.customers.some(({ id }) => filter.person_id!.includes(id)))
    return false;
  return true;
}
