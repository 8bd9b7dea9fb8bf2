import { html } from 'lit';
import type { FlowState } from '../../../flow/index.ts';
import type { AfterBookingView } from '../after-booking.ts';
import { afterBookingSteps } from '../parts.ts';
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
    default:
      return afterBooking(view, state);
  }
}

/** Verify, payment, result and manage: templates loaded with the first of them. */
function afterBooking(view: WidgetView, state: AfterBooking) {
  const t = view.t.widget;
  const title = {
    verify: t.verifyHeading,
    payment: t.paymentHeading,
    result: t.resultHeading,
    manage: t.manageHeading,
  }[state.step];
  const steps = afterBookingSteps();
  const status = view.parts(['steps']);
  if (status !== 'ready' || !steps) {
    return html`${heading(title)} ${partsPending(view, status === 'error' ? 'error' : 'loading')}`;
  }
  const after: AfterBookingView = {
    ...view.after,
    t,
    locale: view.locale,
    booking: state.booking,
    busy: state.step !== 'result' && state.busy,
    error: actionError(view, state.step === 'result' ? undefined : state.error),
    formatWhen: view.formatWhen,
    paymentWindow: (expiresAt) => paymentWindow(view, expiresAt),
  };
  const body =
    state.step === 'manage' || !state.booking
      ? steps.manage(after)
      : state.step === 'verify'
        ? steps.verify(after)
        : steps[state.step](after, state.booking);
  return html`${heading(title)} ${body}`;
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
