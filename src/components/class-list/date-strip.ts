import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Messages } from '../../i18n/index.ts';
import { dateTimeFormat } from '../../lib/time/format.ts';
import { dateToUtcMs, startOfWeek, weekStartFor } from '../slot-picker/calendar.ts';
import type { Prepared } from './prepared.ts';

/**
 * The date strip of <slotkit-class-list>: "All days" and each day with classes, a toolbar of
 * toggles with one tab stop where the arrows move the chosen day. Classes spanning more than a
 * week page by week (previous/next buttons), so a term of classes stays one short row.
 */

type Day = Prepared['days'][number];

/** The days of one week that have classes; `start` is the week's first day (yyyy-MM-dd). */
export interface StripWeek {
  start: string;
  days: Day[];
}

export interface DateStripView {
  t: Messages['classList'];
  /** The shown week's days. */
  days: Day[];
  /** The chosen day (yyyy-MM-dd); '' for every day. It may be in another week than shown. */
  chosen: string;
  onDayClick: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
  /** Week paging, when there is more than one week. */
  paging?: {
    hasPrevious: boolean;
    hasNext: boolean;
    rtl: boolean;
    onPage: (step: -1 | 1) => void;
  };
}

/** The days grouped by the locale's week (the week the calendar shows), earliest first. */
export function weeksOf(days: readonly Day[], locale: string): StripWeek[] {
  const weekStart = weekStartFor(locale);
  const weeks: StripWeek[] = [];
  for (const day of days) {
    const start = startOfWeek(day.key, weekStart);
    const last = weeks.at(-1);
    if (last?.start === start) last.days.push(day);
    else weeks.push({ start, days: [day] });
  }
  return weeks;
}

/** "30 Nov – 6 Dec" for a week, in the visitor's words (the days are dates: no zone applies). */
export function weekRange(week: StripWeek, locale: string): string {
  const first = dateToUtcMs(week.start);
  const format = dateTimeFormat(locale, 'UTC', { day: 'numeric', month: 'short' });
  return format.formatRange(first, first + 6 * 86_400_000);
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

/**
 * A week button: aria-disabled at the ends rather than disabled, so a focused one keeps focus
 * when it reaches the end. Arrows point the way the days run (mirrored right-to-left).
 */
function weekButton(
  label: string,
  step: -1 | 1,
  enabled: boolean,
  paging: NonNullable<DateStripView['paging']>,
) {
  const arrow = (step === 1) !== paging.rtl ? '\u203a' : '\u2039';
  return html`<button
    part="week-button"
    class="week-button"
    type="button"
    data-week=${step === 1 ? 'next' : 'previous'}
    aria-label=${label}
    aria-disabled=${enabled ? 'false' : 'true'}
    @click=${() => enabled && paging.onPage(step)}
  >
    <span aria-hidden="true">${arrow}</span>
  </button>`;
}

export function renderDateStrip({
  t,
  days,
  chosen,
  onDayClick,
  onKeydown,
  paging,
}: DateStripView): TemplateResult {
  // The one tab stop: the chosen day, or "All days" when the chosen day is in another week.
  const stop = days.some((day) => day.key === chosen) ? chosen : '';
  const button = (key: string, content: TemplateResult) =>
    html`<button
      part=${key === chosen ? 'date-button date-button-selected' : 'date-button'}
      class="date-button"
      type="button"
      data-day=${key}
      aria-pressed=${key === chosen ? 'true' : 'false'}
      tabindex=${key === stop ? '0' : '-1'}
      @click=${onDayClick}
    >
      ${content}
    </button>`;
  const strip = html`<div
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
  if (!paging) return strip;
  return html`<div part="date-strip-weeks" class="strip-weeks">
    ${weekButton(t.previousWeek, -1, paging.hasPrevious, paging)} ${strip}
    ${weekButton(t.nextWeek, 1, paging.hasNext, paging)}
  </div>`;
}
