import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../controllers/localize.ts';
import { PopoverController } from '../../controllers/popover.ts';
import { ClassSelectEvent, RetryEvent, TimeZoneChangeEvent } from '../../events.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { dateTimeFormat, detectTimeZone, formatLongDate, zoneName } from '../../lib/time/format.ts';
import { isValidTimeZone, localDate, parseInstant } from '../../lib/time/index.ts';
import type { Group } from '../../schemas/booking.ts';
import { defineElement } from '../shared/define.ts';
import { renderTimeZone, ZONE_LIMIT, zoneKeyAction } from '../slot-picker/zone-chooser.ts';
import { zoneChooserStyles } from '../slot-picker/zone-chooser.styles.ts';
import {
  filterZones,
  zoneCity,
  zoneEntries,
  type ZoneEntry,
  type ZoneMatches,
} from '../slot-picker/zones.ts';
import { SlotkitClassListItem } from './class-list-item.ts';
import { placeOf, priceOf, formatPrice } from './class-facts.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { styles } from './class-list.styles.ts';

export type ClassListStatus = 'loading' | 'error' | 'ready';

/** A class with everything that depends only on the data, zone and locale worked out once. */
interface PreparedClass {
  group: Group;
  /** Prefix of the ids inside the class's markup. */
  domId: string;
  start: number;
  end: number;
  opens: number | undefined;
  closes: number;
  /** Local calendar day (yyyy-MM-dd) in the zone: the grouping key. */
  day: string;
  /** Time range as shown, "09:00 – 10:00". */
  when: string;
  /** Where it takes place, if the data says. */
  place: string | undefined;
  /** Price per seat in the locale's currency format, "Free", or undefined when the data has none. */
  price: string | undefined;
  /** Start as date and time, "Fri 27 Nov, 09:00". */
  startText: string;
  /** "Doc Brown's Yoga, Fri 27 Nov, 09:00": names controls after the class. */
  label: string;
  opensText: string | undefined;
  /** Title folded for matching. */
  key: string;
}

interface Prepared {
  classes: PreparedClass[];
  resources: { id: string; name: string }[];
  places: string[];
  /** The days that have classes, for the date strip. */
  days: { key: string; weekday: string; number: string; label: string }[];
}

interface Day {
  key: string;
  heading: string;
  classes: PreparedClass[];
}

type Window = 'open' | 'not-open' | 'closed';

const DEFAULT_MAX_SEATS = 10;

/**
 * Classes rendered per frame while a long list first arrives (about 20 ms of work each): 500
 * classes come in over five frames instead of one ~100 ms task that would block the page.
 */
const CLASSES_PER_FRAME = 100;
const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
// `timeStyle`, not `hour: 'numeric'`: V8 prints "9:00" for the latter in en-GB but "09:00" in
// its ranges; the style is the locale's own short time in both.
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };
const STRIP_KEYS: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

/** Case- and accent-insensitive text for search. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Ids end up in `aria-*` id lists, which split on whitespace. */
function domIdOf(id: string): string {
  return `c-${id.replace(/[^\w-]/g, '_')}`;
}

function windowAt(item: PreparedClass, now: number): Window {
  if (item.opens !== undefined && now < item.opens) return 'not-open';
  if (now > item.closes) return 'closed';
  return 'open';
}

