import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/index.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import type { Booking, Price } from '../../schemas/index.ts';
import { isLive, outcomeOf, type Banner, type FlowState } from '../../flow/index.ts';
import { actionError, heading, partsPending, type Journey, type WidgetView } from './view.ts';
import type { serviceSubject } from './summary.ts';
import type { AfterBooking } from './steps/index.ts';
import { addEnglish } from '../../i18n/index.ts';
import { widgetAfter } from '../../i18n/en/widget-after.ts';

// The English of these steps comes with them, not in the first paint (src/i18n/index.ts).
addEnglish({ widget: widgetAfter });

export { afterBookingStyles } from './after-booking.styles.ts';
import { parseInstant } from '../../lib/time/index.ts';
import { dateTimeFormat } from '../../lib/time/format.ts';
import {
  calendarFileUrl,
  googleCalendarUrl,
  outlookCalendarUrl,
  type CalendarEvent,
} from '../../lib/calendar-file.ts';

/**
 * The widget's steps once a booking exists: verify the e-mail, pay, the result, manage (cancel,
 * reschedule). Loaded when the visitor first needs one (widget/parts.ts), so the first
 * paint carries none of them, nor the calendar file. Each renders a step's body under the
 * heading and summary the widget draws; what they show and do comes in through `AfterBookingView`.
 */
export interface AfterBookingView {
  t: Messages['widget'];
  locale: string;
  timeZone: string;
  booking: Booking | undefined;
  /** An action is under way: buttons say so with aria-disabled (see `payment`). */
  busy: boolean;
  /** The widget's rendering of the last action's error, or nothing. */
  error: TemplateResult | typeof nothing;
  /** The last action failed (the payment step offers a retry). */
  failed: boolean;
  retryLabel: string;
  paymentLabel: string | undefined;
  price: Price | undefined;
  /** The place as the summary says it ("Online" or the address), for the calendar file. */
  place: string | undefined;
  /** The class's last moment to cancel, if it has one. */
  cancellableUntil: string | undefined;
  banner: Banner | undefined;
  now: number;
  formatWhen(start: string, end: string): string;
  /** The payment window's countdown (an inner element the widget loads). */
  paymentWindow(expiresAt: string): unknown;
  onVerify(event: SubmitEvent): void;
  onPay(): void;
  onLeavePayment(): void;
  onManage(): void;
  onBookAnother(): void;
  onCancel(event: SubmitEvent): void;
  onStartReschedule(): void;
}

const ariaBusy = (view: AfterBookingView) => (view.busy ? 'true' : 'false');

