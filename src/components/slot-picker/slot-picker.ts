import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { LocalizeController } from '../../controllers/localize.ts';
import { PopoverController } from '../../controllers/popover.ts';
import {
  DateSelectEvent,
  MonthChangeEvent,
  RetryEvent,
  SlotSelectEvent,
  TimeZoneChangeEvent,
} from '../../events.ts';
import {
  addDaysToDate,
  isValidTimeZone,
  localDate,
  parseInstant,
  type WeekdayIndex,
} from '../../lib/time/index.ts';
import { dateTimeFormat, detectTimeZone, formatLongDate, zoneName } from '../../lib/time/format.ts';
import type { AvailableSlot } from '../../schemas/availability.ts';
import { defineElement } from '../shared/define.ts';
import { tokens } from '../shared/tokens.styles.ts';
import {
  addMonths,
  addMonthsToDate,
  dateToUtcMs,
  endOfWeek,
  isDate,
  isMonth,
  monthOf,
  monthWeeks,
  startOfWeek,
  weekdayOrder,
  weekStartFor,
} from './calendar.ts';
import { styles } from './slot-picker.styles.ts';
import { filterZones, zoneCity, zoneEntries, type ZoneEntry, type ZoneMatches } from './zones.ts';

export type LoadStatus = 'loading' | 'error' | 'ready';

interface DaySlot {
  slot: AvailableSlot;
  start: number;
  /** Worked out once per slot list, zone and locale: a day click or an arrow key reuses them. */
  label: string;
  iso: string;
}

const STATUSES: readonly string[] = ['loading', 'error', 'ready'];
/** Zones shown at once in the search list; the rest are a few keystrokes away. */
const ZONE_LIMIT = 50;
const TAG = 'slotkit-slot-picker';
/** Characters a short weekday name may have ("tirs.", "sáb."); longer ones use narrow names. */
const MAX_SHORT_WEEKDAY = 5;

