import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Booking } from '../../schemas/index.ts';

/**
 * The widget's steps once a booking exists: verify the e-mail, pay, the result, manage
 * (cancel, reschedule). Loaded when the visitor first needs one (widget/parts.ts), so the first
 * paint carries none of them. Each renders a step's body under the heading the widget draws;
 * what they show and do comes in through `AfterBookingView`.
 */
export interface AfterBookingView {
  t: Messages['widget'];
  locale: string;
  booking: Booking | undefined;
  /** An action is under way: buttons say so with aria-disabled (see `payment`). */
  busy: boolean;
  /** The widget's rendering of the last action's error, or nothing. */
  error: TemplateResult | typeof nothing;
  paymentLabel: string | undefined;
  formatWhen(start: string, end: string): string;
  resultMessage(booking: Booking): string;
  /** The payment window's countdown (an inner element the widget loads). */
  paymentWindow(expiresAt: string): unknown;
  onVerify(event: SubmitEvent): void;
  onPay(): void;
  onManage(): void;
  onBookAnother(): void;
  onCancel(event: SubmitEvent): void;
  onStartReschedule(): void;
}

function summary(view: AfterBookingView, booking: Booking) {
  const t = view.t;
  const info = booking.attributes.event_info;
  return html`<dl part="summary" class="summary">
    <dt>${t.stateLabel}</dt>
    <dd>${t.state(booking.state)}</dd>
    ${
      info
        ? html`<dt>${t.whenLabel}</dt>
            <dd>${t.whatAndWhen(info.what, view.formatWhen(info.start, info.end))}</dd>
            ${
              info.where
                ? html`<dt>${t.whereLabel}</dt>
                    <dd>${info.where}</dd>`
                : nothing
            }`
        : nothing
    }
    ${
      booking.related?.seats
        ? html`<dt>${t.seatsLabel}</dt>
            <dd>${formatNumber(booking.related.seats, view.locale)}</dd>`
        : nothing
    }
  </dl>`;
}

const ariaBusy = (view: AfterBookingView) => (view.busy ? 'true' : 'false');

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
  // Busy buttons here and in verify/manage are aria-disabled, not disabled: a focused button
  // that becomes disabled drops the visitor's focus to <body>. Their handlers check `busy`.
  return html`${summary(view, booking)}
    <p>${t.payIntro}</p>
    ${booking.expires_at ? view.paymentWindow(booking.expires_at) : nothing}
    <button part="button" class="button" aria-disabled=${ariaBusy(view)} @click=${view.onPay}>
      ${view.busy ? t.paying : (view.paymentLabel ?? t.payTest)}
    </button>
    ${view.error}`;
}

export function result(view: AfterBookingView, booking: Booking) {
  const t = view.t;
  const email = booking.customers[0]?.email;
  // Only a live booking is good news; a refresh may show one the owner has since cancelled.
  const live = ['confirmed', 'tentative', 'paid'].includes(booking.state);
  return html`<div part="result" class="result" data-state=${booking.state}>
      <p class="result-message ${live ? 'good' : ''}">${view.resultMessage(booking)}</p>
      ${email && live ? html`<p>${t.confirmationSentTo(email)}</p>` : nothing}
      ${summary(view, booking)}
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

export function manage(view: AfterBookingView) {
  const t = view.t;
  const booking = view.booking;
  if (!booking) {
    return view.error === nothing ? html`<p role="status">${t.loadingBooking}</p>` : view.error;
  }
  const actions = booking.possible_actions;
  const canCancel = actions.includes('cancel_by_customer');
  const canMove = actions.includes('reschedule_by_customer');
  return html`${summary(view, booking)}
  ${
    canCancel
      ? html`<form class="cancel" @submit=${view.onCancel}>
          <label for="message">${t.cancelMessage}</label>
          <textarea id="message" name="message" maxlength="2000" rows="2"></textarea>
          <button part="button" class="button" aria-disabled=${ariaBusy(view)}>
            ${t.cancelBooking}
          </button>
        </form>`
      : nothing
  }
  ${
    canMove
      ? html`<button
          part="button"
          class="button secondary"
          aria-disabled=${ariaBusy(view)}
          @click=${view.onStartReschedule}
        >
          ${t.reschedule}
        </button>`
      : nothing
  }
  ${!canCancel && !canMove ? html`<p>${t.noActions}</p>` : nothing} ${view.error}`;
}
