import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.ts';
import {
  DateSelectEvent,
  MonthChangeEvent,
  RetryEvent,
  SlotSelectEvent,
  TimeZoneChangeEvent,
} from '../../events.ts';
import {
  isValidTimeZone,
  localDate,
  parseInstant,
  type WeekdayIndex,
} from '../../lib/time/index.ts';
import { detectTimeZone } from '../../lib/time/format.ts';
import type { AvailableSlot } from '../../schemas/availability.ts';
import { defineElement } from '../shared/define.ts';
import { tokens } from '../shared/tokens.styles.ts';
import {
  addMonths,
  defaultFocus,
  defaultMonth,
  hasDateIn,
  isDate,
  isMonth,
  monthOf,
  weekStartFor,
} from './calendar.ts';
import {
  gridKeyTarget,
  renderCalendarHeader,
  renderGrid,
  type CalendarView,
} from './calendar-grid.ts';
import { dayHeading } from './labels.ts';
import { renderLoadError, type LoadStatus } from './load-error.ts';
import { checkSettings } from './settings.ts';
import { styles } from './slot-picker.styles.ts';
import { renderTimes, SlotsByDate, timesKeyTarget, type DaySlot } from './times-list.ts';
import { ZoneChooser } from './zone-chooser.ts';

export type { LoadStatus };

const TAG = 'slotkit-slot-picker';

/**
 * A month calendar with the days that have times marked, the chosen day's times as a list, and
 * the visitor's time zone, detected and changeable. Presentational: it shows the `dates` and
 * `slots` it is given and asks its owner for more through events.
 *
 * @summary Pick a day, then a time, in the visitor's time zone.
 * @tag slotkit-slot-picker
 *
 * @event slotkit-month-change - MonthChangeEvent: the visitor moved to another month; load its `dates`.
 * @event slotkit-date-select - DateSelectEvent: the visitor chose a day; load its `slots`.
 * @event slotkit-slot-select - SlotSelectEvent (cancelable): the visitor chose a time. Unless
 *   cancelled, the picker marks it as `selectedSlot`.
 * @event slotkit-timezone-change - TimeZoneChangeEvent (cancelable): the visitor chose another
 *   zone. Unless cancelled, the picker switches `timeZone` and shows times in it; the owner should
 *   reload `dates` (they are days in the zone).
 * @event slotkit-retry - RetryEvent: `detail.what` is `'dates'` or `'slots'`, whichever failed.
 *
 * @csspart base - The wrapper of everything.
 * @csspart calendar-panel - The calendar side.
 * @csspart calendar-header - Month heading and navigation.
 * @csspart month-heading - "January 2026", the grid's label.
 * @csspart nav-button - Both month buttons; also `prev-button` and `next-button`.
 * @csspart calendar - The date grid (a table).
 * @csspart weekday - A column header.
 * @csspart day - A day cell; with `day-available`, `day-unavailable`, `day-selected`, `day-today`,
 *   `day-loading` as they apply.
 * @csspart day-number - The number inside a day cell.
 * @csspart times-panel - The times side.
 * @csspart times-heading - "Times on Monday 12 January".
 * @csspart times - The list of times.
 * @csspart time - A time; with `time-selected` for the chosen one.
 * @csspart skeleton - A loading placeholder.
 * @csspart message - An informational or empty-state message.
 * @csspart error - A load error's message.
 * @csspart retry-button - The button under a load error.
 * @csspart next-available-button - The "Next available: …" button in an empty month.
 * @csspart timezone - The time-zone row.
 * @csspart timezone-button - Shows the zone and opens the chooser.
 * @csspart timezone-label - "Time zone" inside the button.
 * @csspart timezone-value - The zone's city and name inside the button.
 * @csspart timezone-error - The message for an unknown `time-zone`.
 * @csspart popover - The zone chooser panel.
 * @csspart timezone-search - The search input (a combobox).
 * @csspart timezone-list - The matching zones.
 * @csspart timezone-option - A zone; with `timezone-option-active` and `timezone-option-current`.
 * @csspart timezone-hint - The hint under the list ("keep typing", "no match").
 *
 * @cssproperty --slotkit-color-accent - Available days, times, the selection.
 * @cssproperty --slotkit-color-on-accent - Text on the selection.
 * @cssproperty --slotkit-color-surface - Background of the popover.
 * @cssproperty --slotkit-color-surface-alt - Skeletons.
 * @cssproperty --slotkit-radius - Corner radius.
 * @cssproperty --slotkit-space - Spacing unit.
 *
 * @cssstate available - The shown month has at least one day with times.
 * @cssstate date-selected - A day is chosen.
 * @cssstate selected - A time is chosen.
 * @cssstate loading - Days or times are loading.
 * @cssstate error - Days or times failed to load.
 * @cssstate timezone-open - The zone chooser is open.
 */
