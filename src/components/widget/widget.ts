import { LitElement, adoptStyles, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { createClient } from '../../sdk/index.ts';
import type { Booking } from '../../schemas/index.ts';
import { LocalizeController } from '../../controllers/localize.ts';
import type {
  ClassSelectEvent,
  DateSelectEvent,
  MonthChangeEvent,
  SlotSelectEvent,
  TimeZoneChangeEvent,
  WaitlistJoinEvent,
} from '../../events.ts';
import {
  BookingFlow,
  testPayment,
  type ConfigProblem,
  type CustomerValues,
  type FlowReport,
  type FlowState,
  type PaymentHandler,
  prefillValues,
} from '../../flow/index.ts';
import { parseInstant } from '../../lib/time/index.ts';
import { formatRange } from '../../lib/time/format.ts';
import { defineElement } from '../shared/define.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { styles } from './widget.styles.ts';
import { checkConfig, checkLook, parseList, type WidgetConfig } from './config.ts';
import type { BookingJsCallbacks } from './callbacks.ts';
import { eventFor, type WidgetSignal } from './signals.ts';
import { PartsLoader, afterBookingSteps, chooserFor } from './parts.ts';
import { cueText, type Journey, type WidgetView } from './view.ts';
import { BookingJsQueue } from './booking-js-queue.ts';
import { BrandTokens } from './brand.ts';
import { manageLinkSettings, type ManageLinkSettings } from './manage-link.ts';
import { render as renderStep } from './steps/index.ts';
import { offerFromUrl } from './offer-link.ts';

export type { PaymentHandler };

/** Settings that start a new journey when they change. */
const CONFIG_KEYS = [
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
  'redirectUrl',
  'prefill',
  'forwardQueryParams',
] as const;

/** Steps before the journey: entering the first step from them moves no focus. */
const SETUP_STEPS: ReadonlySet<string> = new Set(['loading', 'misconfigured', 'failed']);

/**
 * @summary A whole booking flow: pick a time or a class, hold it, fill in the form, book, pay,
 * and manage the booking afterwards.
 * @tag slotkit-widget
 *
 * A thin view over `BookingFlow` (src/flow): it renders the flow's state, forwards the visitor's
 * intents to it, and turns what the flow reports into events (one place: `fire`).
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
 * Bookings in events carry no customer data or token unless `share-customer` is set.
 *
 * @attr theme - `light` or `dark`; by default the visitor's `prefers-color-scheme`.
 *
 * @csspart header - The step's heading area.
 * @csspart notice - Messages such as an expired hold.
 * @csspart config-error - The site owner's configuration message.
 * @csspart summary - What is being booked.
 * @csspart result - The outcome of the booking.
 * @csspart button - Every button of the widget itself.
 * @csspart waitlist-confirmation - What the waitlist confirmation says (joined, or left).
 * @csspart waitlist-leave - The "Leave the waitlist" button (also a `button`).
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
  /** The journey; undefined before configuration and while the settings have problems. */
  private flow: BookingFlow | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Problems of the element's own settings, found before anything is fetched. */
  private problems: ConfigProblem[] = [];
  /** A bad `theme` or `brand-color`: shown like the settings' problems, checked apart. */
  private lookProblems: ConfigProblem[] = [];
  /** Whether booking.js's renderCompleted is still to come for this configuration. */
  private renderPending = false;
  /** Whether the details step's parts were asked for ahead of time (see `updated`). */
  private prefetchedDetails = false;
  /** The host cancelled `slotkit-booking-created`: no redirect for this booking. */
  private stay = false;
  /** The step on screen after the last update, to move focus when it changes. */
  private shownStep: FlowState['step'] | undefined;
  /** Whether focus was inside the widget when this update began (see `updated`). */
  private focusWasInside = false;
  private manageLink: { link: ManageLinkSettings } | undefined;
  /** Whether the steps' own styles (after-booking.styles.ts) are adopted yet. */
  private stepStyles = false;
  private readonly bookingJs = new BookingJsQueue();
  private readonly brand = new BrandTokens(this);

  @query('slotkit-customer-form') private form?: HTMLElement & { value: CustomerValues };

  /** What the polite live region says (the view's own: the flow does not word things). */
  @state() private announcement = '';

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
  /** The page URL's parameters of a manage link (an email's); read once, then removed from the URL. */
  @property({ attribute: 'manage-param-booking' }) manageParamBooking: string | undefined;
  @property({ attribute: 'manage-param-token' }) manageParamToken: string | undefined;
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
  /**
   * Where to send the visitor once booked (http or https), with `{id}`, `{start}` and `{state}`
   * filled in (URL-encoded). A host cancelling `slotkit-booking-created` keeps them here.
   */
  @property({ attribute: 'redirect-url' }) redirectUrl: string | undefined;
  /**
   * The form's starting values: `{ "name": "Ada", "email": "ada@example.com", "<field>": ... }`
   * (JSON in the attribute). The visitor can change them, except fields `customer-fields` marks
   * `readonly`.
   */
  @property({ converter: jsonOrText }) prefill: unknown;
  /**
   * Which of the host page's query parameters travel with the booking as `custom_data`: the
   * `utm_*` ones by default, `false` none, or a comma list of further names (`gclid, ref`).
   */
  @property({ attribute: 'forward-query-params' }) forwardQueryParams: string | undefined;
  /** Bookings in events carry the customers and the customer token too (off: ids, state, times). */
  @property({ attribute: 'share-customer', type: Boolean }) shareCustomer = false;

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
    const lookChanged = changed.has('brandColor') || !this.hasUpdated;
    if (lookChanged) {
      this.lookProblems = checkLook({
        theme: this.getAttribute('theme'),
        brandColor: this.brandColor,
      });
    }
    if (CONFIG_KEYS.some((key) => changed.has(key))) this.configure();
    else if (lookChanged && this.lookProblems.length) logProblems(this.lookProblems);
    if (changed.has('brandColor')) this.brand.set(this.brandColor);
    this.focusWasInside = this.shadowRoot?.activeElement != null;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.brand.applied;
    return done;
  }

  protected override update(changed: PropertyValues<this>): void {
    const steps = afterBookingSteps();
    if (steps && !this.stepStyles) {
      // Their chunk is in: its styles join the element's before a step of theirs renders.
      this.stepStyles = true;
      adoptStyles(this.renderRoot as ShadowRoot, [
        ...SlotkitWidget.elementStyles,
        steps.afterBookingStyles,
      ]);
    }
    super.update(changed);
  }

  protected override updated(): void {
    const state = this.state;
    if (!this.prefetchedDetails && state.step === 'choose') {
      const choices = state.chooser === 'classes' ? state.classes : state.picker.dates;
      if (choices.status === 'ready') {
        // The choices are on screen and the visitor is choosing: fetch the form, the countdown,
        // the later steps and the flow's code for them meanwhile, when the browser idles (not earlier: they would compete
        // with the first paint).
        this.prefetchedDetails = true;
        const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
        idle(() => {
          this.parts.prefetch(['form', 'countdown', 'steps']);
          this.flow?.prefetch();
        });
      }
    }
    // Focus follows the flow: each new step's heading, never lost to <body>.
    // The first step after loading is not a move: taking focus then would scroll the host page.
    const from = this.shownStep;
    this.shownStep = state.step;
    const heading = this.renderRoot.querySelector<HTMLElement>('[data-step-heading]');
    if (from !== undefined && from !== state.step && !SETUP_STEPS.has(from)) {
      heading?.focus();
    } else if (this.focusWasInside && this.shadowRoot?.activeElement == null) {
      // The focused control went away within a step (the cancel form after cancelling):
      // the step's heading takes focus rather than <body>.
      heading?.focus();
    }
  }

  // ------------------------------------------------------------------ configuration

  private get merged(): Partial<WidgetConfig> {
    const resources = parseList(this.resources);
    const own: Partial<WidgetConfig> = {
      baseUrl: this.baseUrl,
      appKey: this.appKey,
      ...(this.projectId ? { projectId: this.projectId } : {}),
      ...(resources ? { resources } : {}),
      ...(this.graph ? { graph: this.graph } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
      ...(this.timeZone ? { timeZone: this.timeZone } : {}),
      ...(this.customerFields !== undefined ? { customerFields: this.customerFields } : {}),
      ...(this.bookingId ? { bookingId: this.bookingId } : {}),
      ...(this.customerToken ? { customerToken: this.customerToken } : {}),
      ...(this.availability ? { availability: this.availability } : {}),
      ...(this.redirectUrl ? { redirectUrl: this.redirectUrl } : {}),
      ...(this.prefill !== undefined ? { prefill: this.prefill } : {}),
      ...(this.forwardQueryParams !== undefined
        ? { forwardQueryParams: this.forwardQueryParams }
        : {}),
      ...(this.manageParamBooking ? { manageParamBooking: this.manageParamBooking } : {}),
      ...(this.manageParamToken ? { manageParamToken: this.manageParamToken } : {}),
    };
    const merged = { ...own, ...this.config };
    // Taken from the address bar once; kept, so a new configuration opens the same booking.
    this.manageLink ??= { link: manageLinkSettings(merged) };
    return merged.bookingId ? merged : { ...merged, ...this.manageLink.link };
  }

  /** The locale attribute, or the one a config object (script tag, init) gives. */
  private get chosenLocale(): string | undefined {
    return this.locale || this.config?.locale;
  }

  /** What to render: the settings' problems, else the flow's state. */
  private get state(): FlowState {
    const problems = [...this.problems, ...this.lookProblems];
    if (problems.length) return { step: 'misconfigured', problems };
    return this.flow?.state ?? { step: 'loading' };
  }

  /** A new configuration starts a new journey: nothing of the previous project's leaks in. */
  private configure(): void {
    const config = this.merged;
    this.fire({ type: 'render-started' });
    this.unsubscribe?.();
    this.flow?.dispose();
    this.flow = undefined;
    this.problems = checkConfig(config);
    this.requestUpdate();
    if (this.problems.length || this.lookProblems.length) {
      logProblems([...this.problems, ...this.lookProblems]);
    }
    if (this.problems.length) return;
    // Import the first step's part alongside the project's config rather than after it: the
    // manage step's, or the chooser the graph set here asks for, else the time picker.
    this.parts.prefetch(config.bookingId ? ['steps'] : [chooserFor(config.graph ?? 'instant')]);
    const flow = new BookingFlow({
      client: createClient({
        baseUrl: new URL(config.baseUrl ?? '/v2', globalThis.location?.href).href.replace(
          /\/$/,
          '',
        ),
        appKey: config.appKey ?? '',
        timeoutMs: this.timeoutMs,
        ...(config.customerToken ? { customerToken: config.customerToken } : {}),
      }),
      ...config,
      // A waitlist offer's link opens the form under the offered seats.
      ...(config.bookingId ? {} : offerFromUrl()),
      prefill: prefillValues(config.prefill),
      forward: { search: globalThis.location?.search ?? '', setting: config.forwardQueryParams },
      remoteConfig: !this.noRemoteConfig && config.remoteConfig !== false,
    });
    this.flow = flow;
    this.renderPending = true;
    this.unsubscribe = flow.subscribe((report) => this.onReport(report));
    void flow.start();
  }

  private onReport(report: FlowReport): void {
    if (report.kind === 'signal') {
      this.fire(report.signal);
    } else if (report.kind === 'cue') {
      this.announce(cueText(report.cue, this.view()));
    } else {
      this.requestUpdate();
      const state = report.state;
      if (state.step === 'misconfigured') logProblems(state.problems);
      if (state.step === 'result') this.redirect(state.booking);
      if (state.step === 'choose' && this.renderPending) {
        this.renderPending = false;
        void this.updateComplete.then(() => this.fire({ type: 'render-completed' }));
      }
    }
  }

  /** The one place the widget's outcomes leave it: a DOM event, and the booking.js bridge. */
  private fire(signal: WidgetSignal): void {
    const event = eventFor(signal, this.shareCustomer);
    if (event) this.dispatchEvent(event);
    // The host page may keep the visitor here: a cancelled booking-created stops the redirect.
    if (signal.type === 'booking-created') this.stay = event?.defaultPrevented ?? false;
    if (this.callbacks) this.bookingJs.call(signal, this.callbacks);
  }

  /** A live region reads a change only: the same words again get a trailing no-break space. */
  private announce(message: string): void {
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  /** Leaves for the configured redirect URL once booked, unless the host page said stay. */
  private redirect(booking: Booking): void {
    const template = this.merged.redirectUrl;
    if (!template || this.stay) return;
    const start = booking.attributes.event_info?.start ?? '';
    const url = template.replace(/\{(id|start|state)\}/g, (_, key: string) =>
      encodeURIComponent(key === 'id' ? booking.id : key === 'start' ? start : booking.state),
    );
    globalThis.location.assign(url);
  }

  // ------------------------------------------------------------------ intents

  /** What the form holds now, kept by the flow for the next hold. */
  private formValues(): CustomerValues | undefined {
    return this.form ? { ...this.form.value } : undefined;
  }

  private readonly onHoldExtend = (event: Event) => {
    if (!event.defaultPrevented) void this.flow?.extendHold();
  };

  private readonly onHoldExpired = () => this.flow?.holdExpired(this.formValues());

  private readonly intents: WidgetView['on'] = {
    retryConfig: () => this.configure(),
    monthChange: (event: MonthChangeEvent) => this.flow?.showMonth(event.detail.month),
    dateSelect: (event: DateSelectEvent) => this.flow?.selectDate(event.detail.date),
    timeZoneChange: (event: TimeZoneChangeEvent) => {
      if (!event.defaultPrevented) this.flow?.setTimeZone(event.detail.timeZone);
    },
    retry: () => void this.flow?.retry(),
    slotSelect: (event: SlotSelectEvent) => {
      if (!event.defaultPrevented) void this.flow?.selectSlot(event.detail.slot);
    },
    classSelect: (event: ClassSelectEvent) => {
      if (!event.defaultPrevented) {
        void this.flow?.selectClass(event.detail.group, event.detail.seats);
      }
    },
    back: () => void this.flow?.back(this.formValues()),
    waitlistJoin: (event: WaitlistJoinEvent) => {
      if (event.defaultPrevented) return;
      // The step's templates load beside the flow's waitlist code, not after it.
      this.parts.prefetch(['waitlist', 'form']);
      void this.flow?.openWaitlist(event.detail.group, event.detail.seats);
    },
  };

  /** The later steps forward their intents to the flow through this (view.ts, `Journey`). */
  private readonly journey: Journey = {
    flow: () => this.flow,
    payment: () => this.payment,
  };

  // ------------------------------------------------------------------ public methods

  /**
   * Asks the API again for what the widget shows: availability, classes, the hold or the
   * booking. The sandbox calls it after moving the engine's clock, so countdowns catch up.
   */
  async refresh(): Promise<void> {
    await this.flow?.refresh();
  }

  // ------------------------------------------------------------------ rendering

  private formatWhen(start: string, end: string): string {
    const timeZone = this.flow?.timeZone ?? 'UTC';
    const from = parseInstant(start) ?? Number.NaN;
    const to = parseInstant(end) ?? Number.NaN;
    return formatRange(from, to, timeZone, this.localize.locale);
  }

  private view(): WidgetView {
    const flow = this.flow;
    return {
      t: this.localize.t,
      locale: this.localize.locale,
      localeOption: this.chosenLocale,
      timeZone: flow?.timeZone ?? 'UTC',
      serverNow: () => flow?.serverNow() ?? Date.now(),
      clockOffsetMs: flow?.clockOffsetMs() ?? 0,
      parts: (parts) => this.parts.status(parts),
      retryParts: () => this.parts.retry(),
      formatWhen: (start, end) => this.formatWhen(start, end),
      on: this.intents,
      journey: this.journey,
      settings: flow?.settings,
    };
  }

  override render() {
    return html`<section class="widget" dir=${this.localize.dir} lang=${this.localize.locale}>
        ${renderStep(this.view(), this.state)}
      </section>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>`;
  }
}

function logProblems(problems: ConfigProblem[]): void {
  const list = problems.map((problem) => `${problem.setting} ${problem.message}`).join(' ');
  console.error(`<slotkit-widget> configuration: ${list}`);
}

/** A JSON attribute; text that is not JSON stays text, so checkConfig names it (never a throw). */
function jsonOrText(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
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
