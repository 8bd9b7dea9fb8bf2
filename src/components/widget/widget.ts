import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { createClient, type SlotkitClient } from '../../sdk/index.ts';
import type { AvailableSlot, Booking, EmbedConfig, Group, Hold } from '../../schemas/index.ts';
import { LocalizeController } from '../../controllers/localize.ts';
import {
  BookingCancelledEvent,
  BookingCreatedEvent,
  BookingFailedEvent,
  BookingPaidEvent,
  BookingRescheduledEvent,
  HoldCreatedEvent,
  PaymentRequiredEvent,
  SlotkitErrorEvent,
  type ClassSelectEvent,
  type FormSubmitEvent,
  type HoldExpiredEvent,
  type HoldExtendEvent,
  type MonthChangeEvent,
  type DateSelectEvent,
  type RetryEvent,
  type SlotSelectEvent,
  type TimeZoneChangeEvent,
} from '../../events.ts';
import { parseInstant, wallTimeToInstant, addDaysToDate, localDate } from '../../lib/time/index.ts';
import { detectTimeZone, formatRange } from '../../lib/time/format.ts';
import { defineElement } from '../shared/define.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { styles } from './widget.styles.ts';
import {
  PAYMENT_GRAPHS,
  checkConfig,
  flowFor,
  parseList,
  type ConfigProblem,
  type WidgetConfig,
} from './config.ts';
import { describeError, problemOf } from './errors.ts';
import { fire, type BookingJsCallbacks } from './callbacks.ts';
import { accentTokens, isHexColor } from '../shared/contrast.ts';
import { PartsLoader, afterBookingSteps, chooserFor, type PartsStatus } from './parts.ts';
import type { AfterBookingView } from './after-booking.ts';

type Step = 'config' | 'choose' | 'details' | 'verify' | 'payment' | 'result' | 'manage';

/** Resolved configuration: the element's own settings over the project's remote config. */
interface Settings {
  graph: string;
  projectId?: string;
  resources?: string[];
  customerFields?: unknown;
  availability: Record<string, unknown>;
  what: string;
}

/** The hook a real payment provider plugs into; the default is the sandbox's test payment. */
export interface PaymentHandler {
  label?: string;
  /** Takes the payment; what it returns is passed to the `pay` action as its input. */
  pay(booking: Booking): Promise<Record<string, unknown>>;
}

const testPayment: PaymentHandler = {
  pay: async (booking) => ({ reference: `test_${booking.id.slice(0, 8)}`, provider: 'test' }),
};

const statusOf = (task: Task): 'loading' | 'error' | 'ready' =>
  task.status === TaskStatus.ERROR
    ? 'error'
    : task.status === TaskStatus.COMPLETE
      ? 'ready'
      : 'loading';

/**
 * @summary A whole booking flow: pick a time or a class, hold it, fill in the form, book, pay,
 * and manage the booking afterwards.
 * @tag slotkit-widget
 *
 * @event slotkit-hold-created - A time or seats are held for the visitor.
 * @event slotkit-hold-expired - The hold ran out before the visitor booked.
 * @event slotkit-booking-created - The booking exists; `detail.state` says whether it is confirmed, requested or awaiting payment.
 * @event slotkit-booking-failed - Booking was refused or failed; `detail.error` says why.
 * @event slotkit-payment-required - The booking waits for payment within its window.
 * @event slotkit-booking-paid - The payment was registered.
 * @event slotkit-booking-cancelled - The visitor cancelled the booking.
 * @event slotkit-booking-rescheduled - The visitor moved the booking to a new time.
 * @event slotkit-error - Anything the visitor was shown as an error (config, network, API).
 * Events of the inner elements (slot and class selection, time zone change) bubble out too.
 *
 * @attr theme - `light` or `dark`; by default the visitor's `prefers-color-scheme`.
 *
 * @csspart header - The step's heading area.
 * @csspart notice - Messages such as an expired hold.
 * @csspart config-error - The site owner's configuration message.
 * @csspart summary - What is being booked.
 * @csspart result - The outcome of the booking.
 * @csspart button - Every button of the widget itself.
 *
 * @cssproperty --slotkit-color-accent - Brand colour of buttons and selections.
 * @cssproperty --slotkit-color-accent-text - The accent as text or outline (derived from brand-color).
 * @cssproperty --slotkit-color-scheme - Pins light or dark; by default the visitor's preference.
 * @cssproperty --slotkit-color-shadow - Popover shadow.
 * @cssproperty --slotkit-radius - Corner radius.
 * @cssproperty --slotkit-font - Font family.
 */
export class SlotkitWidget extends LitElement {
  static override styles = [tokens, styles];

  private readonly localize = new LocalizeController(this, () => this.chosenLocale);
  private readonly parts = new PartsLoader(this);
  /** Whether the details step's parts were asked for ahead of time (see `updated`). */
  private prefetchedDetails = false;
  private client: SlotkitClient | undefined;
  private settings: Settings | undefined;
  /** Bumped to reload availability or classes (after an expiry or a refused hold). */
  @state() private refreshCount = 0;

  @query('slotkit-customer-form') private form?: HTMLElement & {
    value: Record<string, unknown>;
  };