export class SlotkitSlotPicker extends LitElement {
  static override styles = [tokens, styles];

  private readonly localize = new LocalizeController(this, () => this.locale);
  private readonly internals = this.attachInternals();
  private readonly zoneChooser = new ZoneChooser(this, {
    zone: () => this.zone,
    detected: () => this.detectedZone,
    locale: () => this.intlLocale,
    now: () => this.now(),
    t: () => this.localize.t.slotPicker,
    pick: (zone) => this.pickZone(zone),
  });
  private readonly detectedZone = detectTimeZone();
  /** Invalid values already logged, so a re-render does not log them again. */
  private readonly reported = new Set<string>();
  /** The zone times are shown in: `timeZone` when valid, else the detected one. */
  private zone = this.detectedZone;
  private intlLocale = 'en';
  private weekStart: WeekdayIndex = 1;
  private availableDates = new Set<string>();
  private daySlots: DaySlot[] = [];
  private readonly slotsByDate = new SlotsByDate();
  private selectedStart: number | undefined;
  /** Set by the picker when the owner gave no month; the owner's own value overrides it. */
  private defaultedMonth = '';
  private monthIsDefault = true;
  private invalidSettings = new Set<string>();
  private pendingFocus: 'day' | 'time' | 'times-heading' | undefined;

  /** The day with the grid's tab stop. */
  @state() private focusedDate = '';
  /** Index of the time with the list's tab stop. */
  @state() private activeTime = 0;
  @state() private announcement = '';

  /** IANA zone the days and times are shown in. Defaults to the visitor's. */
  @property({ attribute: 'time-zone' }) timeZone = this.detectedZone;
  /** BCP 47 locale for dates and strings; else `lang` up the tree, else the browser's. */
  @property() locale?: string;
  /** The shown month, `yyyy-MM`. Defaults to the month of the first date in `dates`, else today's. */
  @property({ reflect: true }) month = '';
  /** Days (`yyyy-MM-dd`, in `timeZone`) that have at least one time. */
  @property({ attribute: false }) dates: string[] = [];
  @property({ attribute: 'dates-status' }) datesStatus: LoadStatus = 'ready';
  @property({ attribute: 'slots-status' }) slotsStatus: LoadStatus = 'ready';
  /** Shown under a failed load; a generic message when empty. */
  @property({ attribute: 'error-message' }) errorMessage = '';
  /** Times; only those starting on `selectedDate` in `timeZone` are listed. */
  @property({ attribute: false }) slots: AvailableSlot[] = [];
  /** The chosen day, `yyyy-MM-dd`. */
  @property({ attribute: 'selected-date' }) selectedDate = '';
  /** The chosen time: its `start` instant (RFC 3339). */
  @property({ attribute: 'selected-slot' }) selectedSlot = '';
  /** The first day with times after the shown month, offered when the month has none. */
  @property({ attribute: 'next-available-date' }) nextAvailableDate = '';
  /** The earliest month the visitor can go to, `yyyy-MM`. Defaults to the current month. */
  @property({ attribute: 'min-month' }) minMonth = '';
  /** The clock, for "today" and the current month. Tests and host pages may inject one. */
  @property({ attribute: false }) now: () => number = Date.now;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.intlLocale = this.resolveLocale();
    this.weekStart = weekStartFor(this.intlLocale);
    if (changed.has('timeZone')) this.zone = this.resolveZone();
    this.checkSettings(changed);

