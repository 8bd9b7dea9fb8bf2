import { html, nothing } from 'lit';
import { outcomeOf, type FlowState } from '../../../flow/index.ts';
import { serviceSubject, summary } from '../summary.ts';
import { afterBookingSteps, detailsTemplate, waitlistSteps } from '../parts.ts';
import { backButton, heading, partsPending, type WidgetView } from '../view.ts';
import { choose } from './choose.ts';
import { failed, loading, misconfigured } from './setup.ts';

export type AfterBooking = Extract<FlowState, { step: 'verify' | 'payment' | 'result' | 'manage' }>;

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
      return details(view, state);
    case 'waitlist':
    case 'waitlisted':
      return waitlist(view, state);
    default:
      return afterBooking(view, state);
  }
}

/** The form under the hold's countdown: its template loads with the form (parts.ts). */
function details(view: WidgetView, state: Extract<FlowState, { step: 'details' }>) {
  const template = detailsTemplate();
  const status = view.parts(['form', 'countdown']);
  if (status === 'ready' && template) return template.details(view, state, view.settings);
  return html`${heading(view.t.widget.detailsHeading)}
  ${partsPending(view, status === 'error' ? 'error' : 'loading')} ${backButton(view)}`;
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
  return steps.body(view, state, service, title, header);
}