  @state() private step: Step = 'config';
  @state() private configProblems: ConfigProblem[] = [];
  @state() private configError = '';
  @state() private notice = '';
  @state() private busy = false;
  @state() private actionError = '';
  /** Set by `configure` (detecting it is Intl's first, slow use: not in the constructor). */
  @state() private timeZoneInUse = 'UTC';
  @state() private month = '';
  @state() private selectedDate: string | undefined;
  @state() private hold: Hold | undefined;
  @state() private heldSlot: AvailableSlot | undefined;
  @state() private heldGroup: Group | undefined;
  @state() private extending = false;
  @state() private customerValues: Record<string, unknown> = {};
  @state() private formStatus: 'idle' | 'submitting' = 'idle';
  @state() private serverErrors: Array<{ path: string; message: string }> = [];
  @state() private booking: Booking | undefined;
  @state() private token: string | undefined;
  @state() private rescheduling = false;
  /** The new time a reschedule waits on the visitor to confirm. */
  @state() private pendingMove: AvailableSlot | undefined;
  @state() private announcement = '';
  /** Whether focus was inside the widget when this update began (see `updated`). */
  private focusWasInside = false;

  /** Base URL of the booking API, e.g. `https://api.example.com/v2`. */
  @property({ attribute: 'base-url' }) baseUrl = '/v2';
  /** The project's public widget key. */
  @property({ attribute: 'app-key' }) appKey = '';
  @property({ attribute: 'project-id' }) projectId: string | undefined;
  /** Resource ids, comma-separated, when no project names them. */
  @property({ attribute: 'resources' }) resources: string | undefined;
  /** instant, confirm_decline, instant_payment, group_customer or group_customer_payment. */
  @property() graph: string | undefined;
  @property() locale: string | undefined;
  /** The visitor's time zone; detected when unset. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;
  /** Form fields: slotkit's array or booking.js's customer_fields object. */
  @property({ attribute: 'customer-fields', type: Object }) customerFields: unknown;
  /** Manage this booking (with its customer token) instead of booking a new one. */
  @property({ attribute: 'booking-id' }) bookingId: string | undefined;
  @property({ attribute: 'customer-token' }) customerToken: string | undefined;
  /** Skip `GET /projects/embed/:id`; use only what is configured here. */
  @property({ attribute: 'no-remote-config', type: Boolean }) noRemoteConfig = false;
  /** Per request, retries included. */
  @property({ attribute: 'timeout-ms', type: Number }) timeoutMs = 15_000;
  /** Everything above as one object (booking.js-style keys are mapped by the embed script). */
  @property({ attribute: false }) config: Partial<WidgetConfig> | undefined;
  /** A real payment provider; the default is a clearly labelled test payment. */
  @property({ attribute: false }) payment: PaymentHandler = testPayment;
  /** Extra POST /availability settings (length, timeslot_increments, mode). */
  @property({ attribute: false }) availability: Record<string, unknown> | undefined;
  /**
   * The brand colour (#rrggbb): buttons and selections take it, and text on it and accent text
   * are derived to reach WCAG AA contrast in light and dark.
   */
  @property({ attribute: 'brand-color' }) brandColor: string | undefined;
  /** booking.js v3's callbacks, for sites moving from booking.js; events are the main API. */
  @property({ attribute: false }) callbacks: BookingJsCallbacks | undefined;

  private readonly datesTask = new Task(this, {
    task: async ([month, timeZone, ready], { signal }) => {
      if (!ready || !month || !this.client) return { dates: [] as string[], next: undefined };
      const first = `${month}-01`;
      const from = wallTimeToInstant(first, '00:00', timeZone);
      const nextMonth = addDaysToDate(first, 32).slice(0, 7);
      const to = wallTimeToInstant(`${nextMonth}-01`, '00:00', timeZone);
      const body = this.availabilityBody(from, to, timeZone);
      fire(this.callbacks, 'fetchAvailabilityStarted', body);
      const dates = await this.client.availabilityDates(body, { signal });
      let next: string | undefined;
      if (dates.length === 0) {
        // "Next available": look three months further so an empty month is never a dead end.
        const later = await this.client.availabilityDates(
          this.availabilityBody(to, to + 92 * 86_400_000, timeZone),
          { signal },
        );
        next = later[0]?.date;
      }
      fire(this.callbacks, 'fetchAvailabilitySuccessful', dates);
      return { dates: dates.map((entry) => entry.date), next };
    },
    onError: (error) => this.loadFailed(error, 'fetchAvailabilityFailed'),
    args: () =>
      [
        this.month,
        this.timeZoneInUse,
        this.step === 'choose' && this.flow === 'one-to-one',
        this.refreshCount,
      ] as const,
  });

  private readonly slotsTask = new Task(this, {
    task: async ([date, timeZone, ready], { signal }) => {
      if (!ready || !date || !this.client) return [] as AvailableSlot[];
      const from = wallTimeToInstant(date, '00:00', timeZone);
      const to = wallTimeToInstant(date, '24:00', timeZone);
      return this.client.availability(this.availabilityBody(from, to, timeZone), { signal });
    },
    onError: (error) => this.loadFailed(error, 'fetchAvailabilityFailed'),
    args: () =>
      [
        this.selectedDate,
        this.timeZoneInUse,
        this.step === 'choose' && this.flow === 'one-to-one',
        this.refreshCount,
      ] as const,
  });