    if (changed.has('dates')) {
      this.availableDates = new Set((this.dates ?? []).filter((date) => isDate(date)));
    }
    if (changed.has('month') && this.month !== this.defaultedMonth && isMonth(this.month)) {
      this.monthIsDefault = false;
    }
    if (!isMonth(this.month) || (this.monthIsDefault && changed.has('dates'))) {
      this.defaultedMonth = defaultMonth(this.availableDates, () => this.today());
      this.month = this.defaultedMonth;
    }
    // Days arriving for the shown month move the tab stop to the first available one, unless
    // the visitor is in the grid right now.
    const inGrid = this.pendingFocus === 'day' || this.focusIsIn('[role="grid"]');
    if (
      !this.focusedDate ||
      monthOf(this.focusedDate) !== this.month ||
      (changed.has('dates') && !inGrid)
    ) {
      this.focusedDate = defaultFocus(this.month, this.selectedDate, this.availableDates, () =>
        this.today(),
      );
    }

    // Cheap when nothing changed (a map lookup), and the locale may change through `lang`.
    this.daySlots = isDate(this.selectedDate)
      ? this.slotsByDate.on(this.selectedDate, this.slots, this.zone, this.intlLocale)
      : [];
    if (
      changed.has('slots') ||
      changed.has('selectedDate') ||
      changed.has('timeZone') ||
      changed.has('selectedSlot')
    ) {
      this.selectedStart = this.selectedSlot ? parseInstant(this.selectedSlot) : undefined;
      const selected = this.daySlots.findIndex((entry) => this.isSelected(entry));
      if (selected >= 0) this.activeTime = selected;
      else if (changed.has('selectedDate') || changed.has('timeZone')) this.activeTime = 0;
    }
    this.activeTime = Math.max(0, Math.min(this.activeTime, this.daySlots.length - 1));

