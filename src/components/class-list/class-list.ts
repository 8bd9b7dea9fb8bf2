import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.ts';
import { classList } from '../../i18n/en/class-list.ts';
import {
  ClassSelectEvent,
  RetryEvent,
  TimeZoneChangeEvent,
  WaitlistJoinEvent,
} from '../../events.ts';
import type { Messages } from '../../i18n/index.ts';
import { detectTimeZone } from '../../lib/time/format.ts';
import { isValidTimeZone } from '../../lib/time/index.ts';
import type { Group } from '../../schemas/booking.ts';
import { defineElement } from '../shared/define.ts';
import { ZoneChooser } from '../slot-picker/zone-chooser.ts';
import { zoneChooserStyles } from '../slot-picker/zone-chooser.styles.ts';
import { SlotkitClassListItem } from './class-list-item.ts';
import {
  DEFAULT_MAX_SEATS,
  isBookable,
  renderDays,
  renderShowMore,
  seatLimit,
  seatsChosen,
  waitlistSeatLimit,
} from './class-rows.ts';
import {
  renderDateStrip,
  stripKeyTarget,
  weekRange,
  weeksOf,
  type StripWeek,
} from './date-strip.ts';
import { renderFilters, visibleClasses, type ClassFilters } from './filters.ts';
import { renderError, renderLoading, renderNoMatches, skeletonRows } from './placeholders.ts';
import { FIRST, GrowingLimit } from './long-list.ts';
import { Preparation, type Prepared, type PreparedClass } from './prepared.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { styles } from './class-list.styles.ts';

export type ClassListStatus = 'loading' | 'error' | 'ready';

/**
 * Milliseconds of preparing classes per task. The first slice shares its task with the first
 * render, so both stay well under the 50 ms of a long task on a phone (CPU 4x).
 */
const PREPARE_SLICE_MS = 6;

/**
 * @summary Upcoming group classes as compact rows by local day (time, name, host, place, price,
 * seats left, a seats selector and Book), with a date strip, a time-zone chooser, a search box
 * and filters by host and place. Presentational: it does not fetch.
 *
 * @tag slotkit-class-list
 *
 * @event slotkit-class-select - `ClassSelectEvent` `{ group, seats }` when the visitor books a
 *   class. Cancelable; unless canceled the class becomes `selectedGroupId`.
 * @event slotkit-waitlist-join - `WaitlistJoinEvent` `{ group, seats }` (cancelable) from a sold-out
 *   class's "Join the waitlist" button, shown when `waitlist` is set.
 * @event slotkit-retry - `RetryEvent` `{ what: 'classes' }` from the retry button of the error state.
 * @event slotkit-timezone-change - `TimeZoneChangeEvent` `{ timeZone }` (cancelable): the visitor
 *   chose another zone in the chooser; unless canceled the list shows times in it.
 *
 * @csspart base - The wrapper of everything.
 * @csspart zone-error - The message about an unknown `time-zone`.
 * @csspart zone - The time-zone row around the chooser.
 * @csspart timezone - The time-zone chooser (button and popover).
 * @csspart timezone-button - Shows the zone and opens the chooser.
 * @csspart timezone-label - "Time zone" inside the button.
 * @csspart timezone-value - The zone's city and name inside the button.
 * @csspart popover - The zone chooser panel.
 * @csspart timezone-search - The zone search input (a combobox).
 * @csspart timezone-list - The matching zones.
 * @csspart timezone-option - A zone; with `timezone-option-active` and `timezone-option-current`.
 * @csspart timezone-hint - The hint under the zone list.
 * @csspart date-strip - The row of days to jump to.
 * @csspart date-button - One day (or "All days") in the strip; `aria-pressed` when chosen.
 * @csspart filters - The filter bar.
 * @csspart resource-filter - The host (resource) select.
 * @csspart place-filter - The place select (with two places or more).
 * @csspart title-filter - The title search input.
 * @csspart list - The container of the days.
 * @csspart day - One day's section.
 * @csspart day-heading - The day's heading.
 * @csspart classes - The list of one day's classes.
 * @csspart class - One class (carries the custom states below).
 * @csspart title - A class's title.
 * @csspart when - A class's time range.
 * @csspart where - A class's place.
 * @csspart price - A class's price per seat, when the data has one.
 * @csspart resource - A class's resource (host) name.
 * @csspart seats - "3 left" or "Sold out".
 * @csspart hint - "Full: join another time" on a sold-out class.
 * @csspart reason - Why a class cannot be booked now ("Booking opens ...", "Booking closed").
 * @csspart seats-label - The label around the seats selector.
 * @csspart seats-select - The seats selector.
 * @csspart book-button - A class's Book button.
 * @csspart skeleton - The loading placeholder, shaped and sized like the loaded list.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart empty - The empty state, and the "no matches" state.
 * @csspart clear-button - The "Clear filters" button of the "no matches" state.
 * @csspart more-button - "Show more classes", under a list longer than a page (50 classes).
 *
 * @cssproperty --slotkit-color-accent - Buttons and the selected class.
 * @cssproperty --slotkit-color-surface-alt - Classes that cannot be booked, skeleton.
 *
 * @cssstate sold-out - On `::part(class)`: no seats are left.
 * @cssstate closed - On `::part(class)`: outside its sign-up window (not open yet, or closed).
 * @cssstate selected - On `::part(class)`: the class `selectedGroupId` names.
 */
