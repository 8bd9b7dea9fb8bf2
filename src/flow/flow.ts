// Over 600 lines on purpose: every transition of the visitor's journey in one class, so each reads
// beside the ones it hands over to. The chooser's loads live in choices.ts, the wording of outcomes
// in outcome.ts, forwarded parameters in forward.ts; the steps after booking (after-booking.ts) and
// the waitlist (waitlist.ts) are lazy parts, out of the script tag's first paint.
import type { SlotkitClient } from '../sdk/index.ts';
import type {
  AvailableSlot,
  Booking,
  BookingLocation,
  Price,
  CreateBookingRequest,
  EmbedConfig,
  Group,
  ReserveRequest,
} from '../schemas/index.ts';
import { localDate, parseInstant } from '../lib/time/index.ts';
import { detectTimeZone } from '../lib/time/format.ts';
import { BOOKABLE_GRAPHS, PAYMENT_GRAPHS, flowFor } from './graphs.ts';
import { problemOf, type Problem } from './problem.ts';
import { Choices } from './choices.ts';
import type { WaitlistHost } from './waitlist.ts';
import type { ManageHost } from './after-booking.ts';
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

/** What the flow needs to know before it starts: the element's settings, already checked. */
export interface FlowOptions {
  client: SlotkitClient;
  projectId?: string;
  resources?: string[];
  graph?: string;
  /** The visitor's zone; detected (Intl's first, slow use) while the project's config travels. */
  timeZone?: string;
  /** Form fields; undefined leaves them to the project's config. */
  customerFields?: unknown;
  availability?: Record<string, unknown>;
  /** Load the project's embed config and merge it under these settings. */
  remoteConfig: boolean;
  /** Manage this booking (with its token) instead of booking a new one. */
  bookingId?: string;
  customerToken?: string;
  /** The booking came from a manage link: one that opens nothing says so and starts as usual. */
  manageFromLink?: boolean;
  /** Open on this seat hold (a waitlist offer's link) instead of the chooser. */
  holdId?: string;
  what?: string;
  /** The form's starting values (the host's prefill): seeded into every new booking's form. */
  prefill?: CustomerValues;
  /** Sent with the booking as `custom_data`: the host page's campaign parameters. */
  customData?: Record<string, string>;
}

/** The configuration in force: the element's settings over the project's. */
export interface FlowSettings {
  graph: string;
  projectId?: string;
  resources?: string[];
  customerFields?: unknown;
  availability: Record<string, unknown>;
  what: string;
  /** What the summary says about the service (the project's embed config). */
  about: About;
}

/** The service as the visitor's summary describes it; each piece only when the project says. */
export interface About {
  name?: string;
  description?: string;
  /** Minutes. */
  duration?: number;
  price?: Price;
  location?: BookingLocation;
  /** The host or resource, when the project has one. */
  host?: string;
}

/** The hook a real payment provider plugs into; the default is the sandbox's test payment. */
export interface PaymentHandler {
  label?: string;
  /** Takes the payment; what it returns is passed to the `pay` action as its input. */
  pay(booking: Booking): Promise<Record<string, unknown>>;
}

export const testPayment: PaymentHandler = {
  pay: async (booking) => ({ reference: `test_${booking.id.slice(0, 8)}`, provider: 'test' }),
};

type Listener = (report: FlowReport) => void;
type StateOf<S extends FlowState['step']> = Extract<FlowState, { step: S }>;

const TAKEN = ['slot_unavailable', 'sold_out'];

/**
 * A part of the journey imported the first time it is needed: shared by every flow on the page
 * (one import); a failed one is tried again when next needed.
 */
function lazyPart<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

type WaitlistPart = typeof import('./waitlist.ts');
type AfterBookingPart = typeof import('./after-booking.ts');
const loadWaitlistPart = lazyPart(() => import('./waitlist.ts'));
const loadAfterBookingPart = lazyPart(() => import('./after-booking.ts'));

/**
 * The visitor's booking journey over the SDK: choose, hold, fill in, book, verify, pay, manage.
 * Each intent is a method; each checks the state it is called in (a double click or a late
 * answer changes nothing) and reports what happened to its subscribers: the new state, signals
 * (the events to fire) and cues (what to announce). It never calls back into a view.
 */
