import { OWNER, SYSTEM, type Actor } from './access.ts';
import * as actions from './actions.ts';
import { systemClock, type Clock } from './clock.ts';
import { asObject, createContext, graphNames, view, type EngineContext } from './context.ts';
import { create } from './create.ts';
import * as edit from './edit.ts';
import { EngineError } from './errors.ts';
import { checkGraph } from './graph-check.ts';
import { randomId } from './ids.ts';
import { cacheZoneOffsets } from '../lib/time/zone-days.ts';
import { builtInGraphs } from './graphs/index.ts';
import type { GraphDefinition } from './graphs/types.ts';
import * as holds from './holds.ts';
import * as decisions from './decisions.ts';
import * as listing from './listing.ts';
import * as projectSettings from './project-settings.ts';
import * as reminders from './reminders.ts';
import { runAction } from './machine.ts';
import type { ProjectRecord, ResourceRecord } from './records.ts';
import * as series from './series.ts';
import * as services from './services.ts';
import * as slots from './slots.ts';
import { WebhookRegistry } from './webhook-registry.ts';
import * as waitlist from './waitlist.ts';
import { offerFreedSeats } from './waitlist-offers.ts';
import { checkSnapshot } from './snapshot-check.ts';
import type { StoreSnapshot } from './store.ts';
import {
  groupView,
  holdView,
  outboxView,
  resourceView,
  type BookingInclude,
  type BookingView,
  type GroupView,
  type HoldView,
  type OutboxView,
  type ResourceView,
} from './views.ts';

export { OWNER, type Actor };
export { VERIFICATION_ATTEMPTS } from './actions.ts';
export { MAX_CANDIDATE_SLOTS, type AvailableSlot } from './slots.ts';
export type { RecurringResult } from './series.ts';

export interface EngineOptions {
  clock?: Clock;
  /** Id source; tests pass a counter for readable ids. */
  ids?: () => string;
  /** Randomness for roundrobin_random and verification codes. */
  random?: () => number;
  graphs?: readonly GraphDefinition[];
  /** Where the owner's one-click decision links point (`npm run api` sets its own address). */
  decisionPage?: string;
}

/**
 * The booking engine: graphs as data, holds, seats, availability, recurrence, audit logs and an
 * outbox, over an in-memory store. Every public method settles due deadlines first, then works
 * in one transaction: it either completes or changes nothing.
 *
 * This class is the front door only: time, set-up, reads and snapshots. The work lives in the
 * parts (machine, create, actions, holds, slots, listing, series, notify), which share one
 * EngineContext and never call back into this class.
 */
export class BookingEngine {
  readonly clock: Clock;
  /** The owner's webhooks and their deliveries (webhook-registry.ts). */
  readonly webhooks: WebhookRegistry;
  private readonly context: EngineContext;

  constructor(options: EngineOptions = {}) {
    // Slots convert thousands of wall times per request: read each zone's day from Intl once.
    cacheZoneOffsets();
    this.clock = options.clock ?? systemClock;
    const graphs = new Map<string, GraphDefinition>();
    for (const graph of options.graphs ?? builtInGraphs) {
      checkGraph(graph);
      graphs.set(graph.name, graph);
    }
    this.context = createContext({
      clock: this.clock,
      graphs,
      newId: options.ids ?? randomId,
      random: options.random ?? Math.random,
      pages: { decisions: options.decisionPage ?? decisions.DEFAULT_DECISION_PAGE },
    });
    this.webhooks = new WebhookRegistry(this.context, (work) => this.run(work));
  }

  // ---------------------------------------------------------------- time

