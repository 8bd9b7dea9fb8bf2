import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/index.ts';
import { outcomeOf } from '../../flow/outcome.ts';
import type {
  BookingFlow,
  Cue,
  FlowSettings,
  Load,
  Notice,
  PaymentHandler,
  Problem,
} from '../../flow/index.ts';
import type {
  ClassSelectEvent,
  DateSelectEvent,
  MonthChangeEvent,
  SlotSelectEvent,
  TimeZoneChangeEvent,
  WaitlistJoinEvent,
} from '../../events.ts';
import type { Part, PartsStatus } from './parts.ts';
import { describeError } from './errors.ts';

/**
 * What the step templates (steps/*.ts, after-booking.ts) get from the element: the words, the
 * zone, the clock, and the visitor's intents as functions. Templates read it and the flow's
 * state; they hold nothing.
 */
export interface WidgetView {
  t: Messages;
  /** The resolved locale, for Intl. */
  locale: string;
  /** The locale as configured, handed on to inner elements (which resolve it themselves). */
  localeOption: string | undefined;
  timeZone: string;
  serverNow: () => number;
  clockOffsetMs: number;
  parts(parts: readonly Part[]): PartsStatus;
  retryParts(): void;
  formatWhen(start: string, end: string): string;
  /** The configuration in force (graph, form fields), once loaded. */
  settings: FlowSettings | undefined;
  /** The intents of the first step (and Back), bound to the element. */
  on: Intents;
  /** The same for every render of one element: what the later steps forward intents to. */
  journey: Journey;
}

/**
 * The later steps' templates (steps/details.ts, after-booking.ts, waitlist.ts) forward their
 * intents to the flow themselves, so their handlers come with them and not in the first paint.
 */
export interface Journey {
  flow(): BookingFlow | undefined;
  payment(): PaymentHandler;
}

/** The visitor's intents on the chooser, bound to the element (which forwards them to the flow). */
export interface Intents {
  retryConfig(): void;
  monthChange(event: MonthChangeEvent): void;
  dateSelect(event: DateSelectEvent): void;
  slotSelect(event: SlotSelectEvent): void;
  classSelect(event: ClassSelectEvent): void;
  timeZoneChange(event: TimeZoneChangeEvent): void;
  retry(): void;
  /** Back to the chooser from the form or the waitlist (the form's values kept). */
  back(): void;
  waitlistJoin(event: WaitlistJoinEvent): void;
}

/** Back to the chooser (from the form or the waitlist). */
export function backButton(view: WidgetView): TemplateResult {
  return html`<button part="button" class="button secondary" @click=${view.on.back}>
    ${view.t.widget.back}
  </button>`;
}

export function heading(text: string): TemplateResult {
  return html`<h2 part="header" tabindex="-1" data-step-heading>${text}</h2>`;
}

/** What the live region says after a transition of the flow (a cue): the view words it. */
export function cueText(cue: Cue, view: Pick<WidgetView, 't' | 'locale' | 'formatWhen'>): string {
  const t = view.t;
  switch (cue.kind) {
    case 'hold-created':
      return t.widget.holdCreatedAnnouncement(cue.minutes, view.locale);
    case 'verify':
      return t.widget.verifyHeading;
    case 'payment':
      return t.widget.payIntro;
    case 'result':
      // The outcome in the visitor's words (flow/outcome.ts): never the engine's state name.
      return t.widget.outcome[outcomeOf(cue.booking.graph, cue.booking.state)];
    case 'notice':
      return noticeText(cue.notice, t);
    case 'move-pending':
      return t.widget.rescheduleConfirm(view.formatWhen(cue.slot.start, cue.slot.end));
    case 'moved':
      return t.widget.rescheduleDone(view.formatWhen(cue.slot.start, cue.slot.end));
    case 'cancelled':
      return t.widget.cancelled;
    case 'waitlisted':
      return t.waitlist.joined;
    case 'waitlist-left':
      return t.waitlist.left;
  }
}

/** The words for why the visitor is back at the chooser. */
export function noticeText(notice: Notice, t: Messages): string {
  switch (notice.kind) {
    case 'hold-expired':
      return t.widget.holdExpired;
    case 'payment-expired':
      return t.widget.paymentExpired;
    case 'slot-taken':
      return t.widget.slotTaken;
    case 'class-full':
      return t.widget.classFull;
    case 'link-invalid':
      return t.widget.manageLinkInvalid;
    case 'seats-available':
      return t.waitlist.seatsAvailable;
    case 'offer-expired':
      return t.waitlist.offerExpired;
    case 'problem':
      return describeError(notice.problem, t);
  }
}

export function notice(view: WidgetView, value: Notice | undefined) {
  return value
    ? html`<p
        part="notice"
        class="notice"
        role="alert"
        data-problem=${value.kind === 'problem' ? '' : nothing}
      >
        ${noticeText(value, view.t)}
      </p>`
    : nothing;
}

/** The last action's error, or nothing. */
export function actionError(view: WidgetView, problem: Problem | undefined) {
  const text = problem ? describeError(problem, view.t) : '';
  return text ? html`<p class="error" role="alert">${text}</p>` : nothing;
}

/** A load's status as the inner elements take it ('idle' is asked for at once: loading). */
export const statusOf = (load: Load<unknown>): 'loading' | 'error' | 'ready' =>
  load.status === 'error' ? 'error' : load.status === 'ready' ? 'ready' : 'loading';

export const valueOf = <T>(load: Load<T>): T | undefined =>
  load.status === 'ready' ? load.value : load.status === 'loading' ? load.stale : undefined;

export const loadError = (view: WidgetView, load: Load<unknown>): string =>
  load.status === 'error' ? describeError(load.error, view.t) : '';

/** Stands in for parts still loading, or says they failed, with a retry. */
export function partsPending(view: WidgetView, status: Exclude<PartsStatus, 'ready'>) {
  const t = view.t.common;
  if (status === 'error') {
    return html`<div class="parts-error" role="alert">
      <p>${t.networkError}</p>
      <button part="button" class="button" @click=${view.retryParts}>${t.retry}</button>
    </div>`;
  }
  return html`<div class="parts-loading skeleton" role="status">
    <span class="visually-hidden">${t.loading}</span>
  </div>`;
}