export class BookingFlow {
  private current: FlowState = { step: 'loading' };
  private readonly listeners = new Set<Listener>();
  /** Aborted by `dispose()` and by a new `start()`: nothing of an older journey lands. */
  private life = new AbortController();
  private readonly choices: Choices;
  private readonly waitlist: WaitlistHost;
  private readonly manageHost: ManageHost;
  /** The booking's key, from `customerToken` or the create answer. */
  private token: string | undefined;
  /** What the visitor typed (over the prefill), kept when a hold ends for the next form. */
  private values: CustomerValues;
  /** The class the visitor holds seats in: its cancel deadline goes on the result. */
  private heldGroup: Group | undefined;
  settings: FlowSettings | undefined;
  /** The zone times are asked for and shown in (`setTimeZone`). */
  timeZone = 'UTC';

  constructor(private readonly options: FlowOptions) {
    this.values = { ...options.prefill };
    this.choices = new Choices({
      client: options.client,
      read: () => this.current,
      write: (state) => this.set(state),
      signal: (signal) => this.report({ kind: 'signal', signal }),
      timeZone: () => this.timeZone,
      settings: () => this.settings,
    });
    this.waitlist = {
      client: options.client,
      read: () => this.current,
      write: (state) => this.set(state),
      cue: (cue) => this.cue(cue),
      failed: (error) => this.emit({ type: 'error', detail: { error } }),
      signal: () => this.life.signal,
      timeZone: () => this.timeZone,
      projectId: () => this.settings?.projectId,
      choose: (notice) => this.enterChoose(notice),
      remember: (values) => (this.values = { ...values }),
    };
    this.manageHost = {
      client: options.client,
      read: () => this.current,
      write: (state) => this.set(state),
      emit: (signal) => this.emit(signal),
      cue: (cue) => this.cue(cue),
      access: () => this.access(),
      afterCreate: (booking) => this.afterCreate(booking),
      showResult: (booking) => this.showResult(booking),
      choose: (notice) => this.enterChoose(notice),
      reloadChoices: () => this.choices.reload(),
      cancellableUntil: (booking) => this.cancellableUntil(booking),
      linkRefused: () => {
        if (!this.options.manageFromLink) return false;
        this.token = undefined;
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

  // ------------------------------------------------------------------ configuration

  /** Loads the project's configuration, then opens the chooser (or the booking to manage). */
  async start(): Promise<void> {
    this.life.abort();
    this.life = new AbortController();
    const signal = this.life.signal;
    const options = this.options;
    this.token = undefined;
    this.settings = undefined;
    this.set({ step: 'loading' });
    const remote =
      options.projectId && options.remoteConfig
        ? options.client.projectConfig(options.projectId, { signal })
        : undefined;
    // While the project's config travels: Intl's first use (tens of ms while ICU loads).
    this.timeZone = options.timeZone ?? detectTimeZone();
    if (
      remote &&
      !options.bookingId &&
      !options.holdId &&
      flowFor(options.graph ?? '') !== 'group'
    ) {
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
    if (options.bookingId && options.customerToken) {
      this.token = options.customerToken;
      this.choices.dropPrefetch();
      await this.openManage(options.bookingId);
      return;
    }
    this.choices.month = this.thisMonth();
    if (options.holdId) await this.openOffer(options.holdId);
    else this.enterChoose(options.manageFromLink ? { kind: 'link-invalid' } : undefined);
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
    const state = this.current;
    if (state.step !== 'choose' || state.busy) return;
    await this.reserve(
      { related: { owner_booking_id: group.id }, seats },
      { kind: 'class', group },
    );
  }

  /** A sold-out class: the waitlist's form (src/flow/waitlist.ts). */
  async openWaitlist(group: Group, seats: number): Promise<void> {
    const part = await this.waitlistPart();
    part?.openWaitlist(this.waitlist, group, seats, this.values);
  }

  async joinWaitlist(values: CustomerValues): Promise<void> {
    // The form is on screen, so its part is in: this resolves at once.
    await (await this.waitlistPart())?.joinWaitlist(this.waitlist, values);
  }

  /**
   * The waitlist's code, a chunk of its own (most visitors never meet a full class), imported
   * the first time it is needed. When it cannot come, the visitor stays on (or lands on) the
   * chooser, told to check the connection.
   */
  private async waitlistPart(): Promise<WaitlistPart | undefined> {
    try {
      return await loadWaitlistPart();
    } catch (error) {
      const problem: Problem = { code: 'network_error', message: String(error) };
      this.emit({ type: 'error', detail: { error: problem } });
      const state = this.current;
      if (state.step !== 'choose') {
        this.enterChoose({ kind: 'problem', problem });
      } else {
        this.set({ ...state, notice: { kind: 'problem', problem } });
        this.cue({ kind: 'notice', notice: { kind: 'problem', problem } });
      }
      return undefined;
    }
  }

  /** "Leave the waitlist" on its confirmation (src/flow/waitlist.ts). */
  async leaveWaitlist(): Promise<void> {
    await (await this.waitlistPart())?.leaveWaitlist(this.waitlist);
  }

  /** A waitlist offer's link: the form under the offered hold, as if the visitor had held it. */
  private async openOffer(holdId: string): Promise<void> {
    const offer = await (await this.waitlistPart())?.loadOffer(this.waitlist, holdId);
    if (!offer) return;
    const { hold, group } = offer;
    this.heldGroup = group;
    void loadAfterBookingPart().catch(() => undefined);
    const held: Held = { kind: 'class', group };
    this.set({
      step: 'details',
      hold,
      held,
      values: this.values,
      submitting: false,
      extending: false,
      fieldErrors: [],
    });
    const expires = parseInstant(hold.expires_at) ?? this.serverNow();
    this.cue({ kind: 'hold-created', minutes: Math.round((expires - this.serverNow()) / 60_000) });
  }

  private async reserve(body: ReserveRequest, held: Held): Promise<void> {
    const state = this.current;
    if (state.step !== 'choose') return;
    this.set({ ...state, busy: true, notice: undefined });
    try {
      const hold = await this.options.client.reserve(body, { signal: this.life.signal });
      this.heldGroup = held.kind === 'class' ? held.group : undefined;
      this.emit({ type: 'hold-created', detail: { hold } });
      // While the visitor fills in the form: the code of the steps after it.
      void loadAfterBookingPart().catch(() => undefined);
      const expires = parseInstant(hold.expires_at) ?? this.serverNow();
      this.set({
        step: 'details',
        hold,
        held,
        values: this.values,
        submitting: false,
        extending: false,
        fieldErrors: [],
      });
      this.cue({
        kind: 'hold-created',
        minutes: Math.round((expires - this.serverNow()) / 60_000),
      });
    } catch (error) {
      const problem = problemOf(error);
      if (problem.code === 'aborted') return;
      const notice: Notice = TAKEN.includes(problem.code)
        ? { kind: held.kind === 'slot' ? 'slot-taken' : 'class-full' }
        : { kind: 'problem', problem };
      this.emit({ type: 'error', detail: { error: problem } });
      const now = this.current;
      if (now.step === 'choose') this.set({ ...now, busy: false, notice });
      this.choices.reload();
    }
  }

  // ------------------------------------------------------------------ details

  /** More time on the hold, once, where the project allows it. */
  async extendHold(): Promise<void> {
    const state = this.current;
    if (state.step !== 'details' || state.extending) return;
    this.set({ ...state, extending: true });
    try {
      const hold = await this.options.client.extendHold(state.hold.id, {
        signal: this.life.signal,
      });
      this.patchDetails(state.hold.id, { hold, extending: false });
    } catch (error) {
      const problem = problemOf(error);
      if (problem.code === 'aborted') return;
      this.patchDetails(state.hold.id, { error: problem, extending: false });
      this.emit({ type: 'error', detail: { error: problem } });
    }
  }

  /**
   * The hold (on the form) or the payment window ended: back to the chooser, saying why.
   * `values` is what the form holds now, kept for the next hold.
   */
  holdExpired(values?: CustomerValues): void {
    const step = this.current.step;
    if (step !== 'details' && step !== 'payment') return;
    if (step === 'details' && values) this.values = { ...values };
    this.emit({ type: 'details-closed', detail: {} });
    this.enterChoose({ kind: step === 'payment' ? 'payment-expired' : 'hold-expired' });
  }

  /** Back to the chooser; the time goes back at once rather than at the hold's expiry. */
  async back(values?: CustomerValues): Promise<void> {
    const state = this.current;
    if (state.step === 'waitlist' || state.step === 'waitlisted') {
      if (values && state.step === 'waitlist') this.values = { ...values };
      return this.enterChoose();
    }
    if (state.step !== 'details') return;
    if (values) this.values = { ...values };
    this.emit({ type: 'details-closed', detail: {} });
    this.enterChoose();
    await this.options.client.releaseHold(state.hold.id).catch(() => undefined);
  }

  async submit(values: CustomerValues): Promise<void> {
    const state = this.current;
    const settings = this.settings;
    if (state.step !== 'details' || state.submitting || !settings) return;
    this.values = { ...values };
    const request = this.bookingRequest(settings, state.hold.id, state.held, values);
    this.set({
      ...state,
      values: this.values,
      submitting: true,
      fieldErrors: [],
      error: undefined,
    });
    this.emit({ type: 'form-submitted', detail: { values } });
    this.emit({ type: 'booking-requested', detail: { request } });
    try {
      const booking = await this.options.client.createBooking(request, {
        // One key per hold and body: a retry of the same request never books twice.
        idempotencyKey: `${state.hold.id}-${hash(JSON.stringify(request))}`,
        signal: this.life.signal,
      });
      this.afterCreate(booking);
    } catch (error) {
      const problem = problemOf(error);
      if (problem.code === 'aborted') return;
      this.emit({ type: 'booking-failed', detail: { error: problem } });
      if (problem.code === 'hold_expired') {
        this.holdExpired();
      } else if (problem.code === 'validation_failed' && problem.details?.length) {
        this.patchDetails(state.hold.id, { submitting: false, fieldErrors: problem.details });
      } else if (TAKEN.includes(problem.code)) {
        this.enterChoose({ kind: problem.code === 'sold_out' ? 'class-full' : 'slot-taken' });
      } else {
        this.patchDetails(state.hold.id, { submitting: false, error: problem });
      }
    }
  }

  private bookingRequest(
    settings: FlowSettings,
    holdId: string,
    held: Held,
    values: CustomerValues,
  ): CreateBookingRequest {
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const customer = {
      ...values,
      name: text(values.name),
      email: text(values.email),
      timezone: this.timeZone,
    };
    const slot = held.kind === 'slot' ? held.slot : undefined;
    const resourceId = slot && resourceOf(slot);
    return {
      graph: settings.graph,
      reservation_id: holdId,
      customer,
      ...(this.options.customData ? { custom_data: { ...this.options.customData } } : {}),
      ...(settings.projectId ? { project_id: settings.projectId } : {}),
      ...(slot
        ? {
            resource_id: resourceId,
            event: {
              start: slot.start,
              end: slot.end,
              what: settings.what,
              resource_id: resourceId,
            },
          }
        : {}),
    };
  }

  private afterCreate(booking: Booking): void {
    this.token = booking.customer_token ?? this.token;
    // "Book another" starts from the host's prefill again, not from the last visitor's answers.
    this.values = { ...this.options.prefill };
    this.emit({ type: 'booking-created', detail: { booking } });
    if (booking.state === 'awaiting_verification') {
      this.set({ step: 'verify', booking, busy: false });
      this.cue({ kind: 'verify' });
    } else if (PAYMENT_GRAPHS.includes(booking.graph) && booking.state === 'tentative') {
      this.emit({ type: 'payment-required', detail: { booking, expiresAt: booking.expires_at } });
      this.set({ step: 'payment', booking, busy: false });
      this.cue({ kind: 'payment' });
    } else {
      this.showResult(booking);
    }
  }

  private showResult(booking: Booking): void {
    const until = this.cancellableUntil(booking);
    this.set({ step: 'result', booking, ...(until ? { cancellableUntil: until } : {}) });
    this.cue({ kind: 'result', booking });
  }

  /** A class's last moment to cancel: the booking's own, else the class held for it. */
  private cancellableUntil(booking: Booking): string | undefined {
    return (
      booking.attributes.group_booking?.cancellable_until ??
      (booking.related?.owner_booking_id === this.heldGroup?.id
        ? this.heldGroup?.attributes.group_booking.cancellable_until
        : undefined)
    );
  }

  // ------------------------------------------------------------------ after booking

  /** The code e-mailed to the visitor. */
  async verify(code: string): Promise<void> {
    await (await this.afterBookingPart())?.verify(this.manageHost, code);
  }

  /** Takes the payment through `handler`, then registers it with the booking. */
  async pay(handler: PaymentHandler): Promise<void> {
    await (await this.afterBookingPart())?.pay(this.manageHost, handler);
  }

  /** Back from payment to the chooser; the reserved time goes back at once. */
  async leavePayment(): Promise<void> {
    await (await this.afterBookingPart())?.leavePayment(this.manageHost);
  }

  async cancel(message: string): Promise<void> {
    await (await this.afterBookingPart())?.cancel(this.manageHost, message);
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
  async confirmMove(): Promise<void> {
    await (await this.afterBookingPart())?.confirmMove(this.manageHost);
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

  private async openManage(id: string): Promise<void> {
    this.set({ step: 'manage', booking: undefined, busy: true });
    await (await this.afterBookingPart())?.openManage(this.manageHost, id);
  }

  /**
   * The code of the steps after booking (after-booking.ts), imported while the visitor fills
   * in the form, else when first needed. When it cannot come, the step says the connection
   * failed; the visitor's next try imports again.
   */
  private async afterBookingPart(): Promise<AfterBookingPart | undefined> {
    try {
      return await loadAfterBookingPart();
    } catch (error) {
      const problem: Problem = { code: 'network_error', message: String(error) };
      const state = this.current;
      if (state.step === 'verify' || state.step === 'payment' || state.step === 'manage') {
        this.set({ ...state, busy: false, error: problem });
      } else if (state.step === 'rescheduling') {
        this.set({ ...state, busy: false, notice: { kind: 'problem', problem } });
      }
      this.emit({ type: 'error', detail: { error: problem } });
      return undefined;
    }
  }

  // ------------------------------------------------------------------ refresh

  /**
   * Asks the API again for what the step shows: the hold, the booking, or the choices. The
   * sandbox calls it after moving the engine's clock, so countdowns and states catch up.
   */
  async refresh(): Promise<void> {
    const state = this.current;
    const client = this.options.client;
    const signal = this.life.signal;
    try {
      if (state.step === 'details') {
        const hold = await client.getHold(state.hold.id, { signal });
        this.patchDetails(state.hold.id, { hold });
      } else if ('booking' in state && state.booking && this.token) {
        const booking = await client.getBooking(state.booking.id, { ...this.access(), signal });
        this.follow(booking);
      } else if (state.step === 'choose') {
        this.choices.reload();
      }
    } catch (error) {
      const problem = problemOf(error);
      if (problem.code !== 'aborted') this.emit({ type: 'error', detail: { error: problem } });
    }
  }

  /** The booking moved on by itself (payment window ended, owner acted): follow it. */
  private follow(booking: Booking): void {
    const state = this.current;
    if (!('booking' in state) || state.booking?.id !== booking.id) return;
    if (state.step === 'payment' && booking.state !== 'tentative') {
      if (booking.state === 'paid') this.showResult(booking);
      else this.holdExpired();
      return;
    }
    this.set({ ...state, booking });
  }

  // ------------------------------------------------------------------ plumbing

  private enterChoose(notice?: Notice): void {
    const graph = this.settings?.graph ?? 'instant';
    const common = { step: 'choose', busy: false, ...(notice ? { notice } : {}) } as const;
    this.set(
      flowFor(graph) === 'group'
        ? { ...common, chooser: 'classes', classes: { status: 'idle' } }
        : { ...common, chooser: 'times', picker: this.choices.freshPicker() },
    );
    if (notice) this.cue({ kind: 'notice', notice });
    this.choices.reload();
  }

  private patchDetails(holdId: string, change: Partial<StateOf<'details'>>): void {
    const state = this.current;
    if (state.step === 'details' && state.hold.id === holdId) this.set({ ...state, ...change });
  }

  private thisMonth(): string {
    return localDate(this.serverNow(), this.timeZone).slice(0, 7);
  }

  private access(): { customerToken?: string; signal: AbortSignal } {
    return { ...(this.token ? { customerToken: this.token } : {}), signal: this.life.signal };
  }

  private set(state: FlowState): void {
    const leaving = this.current;
    this.current = state;
    if (!('picker' in state) && !('classes' in state) && leaving !== state) this.choices.abort();
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

function aboutOf(config: EmbedConfig | undefined): About {
  if (!config) return {};
  const host = config.resource_details?.length === 1 ? config.resource_details[0]?.name : undefined;
  return {
    name: config.name,
    ...(config.description ? { description: config.description } : {}),
    ...(config.duration ? { duration: config.duration } : {}),
    ...(config.price ? { price: config.price } : {}),
    ...(config.location ? { location: config.location } : {}),
    ...(host ? { host } : {}),
  };
}

/** The resource a slot is with (a slot always names one; the API refuses a hold without). */
export const resourceOf = (slot: AvailableSlot): string | undefined => slot.resources[0]?.id;

/** A short stable hash (FNV-1a) for idempotency keys. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 0).toString(36);
}

export type { ConfigProblem, Problem };