  /**
   * Runs every deadline the clock has passed, in time order, each at its own instant, so the
   * outcome is the same whether or not anyone looked in between.
   */
  settle(): void {
    const { context } = this;
    if (context.opTime !== undefined) return;
    const now = this.clock.now();
    try {
      for (let timer = context.timers.popDue(now); timer; timer = context.timers.popDue(now)) {
        context.opTime = timer.at;
        const due = timer;
        context.store.transaction(() => {
          if (due.kind === 'hold') holds.expireHold(context, due.id, due.at);
          else if (due.kind === 'reminder') reminders.sendReminder(context, due.id, due.at);
          else this.fireBookingTimer(due.id, due.at);
          offerFreedSeats(context);
        });
      }
    } finally {
      context.opTime = undefined;
    }
  }

  private fireBookingTimer(id: string, at: number): void {
    const { store } = this.context;
    const booking = store.bookings.get(id);
    if (!booking?.timer || booking.timer.at !== at) return;
    runAction(this.context, store.editBooking(id), booking.timer.action, {
      actor: SYSTEM,
      body: {},
      pending: {},
    });
  }

  /** Settles, then runs the work at one fixed instant inside a transaction. */
  private run<T>(work: (context: EngineContext) => T): T {
    const { context } = this;
    this.settle();
    context.opTime = this.clock.now();
    try {
      return context.store.transaction(() => {
        const result = work(context);
        // Seats this change freed go to the waitlist before anyone else can ask for them.
        offerFreedSeats(context);
        return result;
      });
    } finally {
      context.opTime = undefined;
    }
  }

  // ---------------------------------------------------------------- set-up

  addResource(resource: ResourceRecord): void {
    const copy = structuredClone(resource);
    // The calendar is created with its resource (Timekit shows when).
    copy.calendar.created_at ??= this.context.now();
    copy.calendar.updated_at ??= copy.calendar.created_at;
    this.context.store.resources.set(resource.id, copy);
  }

  addProject(project: ProjectRecord): void {
    for (const graph of [project.graph, ...(project.graphs ?? [])])
      if (!this.context.graphs.has(graph))
        throw new Error(`Project ${project.id}: unknown graph ${graph}`);
    // The settings the owner could change later are held to the same rules from the start.
    const problem = projectSettings.settingsProblem(project);
    if (problem) throw new Error(`Project ${project.id}: ${problem}`);
    this.context.store.projects.set(project.id, structuredClone(project));
  }

  /** Empties the store (and its deadlines). */
  clear(): void {
    this.context.store.clear();
    this.context.timers.clear();
  }

  // ---------------------------------------------------------------- reads

  listGraphs(): GraphDefinition[] {
    return [...this.context.graphs.values()].map((graph) => structuredClone(graph));
  }

  getGraph(name: string): GraphDefinition {
    const graph = this.context.graphs.get(name);
    if (!graph)
      throw new EngineError(
        'not_found',
        `No graph "${name}"; graphs are: ${graphNames(this.context)}`,
      );
    return structuredClone(graph);
  }

  listResources(actor: Actor = OWNER): ResourceView[] {
    return this.context.access.resources(actor).map(resourceView);
  }

  getResource(id: string, actor: Actor = OWNER): ResourceView {
    return resourceView(this.context.access.resource(id, actor));
  }

  /** The raw project record (the mock builds the embed config and checks keys from it). */
  getProject(id: string, actor: Actor = OWNER): ProjectRecord {
    return structuredClone(this.context.access.project(actor, id)!);
  }

  /** The project a widget key belongs to, if any. */
  projectIdForKey(appKey: string): string | undefined {
    for (const project of this.context.store.projects.values())
      if (project.app_key === appKey) return project.id;
    return undefined;
  }

  listProjects(): ProjectRecord[] {
    return [...this.context.store.projects.values()].map((project) => structuredClone(project));
  }

  outbox(): OutboxView[] {
    this.settle();
    return this.context.store.outboxWritten().map(outboxView);
  }

  // ---------------------------------------------------------------- bookings

  createBooking(body: unknown, actor: Actor): BookingView {
    return this.run((context) => {
      const booking = create(context, asObject(body, 'body'), actor);
      // Added last, as a spread of the view would (without copying the whole view).
      const created = view(context, booking, ['logs'], actor);
      created.customer_token = booking.customer_token!;
      return created;
    });
  }

