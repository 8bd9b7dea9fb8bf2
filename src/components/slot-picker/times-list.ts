import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { Messages } from '../../i18n/messages.ts';
import { localDate, parseInstant } from '../../lib/time/index.ts';
import type { AvailableSlot } from '../../schemas/availability.ts';
import { isDate, monthOf } from './calendar.ts';
import { check } from './icons.ts';
import { dayHeading, formatTime, longDate, monthName } from './labels.ts';
import type { LoadStatus } from './load-error.ts';

/**
 * The times side of <slotkit-slot-picker>: the chosen day's times as a WAI-ARIA listbox with one
 * tab stop (`activeTime`), or what stands in for them (a prompt, a skeleton, an error, an empty
 * month with its "next available" button). The picker owns the state and the focus.
 */

export interface DaySlot {
  slot: AvailableSlot;
  start: number;
  /** Worked out once per slot list, zone and locale: a day click or an arrow key reuses them. */
  label: string;
  iso: string;
}

export interface TimesView {
  t: Messages['slotPicker'];
  locale: string;
  month: string;
  selectedDate: string;
  datesStatus: LoadStatus;
  slotsStatus: LoadStatus;
  monthHasTimes: boolean;
  nextAvailableDate: string;
  daySlots: readonly DaySlot[];
  /** Index of the time with the list's tab stop. */
  activeTime: number;
  isSelected: (entry: DaySlot) => boolean;
  renderError: () => TemplateResult;
  onNextAvailable: () => void;
  onKeydown: (event: KeyboardEvent) => void;
  onClick: (event: Event) => void;
  onFocusin: (event: FocusEvent) => void;
}

/** One pass over every slot: its local date in `zone`, its label and ISO string, sorted by day. */
export function groupSlots(
  slots: readonly AvailableSlot[],
  zone: string,
  locale: string,
): Map<string, DaySlot[]> {
  const byDate = new Map<string, DaySlot[]>();
  for (const slot of slots) {
    const start = parseInstant(slot.start);
    if (start === undefined) continue;
    const date = localDate(start, zone);
    const entry = {
      slot,
      start,
      label: formatTime(locale, zone, start),
      iso: new Date(start).toISOString(),
    };
    const list = byDate.get(date);
    if (list) list.push(entry);
    else byDate.set(date, [entry]);
  }
  for (const list of byDate.values()) list.sort((a, b) => a.start - b.start);
  return byDate;
}

/** `groupSlots`, redone only when the slots, the zone or the locale change. */
export class SlotsByDate {
  private byDate = new Map<string, DaySlot[]>();
  private key: { slots: AvailableSlot[] | undefined; zone: string; locale: string } | undefined;

  /** The times starting on `date` (yyyy-MM-dd in `zone`), sorted. */
  on(date: string, slots: AvailableSlot[], zone: string, locale: string): DaySlot[] {
    const key = this.key;
    if (key?.slots !== slots || key.zone !== zone || key.locale !== locale) {
      this.byDate = groupSlots(slots ?? [], zone, locale);
      this.key = { slots, zone, locale };
    }
    return this.byDate.get(date) ?? [];
  }
}

/**
 * Where a key moves the list's tab stop from `index` (up and down, and left and right as the
 * text runs, since the times wrap in rows): an index within the list, `'select'` for Enter and
 * Space, or undefined for a key the list leaves alone.
 */
export function timesKeyTarget(
  key: string,
  index: number,
  last: number,
  rtl: boolean,
): number | 'select' | undefined {
  const back = rtl ? 1 : -1;
  let to: number;
  switch (key) {
    case 'ArrowUp':
      to = index - 1;
      break;
    case 'ArrowDown':
      to = index + 1;
      break;
    case 'ArrowLeft':
      to = index + back;
      break;
    case 'ArrowRight':
      to = index - back;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = last;
      break;
    case 'Enter':
    case ' ':
      return 'select';
    default:
      return undefined;
  }
  return Math.max(0, Math.min(to, last));
}

/**
 * Enough placeholders to fill the times area at any width (three columns of eight rows); the
 * area's fixed height clips the rest, so loading takes the size a full day's list takes.
 */
const SKELETON_TIMES = 24;

export function renderTimes(view: TimesView): TemplateResult {
  const { t } = view;
  const date = view.selectedDate;
  const emptyMonth = view.datesStatus === 'ready' && !view.monthHasTimes;
  if (!isDate(date) || (emptyMonth && monthOf(date) !== view.month)) {
    return html`<h2 id="times-heading" part="times-heading" class="times-heading" tabindex="-1">
        ${t.times}
      </h2>
      ${emptyMonth ? renderEmptyMonth(view) : html`<p part="message" class="message">${t.chooseDay}</p>`}`;
  }
  return html`<h2 id="times-heading" part="times-heading" class="times-heading" tabindex="-1">
      ${t.timesOn(dayHeading(view.locale, date))}
    </h2>
    ${renderDaySlots(view)}`;
}

function renderEmptyMonth(view: TimesView): TemplateResult {
  const { t } = view;
  return html`<p part="message" class="message">
      ${t.noTimesInMonth(monthName(view.locale, view.month))}
    </p>
    ${
      isDate(view.nextAvailableDate)
        ? html`<button
            type="button"
            part="next-available-button"
            class="button"
            @click=${view.onNextAvailable}
          >
            ${t.nextAvailable(longDate(view.locale, view.nextAvailableDate))}
          </button>`
        : nothing
    }`;
}

function renderDaySlots(view: TimesView): TemplateResult {
  const { t } = view;
  if (view.slotsStatus === 'loading') {
    return html`<p class="visually-hidden">${t.loadingTimes}</p>
      <div class="times-skeleton" aria-hidden="true">
        ${Array.from({ length: SKELETON_TIMES }, () => html`<div part="skeleton" class="skeleton time-skeleton"></div>`)}
      </div>`;
  }
  if (view.slotsStatus === 'error') return view.renderError();
  if (view.daySlots.length === 0) {
    return html`<p part="message" class="message">
      ${t.noTimesOnDay(dayHeading(view.locale, view.selectedDate))}
    </p>`;
  }
  return html`<ul
    role="listbox"
    part="times"
    class="times"
    aria-labelledby="times-heading"
    @keydown=${view.onKeydown}
    @click=${view.onClick}
    @focusin=${view.onFocusin}
  >
    ${view.daySlots.map((entry, index) => {
      const selected = view.isSelected(entry);
      return html`<li
        id="time-${index}"
        role="option"
        part=${selected ? 'time time-selected' : 'time'}
        class=${classMap({ time: true, selected })}
        data-index=${index}
        tabindex=${index === view.activeTime ? 0 : -1}
        aria-selected=${selected ? 'true' : 'false'}
      >
        ${selected ? check : nothing}
        <time datetime=${entry.iso}>${entry.label}</time>
      </li>`;
    })}
  </ul>`;
}
