import { html, nothing } from 'lit';
import { outcomeOf, type FlowState } from '../../../flow/index.ts';
import { serviceSubject, summary } from '../summary.ts';
import type { AfterBookingView } from '../after-booking.ts';
import { afterBookingSteps, waitlistSteps } from '../parts.ts';
import { actionError, heading, partsPending, type WidgetView } from '../view.ts';
import { choose } from './choose.ts';
import { details } from './details.ts';
import { failed, loading, misconfigured } from './setup.ts';

type AfterBooking = Extract<FlowState, { step: 'verify' | 'payment' | 'result' | 'manage' }>;

/** The body of the widget for the flow's state: one template per step. */
export function render(view: WidgetView, state: FlowState) {
  switch (state.step) {
    case 'loading':
      return loading(view);
    case 'misconfigured':
      return misconfigured(view, state.problems);
    case 'failed':
      return failed(view, state.error);
    case 'choose':
    case 'rescheduling':
      return choose(view, state);
    case 'details':
      return details(view, state, view.settings);
    case 'waitlist':
    case 'waitlisted':
      return waitlist(view, state);
    default:
      return afterBooking(view, state);
  }
}

/** The waitlist's form and confirmation: templates loaded when the visitor asks to join. */
function waitlist(
  view: WidgetView,
  state: Extract<FlowState, { step: 'waitlist' | 'waitlisted' }>,
) {
  const steps = waitlistSteps();
  const status = view.parts(['waitlist']);
  if (status === 'ready' && steps) return steps.waitlist(view, state);
  const t = view.t.waitlist;
  return html`${heading(state.step === 'waitlisted' ? t.joinedHeading : t.join)}
  ${partsPending(view, status === 'error' ? 'error' : 'loading')}`;
}

/** Verify, payment, result and manage: templates loaded with the first of them. */
function afterBooking(view: WidgetView, state: AfterBooking) {
  const t = view.t.widget;
  const booking = state.booking;
  const outcome = booking ? outcomeOf(booking.graph, booking.state) : undefined;
  const title = {
    verify: t.verifyHeading,
    payment: t.paymentHeading,
    // The result's heading is the outcome itself: "You are booked", "Request sent — ...".
    result: outcome ? t.outcome[outcome] : t.resultHeading,
    manage: t.manageHeading,
  }[state.step];
  const info = booking?.attributes.event_info;
  const service = serviceSubject(view.settings?.about);
  const header = booking
    ? summary(view, {
        ...service,
        ...(info ? { name: info.what, when: info, place: info.where ?? service.place } : {}),
        host: booking.resource?.name ?? service.host,
      })
    : nothing;
  const steps = afterBookingSteps();
  const status = view.parts(['steps']);
  if (status !== 'ready' || !steps) {
    return html`${heading(title)} ${header}
    ${partsPending(view, status === 'error' ? 'error' : 'loading')}`;
  }
  const problem = state.step === 'result' ? undefined : state.error;
  const after: AfterBookingView = {
    ...view.after,
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
  const body =
    state.step === 'manage' || !booking
      ? steps.manage(after)
      : state.step === 'verify'
        ? steps.verify(after)
        : steps[state.step](after, booking);
  return html`${heading(title)} ${header} ${body}`;
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
