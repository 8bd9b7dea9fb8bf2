import { formatInstant, parseInstant } from '../lib/time/index.ts';
import { datesWithSlots, findSlots, type Interval } from './availability.ts';
import { Capacity, cancelDeadline, isLiveHold, type Exclusions } from './capacity.ts';
import { systemClock, type Clock } from './clock.ts';
import { parseDuration } from './duration.ts';
import { Access, OWNER, SYSTEM, WEBHOOK_TOGGLE, actionOf, type Actor } from './access.ts';
import { EngineError, invalid, notFound } from './errors.ts';
import { builtInGraphs } from './graphs/index.ts';
import type { Effect, GraphDefinition, StepDefinition } from './graphs/types.ts';
import {
  availabilityInput,
  createBookingShape,
  customerInput,
  eventInput,
  groupsInput,
  isKnownCreateField,
  listInput,
  parse,
  recurringInput,
  reserveInput,
  rescheduleInput,
  stepInput,
  type EventInput,
  type ListInput,
} from './input.ts';
import { expandRecurrence, RecurrenceError } from './recurrence.ts';
import {
  BOOKING_STATUSES,
  type BookingRecord,
  type BookingStatus,
  type Customer,
  type EventInfo,
  type HoldRecord,
  type ProjectRecord,
  type ResourceRecord,
} from './records.ts';
import { Store, type StoreSnapshot } from './store.ts';
import { TimerQueue } from './timer-queue.ts';
import {
  bookingView,
  deadline,
  eventOf,
  groupView,
  holdView,
  iso,
  outboxView,
  possibleActions,
  resourceView,
  type BookingInclude,
  type BookingView,
  type GroupView,
  type HoldView,
  type OutboxView,
  type ResourceView,
  type ViewContext,
} from './views.ts';
import { checkGraph } from './graph-check.ts';
import { checkSnapshot } from './snapshot-check.ts';

export { OWNER, type Actor };

export interface EngineOptions {
  clock?: Clock;
  /** Id source; tests pass a counter for readable ids. */
  ids?: () => string;
  /** Randomness for roundrobin_random and verification codes. */
  random?: () => number;
  graphs?: readonly GraphDefinition[];
}

export interface AvailableSlot {
  start: string;
  end: string;
  resources: ResourceView[];
}

export interface RecurringResult {
  collection_id: string;
  count: number;
}

/** Data a create chain saves in its save_customer_data and save_booking_data steps. */
interface PendingData {
  customer?: Customer;
  event?: EventInfo;
}

interface RunContext {
  actor: Actor;
  body: Record<string, unknown>;
  pending: PendingData;
}

const DEFAULT_HOLD = '10 minutes';
const DEFAULT_HORIZON = '6 months';
const MAX_AVAILABILITY_SPAN = 183 * 86_400_000;
/**
 * Slot starts one availability request may consider (resources x span / increment), counted
 * before any is generated: about 1 resource at 5-minute steps over 6 months, a few MB of answer
 * and well under a second of work.
 */
export const MAX_CANDIDATE_SLOTS = 100_000;
const DEFAULT_AVAILABILITY_SPAN = 28 * 86_400_000;
/** Wrong verification codes a booking takes before its verification locks: no endless guessing. */
export const VERIFICATION_ATTEMPTS = 5;

/**
 * The booking engine: graphs as data, holds, seats, availability, recurrence, audit logs and an
 * outbox, over an in-memory store. Every public method settles due deadlines first, then works
 * in one transaction: it either completes or changes nothing.
 */
