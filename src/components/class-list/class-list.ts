import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../controllers/localize.ts';
import { ClassSelectEvent, RetryEvent } from '../../events.ts';
import type { Messages } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { dateTimeFormat, detectTimeZone, formatLongDate, zoneName } from '../../lib/time/format.ts';
import { isValidTimeZone, localDate, parseInstant } from '../../lib/time/index.ts';
import type { Group } from '../../schemas/booking.ts';
import { defineElement } from '../shared/define.ts';
import { SlotkitClassListItem } from './class-list-item.ts';
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
 * @summary Upcoming group classes by local day, with seats left, a seats selector and a Book
 * button per class, and filters by host and title. Presentational: it does not fetch.
 *
 * @tag slotkit-class-list
 *
 * @event slotkit-class-select - `ClassSelectEvent` `{ group, seats }` when the visitor books a
 *   class. Cancelable; unless canceled the class becomes `selectedGroupId`.
 * @event slotkit-retry - `RetryEvent` `{ what: 'classes' }` from the retry button of the error state.
 *
 * @csspart base - The wrapper of everything.
 * @csspart zone-error - The message about an unknown `time-zone`.
 * @csspart zone - "Times are shown in ...".
 * @csspart filters - The filter bar.
 * @csspart resource-filter - The host (resource) select.
 * @csspart title-filter - The title search input.
 * @csspart list - The container of the days.
 * @csspart day - One day's section.
 * @csspart day-heading - The day's heading.
 * @csspart classes - The list of one day's classes.
 * @csspart class - One class (carries the custom states below).
 * @csspart title - A class's title.
 * @csspart when - A class's time range.
 * @csspart where - A class's place.
 * @csspart resource - A class's resource (host) name.
 * @csspart seats - "3 left" or "Sold out".
 * @csspart hint - "Full: join another time" on a sold-out class.
 * @csspart reason - Why a class cannot be booked now ("Booking opens ...", "Booking closed").
 * @csspart seats-label - The label around the seats selector.
 * @csspart seats-select - The seats selector.
 * @csspart book-button - A class's Book button.
 * @csspart skeleton - The loading placeholder.
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
  static override styles = [tokens, styles];

  private readonly localize = new LocalizeController(this, () => this.locale);
  private prepared: Prepared = { classes: [], resources: [] };
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

  @state() private query = '';
  @state() private resourceFilter = '';
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

  private onClearFilters(): void {
    this.query = '';
    this.resourceFilter = '';
    this.filterChanged = true;
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
    const seen = new Set<string>();
    const resources = new Map<string, string>();
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
      const sameDay = localDate(start, zone) === localDate(end - 1, zone);
      classes.push({
        group,
        domId: domIdOf(group.id),
        start,
        end,
        opens,
        closes,
        day: localDate(start, zone),
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
    const resource = this.resourceFilter;
    if (!needle && !resource) return upcoming;
    return upcoming.filter(
      (item) =>
        (!resource || item.group.resource?.id === resource) &&
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

  private renderLoading(t: Messages['classList']): TemplateResult {
    return html`<div part="skeleton" class="loading" aria-busy="true">
      <span class="visually-hidden">${t.loading}</span>
      <div class="skeleton" aria-hidden="true"></div>
      <div class="skeleton" aria-hidden="true"></div>
      <div class="skeleton" aria-hidden="true"></div>
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

  private renderFilters(t: Messages['classList']): TemplateResult {
    const resources = this.prepared.resources;
    return html`<div part="filters" class="filters" role="group" aria-label=${t.filtersLabel}>
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
      <label class="field">
        ${t.titleFilter}
        <input
          part="title-filter"
          type="search"
          autocomplete="off"
          .value=${live(this.query)}
          @input=${this.onQueryInput}
        />
      </label>
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
        <div class="info">
          <h4 part="title" class="title" id=${`${domId}-title`}>${event.what}</h4>
          <p part="when" class="when">${item.when}</p>
          ${event.where ? html`<p part="where" class="where">${event.where}</p>` : nothing}
          ${
            group.resource
              ? html`<p part="resource" class="resource">${group.resource.name}</p>`
              : nothing
          }
          <p part="seats" class="seats" id=${`${domId}-seats`}>
            ${soldOut ? t.soldOut : t.seatsLeft(left, this.localize.locale)}
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
      <p part="zone" class="zone">${t.timeZoneNote(zoneName(this.zone, locale, now))}</p>
      ${this.renderFilters(t)}
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