/** "Fri 27 Nov, 18:00" in the visitor's zone. */
function moment(view: AfterBookingView, iso: string): string {
  return dateTimeFormat(view.locale, view.timeZone, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(parseInstant(iso) ?? 0);
}

/**
 * The reference and seats: what the summary above does not say. Each value under its label: a
 * reference is one long token, and beside its label at 320 px it broke over five lines.
 */
function facts(view: AfterBookingView, booking: Booking) {
  const t = view.t;
  return html`<dl>
    <dt>${t.referenceLabel}</dt>
    <dd data-reference><bdi dir="ltr">${reference(booking.id)}</bdi></dd>
    ${
      booking.related?.seats
        ? html`<dt>${t.seatsLabel}</dt>
            <dd>${formatNumber(booking.related.seats, view.locale)}</dd>`
        : nothing
    }
  </dl>`;
}

/**
 * "600cf9fc-54c1-4716-9f74-991aafe1e7cd" may wrap after a hyphen (<wbr>: nothing to copy), which
 * line breaking refuses before a digit; else it wrapped wherever "anywhere" let it. Isolated left
 * to right (<bdi>), so an Arabic page keeps its pieces in order.
 */
const reference = (id: string) =>
  id.split('-').map((piece, index) => (index ? html`-<wbr />${piece}` : piece));

export function verify(view: AfterBookingView) {
  const t = view.t;
  const email = view.booking?.customers[0]?.email ?? '';
  return html`<p>${t.verifyIntro(email)}</p>
    <form @submit=${view.onVerify}>
      <label for="code">${t.verifyCode}</label>
      <input
        id="code"
        name="code"
        inputmode="numeric"
        autocomplete="one-time-code"
        required
        pattern="[0-9]{6}"
        maxlength="6"
      />
      <button part="button" class="button" aria-disabled=${ariaBusy(view)}>
        ${t.verifySubmit}
      </button>
    </form>
    ${view.error}`;
}

export function payment(view: AfterBookingView, booking: Booking) {
  const t = view.t;
  const price = view.price;
  const seats = booking.related?.seats ?? 1;
  // Busy buttons here and in verify/manage are aria-disabled, not disabled: a focused button
  // that becomes disabled drops the visitor's focus to <body>. Their handlers check `busy`.
  return html`${
      price?.amount
        ? html`<p class="amount" data-amount>
            <strong
              >${t.amountDue(formatMoney(price.amount * seats, price.currency, view.locale))}</strong
            >
          </p>`
        : nothing
    }
    <p>${t.payIntro} ${t.paymentWindowEnds}</p>
    ${booking.expires_at ? view.paymentWindow(booking.expires_at) : nothing}
    ${view.failed ? html`<p class="error" role="alert">${t.paymentFailed}</p>` : nothing}
    <div class="actions">
      <button part="button" class="button" aria-disabled=${ariaBusy(view)} @click=${view.onPay}>
        ${view.busy ? t.paying : view.failed ? view.retryLabel : (view.paymentLabel ?? t.payTest)}
      </button>
      <button
        part="button"
        class="button secondary"
        aria-disabled=${ariaBusy(view)}
        @click=${view.onLeavePayment}
      >
        ${t.releaseAndBack}
      </button>
    </div>`;
}

/** The booking as a calendar event: the visitor's own copy of what is booked. */
function calendarEvent(view: AfterBookingView, booking: Booking): CalendarEvent | undefined {
  const info = booking.attributes.event_info;
  const start = info && parseInstant(info.start);
  const end = info && parseInstant(info.end);
  if (!info || start === undefined || end === undefined) return undefined;
  return {
    uid: `${booking.id}@slotkit`,
    start,
    end,
    summary: info.what,
    ...(view.place ? { location: view.place } : {}),
    description: `${view.t.referenceLabel}: ${booking.id}${info.description ? `\n${info.description}` : ''}`,
  };
}

/** The three ways to add it, as one labelled group of links, the label above them. */
function addToCalendar(view: AfterBookingView, booking: Booking) {
  const event = calendarEvent(view, booking);
  if (!event) return nothing;
  const t = view.t;
  return html`<div class="calendar" role="group" aria-labelledby="calendar-label">
    <span id="calendar-label">${t.addToCalendar}</span>
    <a part="link" href=${calendarFileUrl(event)} download="booking-${booking.id}.ics"
      >${t.calendarFile}</a
    >
    <a part="link" href=${googleCalendarUrl(event)} target="_blank" rel="noopener">Google</a>
    <a part="link" href=${outlookCalendarUrl(event)} target="_blank" rel="noopener">Outlook</a>
  </div>`;
}

/** What happens next: the e-mail, and until when cancelling is possible. */
function next(view: AfterBookingView, booking: Booking) {
  const t = view.t;
  const outcome = outcomeOf(booking.graph, booking.state);
  const email = booking.customers[0]?.email;
  const until = view.cancellableUntil;
  return html`${
    email
      ? html`<p>${outcome === 'requested' ? t.requestNext(email) : t.emailOnItsWay(email)}</p>`
      : nothing
  }
  ${until && outcome !== 'requested' ? html`<p>${t.cancelUntil(moment(view, until))}</p>` : nothing}`;
}

export function result(view: AfterBookingView, booking: Booking) {
  const t = view.t;
  const outcome = outcomeOf(booking.graph, booking.state);
  const live = isLive(outcome);
  return html`<div part="result" class="result" data-outcome=${outcome} data-state=${booking.state}>
      ${live ? next(view, booking) : nothing} ${facts(view, booking)}
      ${live ? addToCalendar(view, booking) : nothing}
    </div>
    <div class="actions">
      ${
        booking.possible_actions.length
          ? html`<button part="button" class="button secondary" @click=${view.onManage}>
              ${t.manageLink}
            </button>`
          : nothing
      }
      <button part="button" class="button secondary" @click=${view.onBookAnother}>
        ${t.bookAnother}
      </button>
    </div>`;
}

function banner(view: AfterBookingView) {
  const value = view.banner;
  if (!value) return nothing;
  const t = view.t;
  const text =
    value.kind === 'moved'
      ? t.movedBanner(
          view.formatWhen(value.from.start, value.from.end),
          view.formatWhen(value.to.start, value.to.end),
        )
      : t.cancelled;
  return html`<p part="banner" class="banner" role="status" data-banner=${value.kind}>${text}</p>`;
}

/**
 * A booking that ended before the visitor came (the host cancelled or declined it): a banner
 * with the host's own words, when they wrote any; "Book another time" follows it.
 */
function ended(view: AfterBookingView, booking: Booking) {
  const t = view.t;
  const outcome = outcomeOf(booking.graph, booking.state);
  const message = booking.owner_message;
  return html`<div part="banner" class="banner ended" data-banner="ended">
    <p data-outcome=${outcome}>${t.outcome[outcome]}</p>
    ${
      message
        ? html`<figure class="host-message" data-host-message>
            <figcaption>${t.hostMessage}</figcaption>
            <blockquote>${message}</blockquote>
          </figure>`
        : nothing
    }
  </div>`;
}

export function manage(view: AfterBookingView) {
  const t = view.t;
  const booking = view.booking;
  if (!booking) {
    return view.error === nothing ? html`<p role="status">${t.loadingBooking}</p>` : view.error;
  }
  const outcome = outcomeOf(booking.graph, booking.state);
  const actions = booking.possible_actions;
  const canCancel = actions.includes('cancel_by_customer');
  const canMove = actions.includes('reschedule_by_customer');
  const until = view.cancellableUntil;
  const closed = until !== undefined && (parseInstant(until) ?? 0) <= view.now;
  return html`${banner(view)}
  ${
    view.banner || isLive(outcome)
      ? html`<p data-outcome=${outcome}>${t.outcome[outcome]}</p>`
      : ended(view, booking)
  }
  ${facts(view, booking)}
  ${
    canMove || (canCancel && !closed)
      ? html`<div class="manage-actions">
          ${
            canMove
              ? html`<button
                  part="button"
                  class="button"
                  aria-disabled=${ariaBusy(view)}
                  @click=${view.onStartReschedule}
                >
                  ${t.reschedule}
                </button>`
              : nothing
          }
          ${canCancel && !closed ? cancelForm(view, until) : nothing}
        </div>`
      : nothing
  }
  ${closed && until && isLive(outcome) ? html`<p>${t.cancelClosed(moment(view, until))}</p>` : nothing}
  ${!canCancel && !canMove && isLive(outcome) && !closed ? html`<p>${t.noActions}</p>` : nothing}
  ${
    isLive(outcome)
      ? nothing
      : html`<button part="button" class="button" @click=${view.onBookAnother}>
          ${t.bookAnother}
        </button>`
  }
  ${view.error}`;
}

/** "Cancel booking" opens a confirmation that says what happens (native details: no state). */
function cancelForm(view: AfterBookingView, until: string | undefined) {
  const t = view.t;
  return html`<details class="cancel-details">
    <summary part="button" class="button danger">${t.cancelBooking}</summary>
    <form class="cancel" @submit=${view.onCancel}>
      <p>${t.cancelWhatHappens} ${until ? t.cancelUntil(moment(view, until)) : ''}</p>
      <label for="message">${t.cancelMessage}</label>
      <textarea id="message" name="message" maxlength="2000" rows="2"></textarea>
      <button part="button" class="button danger" aria-disabled=${ariaBusy(view)}>
        ${t.cancelConfirm}
      </button>
      <button
        part="button"
        class="button secondary"
        type="button"
        @click=${(event: Event) =>
          (event.currentTarget as HTMLElement).closest('details')?.removeAttribute('open')}
      >
        ${t.keepBooking}
      </button>
    </form>
  </details>`;
}

/**
 * The step under its heading and the summary (`header`) steps/index.ts words: what each
 * template needs, gathered from the widget's view and the flow's state. A booking made shows a
 * success mark beside the heading, hidden from screen readers (the heading says it).
 */
export function body(
  view: WidgetView,
  state: AfterBooking,
  service: ReturnType<typeof serviceSubject>,
  title: string,
  header: unknown,
) {
  const booking = state.booking;
  const made =
    state.step === 'result' && booking && isLive(outcomeOf(booking.graph, booking.state));
  return html`${
    made
      ? html`<div class="result-heading">
          <span class="mark" aria-hidden="true">✓</span>${heading(title)}
        </div>`
      : heading(title)
  }
  ${header} ${content(view, state, service)}`;
}

function content(
  view: WidgetView,
  state: AfterBooking,
  service: ReturnType<typeof serviceSubject>,
) {
  const t = view.t.widget;
  const booking = state.booking;
  const info = booking?.attributes.event_info;
  const problem = state.step === 'result' ? undefined : state.error;
  const after: AfterBookingView = {
    ...intentsOf(view.journey),
    paymentLabel: view.journey.payment().label,
    t,
    locale: view.locale,
    timeZone: view.timeZone,
    booking,
    busy: state.step !== 'result' && state.busy,
    error:
      state.step === 'verify' && problem?.code === 'validation_failed'
        ? html`<p class="error" role="alert">${view.t.common.wrongCode}</p>`
        : actionError(view, problem),
    failed: problem !== undefined,
    retryLabel: view.t.common.retry,
    formatWhen: view.formatWhen,
    paymentWindow: (expiresAt) => paymentWindow(view, expiresAt),
    price: view.settings?.about.price,
    place: service.online ? t.online : (info?.where ?? service.place),
    cancellableUntil:
      state.step === 'result' || state.step === 'manage' ? state.cancellableUntil : undefined,
    banner: state.step === 'manage' ? state.banner : undefined,
    now: view.serverNow(),
  };
  if (state.step === 'manage' || !booking) return manage(after);
  if (state.step === 'verify') return verify(after);
  return state.step === 'payment' ? payment(after, booking) : result(after, booking);
}

function paymentWindow(view: WidgetView, expiresAt: string) {
  const countdown = view.parts(['countdown']);
  if (countdown !== 'ready') return partsPending(view, countdown);
  return html`<slotkit-countdown
    .expiresAt=${expiresAt}
    .serverOffsetMs=${view.clockOffsetMs}
    .locale=${view.localeOption}
  ></slotkit-countdown>`;
}

/** While choosing a new time: the move to confirm, and Back to the booking. */
export function moveConfirmation(
  view: WidgetView,
  state: Extract<FlowState, { step: 'rescheduling' }>,
) {
  const t = view.t.widget;
  const move = state.pendingMove;
  return html`${
      move
        ? html`<div class="confirm" role="group" aria-label=${t.rescheduleHeading}>
            <p>${t.rescheduleConfirm(view.formatWhen(move.start, move.end))}</p>
            <button
              part="button"
              class="button"
              aria-disabled=${state.busy ? 'true' : 'false'}
              @click=${intentsOf(view.journey).onConfirmMove}
            >
              ${t.reschedule}
            </button>
          </div>`
        : nothing
    }
    <button part="button" class="button secondary" @click=${intentsOf(view.journey).onManage}>
      ${t.back}
    </button>`;
}

type Intents = Pick<
  AfterBookingView,
  | 'onVerify'
  | 'onPay'
  | 'onLeavePayment'
  | 'onManage'
  | 'onBookAnother'
  | 'onCancel'
  | 'onStartReschedule'
> & { onConfirmMove(): void };

/** Each element's handlers, made once (a new function each render would rebind the listener). */
const intents = new WeakMap<Journey, Intents>();

/** The visitor's intents on these steps, forwarded to the flow. */
function intentsOf(journey: Journey): Intents {
  let made = intents.get(journey);
  if (!made) {
    const flow = () => journey.flow();
    made = {
      onVerify: (event) => {
        event.preventDefault();
        void flow()?.verify(String(formField(event, 'code') ?? ''));
      },
      onPay: () => void flow()?.pay(journey.payment()),
      onLeavePayment: () => void flow()?.leavePayment(),
      onManage: () => flow()?.manage(),
      onBookAnother: () => flow()?.bookAnother(),
      onCancel: (event) => {
        event.preventDefault();
        void flow()?.cancel(String(formField(event, 'message') ?? ''));
      },
      onStartReschedule: () => flow()?.startReschedule(),
      onConfirmMove: () => void flow()?.confirmMove(),
    };
    intents.set(journey, made);
  }
  return made;
}

/** A named field of the submitted form, if the event came from a form. */
function formField(event: SubmitEvent, name: string): FormDataEntryValue | null {
  return event.target instanceof HTMLFormElement ? new FormData(event.target).get(name) : null;
}
