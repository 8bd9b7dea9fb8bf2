import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Messages } from '../../i18n/index.ts';
import type { Prepared } from './prepared.ts';

/**
 * The date strip of <slotkit-class-list>: "All days" and each day with classes, a toolbar of
 * toggles with one tab stop where the arrows move the chosen day.
 */

export interface DateStripView {
  t: Messages['classList'];
  days: Prepared['days'];
  /** The chosen day (yyyy-MM-dd); '' for every day. */
  chosen: string;
  onDayClick: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

const STRIP_KEYS: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

/**
 * Where a key moves the strip's choice from `at` among `count` buttons (arrows mirrored
 * right-to-left, Home and End): an index within the strip, or undefined for a key it leaves alone.
 */
export function stripKeyTarget(
  key: string,
  at: number,
  count: number,
  rtl: boolean,
): number | undefined {
  let next: number;
  if (key === 'Home') next = 0;
  else if (key === 'End') next = count - 1;
  else if (Object.hasOwn(STRIP_KEYS, key)) next = at + STRIP_KEYS[key]! * (rtl ? -1 : 1);
  else return undefined;
  return Math.max(0, Math.min(next, count - 1));
}

export function renderDateStrip({
  t,
  days,
  chosen,
  onDayClick,
  onKeydown,
}: DateStripView): TemplateResult {
  const button = (key: string, content: TemplateResult) =>
    html`<button
      part=${key === chosen ? 'date-button date-button-selected' : 'date-button'}
      class="date-button"
      type="button"
      data-day=${key}
      aria-pressed=${key === chosen ? 'true' : 'false'}
      tabindex=${key === chosen ? '0' : '-1'}
      @click=${onDayClick}
    >
      ${content}
    </button>`;
  return html`<div
    part="date-strip"
    class="date-strip"
    role="toolbar"
    aria-label=${t.daysLabel}
    @keydown=${onKeydown}
  >
    ${button('', html`<span class="strip-all">${t.allDays}</span>`)}
    ${repeat(
      days,
      (day) => day.key,
      (day) =>
        button(
          day.key,
          // The short form is for the eye; a screen reader hears the whole date.
          html`<span class="strip-weekday" aria-hidden="true">${day.weekday}</span
            ><span class="strip-number" aria-hidden="true">${day.number}</span
            ><span class="visually-hidden">${day.label}</span>`,
        ),
    )}
  </div>`;
}