  getBooking(id: string, actor: Actor, include: readonly BookingInclude[] = []): BookingView {
    return this.run((context) => {
      const booking = context.access.booking(id, actor);
      // Other customers' bookings of the same class are the owner's business only.
      const allowed =
        actor.role === 'owner' ? include : include.filter((name) => name !== 'related_bookings');
      return view(context, booking, allowed, actor);
    });
  }

  performAction(id: string, action: string, body: unknown, actor: Actor): BookingView {
    return this.act(id, action, body, actor);
  }

  /** booking.js's POST /bookings/:id/reschedule: the customer's reschedule action with the new time. */
  reschedule(id: string, body: unknown, actor: Actor): BookingView {
    return this.act(id, 'reschedule_by_customer', { reschedule_by_customer: body }, actor);
  }

  verify(id: string, code: unknown, actor: Actor): BookingView {
    return this.act(id, 'verify', { verify: { code } }, actor);
  }

  /** A refusal that must commit (a wrong code counts) comes back from the transaction, then is thrown. */
  private act(id: string, action: string, body: unknown, actor: Actor): BookingView {
    const outcome = this.run((context) => actions.performAction(context, id, action, body, actor));
    if (outcome instanceof EngineError) throw outcome;
    return outcome;
  }

  /** Makeplans' owner edits (edit.ts): delete (state `deleted`) and update attributes. */
  deleteBooking(id: string, actor: Actor): BookingView {
    return this.run((context) => edit.deleteBooking(context, id, actor));
  }

  updateBooking(id: string, body: unknown, actor: Actor): BookingView {
    return this.run((context) => edit.updateBooking(context, id, body, actor));
  }

  setStatus(id: string, status: unknown, actor: Actor): BookingView {
    return this.run((context) => actions.setStatus(context, id, status, actor));
  }

  listBookings(query: unknown = {}, actor: Actor = OWNER): BookingView[] {
    return this.run((context) => listing.listBookings(context, query, actor));
  }

  findByExternalId(externalId: string, actor: Actor = OWNER): BookingView {
    return this.run((context) => listing.findByExternalId(context, externalId, actor));
  }

  // ---------------------------------------------------------------- groups

  listGroups(query: unknown = {}, actor: Actor = OWNER): GroupView[] {
    return this.run((context) => listing.listGroups(context, query, actor));
  }

  getGroup(id: string, actor: Actor = OWNER): GroupView {
    return this.run((context) => groupView(context.access.groupClass(id, actor), context.views));
  }

  // ---------------------------------------------------------------- holds

  reserve(body: unknown, actor: Actor): HoldView {
    return this.run((context) => holds.reserve(context, body, actor));
  }

  getHold(id: string, actor: Actor = OWNER): HoldView {
    return this.run((context) => holdView(context.access.hold(id, actor), context.now()));
  }

  /** One extension by the hold's own span, while it is live. */
  extendHold(id: string, actor: Actor = OWNER): HoldView {
    return this.run((context) => holds.extendHold(context, id, actor));
  }

  releaseHold(id: string, actor: Actor = OWNER): HoldView {
    return this.run((context) => holds.releaseHold(context, id, actor));
  }

  // ---------------------------------------------------------------- waitlist

  joinWaitlist(body: unknown, actor: Actor): waitlist.WaitlistEntryView {
    return this.run((context) => waitlist.joinWaitlist(context, body, actor));
  }

  getWaitlistEntry(id: string, actor: Actor): waitlist.WaitlistEntryView {
    return this.run((context) => waitlist.getWaitlistEntry(context, id, actor));
  }

  leaveWaitlist(id: string, actor: Actor): waitlist.WaitlistEntryView {
    return this.run((context) => waitlist.leaveWaitlist(context, id, actor));
  }

