import type {
  AvailableSlot,
  Booking,
  EmbedConfig,
  Group,
  ReserveRequest,
} from '../schemas/index.ts';
import { localDate } from '../lib/time/index.ts';
import { detectTimeZone } from '../lib/time/format.ts';
import { BOOKABLE_GRAPHS, flowFor } from './graphs.ts';
import { problemOf, type Problem } from './problem.ts';
import { Choices } from './choices.ts';
import { lazyPart, type JourneyHost, type JourneyMemory } from './host.ts';
import {
  aboutOf,
  resourceOf,
  type FlowOptions,
  type FlowSettings,
  type PaymentHandler,
} from './settings.ts';
import type {
  ConfigProblem,
  Cue,
  CustomerValues,
  FlowReport,
  FlowState,
  Held,
  Notice,
  Signal,
} from './state.ts';

type Listener = (report: FlowReport) => void;

/**
 * The journey's later parts, chunks of their own in the script tag (host.ts): the hold and the
 * form (most visitors get there, after the first paint), the steps once booked, the waitlist.
 */
interface Parts {
  holding: typeof import('./holding.ts');
  after: typeof import('./after-booking.ts');
  waitlist: typeof import('./waitlist.ts');
}
const PARTS: { [P in keyof Parts]: () => Promise<Parts[P]> } = {
  holding: lazyPart(() => import('./holding.ts')),
  after: lazyPart(() => import('./after-booking.ts')),
  waitlist: lazyPart(() => import('./waitlist.ts')),
};

/**
 * The visitor's booking journey over the SDK: choose, hold, fill in, book, verify, pay, manage.
 * Each intent is a method; each checks the state it is called in (a double click or a late
 * answer changes nothing) and reports what happened to its subscribers: the new state, signals
 * (the events to fire) and cues (what to announce). It never calls back into a view.
 *
 * This class holds the configuration and the chooser, which the first paint needs, and the ways
 * back to the chooser (they must work offline); the other intents after the choice run in a later
 * part (holding.ts, after-booking.ts, waitlist.ts), imported the first time it is needed or ahead
 * of it (`prefetch`, see `run`).
 */
export class BookingFlow {
  private current: FlowState = { step: 'loading' };
  private readonly listeners = new Set<Listener>();
  /** Aborted by `dispose()` and by a new `start()`: nothing of an older journey lands. */
  private life = new AbortController();
  private readonly choices: Choices;
  private readonly memory: JourneyMemory;
  private readonly host: JourneyHost;
  settings: FlowSettings | undefined;
  /** The zone times are asked for and shown in (`setTimeZone`). */
  timeZone = 'UTC';

  constructor(private readonly options: FlowOptions) {
    this.memory = { token: undefined, values: { ...options.prefill }, heldGroup: undefined };
    this.choices = new Choices({
      client: options.client,
      read: () => this.current,
      write: (state) => this.set(state),
      signal: (signal) => this.emit(signal),
      timeZone: () => this.timeZone,
      settings: () => this.settings,
    });
    this.host = {
      client: options.client,
      options,
      memory: this.memory,
      read: () => this.current,
      write: (state) => this.set(state),
      emit: (signal) => this.emit(signal),
      cue: (cue) => this.cue(cue),
      settings: () => this.settings,
      timeZone: () => this.timeZone,
      access: () => this.access(),
      choose: (notice) => this.enterChoose(notice),
      reloadChoices: () => this.choices.reload(),
      cancellableUntil: (booking) => this.cancellableUntil(booking),
      linkRefused: () => {
        if (!this.options.manageFromLink) return false;
        this.memory.token = undefined;
        this.choices.month = this.thisMonth();
        this.enterChoose({ kind: 'link-invalid' });
        return true;
      },
    };
  }

  get state(): FlowState {
    return this.current;
  }

  /** The booking service's "now", so pickers and countdowns agree with its deadlines. */
  serverNow(): number {
    return this.options.client.serverNow();
  }