    this.announceLoads(changed);
  }

  protected override updated(): void {
    this.setState('available', hasDateIn(this.availableDates, this.month));
    this.setState('date-selected', isDate(this.selectedDate));
    this.setState(
      'selected',
      this.daySlots.some((entry) => this.isSelected(entry)),
    );
    this.setState('loading', this.datesStatus === 'loading' || this.slotsStatus === 'loading');
    this.setState('error', this.datesStatus === 'error' || this.slotsStatus === 'error');
    this.setState('timezone-open', this.zoneChooser.open);

    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (focus === 'day') {
      this.renderRoot
        .querySelector<HTMLElement>(`[data-date="${this.focusedDate}"]`)
        ?.focus({ preventScroll: false });
    } else if (focus === 'time') {
      this.renderRoot.querySelector<HTMLElement>(`#time-${this.activeTime}`)?.focus();
    } else if (focus === 'times-heading') {
      this.renderRoot.querySelector<HTMLElement>('#times-heading')?.focus();
    }
  }

  private onGridClick(event: Event): void {
    const cell = (event.target as Element).closest<HTMLElement>('[data-date]');
    const date = cell?.dataset.date;
    if (!date) return;
    this.focusedDate = date;
    this.selectDate(date);
  }

  /** Keeps the tab stop where focus is, however it got there (a click, a script). */
  private onGridFocusin(event: FocusEvent): void {
    const date = (event.target as HTMLElement).dataset?.date;
    if (date) this.focusedDate = date;
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const to = gridKeyTarget(event, this.focusedDate, this.weekStart, this.isRtl());
    if (to === undefined) return;
    event.preventDefault();
    if (to === 'select') this.selectDate(this.focusedDate);
    else this.focusDay(to);
  }

  private onPrevMonth(): void {
    if (this.month <= this.firstMonth()) return;
    this.showMonth(addMonths(this.month, -1));
  }

  private onNextMonth(): void {
    this.showMonth(addMonths(this.month, 1));
  }

  private onTimesClick(event: Event): void {
    const option = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (!option) return;
    this.activeTime = Number(option.dataset.index);
    this.selectTime(this.activeTime);
  }

  private onTimesFocusin(event: FocusEvent): void {
    const index = (event.target as HTMLElement).dataset?.index;
    if (index !== undefined) this.activeTime = Number(index);
  }

  private onTimesKeydown(event: KeyboardEvent): void {
    const last = this.daySlots.length - 1;
    const to = timesKeyTarget(event.key, this.activeTime, last, this.isRtl());
    if (to === undefined) return;
    event.preventDefault();
    if (to === 'select') {
      this.selectTime(this.activeTime);
      return;
    }
    this.activeTime = to;
    this.pendingFocus = 'time';
  }

  private onRetry(what: 'dates' | 'slots'): void {
    this.dispatchEvent(new RetryEvent({ what }));
    // The button goes away once the owner reloads; focus goes where the answer will appear.
    this.pendingFocus = what === 'dates' ? 'day' : 'times-heading';
    this.requestUpdate();
  }

  private onNextAvailable(): void {
    const date = this.nextAvailableDate;
    if (!isDate(date)) return;
    this.focusDay(date);
    this.selectDate(date, true);
  }

  private selectDate(date: string, force = false): void {
    if (!force && (this.datesStatus !== 'ready' || !this.availableDates.has(date))) return;
    this.selectedDate = date;
    this.dispatchEvent(new DateSelectEvent({ date }));
  }

  private selectTime(index: number): void {
    const entry = this.daySlots[index];
    if (!entry) return;
    if (!this.dispatchEvent(new SlotSelectEvent({ slot: entry.slot }))) return;
    this.selectedSlot = entry.slot.start;
  }

  /** The visitor chose another zone in the chooser. */
  private pickZone(timeZone: string): void {
    if (!this.dispatchEvent(new TimeZoneChangeEvent({ timeZone }))) return;
    this.timeZone = timeZone;
    this.announce(this.localize.t.slotPicker.timeZoneChanged(this.zoneChooser.label(timeZone)));
  }

  /** Moves the grid's focus, into a neighbouring month if need be (never before `minMonth`). */
  private focusDay(date: string): void {
    const month = monthOf(date);
    if (month < this.firstMonth()) return;
    this.focusedDate = date;
    this.pendingFocus = 'day';
    if (month !== this.month) this.showMonth(month);
  }

  private showMonth(month: string): void {
    this.monthIsDefault = false;
    this.month = month;
    this.dispatchEvent(new MonthChangeEvent({ month }));
  }

  private resolveLocale(): string {
    const tag = this.localize.locale;
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? 'en';
    } catch {
      this.report('locale', tag, 'a BCP 47 language tag such as "en-GB"');
      return 'en';
    }
  }

  private resolveZone(): string {
    if (!this.timeZone) return this.detectedZone;
    if (isValidTimeZone(this.timeZone)) return this.timeZone;
    this.report(
      'time-zone',
      this.timeZone,
      `an IANA time zone such as "Europe/Copenhagen"; showing times in "${this.detectedZone}"`,
    );
    return this.detectedZone;
  }

  /** Values the picker cannot read are logged once and replaced by their defaults. */
  private checkSettings(changed: PropertyValues<this>): void {
    // The element's own properties are the settings checked (PickerSettings).
    const checks = checkSettings(this, (name) => changed.has(name), this.defaultedMonth);
    for (const { name, attribute, ok, value, accepted } of checks) {
      if (ok) this.invalidSettings.delete(name);
      else {
        this.invalidSettings.add(name);
        this.report(attribute, value, accepted);
      }
    }
  }

  private report(attribute: string, value: string, accepted: string): void {
    const key = `${attribute}\u0000${value}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    console.error(`<${TAG}>: ${attribute}="${value}" is not valid: it must be ${accepted}.`);
  }

  /** Loads that finish after the first render; what is there on arrival is not news. */
  private announceLoads(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) return;
    const t = this.localize.t.slotPicker;
    const becameError = (name: 'datesStatus' | 'slotsStatus') =>
      changed.has(name) && this[name] === 'error' && changed.get(name) !== 'error';
    if (becameError('datesStatus') || becameError('slotsStatus')) {
      this.announce(this.errorText());
    } else if (
      (changed.has('slots') || changed.has('slotsStatus')) &&
      this.slotsStatus === 'ready' &&
      isDate(this.selectedDate)
    ) {
      this.announce(
        t.timesAvailable(
          this.daySlots.length,
          dayHeading(this.intlLocale, this.selectedDate),
          this.intlLocale,
        ),
      );
    }
  }

  /** The live region repeats a message only if its text changes, so alternate a trailing space. */
  private announce(message: string): void {
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  private setState(name: string, on: boolean): void {
    const states = this.internals.states as Set<string> | undefined;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Older engines only take `--name`; styling through parts still works there.
    }
  }

  private today(): string {
    return localDate(this.now(), this.zone);
  }

  /** The earliest month the visitor may see. */
  private firstMonth(): string {
    return isMonth(this.minMonth) ? this.minMonth : monthOf(this.today());
  }

  private isSelected(entry: DaySlot): boolean {
    return this.selectedStart !== undefined && this.selectedStart === entry.start;
  }

  private focusIsIn(selector: string): boolean {
    const active = this.shadowRoot?.activeElement;
    return active instanceof Element && active.closest(selector) !== null;
  }

  private isRtl(): boolean {
    return getComputedStyle(this.renderRoot.querySelector('.base') ?? this).direction === 'rtl';
  }

  private errorText(): string {
    return this.errorMessage || this.localize.t.common.unknownError;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.slotPicker;
    const calendar = this.calendarView();
    return html`<div part="base" class="base" dir=${this.localize.dir} lang=${this.intlLocale}>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>
      ${
        this.invalidSettings.size > 0
          ? html`<p part="message" class="message">${t.invalidSetting}</p>`
          : nothing
      }
      <div class="layout">
        <section part="calendar-panel" class="calendar-panel" aria-label=${t.calendar}>
          ${renderCalendarHeader(calendar)}
          ${this.datesStatus === 'error' ? this.renderError('dates') : nothing}
          ${renderGrid(calendar)}
        </section>
        <section part="times-panel" class="times-panel" aria-labelledby="times-heading">
          ${renderTimes({
            t,
            locale: this.intlLocale,
            month: this.month,
            selectedDate: this.selectedDate,
            datesStatus: this.datesStatus,
            slotsStatus: this.slotsStatus,
            monthHasTimes: hasDateIn(this.availableDates, this.month),
            nextAvailableDate: this.nextAvailableDate,
            daySlots: this.daySlots,
            activeTime: this.activeTime,
            isSelected: (entry) => this.isSelected(entry),
            renderError: () => this.renderError('slots'),
            onNextAvailable: this.onNextAvailable,
            onKeydown: this.onTimesKeydown,
            onClick: this.onTimesClick,
            onFocusin: this.onTimesFocusin,
          })}
        </section>
      </div>
      ${this.zoneChooser.render(this.timeZone)}
    </div>`;
  }

  private calendarView(): CalendarView {
    return {
      t: this.localize.t.slotPicker,
      locale: this.intlLocale,
      month: this.month,
      weekStart: this.weekStart,
      datesStatus: this.datesStatus,
      availableDates: this.availableDates,
      selectedDate: this.selectedDate,
      focusedDate: this.focusedDate,
      today: this.today(),
      atFirstMonth: this.month <= this.firstMonth(),
      onPrevMonth: this.onPrevMonth,
      onNextMonth: this.onNextMonth,
      onKeydown: this.onGridKeydown,
      onClick: this.onGridClick,
      onFocusin: this.onGridFocusin,
    };
  }

  private renderError(what: 'dates' | 'slots'): TemplateResult {
    return renderLoadError(what, this.errorText(), this.localize.t.common.retry, () =>
      this.onRetry(what),
    );
  }
}

/** Registers <slotkit-slot-picker> (once per version; see shared/define.ts). */
export function defineSlotPicker(): void {
  defineElement('slotkit-slot-picker', SlotkitSlotPicker);
}

declare global {
  interface HTMLElementTagNameMap {
    'slotkit-slot-picker': SlotkitSlotPicker;
  }
}