export class SlotkitClassList extends LitElement {
  static override styles = [tokens, zoneChooserStyles, styles];

  private readonly localize = new LocalizeController(this, () => this.locale, { classList });
  private readonly detectedZone = detectTimeZone();
  private readonly zoneChooser = new ZoneChooser(this, {
    zone: () => this.zone,
    detected: () => this.detectedZone,
    locale: () => this.localize.locale,
    now: () => this.currentTime(),
    t: () => this.localize.t.slotPicker,
    pick: (zone) => this.pickZone(zone),
  });
  /** A strip key press moved the chosen day: focus follows it after the render. */
  private focusStrip = false;
  private prepared: Prepared = { classes: [], resources: [], places: [], days: [], invalid: 0 };
  /** Reads the groups a slice per task; `prepared` is what it has read so far. */
  private preparation = new Preparation([], '', '', classList);
  private preparing: ReturnType<typeof setTimeout> | undefined;
  /** Each day's long date by day key, for the day headings. */
  private headings = new Map<string, string>();
  /** The filters changed: say how many classes match once every class is read. */
  private countToAnnounce = false;
  /** The strip's days by week when they are more than seven (else empty: no paging). */
  private weeks: StripWeek[] = [];
  private preparedFor:
    { groups: Group[]; zone: string; locale: string; messages: object } | undefined;
  /** The zone times are shown in: `timeZone` if valid, else the detected one. */
  private zone = detectTimeZone();
  private loggedZone: string | undefined;
  private loggedGroups: Group[] | undefined;
  private chosenSeats = new Map<string, number>();
  private filterChanged = false;
  private focusWasInside = false;
  private readonly shownLimit = new GrowingLimit(this);
  /**
   * The ids of the classes whose rows are made. A row the filters leave out is hidden, not
   * removed: a filter then takes no rows apart, and clearing it makes none again.
   */
  private made = new Set<string>();
  /** The ids of the classes the last render showed. */
  private showing = new Set<string>();
  /** The title's id of the first class "Show more classes" would show; of the one to focus. */
  private firstLeftOut: string | undefined;
  private focusAfterMore: string | undefined;

  @query('.body') private body!: HTMLElement;
  @query('[part="title-filter"]') private titleFilter!: HTMLInputElement | null;

  @state() private query = '';
  @state() private resourceFilter = '';
  @state() private placeFilter = '';
  /** The day chosen in the strip (yyyy-MM-dd in the zone); '' for every day. */
  @state() private dayFilter = '';
  /** The week the date strip shows (an index into `weeks`). */
  @state() private weekPage = 0;
  @state() private announcement = '';