  clockOffsetMs(): number {
    return this.options.client.clockOffsetMs();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops everything in flight; the flow reports nothing more. */
  dispose(): void {
    this.life.abort();
    this.choices.abort();
    this.listeners.clear();
  }

  /**
   * Imports the code of the steps after the choice (the hold, the form, the booking) ahead of
   * need: the view calls it once the choices are on screen and the browser idles.
   */
  prefetch(): void {
    // Not the waitlist's: most visitors never meet a full class.
    for (const load of [PARTS.holding, PARTS.after]) void load().catch(() => undefined);
  }

  // ------------------------------------------------------------------ configuration

  /** Loads the project's configuration, then opens the chooser (or the booking to manage). */
  async start(): Promise<void> {
    this.life.abort();
    this.life = new AbortController();
    const signal = this.life.signal;
    const options = this.options;
    this.memory.token = undefined;
    this.settings = undefined;
    this.set({ step: 'loading' });
    const remote =
      options.projectId && options.remoteConfig
        ? options.client.projectConfig(options.projectId, { signal })
        : undefined;
    // While the project's config travels: Intl's first use (tens of ms while ICU loads).
    this.timeZone = options.timeZone ?? detectTimeZone();
    if (remote && !options.bookingId && !options.holdId && flowFor(options.graph) !== 'group') {
      // Most likely the first thing shown is this month's days: ask for them alongside the
      // config, as the element's own settings would. The chooser takes the answer only when
      // the config leaves its request alike; anything else drops it unseen.
      this.choices.prefetchDates(this.thisMonth(), options);
    }
    let config: EmbedConfig | undefined;
    if (remote) {
      try {
        config = await remote;
      } catch (error) {
        this.configFailed(error);
        return;
      }
    }
    const graph = options.graph ?? config?.booking.graph ?? 'instant';
    if (!BOOKABLE_GRAPHS.includes(graph)) {
      this.set({
        step: 'misconfigured',
        problems: [
          {
            setting: 'graph',
            message: `"${graph}" is not a graph a visitor can book; use one of ${BOOKABLE_GRAPHS.join(', ')}.`,
          },
        ],
      });
      return;
    }
    this.settings = {
      graph,
      availability: { ...config?.availability, ...options.availability },
      what: options.what ?? config?.name ?? 'Booking',
      about: aboutOf(config),
      ...(options.projectId ? { projectId: options.projectId } : {}),
      ...(options.resources ? { resources: options.resources } : {}),
      ...(options.customerFields !== undefined || config
        ? { customerFields: options.customerFields ?? config?.customer_fields }
        : {}),
    };
    const { bookingId, customerToken } = options;
    if (bookingId && customerToken) {
      this.memory.token = customerToken;
      this.choices.dropPrefetch();
      this.set({ step: 'manage', booking: undefined, busy: true });
      await this.run('after', (part) => part.openManage(this.host, bookingId));
      return;
    }
    this.choices.month = this.thisMonth();
    if (options.holdId) {
      const holdId = options.holdId;
      // The offer opens on the form: the code of the form's steps comes along.
      this.prefetch();
      await this.run('waitlist', (part) => part.openOffer(this.host, holdId));
    } else {
      this.enterChoose(options.manageFromLink ? { kind: 'link-invalid' } : undefined);
    }
    // The chooser took the early days if they were what it asks for first; else they go.
    this.choices.dropPrefetch();
  }

  private configFailed(error: unknown): void {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    const refuse = (setting: string, message: string) =>
      this.set({ step: 'misconfigured', problems: [{ setting, message }] });
    if (problem.code === 'unauthorized' || problem.code === 'forbidden') {
      refuse(
        'app-key',
        `was refused by the booking API (${problem.message}). Check app-key and project-id.`,
      );
    } else if (problem.code === 'not_found') {
      refuse('project-id', `"${this.options.projectId}" is not a known project.`);
    } else {
      this.set({ step: 'failed', error: problem });
      this.emit({ type: 'error', detail: { error: problem } });
    }
  }

  // ------------------------------------------------------------------ choosing

  /** The picker shows another month: its days are asked for. */
  showMonth(month: string): void {
    this.choices.showMonth(month);
  }

  /** A day is chosen: its times are asked for. */
  selectDate(date: string): void {
    this.choices.selectDate(date);
  }

  /** Times are asked for and shown in another zone from now on. */
  setTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
    this.set({ ...this.current });
    this.choices.reload();
  }

  /** Asks again: the configuration after it failed, else what the chooser shows. */
  retry(): Promise<void> {
    if (this.current.step === 'failed') return this.start();
    this.choices.reload();
    return Promise.resolve();
  }

