import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { Messages } from '../../i18n/messages.ts';
import { dateTimeFormat } from '../../lib/time/format.ts';
import { addDaysToDate, type WeekdayIndex } from '../../lib/time/index.ts';
import {
  addMonthsToDate,
  dateToUtcMs,
  endOfWeek,
  monthWeeks,
  startOfWeek,
  weekdayOrder,
} from './calendar.ts';
import { chevron } from './icons.ts';
import { longDate, monthName, weekdayFormat } from './labels.ts';
import type { LoadStatus } from './load-error.ts';

/**
 * The calendar side of <slotkit-slot-picker>: the month header and the WAI-ARIA date grid, one
 * tab stop (`focusedDate`) moved by the arrow keys. The picker owns the state and the focus; this
 * renders it and says where a key goes.
 */
export interface CalendarView {
  t: Messages['slotPicker'];
  locale: string;
  month: string;
  weekStart: WeekdayIndex;
  datesStatus: LoadStatus;
  availableDates: ReadonlySet<string>;
  selectedDate: string;
  /** The day with the grid's tab stop. */
  focusedDate: string;
  today: string;
  /** The shown month is the earliest one allowed. */
  atFirstMonth: boolean;
  onPrevMonth: () => void;
  onNextMonth: () => void;
  onKeydown: (event: KeyboardEvent) => void;
  onClick: (event: Event) => void;
  onFocusin: (event: FocusEvent) => void;
}

/**
 * Where a key moves the grid's tab stop from `from` (the WAI-ARIA date grid's keys): a date,
 * `'select'` for Enter and Space, or undefined for a key the grid leaves alone.
 */
export function gridKeyTarget(
  event: KeyboardEvent,
  from: string,
  weekStart: WeekdayIndex,
  rtl: boolean,
): string | 'select' | undefined {
  const back = rtl ? 1 : -1;
  switch (event.key) {
    case 'ArrowLeft':
      return addDaysToDate(from, back);
    case 'ArrowRight':
      return addDaysToDate(from, -back);
    case 'ArrowUp':
      return addDaysToDate(from, -7);
    case 'ArrowDown':
      return addDaysToDate(from, 7);
    case 'Home':
      return startOfWeek(from, weekStart);
    case 'End':
      return endOfWeek(from, weekStart);
    case 'PageUp':
      return addMonthsToDate(from, event.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonthsToDate(from, event.shiftKey ? 12 : 1);
    case 'Enter':
    case ' ':
      return 'select';
    default:
      return undefined;
  }
}

export function renderCalendarHeader(view: CalendarView): TemplateResult {
  const { t } = view;
  // aria-disabled, not disabled: a focused button that becomes disabled drops focus to <body>.
  return html`<div part="calendar-header" class="calendar-header">
    <button
      type="button"
      part="nav-button prev-button"
      class="nav-button"
      aria-label=${t.previousMonth}
      aria-disabled=${view.atFirstMonth ? 'true' : 'false'}
      @click=${view.onPrevMonth}
    >
      ${chevron('start')}
    </button>
    <h2 id="month-heading" part="month-heading" class="month-heading">
      ${monthName(view.locale, view.month)}
    </h2>
    <button
      type="button"
      part="nav-button next-button"
      class="nav-button"
      aria-label=${t.nextMonth}
      @click=${view.onNextMonth}
    >
      ${chevron('end')}
    </button>
  </div>`;
}

/**
 * The day of the month as digits only: ja and zh print "8日" for `day: 'numeric'`, which wraps
 * inside the round day cells; the column header already says which month it is.
 */
export function dayDigits(format: Intl.DateTimeFormat, ms: number): string {
  const part = format.formatToParts(ms).find((entry) => entry.type === 'day');
  return part?.value ?? format.format(ms);
}

export function renderGrid(view: CalendarView): TemplateResult {
  const { t, locale, today } = view;
  const loading = view.datesStatus === 'loading';
  const ready = view.datesStatus === 'ready';
  const long = dateTimeFormat(locale, 'UTC', { weekday: 'long' });
  const dayNumber = dateTimeFormat(locale, 'UTC', { day: 'numeric' });
  // 4 January 1970 was a Sunday: weekday w is 4 + w days after the epoch.
  const weekdayMs = (weekday: number) => (3 + weekday) * 86_400_000;
  const short = weekdayFormat(locale, weekdayMs);
  return html`${
      loading ? html`<p class="visually-hidden" id="dates-loading">${t.loadingDates}</p>` : nothing
    }
    <table
      role="grid"
      part="calendar"
      class=${classMap({ calendar: true, loading })}
      aria-labelledby="month-heading"
      aria-describedby=${loading ? 'dates-loading' : nothing}
      aria-busy=${loading ? 'true' : 'false'}
      @keydown=${view.onKeydown}
      @click=${view.onClick}
      @focusin=${view.onFocusin}
    >
      <thead>
        <tr role="row">
          ${weekdayOrder(view.weekStart).map(
            (weekday) =>
              html`<th role="columnheader" scope="col" part="weekday" class="weekday">
                <span aria-hidden="true">${short.format(weekdayMs(weekday))}</span>
                <span class="visually-hidden">${long.format(weekdayMs(weekday))}</span>
              </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${monthWeeks(view.month, view.weekStart).map(
          (week) =>
            html`<tr role="row">
              ${week.map((date) => {
                if (date === null) return html`<td role="gridcell" class="pad"></td>`;
                const available = ready && view.availableDates.has(date);
                const selected = date === view.selectedDate;
                const status = !ready ? 'unknown' : available ? 'available' : 'unavailable';
                const parts = [
                  'day',
                  status === 'available' ? 'day-available' : '',
                  status === 'unavailable' ? 'day-unavailable' : '',
                  loading ? 'day-loading' : '',
                  selected ? 'day-selected' : '',
                  date === today ? 'day-today' : '',
                ];
                return html`<td
                  role="gridcell"
                  part=${parts.filter(Boolean).join(' ')}
                  class=${classMap({ day: true, available, selected, today: date === today })}
                  data-date=${date}
                  tabindex=${date === view.focusedDate ? 0 : -1}
                  aria-selected=${selected ? 'true' : 'false'}
                  aria-disabled=${available ? 'false' : 'true'}
                  aria-current=${date === today ? 'date' : nothing}
                  aria-label=${t.day(longDate(locale, date), status)}
                >
                  <span
                    part="day-number"
                    class=${classMap({ 'day-number': true, skeleton: loading })}
                    >${dayDigits(dayNumber, dateToUtcMs(date))}</span
                  >
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>`;
}