  listWaitlist(query: unknown, actor: Actor = OWNER): waitlist.WaitlistEntryView[] {
    return this.run((context) => waitlist.listWaitlist(context, query, actor));
  }

  // ---------------------------------------------------------------- availability

  availability(body: unknown, actor: Actor): slots.AvailableSlot[] {
    return this.run((context) => slots.availability(context, body, actor));
  }

  /** Days (in the output time zone) with at least one slot, so a calendar can paint before its slots load. */
  availabilityDates(body: unknown, actor: Actor): Array<{ date: string }> {
    return this.run((context) => slots.availabilityDates(context, body, actor));
  }

  // ---------------------------------------------------------------- recurring series

  createRecurring(body: unknown, actor: Actor): series.RecurringResult {
    return this.run((context) => series.createRecurring(context, body, actor));
  }

  getCollection(id: string): BookingView[] {
    return this.run((context) => series.getCollection(context, id));
  }

  /** Cancels every occurrence that can still be cancelled (cancel, decline or cancel_by_owner). */
  cancelCollection(id: string, body: unknown = {}): { collection_id: string; cancelled: number } {
    return this.run((context) => series.cancelCollection(context, id, body));
  }

  // ---------------------------------------------------------------- after the booking

  /** The owner's after-booking settings: manage_url, reminders, sms. */
  getProjectSettings(id: string, actor: Actor = OWNER): projectSettings.ProjectSettings {
    if (actor.role !== 'owner')
      throw new EngineError('forbidden', 'Only the owner may read a project\u2019s settings.');
    return projectSettings.settingsOf(this.context.access.project(actor, id)!);
  }

  updateProjectSettings(id: string, body: unknown, actor: Actor): projectSettings.ProjectSettings {
    return this.run((context) => projectSettings.updateSettings(context, id, body, actor));
  }

  /** Moves the decision links of emails sent from now on (the server knows its port late). */
  setDecisionPage(url: string): void {
    this.context.pages.decisions = url;
  }

  /** What a decision link's page shows; changes nothing (mail scanners open links). */
  checkDecision(token: string): decisions.DecisionView {
    return this.run((context) =>
      decisions.decisionView(context, decisions.checkDecision(context, token)),
    );
  }

  /** The page's button: applies the decision once; a used, expired or forged link changes nothing. */
  applyDecision(token: string): decisions.DecisionView {
    return this.run((context) =>
      decisions.decisionView(context, decisions.applyDecision(context, token), true),
    );
  }

  deleteCollection(id: string, actor: Actor = OWNER): { collection_id: string; deleted: number } {
    return this.run((context) => edit.deleteCollection(context, id, actor));
  }

  /** Appointedd's services (seed 003): the projects a caller may see, as services. */
  listServices(actor: Actor): services.ServiceView[] {
    return this.run((context) => services.listServices(context, actor));
  }

  getService(id: string, actor: Actor): services.ServiceView {
    return this.run((context) => services.getService(context, id, actor));
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): StoreSnapshot {
    this.settle();
    return this.context.store.snapshot();
  }

  /**
   * Replaces the whole store with the snapshot, all or nothing: it is checked in full first
   * (checkSnapshot), and anything that still fails while loading puts the old store back.
   */
  restore(snapshot: unknown): void {
    const checked = checkSnapshot(snapshot, this.context.graphs);
    const backup = this.context.store.snapshot();
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
    const { store, timers } = this.context;
    store.restore(snapshot);
    timers.clear();
    for (const booking of store.bookings.values()) {
      if (booking.timer) timers.push({ at: booking.timer.at, kind: 'booking', id: booking.id });
    }
    for (const hold of store.holds.values()) {
      if (hold.state === 'reserved')
        timers.push({ at: hold.expires_at, kind: 'hold', id: hold.id });
    }
    reminders.requeueReminders(this.context);
    this.settle();
  }
}