  /** A time: held for the visitor (holding.ts), or, when moving a booking, asked to confirm. */
  async selectSlot(slot: AvailableSlot): Promise<void> {
    const state = this.current;
    if ((state.step !== 'choose' && state.step !== 'rescheduling') || state.busy) return;
    this.emit({ type: 'slot-chosen', detail: { slot } });
    if (state.step === 'rescheduling') {
      this.set({ ...state, pendingMove: slot });
      // The question appears after the picker: say it where the visitor is.
      this.cue({ kind: 'move-pending', slot });
      return;
    }
    const projectId = this.settings?.projectId;
    await this.reserve(
      {
        resource_id: resourceOf(slot) ?? '',
        start: slot.start,
        end: slot.end,
        ...(projectId ? { project_id: projectId } : {}),
      },
      { kind: 'slot', slot },
    );
  }

  async selectClass(group: Group, seats: number): Promise<void> {
    await this.reserve(
      { related: { owner_booking_id: group.id }, seats },
      { kind: 'class', group },
    );
  }

  private async reserve(body: ReserveRequest, held: Held): Promise<void> {
    if (this.current.step !== 'choose' || this.current.busy) return;
    // While the visitor fills in the form: the code of the steps after it.
    void PARTS.after().catch(() => undefined);
    await this.run('holding', (part) => part.reserve(this.host, body, held));
  }

  /** A sold-out class: the waitlist's form (src/flow/waitlist.ts). */
  openWaitlist(group: Group, seats: number): Promise<void> {
    return this.run('waitlist', (part) =>
      part.openWaitlist(this.host, group, seats, this.memory.values),
    );
  }

  joinWaitlist(values: CustomerValues): Promise<void> {
    return this.run('waitlist', (part) => part.joinWaitlist(this.host, values));
  }

  /** "Leave the waitlist" on its confirmation (src/flow/waitlist.ts). */
  leaveWaitlist(): Promise<void> {
    return this.run('waitlist', (part) => part.leaveWaitlist(this.host));
  }

  // ------------------------------------------------------------------ details

  /** More time on the hold, once, where the project allows it. */
  extendHold(): Promise<void> {
    return this.run('holding', (part) => part.extendHold(this.host));
  }

  /**
   * The hold (on the form) or the payment window ended: back to the chooser, saying why.
   * `values` is what the form holds now, kept for the next hold. Here, not in a later part:
   * leaving must work when nothing more can be fetched.
   */
  holdExpired(values?: CustomerValues): void {
    const step = this.current.step;
    if (step !== 'details' && step !== 'payment') return;
    if (step === 'details' && values) this.memory.values = { ...values };
    this.emit({ type: 'details-closed', detail: {} });
    this.enterChoose({ kind: step === 'payment' ? 'payment-expired' : 'hold-expired' });
  }

  /** Back to the chooser; the time goes back at once rather than at the hold's expiry. */
  async back(values?: CustomerValues): Promise<void> {
    const state = this.current;
    if (state.step === 'waitlist' || state.step === 'waitlisted') {
      if (values && state.step === 'waitlist') this.memory.values = { ...values };
      return this.enterChoose();
    }
    if (state.step !== 'details') return;
    if (values) this.memory.values = { ...values };
    this.emit({ type: 'details-closed', detail: {} });
    this.enterChoose();
    await this.options.client.releaseHold(state.hold.id).catch(() => undefined);
  }

  submit(values: CustomerValues): Promise<void> {
    // Kept before the part is asked for: a part that cannot come loses nothing typed.
    if (this.current.step === 'details') this.memory.values = { ...values };
    return this.run('holding', (part) => part.submit(this.host, values));
  }

  // ------------------------------------------------------------------ after booking

  /** The code e-mailed to the visitor. */
  verify(code: string): Promise<void> {
    return this.run('after', (part) => part.verify(this.host, code));
  }

  /** Takes the payment through `handler`, then registers it with the booking. */
  pay(handler: PaymentHandler): Promise<void> {
    return this.run('after', (part) => part.pay(this.host, handler));
  }

  /** Back from payment to the chooser; the reserved time goes back at once. */
  leavePayment(): Promise<void> {
    return this.run('after', (part) => part.leavePayment(this.host));
  }

  cancel(message: string): Promise<void> {
    return this.run('after', (part) => part.cancel(this.host, message));
  }

  /** Choose a new time for the booking being managed. */
  startReschedule(): void {
    const state = this.current;
    if (state.step !== 'manage' || !state.booking || state.busy) return;
    this.choices.month = this.thisMonth();
    this.set({
      step: 'rescheduling',
      booking: state.booking,
      picker: this.choices.freshPicker(),
      pendingMove: undefined,
      busy: false,
    });
    this.choices.reload();
  }

  /** Moves the booking to the time the visitor picked and confirmed. */
  confirmMove(): Promise<void> {
    return this.run('after', (part) => part.confirmMove(this.host));
  }

