import { html, nothing } from 'lit';
import type { About } from '../../flow/index.ts';
import { formatMinutes, formatMoney } from '../../i18n/format.ts';
import { parseInstant } from '../../lib/time/index.ts';
import { zoneName } from '../../lib/time/format.ts';
import type { WidgetView } from './view.ts';

/** What one summary shows: the service (or class), and its time once one is chosen. */
export interface Subject {
  name: string | undefined;
  host?: string | undefined;
  /** An address or room; `online: true` says "Online" instead. */
  place?: string | undefined;
  online?: boolean;
  when?: { start: string; end: string } | undefined;
}

/** The service as the project describes it (`about`), before anything is chosen. */
export function serviceSubject(about: About | undefined): Subject {
  return {
    name: about?.name,
    host: about?.host,
    place: about?.location?.type === 'place' ? about.location.name : undefined,
    online: about?.location?.type === 'online',
  };
}

/**
 * The header every step starts with: what is booked, how long, what it costs, with whom, where,
 * and (once chosen) when, in the visitor's zone with the zone named. In a narrow widget it is
 * set smaller but whole (a container query in widget.styles.ts).
 */
export function summary(view: WidgetView, subject: Subject) {
  const t = view.t.widget;
  const about = view.settings?.about;
  const price = about?.price;
  const facts = [
    about?.duration ? formatMinutes(about.duration, view.locale) : '',
    price ? (price.amount ? formatMoney(price.amount, price.currency, view.locale) : t.free) : '',
    subject.host ?? '',
    subject.online ? t.online : (subject.place ?? ''),
  ].filter(Boolean);
  const when = subject.when;
  if (!subject.name && !facts.length && !when) return nothing;
  const start = when ? (parseInstant(when.start) ?? Date.now()) : 0;
  // The facts are a list: a screen reader says each on its own, and the dots between them
  // (widget.styles.ts) are drawn, never read.
  return html`<div part="summary" class="summary" data-summary>
    ${subject.name ? html`<strong>${subject.name}</strong>` : nothing}
    ${
      facts.length
        ? html`<ul>
            ${facts.map((fact) => html`<li>${fact}</li>`)}
          </ul>`
        : nothing
    }
    ${
      when
        ? html`<div class="summary-when">
            ${view.formatWhen(when.start, when.end)}
            (${zoneName(view.timeZone, view.locale, start)})
          </div>`
        : nothing
    }
  </div>`;
}