const chevron = (direction: 'start' | 'end' | 'down'): TemplateResult =>
  html`<svg
    class="icon chevron-${direction}"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    aria-hidden="true"
    focusable="false"
  >
    ${svg`<path d=${direction === 'down' ? 'M6 9l6 6 6-6' : direction === 'start' ? 'M15 6l-6 6 6 6' : 'M9 6l6 6-6 6'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />`}
  </svg>`;

const globe = html`<svg
  class="icon"
  viewBox="0 0 24 24"
  width="20"
  height="20"
  aria-hidden="true"
  focusable="false"
>
  ${svg`<circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9s1.3-6.3 3.8-9z" fill="none" stroke="currentColor" stroke-width="2" />`}
</svg>`;

const check = html`<svg
  class="icon check"
  viewBox="0 0 24 24"
  width="16"
  height="16"
  aria-hidden="true"
  focusable="false"
>
  ${svg`<path d="M5 12l5 5 9-10" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />`}
</svg>`;

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
  private readonly zonePopover = new PopoverController(this, {
    trigger: () => this.zoneTrigger,
    popover: () => this.zonePanel,
    initialFocus: () => this.renderRoot.querySelector<HTMLInputElement>('#tz-input'),
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
  /** Slots grouped by local date, for the slots, zone and locale in `slotsKey`. */
  private slotsByDate = new Map<string, DaySlot[]>();
  private slotsKey:
    { slots: AvailableSlot[] | undefined; zone: string; locale: string } | undefined;
  private selectedStart: number | undefined;
  /** Set by the picker when the owner gave no month; the owner's own value overrides it. */
  private defaultedMonth = '';
  private monthIsDefault = true;
  private invalidSettings = new Set<string>();
  private pendingFocus: 'day' | 'time' | 'times-heading' | undefined;
  private zones: ZoneEntry[] = [];
  private zoneMatches: ZoneMatches = { matches: [], total: 0 };

  @query('#tz-trigger') private zoneTrigger!: HTMLButtonElement | null;
  @query('#tz-popover') private zonePanel!: HTMLElement | null;

  /** The day with the grid's tab stop. */
  @state() private focusedDate = '';
  /** Index of the time with the list's tab stop. */
  @state() private activeTime = 0;
  @state() private announcement = '';
  @state() private zoneQuery = '';
  @state() private activeZone = 0;

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
      this.defaultedMonth = this.defaultMonth();
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
      this.focusedDate = this.defaultFocus();
    }

    // Cheap when nothing changed (a map lookup), and the locale may change through `lang`.
    this.daySlots = this.slotsOn(this.selectedDate);
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

    if (this.zonePopover.open) {
      this.zoneMatches = filterZones(
        this.zones,
        this.zoneQuery,
        [this.zone, this.detectedZone],
        ZONE_LIMIT,
      );
      this.activeZone = Math.max(0, Math.min(this.activeZone, this.zoneMatches.matches.length - 1));
    }
    this.announceLoads(changed);
  }

  protected override updated(changed: PropertyValues): void {
    this.setState('available', this.monthHasTimes());
    this.setState('date-selected', isDate(this.selectedDate));
    this.setState(
      'selected',
      this.daySlots.some((entry) => this.isSelected(entry)),
    );
    this.setState('loading', this.datesStatus === 'loading' || this.slotsStatus === 'loading');
    this.setState('error', this.datesStatus === 'error' || this.slotsStatus === 'error');
    this.setState('timezone-open', this.zonePopover.open);

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
    if (this.zonePopover.open && (changed.has('activeZone') || changed.has('zoneQuery'))) {
      this.renderRoot
        .querySelector(`#tz-opt-${this.activeZone}`)
        ?.scrollIntoView({ block: 'nearest' });
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
    const from = this.focusedDate;
    const back = this.isRtl() ? 1 : -1;
    let to: string;
    switch (event.key) {
      case 'ArrowLeft':
        to = addDaysToDate(from, back);
        break;
      case 'ArrowRight':
        to = addDaysToDate(from, -back);
        break;
      case 'ArrowUp':
        to = addDaysToDate(from, -7);
        break;
      case 'ArrowDown':
        to = addDaysToDate(from, 7);
        break;
      case 'Home':
        to = startOfWeek(from, this.weekStart);
        break;
      case 'End':
        to = endOfWeek(from, this.weekStart);
        break;
      case 'PageUp':
        to = addMonthsToDate(from, event.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        to = addMonthsToDate(from, event.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.selectDate(from);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focusDay(to);
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
    const back = this.isRtl() ? 1 : -1;
    let to = this.activeTime;
    switch (event.key) {
      case 'ArrowUp':
        to -= 1;
        break;
      case 'ArrowDown':
        to += 1;
        break;
      case 'ArrowLeft':
        to += back;
        break;
      case 'ArrowRight':
        to -= back;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = last;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.selectTime(this.activeTime);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.activeTime = Math.max(0, Math.min(to, last));
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

  private onZoneTrigger(): void {
    if (this.zonePopover.open) {
      this.zonePopover.hide();
      return;
    }
    this.zones = zoneEntries(this.intlLocale, this.now());
    this.zoneQuery = '';
    this.activeZone = 0;
    void this.zonePopover.show();
  }

  private onZoneInput(event: InputEvent): void {
    this.zoneQuery = (event.target as HTMLInputElement).value;
    this.activeZone = 0;
  }

  private onZoneKeydown(event: KeyboardEvent): void {
    const last = this.zoneMatches.matches.length - 1;
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in step) {
      event.preventDefault();
      this.activeZone = Math.max(0, Math.min(this.activeZone + step[event.key]!, last));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entry = this.zoneMatches.matches[this.activeZone];
      if (entry) this.pickZone(entry.id);
    }
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

  private pickZone(timeZone: string): void {
    this.zonePopover.hide();
    if (timeZone === this.zone) return;
    if (!this.dispatchEvent(new TimeZoneChangeEvent({ timeZone }))) return;
    this.timeZone = timeZone;
    this.announce(this.localize.t.slotPicker.timeZoneChanged(this.zoneLabel(timeZone)));
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
    const check = (
      name: string,
      attribute: string,
      ok: boolean,
      value: string,
      accepted: string,
    ) => {
      if (ok) this.invalidSettings.delete(name);
      else {
        this.invalidSettings.add(name);
        this.report(attribute, value, accepted);
      }
    };
    const date = 'a date as yyyy-MM-dd';
    if (changed.has('month') && this.month !== this.defaultedMonth) {
      check('month', 'month', !this.month || isMonth(this.month), this.month, 'a month as yyyy-MM');
    }
    if (changed.has('minMonth')) {
      check(
        'minMonth',
        'min-month',
        !this.minMonth || isMonth(this.minMonth),
        this.minMonth,
        'a month as yyyy-MM',
      );
    }
    if (changed.has('selectedDate')) {
      check(
        'selectedDate',
        'selected-date',
        !this.selectedDate || isDate(this.selectedDate),
        this.selectedDate,
        date,
      );
    }
    if (changed.has('nextAvailableDate')) {
      const value = this.nextAvailableDate;
      check('nextAvailableDate', 'next-available-date', !value || isDate(value), value, date);
    }
    if (changed.has('selectedSlot')) {
      const value = this.selectedSlot;
      check(
        'selectedSlot',
        'selected-slot',
        !value || parseInstant(value) !== undefined,
        value,
        'the start of a slot as an RFC 3339 instant',
      );
    }
    if (changed.has('dates')) {
      const bad = (this.dates ?? []).find((value) => !isDate(value));
      check('dates', 'dates', bad === undefined, String(bad), 'an array of dates as yyyy-MM-dd');
    }
    for (const [name, attribute] of [
      ['datesStatus', 'dates-status'],
      ['slotsStatus', 'slots-status'],
    ] as const) {
      if (changed.has(name)) {
        const value = this[name];
        check(name, attribute, STATUSES.includes(value), value, '"loading", "error" or "ready"');
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
        t.timesAvailable(this.daySlots.length, this.dayHeading(this.selectedDate), this.intlLocale),
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

  private defaultMonth(): string {
    const first = [...this.availableDates].sort()[0];
    return first ? monthOf(first) : monthOf(this.today());
  }

  private defaultFocus(): string {
    const inMonth = (date: string) => isDate(date) && monthOf(date) === this.month;
    if (inMonth(this.selectedDate)) return this.selectedDate;
    const firstAvailable = [...this.availableDates].filter(inMonth).sort()[0];
    if (firstAvailable) return firstAvailable;
    const today = this.today();
    return inMonth(today) ? today : `${this.month}-01`;
  }

  private monthHasTimes(): boolean {
    for (const date of this.availableDates) if (monthOf(date) === this.month) return true;
    return false;
  }

  private slotsOn(date: string): DaySlot[] {
    if (!isDate(date)) return [];
    const key = this.slotsKey;
    if (key?.slots !== this.slots || key.zone !== this.zone || key.locale !== this.intlLocale) {
      this.slotsByDate = this.groupSlots();
      this.slotsKey = { slots: this.slots, zone: this.zone, locale: this.intlLocale };
    }
    return this.slotsByDate.get(date) ?? [];
  }

  /** One pass over every slot: its local date, label and ISO string. */
  private groupSlots(): Map<string, DaySlot[]> {
    const byDate = new Map<string, DaySlot[]>();
    for (const slot of this.slots ?? []) {
      const start = parseInstant(slot.start);
      if (start === undefined) continue;
      const date = localDate(start, this.zone);
      const entry = {
        slot,
        start,
        label: this.formatTime(start),
        iso: new Date(start).toISOString(),
      };
      const list = byDate.get(date);
      if (list) list.push(entry);
      else byDate.set(date, [entry]);
    }
    for (const list of byDate.values()) list.sort((a, b) => a.start - b.start);
    return byDate;
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

  private longDate(date: string): string {
    return formatLongDate(dateToUtcMs(date), 'UTC', this.intlLocale);
  }

  private dayHeading(date: string): string {
    return dateTimeFormat(this.intlLocale, 'UTC', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    }).format(dateToUtcMs(date));
  }

  /**
   * The column headers' format: the locale's short weekday names ("Mon", "lun."), or its narrow
   * ones where the short ones are whole words that do not fit a 320 px grid (Arabic's "الأربعاء").
   * The full name is in each header for screen readers either way.
   */
  private weekdayFormat(weekdayMs: (weekday: number) => number): Intl.DateTimeFormat {
    const short = dateTimeFormat(this.intlLocale, 'UTC', { weekday: 'short' });
    const longest = Math.max(
      ...[0, 1, 2, 3, 4, 5, 6].map((weekday) => [...short.format(weekdayMs(weekday))].length),
    );
    return longest > MAX_SHORT_WEEKDAY
      ? dateTimeFormat(this.intlLocale, 'UTC', { weekday: 'narrow' })
      : short;
  }

  private monthName(month: string): string {
    return dateTimeFormat(this.intlLocale, 'UTC', { month: 'long', year: 'numeric' }).format(
      dateToUtcMs(`${month}-01`),
    );
  }

  /**
   * The locale's own short time ("09:00" in en-GB, "9:00 AM" in en-US). Not formatTimeOfDay:
   * its `hour: 'numeric'` drops the leading zero that 24-hour locales write.
   */
  private formatTime(ms: number): string {
    return dateTimeFormat(this.intlLocale, this.zone, { timeStyle: 'short' }).format(ms);
  }

  private zoneLabel(zone: string): string {
    return `${zoneCity(zone)} (${zoneName(zone, this.intlLocale, this.now())})`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.slotPicker;
    return html`<div part="base" class="base" dir=${this.localize.dir} lang=${this.intlLocale}>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>
      ${
        this.invalidSettings.size > 0
          ? html`<p part="message" class="message">${t.invalidSetting}</p>`
          : nothing
      }
      <div class="layout">
        <section part="calendar-panel" class="calendar-panel" aria-label=${t.calendar}>
          ${this.renderCalendarHeader()} ${this.renderDatesError()} ${this.renderGrid()}
        </section>
        <section part="times-panel" class="times-panel" aria-labelledby="times-heading">
          ${this.renderTimes()}
        </section>
      </div>
      ${this.renderTimeZone()}
    </div>`;
  }

  private renderCalendarHeader(): TemplateResult {
    const t = this.localize.t.slotPicker;
    const atStart = this.month <= this.firstMonth();
    // aria-disabled, not disabled: a focused button that becomes disabled drops focus to <body>.
    return html`<div part="calendar-header" class="calendar-header">
      <button
        type="button"
        part="nav-button prev-button"
        class="nav-button"
        aria-label=${t.previousMonth}
        aria-disabled=${atStart ? 'true' : 'false'}
        @click=${this.onPrevMonth}
      >
        ${chevron('start')}
      </button>
      <h2 id="month-heading" part="month-heading" class="month-heading">
        ${this.monthName(this.month)}
      </h2>
      <button
        type="button"
        part="nav-button next-button"
        class="nav-button"
        aria-label=${t.nextMonth}
        @click=${this.onNextMonth}
      >
        ${chevron('end')}
      </button>
    </div>`;
  }

  private renderDatesError(): TemplateResult | typeof nothing {
    if (this.datesStatus !== 'error') return nothing;
    return this.renderError('dates');
  }

  private renderError(what: 'dates' | 'slots'): TemplateResult {
    return html`<div class="error-box">
      <p part="error" class="error" id="${what}-error">${this.errorText()}</p>
      <button
        type="button"
        part="retry-button"
        class="button secondary"
        aria-describedby="${what}-error"
        @click=${() => this.onRetry(what)}
      >
        ${this.localize.t.common.retry}
      </button>
    </div>`;
  }

  private renderGrid(): TemplateResult {
    const t = this.localize.t.slotPicker;
    const loading = this.datesStatus === 'loading';
    const ready = this.datesStatus === 'ready';
    const today = this.today();
    const long = dateTimeFormat(this.intlLocale, 'UTC', { weekday: 'long' });
    const dayNumber = dateTimeFormat(this.intlLocale, 'UTC', { day: 'numeric' });
    // 4 January 1970 was a Sunday: weekday w is 4 + w days after the epoch.
    const weekdayMs = (weekday: number) => (3 + weekday) * 86_400_000;
    const short = this.weekdayFormat(weekdayMs);
    return html`${
        loading
          ? html`<p class="visually-hidden" id="dates-loading">${t.loadingDates}</p>`
          : nothing
      }
      <table
        role="grid"
        part="calendar"
        class=${classMap({ calendar: true, loading })}
        aria-labelledby="month-heading"
        aria-describedby=${loading ? 'dates-loading' : nothing}
        aria-busy=${loading ? 'true' : 'false'}
        @keydown=${this.onGridKeydown}
        @click=${this.onGridClick}
        @focusin=${this.onGridFocusin}
      >
        <thead>
          <tr role="row">
            ${weekdayOrder(this.weekStart).map(
              (weekday) =>
                html`<th role="columnheader" scope="col" part="weekday" class="weekday">
                  <span aria-hidden="true">${short.format(weekdayMs(weekday))}</span>
                  <span class="visually-hidden">${long.format(weekdayMs(weekday))}</span>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${monthWeeks(this.month, this.weekStart).map(
            (week) =>
              html`<tr role="row">
                ${week.map((date) => {
                  if (date === null) return html`<td role="gridcell" class="pad"></td>`;
                  const available = ready && this.availableDates.has(date);
                  const selected = date === this.selectedDate;
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
                    tabindex=${date === this.focusedDate ? 0 : -1}
                    aria-selected=${selected ? 'true' : 'false'}
                    aria-disabled=${available ? 'false' : 'true'}
                    aria-current=${date === today ? 'date' : nothing}
                    aria-label=${t.day(this.longDate(date), status)}
                  >
                    <span
                      part="day-number"
                      class=${classMap({ 'day-number': true, skeleton: loading })}
                      >${dayNumber.format(dateToUtcMs(date))}</span
                    >
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private renderTimes(): TemplateResult {
    const t = this.localize.t.slotPicker;
    const date = this.selectedDate;
    const emptyMonth = this.datesStatus === 'ready' && !this.monthHasTimes();
    if (!isDate(date) || (emptyMonth && monthOf(date) !== this.month)) {
      return html`<h2 id="times-heading" part="times-heading" class="times-heading" tabindex="-1">
          ${t.times}
        </h2>
        ${emptyMonth ? this.renderEmptyMonth() : html`<p part="message" class="message">${t.chooseDay}</p>`}`;
    }
    return html`<h2 id="times-heading" part="times-heading" class="times-heading" tabindex="-1">
        ${t.timesOn(this.dayHeading(date))}
      </h2>
      ${this.renderDaySlots()}`;
  }

  private renderEmptyMonth(): TemplateResult {
    const t = this.localize.t.slotPicker;
    return html`<p part="message" class="message">
        ${t.noTimesInMonth(this.monthName(this.month))}
      </p>
      ${
        isDate(this.nextAvailableDate)
          ? html`<button
              type="button"
              part="next-available-button"
              class="button"
              @click=${this.onNextAvailable}
            >
              ${t.nextAvailable(this.longDate(this.nextAvailableDate))}
            </button>`
          : nothing
      }`;
  }

  private renderDaySlots(): TemplateResult {
    const t = this.localize.t.slotPicker;
    if (this.slotsStatus === 'loading') {
      return html`<p class="visually-hidden">${t.loadingTimes}</p>
        <div class="times-skeleton" aria-hidden="true">
          ${Array.from({ length: 6 }, () => html`<div part="skeleton" class="skeleton time-skeleton"></div>`)}
        </div>`;
    }
    if (this.slotsStatus === 'error') return this.renderError('slots');
    if (this.daySlots.length === 0) {
      return html`<p part="message" class="message">
        ${t.noTimesOnDay(this.dayHeading(this.selectedDate))}
      </p>`;
    }
    return html`<ul
      role="listbox"
      part="times"
      class="times"
      aria-labelledby="times-heading"
      @keydown=${this.onTimesKeydown}
      @click=${this.onTimesClick}
      @focusin=${this.onTimesFocusin}
    >
      ${this.daySlots.map((entry, index) => {
        const selected = this.isSelected(entry);
        return html`<li
          id="time-${index}"
          role="option"
          part=${selected ? 'time time-selected' : 'time'}
          class=${classMap({ time: true, selected })}
          data-index=${index}
          tabindex=${index === this.activeTime ? 0 : -1}
          aria-selected=${selected ? 'true' : 'false'}
        >
          ${selected ? check : nothing}
          <time datetime=${entry.iso}>${entry.label}</time>
        </li>`;
      })}
    </ul>`;
  }

  private renderTimeZone(): TemplateResult {
    const t = this.localize.t.slotPicker;
    const open = this.zonePopover.open;
    const invalid = Boolean(this.timeZone) && this.zone !== this.timeZone;
    return html`<div part="timezone" class="timezone">
      <button
        id="tz-trigger"
        type="button"
        part="timezone-button"
        class="timezone-button"
        aria-haspopup="dialog"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="tz-popover"
        aria-describedby=${invalid ? 'tz-error' : nothing}
        @click=${this.onZoneTrigger}
      >
        ${globe}
        <span class="timezone-text">
          <span part="timezone-label" class="timezone-label">${t.timeZone}</span>
          <span part="timezone-value" class="timezone-value">${this.zoneLabel(this.zone)}</span>
        </span>
        ${chevron('down')}
      </button>
      ${
        invalid
          ? html`<p id="tz-error" part="timezone-error" class="error">
              ${t.invalidTimeZone(this.timeZone, this.zoneLabel(this.zone))}
            </p>`
          : nothing
      }
      <div
        id="tz-popover"
        part="popover"
        class=${classMap({ popover: true, open })}
        popover="manual"
        role="dialog"
        aria-label=${t.chooseTimeZone}
      >
        ${open ? this.renderZoneSearch() : nothing}
      </div>
    </div>`;
  }

  private renderZoneSearch(): TemplateResult {
    const t = this.localize.t.slotPicker;
    const { matches, total } = this.zoneMatches;
    const hint =
      total === 0
        ? t.noTimeZoneMatch(this.zoneQuery)
        : total > matches.length
          ? t.moreTimeZones(matches.length, total, this.intlLocale)
          : t.timeZoneHint;
    return html`<label for="tz-input" class="search-label">${t.searchTimeZones}</label>
      <input
        id="tz-input"
        part="timezone-search"
        class="search"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        placeholder=${t.timeZonePlaceholder}
        aria-autocomplete="list"
        aria-expanded=${matches.length > 0 ? 'true' : 'false'}
        aria-controls="tz-listbox"
        aria-activedescendant=${matches.length > 0 ? `tz-opt-${this.activeZone}` : nothing}
        aria-describedby="tz-hint"
        .value=${this.zoneQuery}
        @input=${this.onZoneInput}
        @keydown=${this.onZoneKeydown}
      />
      <ul
        id="tz-listbox"
        role="listbox"
        part="timezone-list"
        class="zone-list"
        aria-label=${t.timeZones}
        tabindex="-1"
        ?hidden=${matches.length === 0}
        @mousedown=${(event: Event) => event.preventDefault()}
      >
        ${matches.map((entry, index) => {
          const active = index === this.activeZone;
          const current = entry.id === this.zone;
          const parts = ['timezone-option'];
          if (active) parts.push('timezone-option-active');
          if (current) parts.push('timezone-option-current');
          return html`<li
            id="tz-opt-${index}"
            role="option"
            part=${parts.join(' ')}
            class=${classMap({ 'zone-option': true, active, current })}
            aria-selected=${active ? 'true' : 'false'}
            @click=${() => this.pickZone(entry.id)}
          >
            <span class="zone-city">${entry.city}</span>
            <span class="zone-name">${entry.name}</span>
            ${
              current
                ? html`${check}<span class="visually-hidden">(${t.currentTimeZone})</span>`
                : nothing
            }
          </li>`;
        })}
      </ul>
      <p id="tz-hint" part="timezone-hint" class="hint">${hint}</p>`;
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