export class BookingEngine {
  readonly clock: Clock;
  private readonly store = new Store();
  private readonly graphs = new Map<string, GraphDefinition>();
  private readonly capacity: Capacity;
  /** Who may see and do what: the one place a widget key is bound to its project. */
  private readonly access: Access;
  private readonly timers = new TimerQueue();
  private readonly newId: () => string;
  private readonly random: () => number;
  private readonly views: ViewContext;
  /** The instant the current operation happens at (a deadline's own time while settling). */
  private opTime: number | undefined;

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.newId = options.ids ?? (() => crypto.randomUUID());
    this.random = options.random ?? Math.random;
    for (const graph of options.graphs ?? builtInGraphs) {
      checkGraph(graph);
      this.graphs.set(graph.name, graph);
    }
    this.capacity = new Capacity(this.store, this.graphs);
    this.access = new Access(this.store, this.graphs);
    const now = () => this.now();
    this.views = {
      graphs: this.graphs,
      resources: this.store.resources,
      bookings: this.store.bookings,
      seatsTaken: (classId) => this.capacity.seatsTaken(classId, now()),
      seatBookings: (classId) => this.store.seatBookingsOfClass(classId),
    };
  }

  // ---------------------------------------------------------------- time

  private now(): number {
    return this.opTime ?? this.clock.now();
  }

  /**
   * Runs every deadline the clock has passed, in time order, each at its own instant, so the
   * outcome is the same whether or not anyone looked in between.
   */
  settle(): void {
    if (this.opTime !== undefined) return;
    const now = this.clock.now();
    try {
      for (let timer = this.timers.popDue(now); timer; timer = this.timers.popDue(now)) {
        this.opTime = timer.at;
        const due = timer;
        this.store.transaction(() =>
          due.kind === 'hold'
            ? this.expireHold(due.id, due.at)
            : this.fireBookingTimer(due.id, due.at),
        );
      }
    } finally {
      this.opTime = undefined;
    }
  }

  private fireBookingTimer(id: string, at: number): void {
    const booking = this.store.bookings.get(id);
    if (!booking?.timer || booking.timer.at !== at) return;
    this.runAction(this.store.editBooking(id), booking.timer.action, {
      actor: SYSTEM,
      body: {},
      pending: {},
    });
  }

  private expireHold(id: string, at: number): void {
    const hold = this.store.holds.get(id);
    if (!hold || hold.state !== 'reserved' || hold.expires_at !== at) return;
    this.store.editHold(id).state = 'expired';
  }

  /** Settles, then runs the work at one fixed instant inside a transaction. */
  private run<T>(work: (now: number) => T): T {
    this.settle();
    this.opTime = this.clock.now();
    try {
      return this.store.transaction(() => work(this.opTime!));
    } finally {
      this.opTime = undefined;
    }
  }

  // ---------------------------------------------------------------- set-up

  addResource(resource: ResourceRecord): void {
    this.store.resources.set(resource.id, structuredClone(resource));
  }

  addProject(project: ProjectRecord): void {
    for (const graph of [project.graph, ...(project.graphs ?? [])])
      if (!this.graphs.has(graph)) throw new Error(`Project ${project.id}: unknown graph ${graph}`);
    this.store.projects.set(project.id, structuredClone(project));
  }

  /** Empties the store (and its deadlines). */
  clear(): void {
    this.store.clear();
    this.timers.clear();
  }

  // ---------------------------------------------------------------- reads

  listGraphs(): GraphDefinition[] {
    return [...this.graphs.values()].map((graph) => structuredClone(graph));
  }

  getGraph(name: string): GraphDefinition {
    const graph = this.graphs.get(name);
    if (!graph)
      throw new EngineError('not_found', `No graph "${name}"; graphs are: ${this.graphNames()}`);
    return structuredClone(graph);
  }

  listResources(actor: Actor = OWNER): ResourceView[] {
    return this.access.resources(actor).map(resourceView);
  }

  getResource(id: string, actor: Actor = OWNER): ResourceView {
    return resourceView(this.access.resource(id, actor));
  }

  /** The raw project record (the mock builds the embed config and checks keys from it). */
  getProject(id: string, actor: Actor = OWNER): ProjectRecord {
    return structuredClone(this.access.project(actor, id)!);
  }

  /** The project a widget key belongs to, if any. */
  projectIdForKey(appKey: string): string | undefined {
    for (const project of this.store.projects.values())
      if (project.app_key === appKey) return project.id;
    return undefined;
  }

  listProjects(): ProjectRecord[] {
    return [...this.store.projects.values()].map((project) => structuredClone(project));
  }

  outbox(): OutboxView[] {
    this.settle();
    return this.store.outbox.map(outboxView);
  }

  // ---------------------------------------------------------------- bookings

  createBooking(body: unknown, actor: Actor): BookingView {
    return this.run(() => {
      const booking = this.create(asObject(body, 'body'), actor);
      return { ...this.view(booking, ['logs']), customer_token: booking.customer_token! };
    });
  }

  getBooking(id: string, actor: Actor, include: readonly BookingInclude[] = []): BookingView {
    return this.run(() => {
      const booking = this.bookingFor(id, actor);
      // Other customers' bookings of the same class are the owner's business only.
      const allowed =
        actor.role === 'owner' ? include : include.filter((name) => name !== 'related_bookings');
      return this.view(booking, allowed);
    });
  }

  performAction(id: string, action: string, body: unknown, actor: Actor): BookingView {
    const outcome: BookingView | EngineError = this.run(() => {
      const booking = this.bookingFor(id, actor);
      const graph = this.graphs.get(booking.graph)!;
      // Who may act comes first: an owner action is refused to a key whatever the state.
      const definition = this.access.action(graph, action, actor);
      const allowed = possibleActions(graph, booking.state);
      if (!definition || definition.by === 'system' || !definition.from.includes(booking.state)) {
        throw new EngineError(
          'invalid_action',
          `"${action}" is not possible on this ${graph.name} booking in state "${booking.state}". ` +
            (allowed.length
              ? `Possible actions: ${allowed.join(', ')}.`
              : 'It is final: no actions are possible.'),
        );
      }
      const raw = asObject(body ?? {}, 'body');
      this.access.refuseOwnerFields(actor, raw, graph);
      const input = this.stepInputs(raw, graph, [
        action,
        ...definition.steps.map((step) => step.name),
      ]);
      if (definition.steps.some((step) => step.effect?.type === 'check_verification_code')) {
        const refusal = this.checkCode(this.store.editBooking(id), input, action, actor);
        // A wrong code is remembered (and may lock), so this refusal commits before it is thrown.
        if (refusal) return refusal;
      }
      this.runAction(this.store.editBooking(id), action, { actor, body: input, pending: {} });
      return this.view(this.store.bookings.get(id)!, ['logs']);
    });
    if (outcome instanceof EngineError) throw outcome;
    return outcome;
  }

  /**
   * Checks a verification code before the graph moves. A wrong one counts, is logged, and after
   * VERIFICATION_ATTEMPTS locks the booking's verification; it is returned (not thrown) so the
   * count survives the transaction. The owner's attempts neither count nor lock.
   */
  private checkCode(
    booking: BookingRecord,
    input: Record<string, unknown>,
    action: string,
    actor: Actor,
  ): EngineError | undefined {
    const verification = booking.verification;
    const isOwner = actor.role !== 'public';
    const lockedError = () =>
      new EngineError(
        'verification_locked',
        `Verification of this booking is locked after ${VERIFICATION_ATTEMPTS} wrong codes. ` +
          (booking.timer
            ? `It lapses at ${deadline(booking.timer.at)} and frees its time; book again then, or ask the business to confirm it.`
            : 'Book again, or ask the business to confirm it.'),
      );
    if (verification?.locked_at !== undefined && !isOwner) throw lockedError();
    const code = (input[action] as { code?: unknown } | undefined)?.code;
    if (typeof code !== 'string' && typeof code !== 'number')
      throw invalid(`${action}.code`, 'is required');
    if (verification && String(code) === verification.code) return undefined;
    if (isOwner || !verification)
      throw invalid(`${action}.code`, 'does not match the code we sent');
    const failed = (verification.failed_attempts ?? 0) + 1;
    verification.failed_attempts = failed;
    this.log(booking, `Wrong verification code (${failed} of ${VERIFICATION_ATTEMPTS})`);
    if (failed < VERIFICATION_ATTEMPTS) {
      const left = VERIFICATION_ATTEMPTS - failed;
      return invalid(
        `${action}.code`,
        `does not match the code we sent; ${left} attempt${left === 1 ? '' : 's'} left`,
      );
    }
    verification.locked_at = this.now();
    this.log(booking, `Verification locked after ${VERIFICATION_ATTEMPTS} wrong codes`);
    return lockedError();
  }

  /** booking.js's POST /bookings/:id/reschedule: the customer's reschedule action with the new time. */
  reschedule(id: string, body: unknown, actor: Actor): BookingView {
    return this.performAction(
      id,
      'reschedule_by_customer',
      { reschedule_by_customer: body },
      actor,
    );
  }

  verify(id: string, code: unknown, actor: Actor): BookingView {
    return this.performAction(id, 'verify', { verify: { code } }, actor);
  }

  setStatus(id: string, status: unknown, actor: Actor): BookingView {
    return this.run(() => {
      if (actor.role !== 'owner')
        throw new EngineError('forbidden', 'Only the owner may set a booking\u2019s status.');
      const booking = this.bookingFor(id, actor);
      if (typeof status !== 'string' || !(BOOKING_STATUSES as readonly string[]).includes(status)) {
        throw invalid('status', `must be one of ${BOOKING_STATUSES.join(', ')}`);
      }
      const state = this.graphs.get(booking.graph)!.states[booking.state];
      if (state?.final && state.outcome !== 'completed') {
        throw new EngineError('invalid_action', `A ${booking.state} booking takes no status.`);
      }
      const edited = this.store.editBooking(id);
      edited.status = status as BookingStatus;
      this.log(edited, `Changed status to: ${status}`);
      return this.view(edited, ['logs']);
    });
  }

  listBookings(query: unknown = {}, actor: Actor = OWNER): BookingView[] {
    return this.run((now) => {
      if (actor.role !== 'owner')
        throw new EngineError('forbidden', 'Listing bookings needs the owner key.');
      const filter = parse(listInput, query);
      const bookings = [...this.store.bookings.values()].filter((booking) =>
        this.matches(booking, filter, now),
      );
      return this.sortByStart(bookings).map((booking) => this.view(booking, []));
    });
  }

  private matches(booking: BookingRecord, filter: ListInput, now: number): boolean {
    const graph = this.graphs.get(booking.graph)!;
    const state = graph.states[booking.state];
    const event = eventOf(booking, this.views);
    switch (filter.view ?? 'all') {
      case 'active':
        if (!state?.holds) return false;
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
        break;
    }
    if (filter.state && !filter.state.includes(booking.state)) return false;
    if (filter.graph && !filter.graph.includes(booking.graph)) return false;
    if (filter.start !== undefined && (!event || event.start < filter.start)) return false;
    if (filter.end !== undefined && (!event || event.end > filter.end)) return false;
    if (filter.resource_id && booking.resource_id !== filter.resource_id) return false;
    if (filter.project_id && booking.project_id !== filter.project_id) return false;
    if (filter.collection_id && booking.collection_id !== filter.collection_id) return false;
    if (filter.search) {
      const needle = filter.search.toLowerCase();
      const haystack = [
        event?.what,
        ...booking.customers.flatMap((customer) => [customer.name, customer.email]),
      ];
      if (!haystack.some((text) => text?.toLowerCase().includes(needle))) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- groups

  listGroups(query: unknown = {}, actor: Actor = OWNER): GroupView[] {
    return this.run((now) => {
      const filter = parse(groupsInput, query);
      const keyProject = this.access.keyProject(actor);
      // The owner may narrow to a project; a key sees its own project's classes whatever it asks.
      const project =
        keyProject ?? (filter.project_id ? this.store.projects.get(filter.project_id) : undefined);
      const classes = [...this.store.bookings.values()].filter((booking) => {
        if (
          this.graphs.get(booking.graph)?.kind !== 'class' ||
          !this.capacity.holdsCapacity(booking) ||
          !this.access.sees(actor, {
            project_id: booking.project_id,
            resource_id: booking.resource_id,
          })
        )
          return false;
        const event = booking.event!;
        if (event.end <= now) return false;
        if (filter.start !== undefined && event.start < filter.start) return false;
        if (filter.end !== undefined && event.start >= filter.end) return false;
        if (filter.resource_id && booking.resource_id !== filter.resource_id) return false;
        if (
          project &&
          booking.project_id !== project.id &&
          !project.resources.includes(booking.resource_id ?? '')
        ) {
          return false;
        }
        return true;
      });
      return this.sortByStart(classes).map((groupClass) =>
        groupView(groupClass, this.views, filter.timezone),
      );
    });
  }

  getGroup(id: string, actor: Actor = OWNER): GroupView {
    return this.run(() => groupView(this.access.groupClass(id, actor), this.views));
  }

  // ---------------------------------------------------------------- holds

  reserve(body: unknown, actor: Actor): HoldView {
    return this.run((now) => {
      const input = parse(reserveInput, body);
      const isPublic = actor.role === 'public';
      const project = this.access.project(actor, input.project_id, 'project_id');
      const span = parseDuration(project?.hold_duration ?? DEFAULT_HOLD)!;
      let hold: HoldRecord;
      if ('resource_id' in input) {
        const resource = this.resourceFor(input.resource_id, actor, 'resource_id');
        this.capacity.checkSlot(resource, input, { now, isPublic, ...this.publicLimits(project) });
        hold = this.newHold(
          { resource_id: resource.id, start: input.start, end: input.end, seats: 1 },
          span,
          now,
        );
      } else {
        const classId = input.related.owner_booking_id;
        const groupClass = this.access.groupClass(classId, actor, 'related.owner_booking_id');
        const seats = input.seats ?? 1;
        this.capacity.checkSeats(groupClass, seats, { now, isPublic });
        const event = groupClass.event!;
        hold = this.newHold(
          { owner_booking_id: classId, start: event.start, end: event.end, seats },
          span,
          now,
        );
      }
      if (project) hold.project_id = project.id;
      this.store.insertHold(hold);
      this.timers.push({ at: hold.expires_at, kind: 'hold', id: hold.id });
      return holdView(hold, now);
    });
  }

  private newHold(
    target: Pick<HoldRecord, 'start' | 'end' | 'seats' | 'resource_id' | 'owner_booking_id'>,
    span: number,
    now: number,
  ): HoldRecord {
    return {
      id: this.newId(),
      state: 'reserved',
      created_at: now,
      expires_at: now + span,
      span_ms: span,
      extended: false,
      ...target,
    };
  }

  getHold(id: string, actor: Actor = OWNER): HoldView {
    return this.run((now) => holdView(this.access.hold(id, actor), now));
  }

  /** One extension by the hold's own span, while it is live. */
  extendHold(id: string, actor: Actor = OWNER): HoldView {
    return this.run((now) => {
      const hold = this.liveHold(this.access.hold(id, actor), now, 'extend');
      if (hold.extended)
        throw new EngineError(
          'invalid_action',
          'A hold can be extended once, and this one already was.',
        );
      const edited = this.store.editHold(id);
      edited.expires_at += edited.span_ms;
      edited.extended = true;
      this.timers.push({ at: edited.expires_at, kind: 'hold', id });
      return holdView(edited, now);
    });
  }

  releaseHold(id: string, actor: Actor = OWNER): HoldView {
    return this.run((now) => {
      const hold = this.access.hold(id, actor);
      if (hold.state === 'released') return holdView(hold, now);
      this.liveHold(hold, now, 'release');
      const edited = this.store.editHold(id);
      edited.state = 'released';
      return holdView(edited, now);
    });
  }

  private liveHold(hold: HoldRecord, now: number, verb: string): HoldRecord {
    if (hold.state === 'expired' || (hold.state === 'reserved' && !isLiveHold(hold, now))) {
      throw new EngineError(
        'hold_expired',
        `The hold expired at ${deadline(hold.expires_at)}; what it held is free again. Pick a time again.`,
      );
    }
    if (hold.state === 'converted') {
      throw new EngineError(
        'invalid_action',
        `Cannot ${verb} this hold: it already became booking ${hold.booking_id}.`,
      );
    }
    if (hold.state === 'released')
      throw new EngineError('invalid_action', `Cannot ${verb} this hold: it was released.`);
    return hold;
  }

  // ---------------------------------------------------------------- availability

  availability(body: unknown, actor: Actor): AvailableSlot[] {
    return this.run((now) => {
      const { slots, resources, timeZone } = this.computeSlots(body, actor, now);
      const byId = new Map(resources.map((resource) => [resource.id, resourceView(resource)]));
      return slots.map((slot) => ({
        start: formatInstant(slot.start, timeZone),
        end: formatInstant(slot.end, timeZone),
        resources: slot.resourceIds.map((id) => byId.get(id)!),
      }));
    });
  }

  /** Days (in the output time zone) with at least one slot, so a calendar can paint before its slots load. */
  availabilityDates(body: unknown, actor: Actor): Array<{ date: string }> {
    return this.run((now) => {
      const { slots, timeZone } = this.computeSlots(body, actor, now);
      return datesWithSlots(slots, timeZone).map((date) => ({ date }));
    });
  }

  private computeSlots(body: unknown, actor: Actor, now: number) {
    const input = parse(availabilityInput, body);
    const project = this.projectFor(actor, input.project_id);
    const ids = input.resources ?? project?.resources;
    if (!ids?.length)
      throw invalid('resources', 'name the resources, or a project_id whose resources to use');
    const resources = ids.map((id, index) => this.resourceFor(id, actor, `resources.${index}`));
    const defaults = project?.availability;
    const length = parseDuration(input.length ?? defaults?.length ?? '1 hour')!;
    const increment =
      parseDuration(input.timeslot_increments ?? defaults?.timeslot_increments ?? '') ?? length;
    const buffer = parseDuration(input.buffer ?? defaults?.buffer ?? '') ?? 0;
    const from = Math.max(resolveMoment(input.from, now) ?? now, now);
    let to =
      resolveMoment(input.to, from) ??
      from + (parseDuration(defaults?.to ?? '') ?? DEFAULT_AVAILABILITY_SPAN);
    if (to <= from) throw invalid('to', 'must be after from (and after now)');
    if (to - from > MAX_AVAILABILITY_SPAN)
      throw invalid('to', 'must be at most 6 months after from');
    if (actor.role === 'public') to = Math.min(to, now + this.publicLimits(project).horizonMs);
    const candidates = Math.ceil((resources.length * Math.max(0, to - from)) / increment);
    if (candidates > MAX_CANDIDATE_SLOTS) {
      throw new EngineError(
        'validation_failed',
        `This request would weigh ${candidates} candidate slots (resources \u00d7 span \u00f7 timeslot_increments); the limit is ${MAX_CANDIDATE_SLOTS}. Ask for a shorter from/to window, fewer resources or a larger timeslot_increments.`,
        ['timeslot_increments', 'to', 'resources'].map((path) => ({
          path,
          message: `resources \u00d7 (to \u2212 from) \u00f7 timeslot_increments must be at most ${MAX_CANDIDATE_SLOTS} candidate slots (this request: ${candidates})`,
        })),
      );
    }
    const busy = new Map<string, Interval[]>(
      resources.map((resource) => [resource.id, this.capacity.busyTime(resource, now)]),
    );
    const slots =
      to > from
        ? findSlots({
            resources,
            busy,
            from,
            to,
            lengthMs: length,
            incrementMs: increment,
            bufferMs: buffer,
            mode: input.mode ?? defaults?.mode ?? 'roundrobin_random',
            random: this.random,
          })
        : [];
    return { slots, resources, timeZone: input.output_timezone ?? 'UTC' };
  }

  // ---------------------------------------------------------------- recurring series

  createRecurring(body: unknown, actor: Actor): RecurringResult {
    return this.run((now) => {
      if (actor.role !== 'owner')
        throw new EngineError('forbidden', 'Recurring series need the owner key.');
      const input = parse(recurringInput, body);
      const first = parse(eventInput, input.booking.event, 'booking.event');
      const resource = this.resolveResource(input.booking, first, actor);
      let occurrences;
      try {
        occurrences = expandRecurrence({
          start: first.start,
          end: first.end,
          timeZone: resource.timezone,
          ...input.recurring,
        });
      } catch (error) {
        if (error instanceof RecurrenceError)
          throw invalid(`recurring.${error.field}`, error.message);
        throw error;
      }
      const collectionId = this.newId();
      const ids: string[] = [];
      for (const occurrence of occurrences) {
        const event = {
          ...(input.booking.event as object),
          start: iso(occurrence.start),
          end: iso(occurrence.end),
        };
        try {
          const booking = this.create({ ...input.booking, event }, actor);
          this.store.editBooking(booking.id).collection_id = collectionId;
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
      this.store.insertCollection({
        id: collectionId,
        booking_ids: ids,
        recurring: input.recurring,
        created_at: now,
      });
      return { collection_id: collectionId, count: ids.length };
    });
  }

  getCollection(id: string): BookingView[] {
    return this.run(() =>
      this.collectionFor(id).booking_ids.map((bookingId) =>
        this.view(this.store.bookings.get(bookingId)!, []),
      ),
    );
  }

  /** Cancels every occurrence that can still be cancelled (cancel, decline or cancel_by_owner). */
  cancelCollection(id: string, body: unknown = {}): { collection_id: string; cancelled: number } {
    return this.run(() => {
      const collection = this.collectionFor(id);
      const message = parse(stepInput, asObject(body ?? {}, 'body').cancel ?? {}, 'cancel').message;
      let cancelled = 0;
      for (const bookingId of collection.booking_ids) {
        const booking = this.store.bookings.get(bookingId)!;
        const allowed = possibleActions(this.graphs.get(booking.graph), booking.state);
        const action = ['cancel', 'decline', 'cancel_by_owner'].find((name) =>
          allowed.includes(name),
        );
        if (!action) continue;
        this.runAction(this.store.editBooking(bookingId), action, {
          actor: OWNER,
          body: message === undefined ? {} : { [action]: { message } },
          pending: {},
        });
        cancelled += 1;
      }
      return { collection_id: id, cancelled };
    });
  }

  private collectionFor(id: string) {
    const collection = this.store.collections.get(id);
    if (!collection) throw notFound('recurring collection', id);
    return collection;
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): StoreSnapshot {
    this.settle();
    return this.store.snapshot();
  }

  /**
   * Replaces the whole store with the snapshot, all or nothing: it is checked in full first
   * (checkSnapshot), and anything that still fails while loading puts the old store back.
   */
  restore(snapshot: unknown): void {
    const checked = checkSnapshot(snapshot, this.graphs);
    const backup = this.store.snapshot();
    try {
      this.load(checked);
    } catch (error) {
      this.load(backup);
      if (error instanceof EngineError) throw error;
      throw new EngineError(
        'validation_failed',
        `The snapshot could not be loaded: ${(error as Error).message}`,
        [{ path: 'store', message: (error as Error).message }],
      );
    }
  }

  private load(snapshot: StoreSnapshot): void {
    this.store.restore(snapshot);
    this.timers.clear();
    for (const booking of this.store.bookings.values()) {
      if (booking.timer)
        this.timers.push({ at: booking.timer.at, kind: 'booking', id: booking.id });
    }
    for (const hold of this.store.holds.values()) {
      if (hold.state === 'reserved')
        this.timers.push({ at: hold.expires_at, kind: 'hold', id: hold.id });
    }
    this.settle();
  }

  // ================================================================ internals

  private graphNames(): string {
    return [...this.graphs.keys()].join(', ');
  }

  private view(booking: BookingRecord, include: readonly BookingInclude[]): BookingView {
    return bookingView(booking, this.views, new Set(include));
  }

  private sortByStart(bookings: BookingRecord[]): BookingRecord[] {
    const start = (booking: BookingRecord) => eventOf(booking, this.views)?.start ?? 0;
    return bookings.sort((a, b) => start(a) - start(b) || a.created_at - b.created_at);
  }

  private bookingFor(id: string, actor: Actor): BookingRecord {
    return this.access.booking(id, actor);
  }

  private projectFor(actor: Actor, requested: string | undefined): ProjectRecord | undefined {
    return this.access.project(actor, requested, 'project_id');
  }

  private resourceFor(id: string, actor: Actor, path: string): ResourceRecord {
    return this.access.resource(id, actor, path);
  }

  private publicLimits(project: ProjectRecord | undefined) {
    return {
      horizonMs: parseDuration(project?.booking_horizon ?? DEFAULT_HORIZON)!,
      bufferMs: parseDuration(project?.availability.buffer ?? '') ?? 0,
    };
  }

  /** The resource a 1:1 booking or class is for: event.resource_id, resource_id, calendar_id, or the project's only one. */
  private resolveResource(
    body: Record<string, unknown>,
    event: EventInput,
    actor: Actor,
  ): ResourceRecord {
    const direct =
      event.resource_id ?? (typeof body.resource_id === 'string' ? body.resource_id : undefined);
    if (direct) return this.resourceFor(direct, actor, 'resource_id');
    if (event.calendar_id) {
      // Only among the resources the caller may see, so another project's calendar reads as unknown.
      const byCalendar = this.access
        .resources(actor)
        .find(
          (resource) =>
            resource.calendar.id === event.calendar_id || resource.id === event.calendar_id,
        );
      if (!byCalendar)
        throw new EngineError('not_found', `No calendar with id "${event.calendar_id}"`, [
          { path: 'event.calendar_id', message: 'unknown calendar' },
        ]);
      return this.resourceFor(byCalendar.id, actor, 'event.calendar_id');
    }
    const projectId =
      actor.role === 'public' ? actor.projectId : (body.project_id as string | undefined);
    const only = projectId ? this.store.projects.get(projectId)?.resources : undefined;
    if (only?.length === 1) return this.resourceFor(only[0]!, actor, 'resource_id');
    throw invalid('resource_id', 'is required (or event.calendar_id) to say whose time is booked');
  }

  /** Keeps only the step toggles and inputs a graph understands; anything else is a mistake worth reporting. */
  private stepInputs(
    body: Record<string, unknown>,
    graph: GraphDefinition,
    names: readonly string[],
  ): Record<string, unknown> {
    const known = new Set([...names, WEBHOOK_TOGGLE]);
    const inputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if (!known.has(key)) {
        throw invalid(key, `is not a field of this request nor a step of the ${graph.name} graph`);
      }
      inputs[key] = parse(stepInput, value, key);
    }
    return inputs;
  }

  // ---------------------------------------------------------------- create

  private create(raw: Record<string, unknown>, actor: Actor): BookingRecord {
    const now = this.now();
    // Split with fromEntries: a "__proto__" key stays a plain (refused) field, never a prototype.
    const entries = Object.entries(raw);
    const known = Object.fromEntries(entries.filter(([key]) => isKnownCreateField(key)));
    const rest = Object.fromEntries(entries.filter(([key]) => !isKnownCreateField(key)));
    // A key books with its project's graph when it names none.
    if (known.graph === undefined && actor.role === 'public')
      known.graph = this.access.keyProject(actor)!.graph;
    const shape = parse(createBookingShape, known);
    const graph = this.graphs.get(shape.graph);
    if (!graph)
      throw invalid('graph', `"${shape.graph}" is not a graph; graphs are: ${this.graphNames()}`);
    const actionName = shape.action ?? graph.createAction;
    if (actionName !== graph.createAction) {
      throw new EngineError(
        'invalid_action',
        `A ${graph.name} booking starts with "${graph.createAction}", not "${actionName}".`,
      );
    }
    this.access.action(graph, actionName, actor, `create ${graph.name} bookings`);
    this.access.createGraph(actor, graph.name);
    this.access.refuseOwnerFields(actor, raw, graph);
    const stepInputs = this.stepInputs(rest, graph, allStepNames(graph));
    const customer = graph.needsCustomer
      ? { id: this.newId(), ...parse(customerInput, shape.customer, 'customer') }
      : undefined;
    if (!graph.needsCustomer && shape.customer !== undefined)
      throw invalid('customer', `a ${graph.name} booking has no customer`);

    const isPublic = actor.role === 'public';
    const project = this.projectFor(actor, shape.project_id);
    const hold = shape.reservation_id
      ? this.liveHold(
          this.access.hold(shape.reservation_id, actor, 'reservation_id'),
          now,
          'book with',
        )
      : undefined;
    const exclude: Exclusions = hold ? { holdId: hold.id } : {};
    const booking: BookingRecord = {
      id: this.newId(),
      graph: graph.name,
      state: 'new',
      status: null,
      created_at: now,
      updated_at: now,
      created_by: actor.role === 'owner' ? 'owner' : 'public',
      customers: [],
      settings: { ...project?.booking_settings, ...shape.settings },
      related: {},
      logs: [],
      ...(project ? { project_id: project.id } : {}),
      ...(hold ? { reservation_id: hold.id } : {}),
    };
    if (graph.needsCustomer) booking.customer_token = this.token();

    let event: EventInfo | undefined;
    if (graph.kind === 'seats') {
      const classId = shape.related?.owner_booking_id ?? hold?.owner_booking_id;
      if (!classId)
        throw invalid('related.owner_booking_id', `is required for ${graph.name} bookings`);
      if (hold && hold.owner_booking_id !== classId)
        throw invalid('reservation_id', 'holds seats of another class');
      const groupClass = this.access.groupClass(classId, actor, 'related.owner_booking_id');
      const seats = shape.related?.seats ?? hold?.seats ?? 1;
      this.capacity.checkSeats(groupClass, seats, { now, isPublic, exclude });
      booking.related = { owner_booking_id: classId, seats };
      if (groupClass.project_id && !booking.project_id) booking.project_id = groupClass.project_id;
    } else {
      // A hold already says where and when; the event only adds what (the project's name by default).
      const given = shape.event ?? topLevelEvent(raw, project) ?? (hold ? {} : undefined);
      const input = parse(eventInput, withHoldTimes(given, hold, project), 'event');
      const resource = this.resolveResource(raw, input, actor);
      if (
        hold &&
        (hold.resource_id !== resource.id || hold.start !== input.start || hold.end !== input.end)
      ) {
        throw invalid('reservation_id', 'holds a different resource or time than the event');
      }
      if (graph.kind === 'class') {
        if (booking.settings.max_seats === undefined)
          throw invalid('settings.max_seats', 'is required for a class');
      }
      this.capacity.checkSlot(resource, input, {
        now,
        isPublic,
        ignoreCapacity: shape.ignore_capacity === true,
        exclude,
        ...this.publicLimits(project),
      });
      booking.resource_id = resource.id;
      event = {
        start: input.start,
        end: input.end,
        what: input.what,
        ...(input.where === undefined ? {} : { where: input.where }),
        ...(input.description === undefined ? {} : { description: input.description }),
      };
    }

    this.store.insertBooking(booking);
    const created = this.store.editBooking(booking.id);
    this.runAction(created, actionName, {
      actor,
      body: stepInputs,
      pending: { ...(customer ? { customer } : {}), ...(event ? { event } : {}) },
    });
    if (hold) {
      const converted = this.store.editHold(hold.id);
      converted.state = 'converted';
      converted.booking_id = booking.id;
    }
    return created;
  }

  private token(): string {
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  // ---------------------------------------------------------------- the graph machine

  /** Runs an action's steps and the autoplay chain after it, to the next resting state. */
  private runAction(booking: BookingRecord, actionName: string, context: RunContext): void {
    const graph = this.graphs.get(booking.graph)!;
    const action = actionOf(graph, actionName)!;
    delete booking.timer;
    const paused = action.resumes ? booking.paused : undefined;
    delete booking.paused;
    this.runSteps(booking, actionName, action.steps, 0, context);
    if (paused && !booking.paused) {
      const pausedAction = actionOf(graph, paused.action)!;
      this.runSteps(booking, paused.action, pausedAction.steps, paused.next, context);
    }
    this.rest(booking, context);
  }

  private runSteps(
    booking: BookingRecord,
    actionName: string,
    steps: StepDefinition[],
    from: number,
    context: RunContext,
  ): void {
    for (let index = from; index < steps.length; index += 1) {
      const step = steps[index]!;
      if (step.when === 'verification_required' && booking.settings.verification === undefined)
        continue;
      const input = {
        ...(context.body[actionName] as object),
        ...(context.body[step.name] as object),
      } as Record<string, unknown>;
      if (step.optional && input.enabled === false) {
        this.log(booking, `Skipped ${step.name}: disabled in the request`);
      } else if (step.effect) {
        this.apply(step.effect, booking, input, context);
      }
      this.enter(booking, step.to);
      if (step.pause) {
        booking.paused = { action: actionName, next: index + 1 };
        return;
      }
    }
  }

  private enter(booking: BookingRecord, state: string): void {
    booking.state = state;
    this.log(booking, `Changed state to: ${state}`);
  }

  /** Arrived in a resting state: start its deadline, fire webhooks. */
  private rest(booking: BookingRecord, context: RunContext): void {
    const graph = this.graphs.get(booking.graph)!;
    const state = graph.states[booking.state];
    if (!state) throw new Error(`Graph ${graph.name} stopped in undeclared state ${booking.state}`);
    const now = this.now();
    if (state.timeout) {
      const span =
        durationOf(booking.settings[state.timeout.setting]) ??
        parseDuration(state.timeout.default)!;
      booking.timer = { at: now + span, action: state.timeout.action };
      this.timers.push({ at: booking.timer.at, kind: 'booking', id: booking.id });
    }
    const project = booking.project_id ? this.store.projects.get(booking.project_id) : undefined;
    if (!project?.webhooks.length) return;
    const toggle = context.body[WEBHOOK_TOGGLE] as { enabled?: boolean } | undefined;
    if (toggle?.enabled === false) {
      this.log(booking, `Skipped ${WEBHOOK_TOGGLE}: disabled in the request`);
      return;
    }
    for (const url of project.webhooks) {
      const payload = { event: `booking.${booking.state}`, booking: this.view(booking, []) };
      this.send(booking, 'webhook', url, payload.event, JSON.stringify(payload));
      this.log(booking, `Webhook triggered: ${url}`);
    }
  }

  private apply(
    effect: Effect,
    booking: BookingRecord,
    input: Record<string, unknown>,
    context: RunContext,
  ): void {
    const now = this.now();
    switch (effect.type) {
      case 'save_customer':
        if (context.pending.customer) booking.customers = [context.pending.customer];
        return;
      case 'save_booking':
        if (context.pending.event) booking.event = context.pending.event;
        this.log(booking, 'Updated booking object with success');
        return;
      case 'create_event':
        this.log(
          booking,
          `Created event in calendar: ${this.resourceOfBooking(booking)?.calendar.name ?? 'none'}`,
        );
        return;
      case 'delete_event':
        this.log(booking, 'Removed event from calendar');
        return;
      case 'log':
        this.log(booking, this.fill(effect.text, booking), messageData(input));
        return;
      case 'email':
        this.email(booking, effect.to, effect.template, this.fill(effect.subject, booking), input);
        return;
      case 'send_verification_code': {
        const span =
          durationOf(booking.settings.verification_window) ?? parseDuration('15 minutes')!;
        const code = String(Math.floor(this.random() * 1_000_000)).padStart(6, '0');
        booking.verification = { code, expires_at: now + span };
        this.email(booking, 'customer', 'verification code', `Your code: ${code}`, { code });
        return;
      }
      case 'check_verification_code': {
        const code = input.code;
        if (typeof code !== 'string' && typeof code !== 'number')
          throw invalid('verify.code', 'is required');
        if (String(code) !== booking.verification?.code)
          throw invalid('verify.code', 'does not match the code we sent');
        this.log(booking, 'Verification code accepted');
        return;
      }
      case 'check_cancel_window': {
        const groupClass = this.store.bookings.get(booking.related.owner_booking_id ?? '');
        if (groupClass && now > cancelDeadline(groupClass)) {
          throw new EngineError(
            'booking_window',
            `Seats can be given up no later than ${String(groupClass.settings.min_cancel_time ?? '0 minutes')} before the class; it is too late now.`,
          );
        }
        this.log(
          booking,
          this.fill('Booking was cancelled by customer: {customer_email}', booking),
          messageData(input),
        );
        return;
      }
      case 'register_payment':
        booking.paid_at = now;
        this.log(booking, 'Payment registered', JSON.stringify(omit(input, 'enabled')));
        return;
      case 'reschedule':
        this.rescheduleInto(booking, input, context);
        return;
      case 'cancel_seat_bookings': {
        let count = 0;
        for (const seat of this.store.seatBookingsOfClass(booking.id)) {
          if (!possibleActions(this.graphs.get(seat.graph), seat.state).includes('cancel_by_owner'))
            continue;
          const message = typeof input.message === 'string' ? { message: input.message } : {};
          this.runAction(this.store.editBooking(seat.id), 'cancel_by_owner', {
            actor: SYSTEM,
            body: { cancel_by_owner: message },
            pending: {},
          });
          count += 1;
        }
        for (const hold of this.store.holdsOfClass(booking.id)) {
          if (isLiveHold(hold, now)) this.store.editHold(hold.id).state = 'released';
        }
        this.log(booking, `Cancelled ${count} seat booking${count === 1 ? '' : 's'}`);
        return;
      }
    }
  }

  private rescheduleInto(
    booking: BookingRecord,
    input: Record<string, unknown>,
    context: RunContext,
  ): void {
    const slot = parse(rescheduleInput, omit(input, 'enabled'), 'reschedule_by_customer');
    const resource = this.resourceFor(
      slot.resource_id ?? booking.resource_id ?? '',
      context.actor,
      'resource_id',
    );
    const project = booking.project_id ? this.store.projects.get(booking.project_id) : undefined;
    this.capacity.checkSlot(resource, slot, {
      now: this.now(),
      isPublic: context.actor.role === 'public',
      exclude: { bookingId: booking.id },
      ...this.publicLimits(project),
    });
    const moved: BookingRecord = {
      ...structuredClone(booking),
      id: this.newId(),
      state: 'new',
      status: null,
      created_at: this.now(),
      updated_at: this.now(),
      resource_id: resource.id,
      logs: [],
      related: { rescheduled_from: booking.id },
    };
    delete moved.event;
    delete moved.timer;
    delete moved.reservation_id;
    delete moved.collection_id;
    this.store.insertBooking(moved);
    const event = { ...booking.event!, start: slot.start, end: slot.end };
    this.runAction(this.store.editBooking(moved.id), this.graphs.get(booking.graph)!.createAction, {
      actor: context.actor,
      body: {},
      pending: { customer: booking.customers[0]!, event },
    });
    booking.related.rescheduled_to = moved.id;
    this.log(booking, `Rescheduled to booking ${moved.id}`, messageData(input));
  }

  private resourceOfBooking(booking: BookingRecord): ResourceRecord | undefined {
    const resourceId =
      booking.resource_id ??
      this.store.bookings.get(booking.related.owner_booking_id ?? '')?.resource_id;
    return resourceId ? this.store.resources.get(resourceId) : undefined;
  }

  private ownerEmail(booking: BookingRecord): string {
    const project = booking.project_id ? this.store.projects.get(booking.project_id) : undefined;
    return (
      this.resourceOfBooking(booking)?.email ?? project?.owner_email ?? 'owner@slotkit.invalid'
    );
  }

  private fill(template: string, booking: BookingRecord): string {
    return template
      .replaceAll('{owner_email}', this.ownerEmail(booking))
      .replaceAll('{customer_email}', booking.customers[0]?.email ?? '')
      .replaceAll('{what}', eventOf(booking, this.views)?.what ?? 'booking');
  }

  /** Logs the attempt and the delivery as seed 000 shows them, and records the email in the outbox. */
  private email(
    booking: BookingRecord,
    to: 'owner' | 'customer',
    template: string,
    subject: string,
    input: Record<string, unknown>,
  ): void {
    const customer = booking.customers[0];
    const address = to === 'owner' ? this.ownerEmail(booking) : customer?.email;
    if (!address) return;
    this.log(booking, `Trying to send (${template}) email to ${to} (${address})...`);
    const event = eventOf(booking, this.views);
    const timeZone =
      (to === 'customer' ? customer?.timezone : undefined) ??
      this.resourceOfBooking(booking)?.timezone ??
      'UTC';
    const lines = [
      to === 'customer' ? `Hi ${customer?.name ?? ''},` : 'Hi,',
      '',
      `${capitalize(template)}: ${event?.what ?? 'booking'}`,
      ...(event ? [`When: ${describeTime(event.start, event.end, timeZone)}`] : []),
      ...(event?.where ? [`Where: ${event.where}`] : []),
      ...(to === 'owner' && customer ? [`Customer: ${customer.name} <${customer.email}>`] : []),
      ...(booking.related.seats ? [`Seats: ${booking.related.seats}`] : []),
      ...(typeof input.code === 'string' ? [`Verification code: ${input.code}`] : []),
      ...(typeof input.message === 'string' && input.message
        ? ['', `Message: ${input.message}`]
        : []),
    ];
    this.send(booking, 'email', address, subject, lines.join('\n'));
    this.log(booking, `Email sent to ${address}!`);
  }

  private send(
    booking: BookingRecord,
    kind: 'email' | 'webhook',
    to: string,
    subject: string,
    body: string,
  ): void {
    this.store.appendOutbox({
      id: this.newId(),
      kind,
      to,
      subject,
      body,
      booking_id: booking.id,
      state: booking.state,
      created_at: this.now(),
    });
  }

  private log(booking: BookingRecord, description: string, data = '[]', at = this.now()): void {
    booking.logs.push({ description, success: 'true', state: booking.state, data, created_at: at });
    booking.updated_at = at;
  }
}

function allStepNames(graph: GraphDefinition): string[] {
  return Object.entries(graph.actions).flatMap(([name, action]) => [
    name,
    ...action.steps.map((step) => step.name),
  ]);
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(path, 'must be a JSON object');
  return value as Record<string, unknown>;
}

/** booking.js puts start, end, what, where and description at the top level of its create body. */
function topLevelEvent(raw: Record<string, unknown>, project: ProjectRecord | undefined): unknown {
  if (raw.start === undefined && raw.end === undefined) return undefined;
  const { start, end, what, where, description } = raw;
  return {
    start,
    end,
    what: what ?? project?.name ?? 'Booking',
    ...(where === undefined ? {} : { where }),
    ...(description === undefined ? {} : { description }),
  };
}

/** Fills a seat hold's or slot hold's times into an event the caller left without them. */
function withHoldTimes(
  event: unknown,
  hold: HoldRecord | undefined,
  project: ProjectRecord | undefined,
): unknown {
  if (!hold || typeof event !== 'object' || event === null) return event;
  const given = event as Record<string, unknown>;
  return {
    what: project?.name ?? 'Booking',
    start: iso(hold.start),
    end: iso(hold.end),
    ...(hold.resource_id ? { resource_id: hold.resource_id } : {}),
    ...given,
  };
}

/** "now", an instant, or a duration after `base` (Timekit's `to: "4 weeks"`). */
function resolveMoment(text: string | undefined, base: number): number | undefined {
  if (text === undefined) return undefined;
  if (text === 'now') return base;
  return parseInstant(text) ?? base + parseDuration(text)!;
}

function durationOf(value: unknown): number | undefined {
  return typeof value === 'string' ? parseDuration(value) : undefined;
}

function messageData(input: Record<string, unknown>): string {
  return typeof input.message === 'string' ? JSON.stringify({ message: input.message }) : '[]';
}

function omit(input: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = input;
  return rest;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Building an Intl formatter costs far more than using one: keep one per zone.
const emailTimeFormats = new Map<string, Intl.DateTimeFormat>();

function describeTime(start: number, end: number, timeZone: string): string {
  let format = emailTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone });
    emailTimeFormats.set(timeZone, format);
  }
  return `${format.formatRange(new Date(start), new Date(end))} (${timeZone})`;
}
