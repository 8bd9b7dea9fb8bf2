import { html } from 'lit';
import type { FlowSettings, FlowState } from '../../../flow/index.ts';
import { PAYMENT_GRAPHS } from '../../../flow/index.ts';
import { actionError, heading, type WidgetView } from '../view.ts';
import { serviceSubject, summary } from '../summary.ts';
import { addEnglish } from '../../../i18n/index.ts';
import { widgetAfter } from '../../../i18n/en/widget-after.ts';
import type { FormSubmitEvent } from '../../../events.ts';

// The English of these steps comes with them, not in the first paint (src/i18n/index.ts).
addEnglish({ widget: widgetAfter });

type Details = Extract<FlowState, { step: 'details' }>;

/**
 * The form under the hold's countdown, Back beside its submit button (in the form's actions
 * slot: one row, Book first in reading and tab order). Imported with the form (widget/parts.ts): the first paint
 * never shows it; steps/index.ts draws the heading and a placeholder until it is in.
 */
export function details(view: WidgetView, state: Details, settings: FlowSettings | undefined) {
  const t = view.t.widget;
  const hold = state.hold;
  return html`${heading(t.detailsHeading)} ${held(view, state)}
    <slotkit-countdown
      .expiresAt=${hold.expires_at}
      .serverOffsetMs=${view.clockOffsetMs}
      .canExtend=${hold.can_extend ?? false}
      .extending=${state.extending}
      .holdId=${hold.id}
      .locale=${view.localeOption}
    ></slotkit-countdown>
    <slotkit-customer-form
      .fields=${settings?.customerFields}
      .values=${state.values}
      .status=${state.submitting ? 'submitting' : 'idle'}
      .serverErrors=${state.fieldErrors}
      .submitLabel=${submitLabel(view, settings?.graph ?? '')}
      .locale=${view.localeOption}
      @slotkit-form-submit=${(event: FormSubmitEvent) => {
        if (!event.defaultPrevented) void view.journey.flow()?.submit(event.detail.customer);
      }}
    >
      <button
        slot="actions"
        type="button"
        part="button"
        class="button secondary"
        @click=${view.on.back}
      >
        ${t.back}
      </button>
    </slotkit-customer-form>
    ${actionError(view, state.error)}`;
}

/** The summary with the held time (or class, seats and place). */
function held(view: WidgetView, state: Details) {
  const service = serviceSubject(view.settings?.about);
  if (state.held.kind === 'slot') {
    const slot = state.held.slot;
    return summary(view, {
      ...service,
      host: slot.resources[0]?.name ?? service.host,
      when: slot,
    });
  }
  const group = state.held.group;
  const info = group.attributes.event_info;
  return html`${summary(view, {
      ...service,
      name: info.what,
      host: group.resource?.name ?? service.host,
      place: info.where ?? service.place,
      when: info,
    })}
    <p>
      ${view.t.widget.heldSeats(
        info.what,
        view.formatWhen(info.start, info.end),
        state.hold.seats,
        view.locale,
      )}
    </p>`;
}

function submitLabel(view: WidgetView, graph: string): string {
  const t = view.t.widget;
  if (PAYMENT_GRAPHS.includes(graph)) return t.submitPayment;
  if (graph === 'confirm_decline') return t.submitRequest;
  return t.submit;
}