  /** To the booking's own view: from its result, or back from choosing a new time. */
  manage(): void {
    const state = this.current;
    if (state.step !== 'result' && state.step !== 'rescheduling') return;
    const until = this.cancellableUntil(state.booking);
    this.set({
      step: 'manage',
      booking: state.booking,
      busy: false,
      ...(until ? { cancellableUntil: until } : {}),
    });
  }

  /** From a result or a booking's view, a new booking from the start. */
  bookAnother(): void {
    if (this.current.step !== 'result' && this.current.step !== 'manage') return;
    this.choices.month = this.thisMonth();
    this.enterChoose();
  }

  /** A class's last moment to cancel: the booking's own, else the class held for it. */
  private cancellableUntil(booking: Booking): string | undefined {
    const held = this.memory.heldGroup;
    return (
      booking.attributes.group_booking?.cancellable_until ??
      (booking.related?.owner_booking_id === held?.id
        ? held?.attributes.group_booking.cancellable_until
        : undefined)
    );
  }

  // ------------------------------------------------------------------ refresh

  /**
   * Asks the API again for what the step shows: the hold, the booking, or the choices. The
   * sandbox calls it after moving the engine's clock, so countdowns and states catch up.
   */
  async refresh(): Promise<void> {
    const state = this.current;
    if (state.step === 'choose') {
      this.choices.reload();
    } else if (state.step === 'details' || ('booking' in state && state.booking)) {
      await this.run('holding', (part) => part.refresh(this.host));
    }
  }

  // ------------------------------------------------------------------ plumbing

  /**
   * Runs `act` with a later part of the journey, importing it first if need be. When it cannot
   * come (offline), the step says the connection failed, as a failed request would, and keeps
   * what it showed (the chosen time, what was typed); the visitor's next try imports again.
   */
  private async run<P extends keyof Parts>(
    name: P,
    act: (part: Parts[P]) => unknown,
  ): Promise<void> {
    let part: Parts[P];
    try {
      part = await PARTS[name]();
    } catch (error) {
      this.partFailed({ code: 'network_error', message: String(error) });
      return;
    }
    await act(part);
  }

  private partFailed(problem: Problem): void {
    this.emit({ type: 'error', detail: { error: problem } });
    const notice: Notice = { kind: 'problem', problem };
    const state = this.current;
    switch (state.step) {
      case 'choose':
      case 'rescheduling':
        this.set({ ...state, busy: false, notice });
        this.cue({ kind: 'notice', notice });
        return;
      case 'details':
      case 'waitlist':
        this.set({ ...state, values: this.memory.values, submitting: false, error: problem });
        return;
      case 'verify':
      case 'payment':
      case 'manage':
        this.set({ ...state, busy: false, error: problem });
        return;
      case 'waitlisted':
        this.set({ ...state, leaving: false, error: problem });
        return;
      case 'misconfigured':
      case 'failed':
        // Nothing more happens until the settings change or `retry()`: a chooser here would have
        // no settings and no month (start() stopped before either).
        return;
      default:
        // A waitlist offer's link, before any step: the chooser, saying why.
        this.enterChoose(notice);
    }
  }

  private enterChoose(notice?: Notice): void {
    const common = { step: 'choose', busy: false, ...(notice ? { notice } : {}) } as const;
    this.set(
      flowFor(this.settings?.graph) === 'group'
        ? { ...common, chooser: 'classes', classes: { status: 'idle' } }
        : { ...common, chooser: 'times', picker: this.choices.freshPicker() },
    );
    if (notice) this.cue({ kind: 'notice', notice });
    this.choices.reload();
  }

  private thisMonth(): string {
    return localDate(this.serverNow(), this.timeZone).slice(0, 7);
  }

  private access(): { customerToken?: string; signal: AbortSignal } {
    const token = this.memory.token;
    return { ...(token ? { customerToken: token } : {}), signal: this.life.signal };
  }

  private set(state: FlowState): void {
    this.current = state;
    // Off the chooser: its answers in flight would land on a step that does not show them.
    if (!('picker' in state) && !('classes' in state)) this.choices.abort();
    this.report({ kind: 'state', state });
  }

  private emit(signal: Signal): void {
    this.report({ kind: 'signal', signal });
  }

  private cue(cue: Cue): void {
    this.report({ kind: 'cue', cue });
  }

  private report(report: FlowReport): void {
    for (const listener of this.listeners) listener(report);
  }
}

export type { ConfigProblem, Problem };
