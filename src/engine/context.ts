import { Access, type Actor } from './access.ts';
import { Capacity } from './capacity.ts';
import type { Clock } from './clock.ts';
import { parseDuration } from './duration.ts';
import { invalid } from './errors.ts';
import type { GraphDefinition } from './graphs/types.ts';
import type { BookingRecord, ProjectRecord } from './records.ts';
import { Store } from './store.ts';
import { TimerQueue } from './timer-queue.ts';
import {
  bookingView,
  eventOf,
  type BookingInclude,
  type BookingView,
  type ViewContext,
} from './views.ts';

/**
 * What every part of the engine shares: the store and its deadlines, the graphs, capacity and
 * access rules, and the instant the current operation happens at. The parts (machine, creation,
 * holds, slots, listing, notifications) take this object and never the BookingEngine, so one
 * booking's path never re-enters the engine's public methods.
 */
export interface EngineContext {
  readonly clock: Clock;
  readonly store: Store;
  readonly graphs: ReadonlyMap<string, GraphDefinition>;
  readonly capacity: Capacity;
  /** Who may see and do what: the one place a widget key is bound to its project. */
  readonly access: Access;
  readonly timers: TimerQueue;
  readonly views: ViewContext;
  readonly newId: () => string;
  /** Randomness for roundrobin_random and verification codes. */
  readonly random: () => number;
  /** Where emails' one-click decision links point (decisions.ts), and the fallback secret. */
  readonly pages: { decisions: string; decision_secret?: string };
  /** The instant the current operation happens at (a deadline's own time while settling). */
  opTime: number | undefined;
  /** opTime while an operation runs, the clock's time otherwise. */
  now(): number;
}

export function createContext(options: {
  clock: Clock;
  graphs: Map<string, GraphDefinition>;
  newId: () => string;
  random: () => number;
  pages: { decisions: string };
}): EngineContext {
  const store = new Store();
  const capacity = new Capacity(store, options.graphs);
  const context: EngineContext = {
    ...options,
    store,
    capacity,
    access: new Access(store, options.graphs),
    timers: new TimerQueue(),
    views: {
      graphs: options.graphs,
      resources: store.resources,
      bookings: store.bookings,
      seatsTaken: (classId) => capacity.seatsTaken(classId, context.now()),
      seatBookings: (classId) => store.seatBookingsOfClass(classId),
    },
    opTime: undefined,
    now: () => context.opTime ?? context.clock.now(),
  };
  return context;
}

const DEFAULT_HORIZON = '6 months';

export function graphNames(context: EngineContext): string {
  return [...context.graphs.keys()].join(', ');
}

/** `reader`: the owner (and the webhook, the owner's too) also sees custom_data; no one else. */
export function view(
  context: EngineContext,
  booking: BookingRecord,
  include: readonly BookingInclude[],
  reader?: Actor,
): BookingView {
  const forOwner = reader !== undefined && reader.role !== 'public';
  return bookingView(booking, context.views, includeSet(include, forOwner));
}

// Callers ask for the same few lists: each set is built once, looked up by its names.
const includeSets = new Map<string, ReadonlySet<BookingInclude>>();

function includeSet(
  include: readonly BookingInclude[],
  forOwner: boolean,
): ReadonlySet<BookingInclude> {
  const key = `${include.join(',')}${forOwner ? '+owner' : ''}`;
  let set = includeSets.get(key);
  if (!set) {
    set = new Set<BookingInclude>(forOwner ? [...include, 'custom_data'] : include);
    // A few names in any order: the map stays tiny; cleared in case a caller builds lists.
    if (includeSets.size >= 100) includeSets.clear();
    includeSets.set(key, set);
  }
  return set;
}

export function sortByStart(context: EngineContext, bookings: BookingRecord[]): BookingRecord[] {
  const start = (booking: BookingRecord) => eventOf(booking, context.views)?.start ?? 0;
  return bookings.sort((a, b) => start(a) - start(b) || a.created_at - b.created_at);
}

/** How far ahead, and how close to another booking, a widget key may book in this project. */
export function publicLimits(project: ProjectRecord | undefined) {
  return {
    horizonMs: parseDuration(project?.booking_horizon ?? DEFAULT_HORIZON)!,
    bufferMs: parseDuration(project?.availability.buffer ?? '') ?? 0,
  };
}

export function projectOf(
  context: EngineContext,
  booking: BookingRecord,
): ProjectRecord | undefined {
  return booking.project_id ? context.store.projects.get(booking.project_id) : undefined;
}

export function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(path, 'must be a JSON object');
  return value as Record<string, unknown>;
}