  private readonly groupsTask = new Task(this, {
    task: async ([ready], { signal }) => {
      if (!ready || !this.client) return [] as Group[];
      const projectId = this.settings?.projectId;
      fire(this.callbacks, 'getBookingSlotsStarted');
      const groups = await this.client.groups(projectId ? { project_id: projectId } : {}, {
        signal,
      });
      fire(this.callbacks, 'getBookingSlotsSuccessful', groups);
      return groups;
    },
    onError: (error) => this.loadFailed(error, 'getBookingSlotsFailed'),
    args: () => [this.step === 'choose' && this.flow === 'group', this.refreshCount] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('slotkit-hold-expired', this.onHoldExpired);
    this.addEventListener('slotkit-hold-extend', this.onHoldExtend);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('slotkit-hold-expired', this.onHoldExpired);
    this.removeEventListener('slotkit-hold-extend', this.onHoldExtend);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configKeys = [
      'baseUrl',
      'appKey',
      'projectId',
      'resources',
      'graph',
      'locale',
      'timeZone',
      'customerFields',
      'bookingId',
      'customerToken',
      'noRemoteConfig',
      'config',
      'availability',
      'timeoutMs',
    ] as const;
    if (configKeys.some((key) => changed.has(key))) void this.configure();
    if (changed.has('brandColor')) this.applyBrand();
    this.focusWasInside = this.shadowRoot?.activeElement != null;
  }

  protected override updated(changed: PropertyValues): void {
    const choices = this.flow === 'group' ? this.groupsTask : this.datesTask;
    if (
      this.step === 'choose' &&
      choices.status === TaskStatus.COMPLETE &&
      !this.prefetchedDetails
    ) {
      // The choices are on screen and the visitor is choosing: fetch the form, the countdown and
      // the later steps meanwhile, when the browser idles (not earlier: they would compete with
      // the first paint).
      this.prefetchedDetails = true;
      const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
      idle(() => this.parts.prefetch(['form', 'countdown', 'steps']));
    }
    // Focus follows the flow: each new step's heading, never lost to <body>.
    // The first step after loading is not a move: taking focus then would scroll the host page.
    const from = changed.get('step');
    const heading = this.renderRoot.querySelector<HTMLElement>('[data-step-heading]');
    if (changed.has('step') && from !== undefined && from !== 'config') {
      heading?.focus();
    } else if (this.focusWasInside && this.shadowRoot?.activeElement == null) {
      // The focused control went away within a step (the cancel form after cancelling):
      // the step's heading takes focus rather than <body>.
      heading?.focus();
    }
  }

  // ------------------------------------------------------------------ configuration

  private get merged(): Partial<WidgetConfig> {
    const own: Partial<WidgetConfig> = {
      baseUrl: this.baseUrl,
      appKey: this.appKey,
      ...(this.projectId ? { projectId: this.projectId } : {}),
      ...(parseList(this.resources) ? { resources: parseList(this.resources)! } : {}),
      ...(this.graph ? { graph: this.graph } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
      ...(this.timeZone ? { timeZone: this.timeZone } : {}),
      ...(this.customerFields !== undefined ? { customerFields: this.customerFields } : {}),
      ...(this.bookingId ? { bookingId: this.bookingId } : {}),
      ...(this.customerToken ? { customerToken: this.customerToken } : {}),
      ...(this.availability ? { availability: this.availability } : {}),
    };
    return { ...own, ...this.config };
  }

  /** The locale attribute, or the one a config object (script tag, init) gives. */
  private get chosenLocale(): string | undefined {
    return this.locale || this.config?.locale;
  }

  /** Sets the derived accent tokens on the host (style properties pass a strict style-src). */
  private applyBrand(): void {
    const names = [
      '--slotkit-color-accent',
      '--slotkit-color-on-accent',
      '--slotkit-color-accent-text',
    ] as const;
    for (const name of names) this.style.removeProperty(name);
    const brand = this.brandColor;
    if (!brand) return;
    if (!isHexColor(brand)) {
      console.error(
        `<slotkit-widget> brand-color "${brand}" is not a colour like #1d4ed8 or #fc0.`,
      );
      return;
    }
    const scheme = CSS.supports('color', 'light-dark(#000, #fff)') ? 'auto' : 'light';
    const tokens = accentTokens(brand, { scheme });
    for (const name of names) this.style.setProperty(name, tokens[name]);
  }

  private get flow() {
    return flowFor(this.settings?.graph ?? 'instant');
  }

  private async configure(): Promise<void> {
    const config = this.merged;
    fire(this.callbacks, 'renderStarted');
    this.step = 'config';
    // A new configuration starts a new flow: nothing of the previous project's may leak in.
    this.hold = undefined;
    this.heldSlot = undefined;
    this.heldGroup = undefined;
    this.booking = undefined;
    this.token = undefined;
    this.rescheduling = false;
    this.pendingMove = undefined;
    this.selectedDate = undefined;
    this.notice = '';
    this.serverErrors = [];
    this.configError = '';
    this.configProblems = checkConfig(config);
    if (this.configProblems.length) {
      console.error(
        `<slotkit-widget> configuration: ${this.configProblems
          .map((problem) => `${problem.setting} ${problem.message}`)
          .join(' ')}`,
      );
      return;
    }
    this.client = createClient({
      baseUrl: new URL(config.baseUrl ?? '/v2', globalThis.location?.href).href.replace(/\/$/, ''),
      appKey: config.appKey!,
      timeoutMs: this.timeoutMs,
      ...(config.customerToken ? { customerToken: config.customerToken } : {}),
    });
    // Import the first step's part alongside the project's config rather than after it: the
    // manage step's, or the chooser the graph set here asks for, else the time picker (most
    // projects show it).
    this.parts.prefetch(config.bookingId ? ['steps'] : [chooserFor(config.graph ?? 'instant')]);
    const remoteConfig =
      config.projectId && !this.noRemoteConfig && config.remoteConfig !== false
        ? this.client.projectConfig(config.projectId)
        : undefined;
    // While the project's config travels: Intl's first use (tens of ms while ICU loads).
    this.timeZoneInUse = config.timeZone ?? detectTimeZone();
    let remote: EmbedConfig | undefined;
    if (remoteConfig) {
      try {
        remote = await remoteConfig;
      } catch (error) {
        this.failConfig(error);
        return;
      }
    }
    const graph = config.graph ?? remote?.booking.graph ?? 'instant';
    const graphProblems = checkConfig({ ...config, graph });
    if (graphProblems.length) {
      this.configProblems = graphProblems;
      console.error(`<slotkit-widget> configuration: graph ${graphProblems[0]!.message}`);
      return;
    }
    this.settings = {
      graph,
      availability: { ...remote?.availability, ...config.availability },
      what: config.what ?? remote?.name ?? 'Booking',
      ...(config.projectId ? { projectId: config.projectId } : {}),
      ...(config.resources ? { resources: config.resources } : {}),
      ...(config.customerFields !== undefined || remote
        ? { customerFields: config.customerFields ?? remote?.customer_fields }
        : {}),
    };
    if (config.bookingId && config.customerToken) {
      this.token = config.customerToken;
      await this.openManage(config.bookingId);
      return;
    }
    this.month = localDate(this.client.serverNow(), this.timeZoneInUse).slice(0, 7);
    this.go('choose');
    await this.updateComplete;
    fire(this.callbacks, 'renderCompleted');
  }

  private loadFailed(
    error: unknown,
    callback: 'fetchAvailabilityFailed' | 'getBookingSlotsFailed',
  ) {
    const problem = problemOf(error);
    if (problem.code === 'aborted') return;
    fire(this.callbacks, callback, problem);
    this.emitError(problem);
  }

  private failConfig(error: unknown): void {
    const problem = problemOf(error);
    if (problem.code === 'unauthorized' || problem.code === 'forbidden') {
      this.configProblems = [
        {
          setting: 'app-key',
          message: `was refused by the booking API (${problem.message}). Check app-key and project-id.`,
        },
      ];
      console.error(`<slotkit-widget> configuration: app-key ${this.configProblems[0]!.message}`);
    } else if (problem.code === 'not_found') {
      this.configProblems = [
        { setting: 'project-id', message: `"${this.merged.projectId}" is not a known project.` },
      ];
      console.error(
        `<slotkit-widget> configuration: project-id ${this.configProblems[0]!.message}`,
      );
    } else {
      this.configError = describeError(error, this.localize.t);
      this.emitError(problem);
    }
  }

  private availabilityBody(from: number, to: number, timeZone: string) {
    const settings = this.settings!;
    return {
      ...settings.availability,
      ...(settings.projectId ? { project_id: settings.projectId } : {}),
      ...(settings.resources ? { resources: settings.resources } : {}),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      output_timezone: timeZone,
    };
  }

  /** "Today" as the booking service sees it, so the picker and the API agree on dates. */
  private readonly serverNow = () => this.client?.serverNow() ?? Date.now();

  // ------------------------------------------------------------------ handlers

  private go(step: Step, announcement = ''): void {
    this.step = step;
    this.actionError = '';
    if (announcement) this.announce(announcement);
  }

  /** A live region reads a change only: the same words again get a trailing no-break space. */
  private announce(message: string): void {
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  private readonly onMonthChange = (event: MonthChangeEvent) => {
    this.month = event.detail.month;
  };

  private readonly onDateSelect = (event: DateSelectEvent) => {
    this.selectedDate = event.detail.date;
  };

  private readonly onTimeZoneChange = (event: TimeZoneChangeEvent) => {
    if (!event.defaultPrevented) this.timeZoneInUse = event.detail.timeZone;
  };

  private readonly onRetry = (_event: RetryEvent) => {
    this.refreshCount += 1;
  };

  private readonly onSlotSelect = async (event: SlotSelectEvent) => {
    if (event.defaultPrevented || this.busy) return;
    const slot = event.detail.slot;
    fire(this.callbacks, 'clickTimeslot', slot);
    if (this.rescheduling) {
      this.pendingMove = slot;
      // The question appears after the picker: say it where the visitor is.
      this.announce(
        this.localize.t.widget.rescheduleConfirm(this.formatWhen(slot.start, slot.end)),
      );
      return;
    }
    await this.reserve(
      {
        resource_id: slot.resources[0]!.id,
        start: slot.start,
        end: slot.end,
        ...(this.settings?.projectId ? { project_id: this.settings.projectId } : {}),
      },
      () => {
        this.heldSlot = slot;
        this.heldGroup = undefined;
      },
      this.localize.t.widget.slotTaken,
    );
  };

  private readonly onClassSelect = async (event: ClassSelectEvent) => {
    if (event.defaultPrevented || this.busy) return;
    const { group, seats } = event.detail;
    await this.reserve(
      { related: { owner_booking_id: group.id }, seats },
      () => {
        this.heldGroup = group;
        this.heldSlot = undefined;
      },
      this.localize.t.widget.classFull,
    );
  };

  private async reserve(
    body: Parameters<SlotkitClient['reserve']>[0],
    remember: () => void,
    takenMessage: string,
  ): Promise<void> {
    this.busy = true;
    this.notice = '';
    try {
      const hold = await this.client!.reserve(body);
      this.hold = hold;
      remember();
      this.dispatchEvent(new HoldCreatedEvent({ hold }));
      fire(this.callbacks, 'showBookingPage', hold);
      const minutes = Math.round(
        (parseInstant(hold.expires_at)! - this.client!.serverNow()) / 60_000,
      );
      this.go(
        'details',
        this.localize.t.widget.holdCreatedAnnouncement(minutes, this.localize.locale),
      );
    } catch (error) {
      const problem = problemOf(error);
      this.notice = ['slot_unavailable', 'sold_out', 'booking_window'].includes(problem.code)
        ? problem.code === 'booking_window'
          ? problem.message
          : takenMessage
        : describeError(error, this.localize.t);
      this.emitError(problem);
      this.refreshCount += 1;
    } finally {
      this.busy = false;
    }
  }

  private readonly onHoldExtend = async (event: HoldExtendEvent) => {
    if (event.defaultPrevented || !this.hold || this.step !== 'details') return;
    this.extending = true;
    try {
      this.hold = await this.client!.extendHold(this.hold.id);
    } catch (error) {
      this.actionError = describeError(error, this.localize.t);
      this.emitError(problemOf(error));
    } finally {
      this.extending = false;
    }
  };

  private readonly onHoldExpired = (_event: HoldExpiredEvent) => this.holdRanOut();

  /** The hold or payment window ended (the countdown said so, or the API refused the booking). */
  private holdRanOut(): void {
    if (this.step === 'payment') {
      this.notice = this.localize.t.widget.paymentExpired;
      this.booking = undefined;
    } else if (this.step === 'details') {
      this.keepFormValues();
      this.notice = this.localize.t.widget.holdExpired;
    } else {
      return;
    }
    this.hold = undefined;
    this.refreshCount += 1;
    fire(this.callbacks, 'closeBookingPage');
    this.go('choose', this.notice);
  }

  private keepFormValues(): void {
    if (this.form) this.customerValues = { ...this.form.value };
  }

  private readonly onBack = async () => {
    this.keepFormValues();
    const hold = this.hold;
    this.hold = undefined;
    fire(this.callbacks, 'closeBookingPage');
    this.go('choose');
    this.refreshCount += 1;
    if (hold) {
      // Give the time back at once rather than making others wait for the expiry.
      await this.client!.releaseHold(hold.id).catch(() => undefined);
    }
  };

  private readonly onFormSubmit = async (event: FormSubmitEvent) => {
    if (event.defaultPrevented || !this.hold || this.formStatus === 'submitting') return;
    const settings = this.settings!;
    const customer = { ...event.detail.customer, timezone: this.timeZoneInUse };
    this.customerValues = { ...event.detail.customer };
    const slot = this.heldSlot;
    const body = {
      graph: settings.graph,
      reservation_id: this.hold.id,
      customer,
      ...(settings.projectId ? { project_id: settings.projectId } : {}),
      ...(slot
        ? {
            resource_id: slot.resources[0]!.id,
            event: {
              start: slot.start,
              end: slot.end,
              what: settings.what,
              resource_id: slot.resources[0]!.id,
            },
          }
        : {}),
    };
    this.formStatus = 'submitting';
    this.serverErrors = [];
    this.actionError = '';
    fire(this.callbacks, 'submitBookingForm', event.detail.customer);
    fire(this.callbacks, 'createBookingStarted', body);
    try {
      // One key per hold and body: a retry of the same request never books twice.
      const booking = await this.client!.createBooking(body as never, {
        idempotencyKey: `${this.hold.id}-${hash(JSON.stringify(body))}`,
      });
      this.afterCreate(booking);
    } catch (error) {
      const problem = problemOf(error);
      this.dispatchEvent(new BookingFailedEvent({ error: problem }));
      fire(this.callbacks, 'createBookingFailed', problem);
      if (problem.code === 'hold_expired') {
        this.holdRanOut();
      } else if (problem.code === 'validation_failed' && problem.details?.length) {
        this.serverErrors = problem.details;
      } else if (problem.code === 'sold_out' || problem.code === 'slot_unavailable') {
        this.keepFormValues();
        this.notice =
          problem.code === 'sold_out'
            ? this.localize.t.widget.classFull
            : this.localize.t.widget.slotTaken;
        this.hold = undefined;
        this.refreshCount += 1;
        this.go('choose', this.notice);
      } else {
        this.actionError = describeError(error, this.localize.t);
      }
    } finally {
      this.formStatus = 'idle';
    }
  };

  private afterCreate(booking: Booking): void {
    this.booking = booking;
    this.token = booking.customer_token ?? this.token;
    this.hold = undefined;
    this.customerValues = {};
    this.dispatchEvent(new BookingCreatedEvent({ booking, state: booking.state }));
    fire(this.callbacks, 'createBookingSuccessful', booking);
    const t = this.localize.t.widget;
    if (booking.state === 'awaiting_verification') {
      this.go('verify', t.verifyHeading);
    } else if (PAYMENT_GRAPHS.includes(booking.graph) && booking.state === 'tentative') {
      this.dispatchEvent(
        new PaymentRequiredEvent({
          booking,
          ...(booking.expires_at ? { expiresAt: booking.expires_at } : {}),
        }),
      );
      this.go('payment', t.payIntro);
    } else {
      this.go('result', this.resultMessage(booking));
    }
  }

  private readonly onVerify = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const code = new FormData(event.target as HTMLFormElement).get('code');
    await this.act('verify', { verify: { code: String(code ?? '').trim() } }, (booking) =>
      this.afterCreate(booking),
    );
  };

  private readonly onPay = async () => {
    if (this.busy) return;
    const booking = this.booking!;
    this.busy = true;
    try {
      const input = await this.payment.pay(booking);
      await this.act('pay', { pay: input }, (paid) => {
        this.booking = paid;
        this.dispatchEvent(new BookingPaidEvent({ booking: paid }));
        this.go('result', this.resultMessage(paid));
      });
    } catch (error) {
      this.actionError = describeError(error, this.localize.t);
    } finally {
      this.busy = false;
    }
  };

  private readonly onCancel = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const message = String(new FormData(event.target as HTMLFormElement).get('message') ?? '');
    await this.act(
      'cancel_by_customer',
      { cancel_by_customer: message ? { message } : {} },
      (booking) => {
        this.booking = booking;
        this.dispatchEvent(new BookingCancelledEvent({ booking }));
        this.announce(this.localize.t.widget.cancelled);
      },
    );
  };

  private readonly onStartReschedule = () => {
    if (this.busy) return;
    this.rescheduling = true;
    this.month = localDate(this.client!.serverNow(), this.timeZoneInUse).slice(0, 7);
    this.go('choose');
  };

  private readonly onConfirmMove = async () => {
    const slot = this.pendingMove;
    if (!slot || this.busy) return;
    const booking = this.booking!;
    const when = this.formatWhen(slot.start, slot.end);
    this.busy = true;
    try {
      const moved = await this.client!.reschedule(
        booking.id,
        { start: slot.start, end: slot.end, resource_id: slot.resources[0]!.id },
        { customerToken: this.token! },
      );
      const newId = moved.related?.rescheduled_to;
      const fresh = newId
        ? await this.client!.getBooking(newId, { customerToken: this.token! })
        : moved;
      this.dispatchEvent(
        new BookingRescheduledEvent({ booking: fresh, rescheduledTo: newId ?? fresh.id }),
      );
      this.booking = fresh;
      this.rescheduling = false;
      this.pendingMove = undefined;
      this.go('manage', this.localize.t.widget.rescheduleDone(when));
    } catch (error) {
      const problem = problemOf(error);
      this.notice = describeError(error, this.localize.t);
      this.pendingMove = undefined;
      this.emitError(problem);
      this.refreshCount += 1;
    } finally {
      this.busy = false;
    }
  };

  private async openManage(id: string): Promise<void> {
    this.go('manage');
    this.busy = true;
    try {
      this.booking = await this.client!.getBooking(id, { customerToken: this.token! });
    } catch (error) {
      this.actionError = describeError(error, this.localize.t);
      this.emitError(problemOf(error));
    } finally {
      this.busy = false;
    }
  }

  private readonly onManage = () => {
    this.rescheduling = false;
    this.pendingMove = undefined;
    this.go('manage');
  };

  private readonly onBookAnother = () => {
    this.booking = undefined;
    this.rescheduling = false;
    this.refreshCount += 1;
    this.go('choose');
  };

  /** Runs a customer action on the current booking with its token. */
  private async act(
    action: string,
    body: Record<string, unknown>,
    done: (booking: Booking) => void,
  ): Promise<void> {
    this.busy = true;
    this.actionError = '';
    try {
      done(
        await this.client!.performAction(this.booking!.id, action, body, {
          customerToken: this.token!,
        }),
      );
    } catch (error) {
      this.actionError = describeError(error, this.localize.t);
      this.emitError(problemOf(error));
    } finally {
      this.busy = false;
    }
  }

  private emitError(problem: { code: string; message: string }): void {
    this.dispatchEvent(new SlotkitErrorEvent({ code: problem.code, message: problem.message }));
    fire(this.callbacks, 'errorTriggered', problem.message, problem);
  }

  // ------------------------------------------------------------------ public methods

  /**
   * Asks the API again for what the widget shows: availability, classes, the hold or the
   * booking. The sandbox calls it after moving the engine's clock, so countdowns catch up.
   */
  async refresh(): Promise<void> {
    if (!this.client) return;
    try {
      if (this.hold && this.step === 'details') {
        this.hold = await this.client.getHold(this.hold.id);
      } else if (this.booking && this.token) {
        this.booking = await this.client.getBooking(this.booking.id, { customerToken: this.token });
        this.followBooking();
      } else {
        this.refreshCount += 1;
      }
    } catch (error) {
      this.emitError(problemOf(error));
    }
  }

  /** The booking moved on by itself (payment window ended, owner acted): follow it. */
  private followBooking(): void {
    const booking = this.booking!;
    if (this.step === 'payment' && booking.state !== 'tentative') {
      if (booking.state === 'paid') {
        this.go('result', this.resultMessage(booking));
      } else {
        this.holdRanOut();
      }
    }
  }

  // ------------------------------------------------------------------ rendering helpers

  private formatWhen(start: string, end: string): string {
    return formatRange(
      parseInstant(start)!,
      parseInstant(end)!,
      this.timeZoneInUse,
      this.localize.locale,
    );
  }

  private resultMessage(booking: Booking): string {
    const t = this.localize.t.widget;
    if (booking.state === 'confirmed') return t.resultConfirmed;
    if (booking.state === 'paid') return t.resultPaid;
    if (booking.state === 'tentative') return t.resultRequested;
    return t.resultOther(booking.state);
  }

  private heading(text: string): TemplateResult {
    return html`<h2 part="header" tabindex="-1" data-step-heading>${text}</h2>`;
  }

  private renderNotice() {
    return this.notice
      ? html`<p part="notice" class="notice" role="alert">${this.notice}</p>`
      : nothing;
  }

  private renderActionError() {
    return this.actionError ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing;
  }

  private renderConfig() {
    const t = this.localize.t;
    if (this.configProblems.length) {
      return html`<div part="config-error" class="config-error" role="alert">
        <p><strong>${t.widget.configProblem}</strong></p>
        <ul>
          ${this.configProblems.map(
            (problem) => html`<li><code>${problem.setting}</code> ${problem.message}</li>`,
          )}
        </ul>
      </div>`;
    }
    if (this.configError) {
      return html`<div role="alert">
        <p>${t.widget.configFailed} ${this.configError}</p>
        <button part="button" class="button" @click=${() => void this.configure()}>
          ${t.common.retry}
        </button>
      </div>`;
    }
    return html`<p class="loading" role="status">${t.widget.configLoading}</p>`;
  }

  /** Stands in for parts still loading, or says they failed, with a retry. */
  private renderPartsPending(status: Exclude<PartsStatus, 'ready'>) {
    const t = this.localize.t.common;
    if (status === 'error') {
      return html`<div class="parts-error" role="alert">
        <p>${t.networkError}</p>
        <button part="button" class="button" @click=${() => this.parts.retry()}>${t.retry}</button>
      </div>`;
    }
    return html`<div class="parts-loading skeleton" role="status">
      <span class="visually-hidden">${t.loading}</span>
    </div>`;
  }

  private renderChoose() {
    const t = this.localize.t.widget;
    const chooser = this.parts.status([chooserFor(this.settings?.graph ?? 'instant')]);
    if (this.flow === 'group') {
      return html`${this.heading(t.chooseClassHeading)} ${this.renderNotice()}
      ${chooser !== 'ready' ? this.renderPartsPending(chooser) : this.renderClassList()}`;
    }
    return html`${this.heading(this.rescheduling ? t.rescheduleHeading : t.chooseTimeHeading)}
    ${this.renderNotice()}
    ${chooser !== 'ready' ? this.renderPartsPending(chooser) : this.renderPicker()}
    ${this.renderMoveConfirmation()}`;
  }

  private renderClassList() {
    return html`<slotkit-class-list
      .groups=${this.groupsTask.value ?? []}
      .status=${statusOf(this.groupsTask)}
      .errorMessage=${this.taskError(this.groupsTask)}
      .timeZone=${this.timeZoneInUse}
      .locale=${this.chosenLocale}
      .now=${this.client?.serverNow() ?? Date.now()}
      @slotkit-class-select=${this.onClassSelect}
      @slotkit-retry=${this.onRetry}
    ></slotkit-class-list>`;
  }

  private renderPicker() {
    const dates = this.datesTask.value;
    return html`<slotkit-slot-picker
      .timeZone=${this.timeZoneInUse}
      .locale=${this.chosenLocale}
      .month=${this.month}
      .dates=${dates?.dates ?? []}
      .nextAvailableDate=${dates?.next}
      .datesStatus=${statusOf(this.datesTask)}
      .slots=${this.slotsTask.value ?? []}
      .slotsStatus=${this.selectedDate ? statusOf(this.slotsTask) : 'ready'}
      .errorMessage=${this.taskError(this.datesTask) || this.taskError(this.slotsTask)}
      .selectedDate=${this.selectedDate}
      .now=${this.serverNow}
      @slotkit-month-change=${this.onMonthChange}
      @slotkit-date-select=${this.onDateSelect}
      @slotkit-slot-select=${this.onSlotSelect}
      @slotkit-timezone-change=${this.onTimeZoneChange}
      @slotkit-retry=${this.onRetry}
    ></slotkit-slot-picker>`;
  }

  private renderMoveConfirmation() {
    const t = this.localize.t.widget;
    return html`${
      this.pendingMove
        ? html`<div class="confirm" role="group" aria-label=${t.rescheduleHeading}>
            <p>
              ${t.rescheduleConfirm(this.formatWhen(this.pendingMove.start, this.pendingMove.end))}
            </p>
            <button
              part="button"
              class="button"
              aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${this.onConfirmMove}
            >
              ${t.reschedule}
            </button>
          </div>`
        : nothing
    }
    ${
      this.rescheduling
        ? html`<button part="button" class="button secondary" @click=${this.onManage}>
            ${t.back}
          </button>`
        : nothing
    }
    ${this.busy ? html`<p role="status">${t.holding}</p>` : nothing}`;
  }

  private taskError(task: Task): string {
    return task.status === TaskStatus.ERROR ? describeError(task.error, this.localize.t) : '';
  }

  private renderHeld() {
    const t = this.localize.t.widget;
    if (this.heldSlot) {
      return html`<p part="summary" class="summary">
        ${t.heldSlot(this.formatWhen(this.heldSlot.start, this.heldSlot.end))}
      </p>`;
    }
    if (this.heldGroup && this.hold) {
      const info = this.heldGroup.attributes.event_info;
      return html`<p part="summary" class="summary">
        ${t.heldSeats(
          info.what,
          this.formatWhen(info.start, info.end),
          this.hold.seats,
          this.localize.locale,
        )}
      </p>`;
    }
    return nothing;
  }

  private submitLabel(): string {
    const t = this.localize.t.widget;
    const graph = this.settings?.graph ?? '';
    if (PAYMENT_GRAPHS.includes(graph)) return t.submitPayment;
    if (graph === 'confirm_decline') return t.submitRequest;
    return t.submit;
  }

  private renderDetails() {
    const t = this.localize.t.widget;
    const parts = this.parts.status(this.hold ? ['form', 'countdown'] : ['form']);
    if (parts !== 'ready') {
      return html`${this.heading(t.detailsHeading)} ${this.renderHeld()}
        ${this.renderPartsPending(parts)}
        <button part="button" class="button secondary" @click=${this.onBack}>${t.back}</button>`;
    }
    return html`${this.heading(t.detailsHeading)} ${this.renderHeld()}
      ${
        this.hold
          ? html`<slotkit-countdown
              .expiresAt=${this.hold.expires_at}
              .serverOffsetMs=${this.client?.clockOffsetMs() ?? 0}
              .canExtend=${this.hold.can_extend ?? false}
              .extending=${this.extending}
              .holdId=${this.hold.id}
              .locale=${this.chosenLocale}
            ></slotkit-countdown>`
          : nothing
      }
      <slotkit-customer-form
        .fields=${this.settings?.customerFields}
        .values=${this.customerValues}
        .status=${this.formStatus}
        .serverErrors=${this.serverErrors}
        .submitLabel=${this.submitLabel()}
        .locale=${this.chosenLocale}
        @slotkit-form-submit=${this.onFormSubmit}
      ></slotkit-customer-form>
      ${this.renderActionError()}
      <button part="button" class="button secondary" @click=${this.onBack}>${t.back}</button>`;
  }

  /** Verify, payment, result and manage: templates loaded with the first of them. */
  private renderAfterBooking(step: 'verify' | 'payment' | 'result' | 'manage') {
    const t = this.localize.t.widget;
    const title = {
      verify: t.verifyHeading,
      payment: t.paymentHeading,
      result: t.resultHeading,
      manage: t.manageHeading,
    }[step];
    const status = this.parts.status(['steps']);
    if (status !== 'ready') return html`${this.heading(title)} ${this.renderPartsPending(status)}`;
    const steps = afterBookingSteps()!;
    const view: AfterBookingView = {
      t,
      locale: this.localize.locale,
      booking: this.booking,
      busy: this.busy,
      error: this.renderActionError(),
      paymentLabel: this.payment.label,
      formatWhen: (start, end) => this.formatWhen(start, end),
      resultMessage: (booking) => this.resultMessage(booking),
      paymentWindow: (expiresAt) => this.renderPaymentWindow(expiresAt),
      onVerify: this.onVerify,
      onPay: this.onPay,
      onManage: this.onManage,
      onBookAnother: this.onBookAnother,
      onCancel: this.onCancel,
      onStartReschedule: this.onStartReschedule,
    };
    const booking = this.booking;
    const body =
      step === 'verify'
        ? steps.verify(view)
        : step === 'manage' || !booking
          ? steps.manage(view)
          : steps[step](view, booking);
    return html`${this.heading(title)} ${body}`;
  }

  private renderPaymentWindow(expiresAt: string) {
    const countdown = this.parts.status(['countdown']);
    if (countdown !== 'ready') return this.renderPartsPending(countdown);
    return html`<slotkit-countdown
      .expiresAt=${expiresAt}
      .serverOffsetMs=${this.client?.clockOffsetMs() ?? 0}
      .locale=${this.chosenLocale}
    ></slotkit-countdown>`;
  }

  override render() {
    const body = {
      config: () => this.renderConfig(),
      choose: () => this.renderChoose(),
      details: () => this.renderDetails(),
      verify: () => this.renderAfterBooking('verify'),
      payment: () => this.renderAfterBooking('payment'),
      result: () => this.renderAfterBooking('result'),
      manage: () => this.renderAfterBooking('manage'),
    }[this.step]();
    return html`<section class="widget" dir=${this.localize.dir} lang=${this.localize.locale}>
        ${body}
      </section>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>`;
  }
}

/** A short stable hash (FNV-1a) for idempotency keys. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 0).toString(36);
}

/** Registers <slotkit-widget> (once per version; see shared/define.ts). */
export function defineWidget(): void {
  defineElement('slotkit-widget', SlotkitWidget);
}

declare global {
  interface HTMLElementTagNameMap {
    'slotkit-widget': SlotkitWidget;
  }
}
