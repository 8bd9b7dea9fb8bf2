import { html, nothing } from 'lit';
import type { FlowState } from '../../flow/index.ts';
import type { FormSubmitEvent } from '../../events.ts';
import { actionError, backButton, heading, partsPending, type WidgetView } from './view.ts';
import { serviceSubject, summary } from './summary.ts';
import { addEnglish } from '../../i18n/index.ts';
import { waitlistAfter } from '../../i18n/en/waitlist-after.ts';

// The English of this step comes with it, not in the first paint (src/i18n/index.ts).
addEnglish({ waitlist: waitlistAfter });

/** The offer goes by email, so the waitlist asks for one even where booking does not. */
const WAITLIST_NEEDS = ['email'];

type Joining = Extract<FlowState, { step: 'waitlist' | 'waitlisted' }>;

/**
 * A sold-out class's waitlist: the form (the booking's fields), then the confirmation. A part of
 * its own (widget/parts.ts), imported when the visitor asks to join: most never meet a full class.
 */
export function waitlist(view: WidgetView, state: Joining) {
  const t = view.t.waitlist;
  const back = backButton(view);
  const info = state.group.attributes.event_info;
  const service = serviceSubject(view.settings?.about);
  const header = summary(view, {
    ...service,
    name: info.what,
    host: state.group.resource?.name ?? service.host,
    place: info.where ?? service.place,
    when: info,
  });
  if (state.step === 'waitlisted') return waitlisted(view, state, header, back);
  const parts = view.parts(['form']);
  // One seat is what a waitlist means unless said otherwise: the line only for more.
  return html`${heading(t.join)} ${header}
    ${state.seats > 1 ? html`<p class="seats">${t.forSeats(state.seats, view.locale)}</p>` : nothing}
    <p>${t.intro}</p>
    ${
      parts !== 'ready'
        ? partsPending(view, parts)
        : html`<slotkit-customer-form
            .fields=${view.settings?.customerFields}
            .requiredFields=${WAITLIST_NEEDS}
            .values=${state.values}
            .status=${state.submitting ? 'submitting' : 'idle'}
            .serverErrors=${state.fieldErrors}
            .submitLabel=${t.join}
            .locale=${view.localeOption}
            @slotkit-form-submit=${(event: FormSubmitEvent) => {
              if (!event.defaultPrevented) {
                void view.journey.flow()?.joinWaitlist(event.detail.customer);
              }
            }}
          ></slotkit-customer-form>`
    }
    ${actionError(view, state.error)} ${back}`;
}

/** On the waitlist: its confirmation, a way to leave it, and once left, the way back. */
function waitlisted(
  view: WidgetView,
  state: Extract<Joining, { step: 'waitlisted' }>,
  header: unknown,
  back: unknown,
) {
  const t = view.t.waitlist;
  if (state.left) {
    return html`${heading(t.leftHeading)} ${header}
      <p part="waitlist-confirmation" class="confirmation">${t.left}</p>
      <button part="button" class="button" @click=${view.on.back}>${t.backToClasses}</button>`;
  }
  // aria-disabled, not disabled, while it leaves: focus stays on the button for a retry.
  return html`${heading(t.joinedHeading)} ${header}
    <p part="waitlist-confirmation" class="confirmation">
      ${state.entry.seats > 1 ? t.joinedSeats(state.entry.seats, view.locale) : t.joined}
    </p>
    ${actionError(view, state.error)}
    <button
      part="button waitlist-leave"
      class="button secondary"
      aria-disabled=${state.leaving ? 'true' : 'false'}
      @click=${() => void view.journey.flow()?.leaveWaitlist()}
    >
      ${t.leave}
    </button>
    ${back}`;
}
