import { html, nothing } from 'lit';
import type { FlowState, Picker } from '../../../flow/index.ts';
import { serviceSubject, summary } from '../summary.ts';
import { afterBookingSteps } from '../parts.ts';
import {
  heading,
  loadError,
  notice,
  partsPending,
  statusOf,
  valueOf,
  type WidgetView,
} from '../view.ts';

type Choosing = Extract<FlowState, { step: 'choose' | 'rescheduling' }>;

/** Choosing a time or a class, and choosing a new time for a booking being moved. */
export function choose(view: WidgetView, state: Choosing) {
  const t = view.t.widget;
  const classes = state.step === 'choose' && state.chooser === 'classes';
  const chooser = view.parts([classes ? 'classes' : 'picker']);
  if (state.step === 'choose' && state.chooser === 'classes') {
    return html`${heading(t.chooseClassHeading)}
    ${summary(view, serviceSubject(view.settings?.about))} ${notice(view, state.notice)}
    ${chooser !== 'ready' ? partsPending(view, chooser) : classList(view, state.classes)}`;
  }
  const moving = state.step === 'rescheduling';
  const info = moving ? state.booking.attributes.event_info : undefined;
  return html`${heading(moving ? t.rescheduleHeading : t.chooseTimeHeading)}
  ${summary(view, {
    ...serviceSubject(view.settings?.about),
    ...(info ? { name: info.what, when: info } : {}),
  })}
  ${notice(view, state.notice)}
  ${chooser !== 'ready' ? partsPending(view, chooser) : picker(view, state.picker)}
  ${moving ? moveConfirmation(view, state) : nothing}
  ${state.busy ? html`<p role="status">${t.holding}</p>` : nothing}`;
}

function classList(
  view: WidgetView,
  classes: Extract<Choosing, { chooser: 'classes' }>['classes'],
) {
  return html`<slotkit-class-list
    .groups=${valueOf(classes) ?? []}
    .status=${statusOf(classes)}
    .errorMessage=${loadError(view, classes)}
    .timeZone=${view.timeZone}
    .locale=${view.localeOption}
    .now=${view.serverNow()}
    waitlist
    @slotkit-class-select=${view.on.classSelect}
    @slotkit-timezone-change=${view.on.timeZoneChange}
    @slotkit-waitlist-join=${view.on.waitlistJoin}
    @slotkit-retry=${view.on.retry}
  ></slotkit-class-list>`;
}

function picker(view: WidgetView, picker: Picker) {
  const dates = valueOf(picker.dates);
  return html`<slotkit-slot-picker
    .timeZone=${view.timeZone}
    .locale=${view.localeOption}
    .month=${picker.month}
    .dates=${dates?.dates ?? []}
    .nextAvailableDate=${dates?.next}
    .datesStatus=${statusOf(picker.dates)}
    .slots=${valueOf(picker.slots) ?? []}
    .slotsStatus=${picker.date ? statusOf(picker.slots) : 'ready'}
    .errorMessage=${loadError(view, picker.dates) || loadError(view, picker.slots)}
    .selectedDate=${picker.date}
    .now=${view.serverNow}
    @slotkit-month-change=${view.on.monthChange}
    @slotkit-date-select=${view.on.dateSelect}
    @slotkit-slot-select=${view.on.slotSelect}
    @slotkit-timezone-change=${view.on.timeZoneChange}
    @slotkit-retry=${view.on.retry}
  ></slotkit-slot-picker>`;
}

/** Confirm the move and Back: in the steps' chunk, which the booking's view already loaded. */
function moveConfirmation(view: WidgetView, state: Extract<Choosing, { step: 'rescheduling' }>) {
  const steps = afterBookingSteps();
  return view.parts(['steps']) === 'ready' && steps ? steps.moveConfirmation(view, state) : nothing;
}