  /** The classes to show, as the API's `/bookings/groups` returns them. */
  @property({ attribute: false }) groups: Group[] = [];

  @property() status: ClassListStatus = 'ready';

  /** Shown in the error state; a generic message when empty. */
  @property({ attribute: 'error-message' }) errorMessage = '';

  /** IANA zone days and times are shown in; the visitor's own by default. */
  @property({ attribute: 'time-zone' }) timeZone: string = detectTimeZone();

  /** BCP 47 locale for strings and formats; else `lang` of the element or the page. */
  @property() locale: string | undefined;

  /** Epoch ms the sign-up windows are checked against; `Date.now()` at render when unset. */
  @property({ type: Number }) now: number | undefined;

  /** The most seats one booking may take; the selector offers 1..min(seats left, this). */
  @property({ type: Number, attribute: 'max-seats-per-booking' })
  maxSeatsPerBooking = DEFAULT_MAX_SEATS;

  /** Sold-out classes still taking sign-ups offer "Join the waitlist" (the API must have one). */
  @property({ type: Boolean }) waitlist = false;

  /** The chosen class's id; set by the list when a Book event is not canceled. */
  @property({ attribute: 'selected-group-id' }) selectedGroupId: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.focusWasInside = this.shadowRoot?.activeElement != null;
    if (changed.has('timeZone')) this.resolveZone();
    // Other classes shown, or the same in other days: show them again from a screenful (showing
    // kept rows costs style and layout too). Rows are kept, hidden, unless days change.
    if (this.filterChanged || changed.has('timeZone')) this.shownLimit.restart();
    // A long list where none was shown: controls and rows in one task were a long one on a
    // phone, so the rows wait a frame. A short list, or rows already shown, render at once.
    if (changed.has('groups') && this.showing.size === 0) {
      this.shownLimit.restart(this.groups.length > FIRST);
    }
    if (changed.has('timeZone')) {
      this.made.clear();
      this.showing.clear();
    }
    const locale = this.localize.locale;
    const memo = this.preparedFor;
    // The catalogue too: its phrases (date-and-time joins) change when a lazy locale arrives.
    const messages = this.localize.t;
    if (
      !memo ||
      memo.groups !== this.groups ||
      memo.zone !== this.zone ||
      memo.locale !== locale ||
      memo.messages !== messages
    ) {
      clearTimeout(this.preparing);
      this.preparation = new Preparation(this.groups, this.zone, locale, this.localize.t.classList);
      this.preparedFor = { groups: this.groups, zone: this.zone, locale, messages };
      this.prepareSlice(true);
    }
    if (this.filterChanged) {
      this.filterChanged = false;
      this.countToAnnounce = true;
    }
    // A count of half-read classes would be wrong: it waits for the last slice.
    if (this.countToAnnounce && this.preparation.done) {
      this.countToAnnounce = false;
      const count = visibleClasses(this.upcoming(this.currentTime()), this.filters()).length;
      const text = this.localize.t.classList.classCount(count, this.localize.locale);
      // The same words again would not be announced again.
      this.announcement = text === this.announcement ? `${text}\u00a0` : text;
    }
    if (changed.has('status') && this.status === 'error') {
      this.announcement = this.errorText();
    }
  }

  /** Settles once every class is rendered, the frames a long list takes included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while ((this.shownLimit.growing || !this.preparation.done) && this.isConnected) {
      await new Promise((next) => requestAnimationFrame(next));
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(): void {
    // "Show more classes" is gone: focus goes to the title of the first class it showed (read
    // out; Tab goes on to its seats and Book).
    const title = this.focusAfterMore && this.shadowRoot!.getElementById(this.focusAfterMore);
    this.focusAfterMore = undefined;
    if (title) {
      title.tabIndex = -1;
      title.focus();
    }
    // A control that vanished or was hidden (retry, clear filters, a filtered-out class) must not
    // drop focus to <body>: move it to the search field, or to the list itself.
    const active = this.shadowRoot?.activeElement;
    if (this.focusWasInside && (active == null || active.closest('[hidden]'))) {
      (this.titleFilter ?? this.body).focus();
    }
    if (this.focusStrip) {
      this.focusStrip = false;
      this.renderRoot
        .querySelector<HTMLElement>('[part~="date-button"][aria-pressed="true"]')
        ?.focus();
    }
  }

  private onRetry(): void {
    this.dispatchEvent(new RetryEvent({ what: 'classes' }));
  }

  private onQueryInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.filterChanged = true;
  }

  private onResourceChange(event: Event): void {
    this.resourceFilter = (event.target as HTMLSelectElement).value;
    this.filterChanged = true;
  }

  private onPlaceChange(event: Event): void {
    this.placeFilter = (event.target as HTMLSelectElement).value;
    this.filterChanged = true;
  }

  private onClearFilters(): void {
    this.query = '';
    this.resourceFilter = '';
    this.placeFilter = '';
    this.dayFilter = '';
    this.filterChanged = true;
  }

  private onShowMore(): void {
    this.focusAfterMore = this.firstLeftOut;
    this.shownLimit.showMore();
  }

  private onDayClick(event: Event): void {
    this.dayFilter = (event.currentTarget as HTMLElement).dataset.day ?? '';
    this.filterChanged = true;
  }

  /** The strip is one tab stop; arrows (mirrored right-to-left), Home and End move the day. */
  private onStripKeydown(event: KeyboardEvent): void {
    const keys = ['', ...this.stripDays().map((day) => day.key)];
    // The chosen day may be in another week: the arrows then start from "All days".
    const at = Math.max(0, keys.indexOf(this.dayFilter));
    const next = stripKeyTarget(event.key, at, keys.length, this.localize.dir === 'rtl');
    if (next === undefined) return;
    event.preventDefault();
    if (next === at) return;
    this.dayFilter = keys[next]!;
    this.filterChanged = true;
    this.focusStrip = true;
  }

  /** The days the strip shows: the shown week's when it pages. */
  private stripDays(): Prepared['days'] {
    return this.weeks.length > 1 ? (this.weeks[this.weekPage]?.days ?? []) : this.prepared.days;
  }

  /** Shows the previous or next week's days and says which days they are. */
  private onWeekPage(step: -1 | 1): void {
    const page = this.weekPage + step;
    const week = this.weeks[page];
    if (!week) return;
    this.weekPage = page;
    this.announcement = this.localize.t.classList.weekShown(weekRange(week, this.localize.locale));
  }

  /** The visitor chose another zone in the chooser. */
  private pickZone(timeZone: string): void {
    if (!this.dispatchEvent(new TimeZoneChangeEvent({ timeZone }))) return;
    this.timeZone = timeZone;
    this.announcement = this.localize.t.slotPicker.timeZoneChanged(
      this.zoneChooser.label(timeZone),
    );
  }

  private onSeatsChange(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const id = select.dataset.id;
    if (id !== undefined) this.chosenSeats.set(id, Number(select.value));
  }

  private onBook(event: Event): void {
    const button = event.currentTarget as HTMLButtonElement;
    const item = this.prepared.classes.find(
      (candidate) => candidate.group.id === button.dataset.id,
    );
    if (!item || !isBookable(item, this.currentTime())) return;
    const seats = seatsChosen(button, seatLimit(item, this.maxSeatsPerBooking));
    if (this.dispatchEvent(new ClassSelectEvent({ group: item.group, seats }))) {
      this.selectedGroupId = item.group.id;
    }
  }

  private onWaitlist(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const item = this.prepared.classes.find((candidate) => candidate.group.id === id);
    if (!item) return;
    const button = event.currentTarget as HTMLElement;
    const seats = seatsChosen(button, waitlistSeatLimit(item, this.maxSeatsPerBooking));
    this.dispatchEvent(new WaitlistJoinEvent({ group: item.group, seats }));
  }

  private resolveZone(): void {
    const value = this.timeZone;
    if (!value || isValidTimeZone(value)) {
      this.zone = value || detectTimeZone();
      return;
    }
    this.zone = detectTimeZone();
    if (this.loggedZone !== value) {
      this.loggedZone = value;
      console.error(
        `<slotkit-class-list>: time-zone "${value}" is not an IANA time zone. Use one of ` +
          `Intl.supportedValuesOf('timeZone'), e.g. "Europe/Copenhagen"; showing ${this.zone}.`,
      );
    }
  }

  /** Reads the next slice of classes, then queues the one after (a task of its own). */
  private prepareSlice(fresh = false): void {
    const preparation = this.preparation;
    preparation.step(performance.now() + PREPARE_SLICE_MS);
    const prepared = (this.prepared = preparation.result());
    const locale = this.localize.locale;
    this.headings = new Map(prepared.days.map((day) => [day.key, day.label]));
    // A strip of up to a week's worth of days fits as is; a longer one pages by week.
    this.weeks = prepared.days.length > 7 ? weeksOf(prepared.days, locale) : [];
    if (!preparation.done) {
      this.preparing = setTimeout(() => {
        this.prepareSlice();
        this.requestUpdate();
      });
    } else {
      // Filters are checked against every class, not the first slice's.
      if (!prepared.resources.some((resource) => resource.id === this.resourceFilter)) {
        this.resourceFilter = '';
      }
      if (!prepared.places.includes(this.placeFilter)) this.placeFilter = '';
      if (!prepared.days.some((day) => day.key === this.dayFilter)) this.dayFilter = '';
      if (prepared.invalid > 0 && this.loggedGroups !== this.groups) {
        this.loggedGroups = this.groups;
        console.error(
          `<slotkit-class-list>: groups holds ${prepared.invalid} class(es) without RFC 3339 ` +
            `event_info.start/end and group_booking.bookable_until (and bookable_from, if set); ` +
            `they are not shown.`,
        );
      }
    }
    // Paging waits for the last slice: the visitor may page weeks meanwhile.
    if (!fresh && !preparation.done) return;
    // The chosen day's week, else the same page as far as there still is one.
    const chosenWeek = this.weeks.findIndex((week) =>
      week.days.some((day) => day.key === this.dayFilter),
    );
    this.weekPage =
      chosenWeek >= 0 ? chosenWeek : Math.min(this.weekPage, Math.max(0, this.weeks.length - 1));
  }

  private currentTime(): number {
    return typeof this.now === 'number' && Number.isFinite(this.now) ? this.now : Date.now();
  }

  /** Classes that have not ended. */
  private upcoming(now: number): PreparedClass[] {
    return this.prepared.classes.filter((item) => item.end > now);
  }

  private filters(): ClassFilters {
    return {
      query: this.query,
      resource: this.resourceFilter,
      place: this.placeFilter,
      day: this.dayFilter,
    };
  }

  private errorText(): string {
    return this.errorMessage || this.localize.t.common.unknownError;
  }

  private renderZone(): TemplateResult {
    return html`<div part="zone" class="zone">
      ${
        // The list says itself when `time-zone` was unknown (part zone-error).
        this.zoneChooser.render(this.zone)
      }
    </div>`;
  }

  private renderList(now: number, t: Messages['classList']): TemplateResult {
    const upcoming = this.upcoming(now);
    // The first slice held only past classes: later ones may hold upcoming ones.
    if (upcoming.length === 0 && !this.preparation.done) return renderLoading(t);
    if (upcoming.length === 0) {
      return html`<div part="empty" class="notice"><p>${t.empty}</p></div>`;
    }
    const filters = this.filters();
    const shown = visibleClasses(upcoming, filters);
    // The earliest bookable time of each title, for the hint on sold-out classes.
    const next = new Map<string, PreparedClass>();
    for (const item of upcoming) {
      if (!next.has(item.key) && isBookable(item, now)) next.set(item.key, item);
    }
    // The first `limit` classes the filters let through are shown, their rows made if need be,
    // and those shown already stay (they cost no style or layout); made rows stay, hidden when
    // left out. A refresh keeps them: nothing focused is taken away.
    // Past the page, shown rows are hidden too: "Show more" goes on from one unbroken list.
    const { limit, ceiling } = this.shownLimit;
    const revealed = new Set(
      shown.filter((item, at) => at < limit || (at < ceiling && this.showing.has(item.group.id))),
    );
    const leftOut = shown.find((item) => !revealed.has(item));
    this.firstLeftOut = leftOut && `${leftOut.domId}-title`;
    this.showing = new Set([...revealed].map((item) => item.group.id));
    for (const id of this.showing) this.made.add(id);
    const rows = upcoming.filter((item) => this.made.has(item.group.id));
    this.shownLimit.leftOut = shown.length - revealed.size;
    const { resources, places } = this.prepared;
    const strip = renderDateStrip({
      t,
      days: this.stripDays(),
      chosen: this.dayFilter,
      onDayClick: this.onDayClick,
      onKeydown: this.onStripKeydown,
      ...(this.weeks.length > 1
        ? {
            paging: {
              hasPrevious: this.weekPage > 0,
              hasNext: this.weekPage < this.weeks.length - 1,
              rtl: this.localize.dir === 'rtl',
              onPage: (step: -1 | 1) => this.onWeekPage(step),
            },
          }
        : {}),
    });
    const filterBar = renderFilters({
      t,
      resources,
      places,
      filters,
      onQueryInput: this.onQueryInput,
      onResourceChange: this.onResourceChange,
      onPlaceChange: this.onPlaceChange,
    });
    return html`
      ${this.renderZone()} ${strip} ${filterBar}
      ${shown.length === 0 ? renderNoMatches(t, this.onClearFilters) : nothing}
      ${
        // Rows deferred a frame: placeholders, never a false "no matches".
        revealed.size === 0 && shown.length > 0
          ? html`<div class="loading">${skeletonRows()}</div>`
          : nothing
      }
      ${renderDays(rows, revealed, {
        t,
        locale: this.localize.locale,
        headings: this.headings,
        now,
        next,
        maxSeatsPerBooking: this.maxSeatsPerBooking,
        selectedGroupId: this.selectedGroupId,
        chosenSeats: this.chosenSeats,
        onSeatsChange: this.onSeatsChange,
        onBook: this.onBook,
        ...(this.waitlist
          ? { waitlist: { label: this.localize.t.waitlist.join, onJoin: this.onWaitlist } }
          : {}),
      })}
      ${this.shownLimit.capped ? renderShowMore(t, this.onShowMore) : nothing}
    `;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.classList;
    const badZone = this.timeZone && this.zone !== this.timeZone ? this.timeZone : undefined;
    this.shownLimit.leftOut = 0; // renderList says how many it left for the next frames
    let content: TemplateResult;
    if (this.status === 'loading') content = renderLoading(t);
    else if (this.status === 'error') {
      content = renderError(this.errorText(), this.localize.t.common.retry, this.onRetry);
    } else content = this.renderList(this.currentTime(), t);
    // The rows are gone: the next list is made afresh, not all the old rows at once.
    if (this.status !== 'ready') {
      this.made.clear();
      this.showing.clear();
    }
    return html`<div part="base" class="base" dir=${this.localize.dir} lang=${this.localize.locale}>
      ${
        badZone
          ? html`<p part="zone-error" class="error">${t.invalidTimeZone(badZone, this.zone)}</p>`
          : nothing
      }
      <div class="body" tabindex="-1">${content}</div>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>
    </div>`;
  }
}

/** Registers <slotkit-class-list-item>, <slotkit-class-list> (once per version; see shared/define.ts). */
export function defineClassList(): void {
  defineElement('slotkit-class-list-item', SlotkitClassListItem);
  defineElement('slotkit-class-list', SlotkitClassList);
}

declare global {
  interface HTMLElementTagNameMap {
    'slotkit-class-list': SlotkitClassList;
  }
}