/**
 * @summary Upcoming group classes as compact rows by local day (time, name, host, place, price,
 * seats left, a seats selector and Book), with a date strip, a time-zone chooser, a search box
 * and filters by host and place. Presentational: it does not fetch.
 *
 * @tag slotkit-class-list
 *
 * @event slotkit-class-select - `ClassSelectEvent` `{ group, seats }` when the visitor books a
 *   class. Cancelable; unless canceled the class becomes `selectedGroupId`.
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

  private readonly localize = new LocalizeController(this, () => this.locale);
  private readonly zonePopover = new PopoverController(this, {
    trigger: () => this.zoneTrigger,
    popover: () => this.zonePanel,
    initialFocus: () => this.renderRoot.querySelector<HTMLInputElement>('#tz-input'),
  });
  private readonly detectedZone = detectTimeZone();
  private zones: ZoneEntry[] = [];
  private zoneMatches: ZoneMatches = { matches: [], total: 0 };
  /** A strip key press moved the chosen day: focus follows it after the render. */
  private focusStrip = false;
  private prepared: Prepared = { classes: [], resources: [], places: [], days: [] };
  private preparedFor:
    { groups: Group[]; zone: string; locale: string; messages: object } | undefined;
  /** The zone times are shown in: `timeZone` if valid, else the detected one. */
  private zone = detectTimeZone();
  private loggedZone: string | undefined;
  private loggedGroups: Group[] | undefined;
  private chosenSeats = new Map<string, number>();
  private filterChanged = false;
  private focusWasInside = false;
  /** How many classes to render: grows by a frame's worth until all are there, never shrinks. */
  private renderLimit = CLASSES_PER_FRAME;
  /** Classes the last render left out, and the frame that will add the next ones. */
  private leftOut = 0;
  private growFrame: number | undefined;

  @query('.body') private body!: HTMLElement;
  @query('[part="title-filter"]') private titleFilter!: HTMLInputElement | null;
  @query('#tz-trigger') private zoneTrigger!: HTMLButtonElement | null;
  @query('#tz-popover') private zonePanel!: HTMLElement | null;

  @state() private query = '';
  @state() private resourceFilter = '';
  @state() private placeFilter = '';
  /** The day chosen in the strip (yyyy-MM-dd in the zone); '' for every day. */
  @state() private dayFilter = '';
  @state() private zoneQuery = '';
  @state() private activeZone = 0;
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

  /** The chosen class's id; set by the list when a Book event is not canceled. */
  @property({ attribute: 'selected-group-id' }) selectedGroupId: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.focusWasInside = this.shadowRoot?.activeElement != null;
    if (changed.has('timeZone')) this.resolveZone();
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
      this.prepared = this.prepare(this.groups, this.zone, locale);
      this.preparedFor = { groups: this.groups, zone: this.zone, locale, messages };
      if (!this.prepared.resources.some((resource) => resource.id === this.resourceFilter)) {
        this.resourceFilter = '';
      }
      if (!this.prepared.places.includes(this.placeFilter)) this.placeFilter = '';
      if (!this.prepared.days.some((day) => day.key === this.dayFilter)) this.dayFilter = '';
    }
    if (this.zonePopover.open) {
      this.zoneMatches = filterZones(
        this.zones,
        this.zoneQuery,
        [this.zone, this.detectedZone],
        ZONE_LIMIT,
      );
      this.activeZone = Math.max(0, Math.min(this.activeZone, this.zoneMatches.matches.length - 1));
    }
    if (this.filterChanged) {
      this.filterChanged = false;
      const count = this.visible(this.upcoming(this.currentTime())).length;
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
    while (this.leftOut > 0 && this.isConnected) {
      await new Promise((next) => requestAnimationFrame(next));
      done = await super.getUpdateComplete();
    }
    return done;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.growFrame !== undefined) cancelAnimationFrame(this.growFrame);
    this.growFrame = undefined;
  }

  protected override updated(): void {
    if (this.leftOut > 0 && this.growFrame === undefined) {
      this.growFrame = requestAnimationFrame(() => {
        this.growFrame = undefined;
        this.renderLimit += CLASSES_PER_FRAME;
        this.requestUpdate();
      });
    }
    // A control that vanished (retry, clear filters, a filtered-out class) must not drop focus
    // to <body>: move it to the search field, or to the list itself.
    if (this.focusWasInside && this.shadowRoot?.activeElement == null) {
      (this.titleFilter ?? this.body).focus();
    }
    if (this.focusStrip) {
      this.focusStrip = false;
      this.renderRoot
        .querySelector<HTMLElement>('[part~="date-button"][aria-pressed="true"]')
        ?.focus();
    }
    if (this.zonePopover.open) {
      this.renderRoot
        .querySelector(`#tz-opt-${this.activeZone}`)
        ?.scrollIntoView({ block: 'nearest' });
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

  private onDayClick(event: Event): void {
    this.dayFilter = (event.currentTarget as HTMLElement).dataset.day ?? '';
    this.filterChanged = true;
  }

  /** The strip is one tab stop; arrows (mirrored right-to-left), Home and End move the day. */
  private onStripKeydown(event: KeyboardEvent): void {
    const keys = ['', ...this.prepared.days.map((day) => day.key)];
    const at = keys.indexOf(this.dayFilter);
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = keys.length - 1;
    else if (Object.hasOwn(STRIP_KEYS, event.key)) {
      next = at + STRIP_KEYS[event.key]! * (this.localize.dir === 'rtl' ? -1 : 1);
    } else return;
    event.preventDefault();
    next = Math.max(0, Math.min(next, keys.length - 1));
    if (next === at) return;
    this.dayFilter = keys[next]!;
    this.filterChanged = true;
    this.focusStrip = true;
  }

  private onZoneTrigger(): void {
    if (this.zonePopover.open) {
      this.zonePopover.hide();
      return;
    }
    this.zones = zoneEntries(this.localize.locale, this.currentTime());
    this.zoneQuery = '';
    this.activeZone = 0;
    void this.zonePopover.show();
  }

  private onZoneInput(event: InputEvent): void {
    this.zoneQuery = (event.target as HTMLInputElement).value;
    this.activeZone = 0;
  }

  private onZoneKeydown(event: KeyboardEvent): void {
    const action = zoneKeyAction(event.key);
    if (action === undefined) return;
    event.preventDefault();
    if (action === 'pick') {
      const entry = this.zoneMatches.matches[this.activeZone];
      if (entry) this.pickZone(entry.id);
      return;
    }
    const last = this.zoneMatches.matches.length - 1;
    this.activeZone = Math.max(0, Math.min(this.activeZone + action, last));
  }

  private pickZone(timeZone: string): void {
    this.zonePopover.hide();
    if (timeZone === this.zone) return;
    if (!this.dispatchEvent(new TimeZoneChangeEvent({ timeZone }))) return;
    this.timeZone = timeZone;
    this.announcement = this.localize.t.slotPicker.timeZoneChanged(this.zoneLabel(timeZone));
  }

  private zoneLabel(zone: string): string {
    return `${zoneCity(zone)} (${zoneName(zone, this.localize.locale, this.currentTime())})`;
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
    if (!item || !this.isBookable(item, this.currentTime())) return;
    // The selector's own value: it is what the visitor sees, even if the data changed under it.
    const select = button
      .closest('slotkit-class-list-item')
      ?.querySelector<HTMLSelectElement>('[part="seats-select"]');
    const seats = Math.min(Math.max(1, Number(select?.value) || 1), this.seatLimit(item));
    if (this.dispatchEvent(new ClassSelectEvent({ group: item.group, seats }))) {
      this.selectedGroupId = item.group.id;
    }
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

  private prepare(groups: Group[], zone: string, locale: string): Prepared {
    const date = dateTimeFormat(locale, zone, DATE);
    const time = dateTimeFormat(locale, zone, TIME);
    const t = this.localize.t.classList;
    // `timeStyle` does not mix with weekday and month, so date and time are joined by a string.
    const at = (ms: number) => t.dateAndTime(date.format(ms), time.format(ms));
    const weekday = dateTimeFormat(locale, zone, { weekday: 'short' });
    const dayNumber = dateTimeFormat(locale, zone, { day: 'numeric' });
    const seen = new Set<string>();
    const resources = new Map<string, string>();
    const places = new Set<string>();
    const days = new Map<string, Prepared['days'][number]>();
    const classes: PreparedClass[] = [];
    let invalid = 0;
    for (const group of Array.isArray(groups) ? groups : []) {
      const event = group?.attributes?.event_info;
      const rules = group?.attributes?.group_booking;
      const start = parseInstant(event?.start ?? '');
      const end = parseInstant(event?.end ?? '');
      const closes = parseInstant(rules?.bookable_until ?? '');
      const opens =
        rules?.bookable_from === undefined ? undefined : parseInstant(rules.bookable_from);
      if (
        start === undefined ||
        end === undefined ||
        closes === undefined ||
        (rules?.bookable_from !== undefined && opens === undefined)
      ) {
        invalid++;
        continue;
      }
      if (seen.has(group.id)) continue;
      seen.add(group.id);
      if (group.resource) resources.set(group.resource.id, group.resource.name);
      const startText = at(start);
      const day = localDate(start, zone);
      if (!days.has(day)) {
        days.set(day, {
          key: day,
          weekday: weekday.format(start),
          // Digits only: ja's "8日" would not fit the strip's narrow buttons.
          number: dayNumber.formatToParts(start).find((part) => part.type === 'day')?.value ?? '',
          label: formatLongDate(start, zone, locale),
        });
      }
      const place = placeOf(group);
      if (place) places.add(place);
      const price = priceOf(group);
      const sameDay = localDate(start, zone) === localDate(end - 1, zone);
      classes.push({
        group,
        domId: domIdOf(group.id),
        start,
        end,
        opens,
        closes,
        day,
        place,
        price: price && formatPrice(price, locale, t.free),
        when: sameDay ? time.formatRange(start, end) : t.range(startText, at(end)),
        startText,
        label: t.classLabel(event.what, startText),
        opensText: opens === undefined ? undefined : at(opens),
        key: fold(event.what),
      });
    }
    if (invalid > 0 && this.loggedGroups !== groups) {
      this.loggedGroups = groups;
      console.error(
        `<slotkit-class-list>: groups holds ${invalid} class(es) without RFC 3339 ` +
          `event_info.start/end and group_booking.bookable_until (and bookable_from, if set); ` +
          `they are not shown.`,
      );
    }
    classes.sort((a, b) => a.start - b.start || a.end - b.end);
    return {
      classes,
      places: [...places].sort((a, b) => a.localeCompare(b, locale)),
      days: [...days.values()].sort((a, b) => a.key.localeCompare(b.key)),
      resources: [...resources]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    };
  }

  private currentTime(): number {
    return typeof this.now === 'number' && Number.isFinite(this.now) ? this.now : Date.now();
  }

  /** Classes that have not ended. */
  private upcoming(now: number): PreparedClass[] {
    return this.prepared.classes.filter((item) => item.end > now);
  }

  private visible(upcoming: PreparedClass[]): PreparedClass[] {
    const needle = fold(this.query);
    const { resourceFilter: resource, placeFilter: place, dayFilter: day } = this;
    if (!needle && !resource && !place && !day) return upcoming;
    return upcoming.filter(
      (item) =>
        (!resource || item.group.resource?.id === resource) &&
        (!place || item.place === place) &&
        (!day || item.day === day) &&
        (!needle || item.key.includes(needle)),
    );
  }

  private seatLimit(item: PreparedClass): number {
    const cap = Math.floor(this.maxSeatsPerBooking);
    const perBooking = Number.isFinite(cap) && cap >= 1 ? cap : DEFAULT_MAX_SEATS;
    return Math.min(this.seatsLeft(item), perBooking);
  }

  private seatsLeft(item: PreparedClass): number {
    return Math.max(0, Math.floor(item.group.attributes.group_booking.seats_left) || 0);
  }

  private isBookable(item: PreparedClass, now: number): boolean {
    return this.seatsLeft(item) > 0 && windowAt(item, now) === 'open';
  }

  private errorText(): string {
    return this.errorMessage || this.localize.t.common.unknownError;
  }

  /** The loaded list's shape: zone row, strip, filters, a day heading and rows of the same size. */
  private renderLoading(t: Messages['classList']): TemplateResult {
    const rows = [0, 1, 2, 3];
    return html`<div part="skeleton" class="loading" aria-busy="true">
      <span class="visually-hidden">${t.loading}</span>
      <div class="skeleton-zone skeleton" aria-hidden="true"></div>
      <div class="skeleton-strip skeleton" aria-hidden="true"></div>
      <div class="skeleton-filters skeleton" aria-hidden="true"></div>
      <div class="skeleton-heading skeleton" aria-hidden="true"></div>
      <div class="classes" aria-hidden="true">
        ${rows.map(() => html`<div class="skeleton-row skeleton"></div>`)}
      </div>
    </div>`;
  }

  private renderError(): TemplateResult {
    return html`<div part="error" class="notice">
      <p class="error">${this.errorText()}</p>
      <button part="retry-button" class="button" type="button" @click=${this.onRetry}>
        ${this.localize.t.common.retry}
      </button>
    </div>`;
  }

  private renderZone(): TemplateResult {
    return html`<div part="zone" class="zone">
      ${renderTimeZone({
        t: this.localize.t.slotPicker,
        locale: this.localize.locale,
        open: this.zonePopover.open,
        zone: this.zone,
        // The list says itself when `time-zone` was unknown (part zone-error).
        timeZone: this.zone,
        zoneLabel: (zone) => this.zoneLabel(zone),
        query: this.zoneQuery,
        matches: this.zoneMatches,
        activeZone: this.activeZone,
        onTrigger: () => this.onZoneTrigger(),
        onInput: (event) => this.onZoneInput(event),
        onKeydown: (event) => this.onZoneKeydown(event),
        pick: (zone) => this.pickZone(zone),
      })}
    </div>`;
  }

  /** "All days" and each day with classes: one tab stop, arrows move (a toolbar of toggles). */
  private renderStrip(t: Messages['classList']): TemplateResult {
    const chosen = this.dayFilter;
    const button = (key: string, content: TemplateResult) =>
      html`<button
        part=${key === chosen ? 'date-button date-button-selected' : 'date-button'}
        class="date-button"
        type="button"
        data-day=${key}
        aria-pressed=${key === chosen ? 'true' : 'false'}
        tabindex=${key === chosen ? '0' : '-1'}
        @click=${this.onDayClick}
      >
        ${content}
      </button>`;
    return html`<div
      part="date-strip"
      class="date-strip"
      role="toolbar"
      aria-label=${t.daysLabel}
      @keydown=${this.onStripKeydown}
    >
      ${button('', html`<span class="strip-all">${t.allDays}</span>`)}
      ${repeat(
        this.prepared.days,
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

  private renderFilters(t: Messages['classList']): TemplateResult {
    const { resources, places } = this.prepared;
    return html`<div part="filters" class="filters" role="group" aria-label=${t.filtersLabel}>
      <label class="field search-field">
        ${t.titleFilter}
        <input
          part="title-filter"
          type="search"
          autocomplete="off"
          placeholder=${t.searchPlaceholder}
          .value=${live(this.query)}
          @input=${this.onQueryInput}
        />
      </label>
      ${
        resources.length > 1
          ? html`<label class="field">
              ${t.resourceFilter}
              <select
                part="resource-filter"
                .value=${live(this.resourceFilter)}
                @change=${this.onResourceChange}
              >
                <option value="" ?selected=${this.resourceFilter === ''}>${t.allResources}</option>
                ${repeat(
                  resources,
                  (resource) => resource.id,
                  (resource) =>
                    html`<option
                      value=${resource.id}
                      ?selected=${resource.id === this.resourceFilter}
                    >
                      ${resource.name}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing
      }
      ${
        places.length > 1
          ? html`<label class="field">
              ${t.placeFilter}
              <select
                part="place-filter"
                .value=${live(this.placeFilter)}
                @change=${this.onPlaceChange}
              >
                <option value="" ?selected=${this.placeFilter === ''}>${t.allPlaces}</option>
                ${places.map(
                  (place) =>
                    html`<option value=${place} ?selected=${place === this.placeFilter}>
                      ${place}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing
      }
    </div>`;
  }

  private renderClass(
    item: PreparedClass,
    now: number,
    next: Map<string, PreparedClass>,
    t: Messages['classList'],
  ): TemplateResult {
    const { group, domId } = item;
    const event = group.attributes.event_info;
    const left = this.seatsLeft(item);
    const soldOut = left === 0;
    const window = windowAt(item, now);
    const bookable = !soldOut && window === 'open';
    const reason =
      window === 'not-open'
        ? t.bookingOpens(item.opensText ?? '')
        : window === 'closed'
          ? t.bookingClosed
          : undefined;
    const other = soldOut ? next.get(item.key) : undefined;
    const describedBy = bookable
      ? undefined
      : [
          soldOut ? `${domId}-seats` : '',
          other ? `${domId}-hint` : '',
          reason ? `${domId}-reason` : '',
        ]
          .filter(Boolean)
          .join(' ');
    const limit = this.seatLimit(item);
    const chosen = Math.min(this.chosenSeats.get(group.id) ?? 1, limit);
    return html`<li>
      <slotkit-class-list-item
        part="class"
        role="article"
        aria-labelledby=${`${domId}-title`}
        .soldOut=${soldOut}
        .closed=${window !== 'open'}
        .selected=${group.id === this.selectedGroupId}
      >
        <p part="when" class="when">${item.when}</p>
        <div class="info">
          <h4 part="title" class="title" id=${`${domId}-title`}>${event.what}</h4>
          <p class="facts">
            ${
              group.resource
                ? html`<span part="resource" class="resource">${group.resource.name}</span>`
                : nothing
            }
            ${item.place ? html`<span part="where" class="where">${item.place}</span>` : nothing}
            ${item.price ? html`<span part="price" class="price">${item.price}</span>` : nothing}
          </p>
          ${
            other
              ? html`<p part="hint" class="hint" id=${`${domId}-hint`}>
                  ${t.fullJoinAnother(other.startText)}
                </p>`
              : nothing
          }
          ${
            reason
              ? html`<p part="reason" class="reason" id=${`${domId}-reason`}>${reason}</p>`
              : nothing
          }
        </div>
        <p part="seats" class="seats" id=${`${domId}-seats`}>
          ${soldOut ? t.soldOut : t.seatsLeft(left, this.localize.locale)}
        </p>
        <div class="actions">
          ${
            bookable
              ? html`<label part="seats-label" class="seats-field">
                  ${t.seats}
                  <select
                    part="seats-select"
                    data-id=${group.id}
                    aria-label=${t.seatsFor(item.label)}
                    @change=${this.onSeatsChange}
                  >
                    ${Array.from(
                      { length: limit },
                      (_, i) =>
                        html`<option value=${i + 1} ?selected=${i + 1 === chosen}>
                          ${formatNumber(i + 1, this.localize.locale)}
                        </option>`,
                    )}
                  </select>
                </label>`
              : nothing
          }
          <button
            part="book-button"
            class="button"
            type="button"
            data-id=${group.id}
            aria-label=${t.bookLabel(item.label)}
            aria-describedby=${ifDefined(describedBy || undefined)}
            ?disabled=${!bookable}
            @click=${this.onBook}
          >
            ${t.book}
          </button>
        </div>
      </slotkit-class-list-item>
    </li>`;
  }

  private renderList(now: number, t: Messages['classList']): TemplateResult {
    const upcoming = this.upcoming(now);
    if (upcoming.length === 0) {
      return html`<div part="empty" class="notice"><p>${t.empty}</p></div>`;
    }
    const shown = this.visible(upcoming);
    // The earliest bookable time of each title, for the hint on sold-out classes.
    const next = new Map<string, PreparedClass>();
    for (const item of upcoming) {
      if (!next.has(item.key) && this.isBookable(item, now)) next.set(item.key, item);
    }
    // Once grown, the limit stays: a refresh or a cleared filter renders everything at once, so
    // nothing the visitor may have focused is taken away.
    this.leftOut = Math.max(0, shown.length - this.renderLimit);
    const days: Day[] = [];
    for (const item of shown.slice(0, this.renderLimit)) {
      const last = days[days.length - 1];
      if (last?.key === item.day) last.classes.push(item);
      else days.push({ key: item.day, heading: '', classes: [item] });
    }
    const locale = this.localize.locale;
    for (const day of days) day.heading = formatLongDate(day.classes[0]!.start, this.zone, locale);
    return html`
      ${this.renderZone()} ${this.renderStrip(t)} ${this.renderFilters(t)}
      ${
        shown.length === 0
          ? html`<div part="empty" class="notice">
              <p>${t.noMatches}</p>
              <button
                part="clear-button"
                class="button secondary"
                type="button"
                @click=${this.onClearFilters}
              >
                ${t.clearFilters}
              </button>
            </div>`
          : html`<div part="list" class="days">
              ${repeat(
                days,
                (day) => day.key,
                (day) =>
                  html`<section part="day" class="day">
                    <h3 part="day-heading" class="day-heading">${day.heading}</h3>
                    <ul part="classes" class="classes" role="list">
                      ${repeat(
                        day.classes,
                        (item) => item.group.id,
                        (item) => this.renderClass(item, now, next, t),
                      )}
                    </ul>
                  </section>`,
              )}
            </div>`
      }
    `;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.classList;
    const badZone = this.timeZone && this.zone !== this.timeZone ? this.timeZone : undefined;
    this.leftOut = 0; // renderList says how many it left for the next frames
    let content: TemplateResult;
    if (this.status === 'loading') content = this.renderLoading(t);
    else if (this.status === 'error') content = this.renderError();
    else content = this.renderList(this.currentTime(), t);
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
