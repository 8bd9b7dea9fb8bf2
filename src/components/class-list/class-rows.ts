import { html, noChange, nothing, type ElementPart, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Messages } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { PreparedClass } from './prepared.ts';

/**
 * The list side of <slotkit-class-list>: the shown classes as one section per local day, each
 * class a row (time, name, host, place, price, seats left, a seats selector and Book), and the
 * rules that say whether a class can be booked now. The element owns the state and the events.
 */

export interface ClassRowsView {
  t: Messages['classList'];
  locale: string;
  /** Each day's heading (its long date) by day key: formatted once, not each frame. */
  headings: ReadonlyMap<string, string>;
  now: number;
  /** The earliest bookable class of each title (by `key`), for the hint on sold-out classes. */
  next: Map<string, PreparedClass>;
  maxSeatsPerBooking: number;
  selectedGroupId: string | undefined;
  /** Seats the visitor chose per class id; 1 where they did not. */
  chosenSeats: ReadonlyMap<string, number>;
  onSeatsChange: (event: Event) => void;
  onBook: (event: Event) => void;
  /** A "Join the waitlist" button on sold-out classes still taking sign-ups, when set. */
  waitlist?: { label: string; onJoin: (event: Event) => void };
}

interface Day {
  key: string;
  heading: string;
  classes: PreparedClass[];
  /**
   * Everything the day's rows are made of, and which are shown: the day renders again only when
   * one changed. A new zone, locale or catalogue prepares new classes, so the classes stand for
   * those.
   */
  made: unknown[];
  /** Some of its rows pass the filters. */
  shown: boolean;
}

type SignUpWindow = 'open' | 'not-open' | 'closed';

/**
 * The seats selector's options 1..`limit`, `chosen` selected, kept as plain option nodes: a
 * template per option made up half of a row's nodes (its markers and whitespace).
 */
class SeatOptions extends Directive {
  private shown: [number, number, string] = [0, 0, ''];

  render(_limit: number, _chosen: number, _locale: string): unknown {
    return nothing;
  }

  /** Touches only what changed: reading an option's text back costs more than making it. */
  override update(part: ElementPart, next: [number, number, string]): unknown {
    const [limit, chosen, locale] = next;
    const [, wasChosen, wasLocale] = this.shown;
    // The first time, the options are made as they should be.
    const first = wasLocale === '';
    this.shown = next;
    const select = part.element as HTMLSelectElement;
    const { options } = select;
    while (options.length > limit) options[limit]!.remove();
    for (let seats = options.length + 1; seats <= limit; seats++) {
      const on = seats === chosen;
      select.add(new Option(formatNumber(seats, locale), `${seats}`, on, on));
    }
    if (!first && locale !== wasLocale) {
      for (const option of options) option.text = formatNumber(Number(option.value), locale);
    }
    if (!first && chosen !== wasChosen) {
      for (const option of options) option.defaultSelected = Number(option.value) === chosen;
    }
    return noChange;
  }
}

const seatOptions = directive(SeatOptions);

export const DEFAULT_MAX_SEATS = 10;

function windowAt(item: PreparedClass, now: number): SignUpWindow {
  if (item.opens !== undefined && now < item.opens) return 'not-open';
  if (now > item.closes) return 'closed';
  return 'open';
}

export function seatsLeft(item: PreparedClass): number {
  return Math.max(0, Math.floor(item.group.attributes.group_booking.seats_left) || 0);
}

/** What the seats selector offers: 1..min(seats left, `maxSeatsPerBooking`). */
export function seatLimit(item: PreparedClass, maxSeatsPerBooking: number): number {
  const cap = Math.floor(maxSeatsPerBooking);
  const perBooking = Number.isFinite(cap) && cap >= 1 ? cap : DEFAULT_MAX_SEATS;
  return Math.min(seatsLeft(item), perBooking);
}

/**
 * What a sold-out class's seats selector offers for its waitlist: 1..min(the class's seats,
 * `maxSeatsPerBooking`); the API takes no more. 1 means no choice, so no selector.
 */
export function waitlistSeatLimit(item: PreparedClass, maxSeatsPerBooking: number): number {
  const cap = Math.floor(maxSeatsPerBooking);
  const perBooking = Number.isFinite(cap) && cap >= 1 ? cap : DEFAULT_MAX_SEATS;
  const classSeats = Math.max(1, Math.floor(item.group.attributes.group_booking.max_seats) || 1);
  return Math.min(classSeats, perBooking);
}

export function isBookable(item: PreparedClass, now: number): boolean {
  return seatsLeft(item) > 0 && windowAt(item, now) === 'open';
}

function renderClass(item: PreparedClass, view: ClassRowsView): TemplateResult {
  const left = seatsLeft(item);
  const window = windowAt(item, view.now);
  const { t, locale, next } = view;
  const { group, domId } = item;
  const text = item.text;
  const event = group.attributes.event_info;
  const soldOut = left === 0;
  const bookable = !soldOut && window === 'open';
  const reason =
    window === 'not-open'
      ? t.bookingOpens(text.opensText ?? '')
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
  const waitlisting = soldOut && window === 'open' && view.waitlist !== undefined;
  // A sold-out class offers its seats to the waitlist: the visitor says how many they want.
  const limit = waitlisting
    ? waitlistSeatLimit(item, view.maxSeatsPerBooking)
    : seatLimit(item, view.maxSeatsPerBooking);
  const chosen = Math.min(view.chosenSeats.get(group.id) ?? 1, limit);
  // Two kinds of fact: a span in the facts line, a line of its own under the title.
  const fact = (name: string, value: string | undefined) =>
    value ? html`<span part=${name} class=${name} .textContent=${value}></span>` : nothing;
  const line = (name: string, value: string | undefined) =>
    value
      ? html`<p part=${name} class=${name} id=${`${domId}-${name}`} .textContent=${value}></p>`
      : nothing;
  // The templates break lines only inside tags (`></p\n>`), never between them: whitespace
  // between tags would be text nodes (27 of a row's 60 nodes were), all of them unseen.
  // prettier-ignore
  const seatsField = bookable || (waitlisting && limit > 1)
    ? html`<label part="seats-label" class="seats-field">${t.seats}<select part="seats-select"
        data-id=${group.id} aria-label=${t.seatsFor(text.label)} @change=${view.onSeatsChange}
        ${seatOptions(limit, chosen, locale)}></select></label>`
    : nothing;
  // prettier-ignore
  const waitlistButton = waitlisting && view.waitlist
    ? html`<button part="waitlist-button" class="button secondary" type="button"
        data-id=${group.id} aria-describedby=${`${domId}-title ${domId}-seats`}
        @click=${view.waitlist.onJoin} .textContent=${view.waitlist.label}></button>`
    : nothing;
  // prettier-ignore
  return html`<slotkit-class-list-item part="class" role="article"
    aria-labelledby=${`${domId}-title`} .soldOut=${soldOut} .closed=${window !== 'open'}
    .selected=${group.id === view.selectedGroupId}
    ><p part="when" class="when" .textContent=${text.when}></p
    ><div class="info"
      ><h4 part="title" class="title" id=${`${domId}-title`} .textContent=${event.what}></h4
      ><p class="facts"
        >${fact('resource', group.resource?.name)}${fact('where', item.place)}${fact('price', text.price)}</p
      >${line('hint', other && t.fullJoinAnother(other.text.startText))}${line('reason', reason)}</div
    ><p part="seats" class="seats" id=${`${domId}-seats`}
      .textContent=${soldOut ? t.soldOut : t.seatsLeft(left, locale)}></p
    ><div class="actions"
      >${seatsField}<button part="book-button" class="button" type="button" data-id=${group.id}
        aria-label=${t.bookLabel(text.label)} aria-describedby=${describedBy || nothing}
        ?disabled=${!bookable} @click=${view.onBook} .textContent=${t.book}></button
      >${waitlistButton}</div
  ></slotkit-class-list-item>`;
}

/**
 * The made rows (sorted by start) as one section per local day, headed by its long date. A row
 * not in `shown` (the filters leave it out, or a growing list has not come to it yet), and a day
 * left with none, is `hidden`: out of sight and of the accessibility tree, yet kept, so a filter
 * takes no rows apart and makes none again, it only shows and hides them.
 * A long list grows over many frames: a day whose rows are made of the same values as last time
 * is skipped whole (`guard`), and so is a row's content when only its visibility changed.
 */
export function renderDays(
  made: PreparedClass[],
  shown: ReadonlySet<PreparedClass>,
  view: ClassRowsView,
): TemplateResult {
  const { now, next, selectedGroupId, chosenSeats, waitlist } = view;
  const days: Day[] = [];
  const rowMade = new Map<PreparedClass, unknown[]>();
  for (const item of made) {
    let day = days[days.length - 1];
    if (day?.key !== item.day) {
      const heading = view.headings.get(item.day) ?? item.day;
      day = { key: item.day, heading, classes: [], made: [], shown: false };
      days.push(day);
    }
    day.classes.push(item);
    const { id } = item.group;
    const on = shown.has(item);
    day.shown ||= on;
    const row = [
      item,
      windowAt(item, now),
      next.get(item.key),
      id === selectedGroupId,
      chosenSeats.get(id),
      view.maxSeatsPerBooking,
      waitlist?.label,
    ];
    rowMade.set(item, row);
    day.made.push(on, ...row);
  }
  // prettier-ignore
  const row = (item: PreparedClass) =>
    html`<li ?hidden=${!shown.has(item)}>${guard(rowMade.get(item)!, () => renderClass(item, view))}</li>`;
  // prettier-ignore
  const section = (day: Day) =>
    html`<section part="day" class="day" ?hidden=${!day.shown}
      ><h3 part="day-heading" class="day-heading" .textContent=${day.heading}></h3
      ><ul part="classes" class="classes" role="list"
        >${repeat(day.classes, (item) => item.group.id, row)}</ul
    ></section>`;
  return html`<div part="list" class="days" ?hidden=${shown.size === 0}>
    ${repeat(
      days,
      (day) => day.key,
      (day) => guard(day.made, () => section(day)),
    )}
  </div>`;
}

/**
 * The seats chosen in a row's selector, 1 when it has none, at most `limit`: the selector's own
 * value, as it is what the visitor sees even if the data changed under it.
 */
export function seatsChosen(button: HTMLElement, limit: number): number {
  const select = button
    .closest('slotkit-class-list-item')
    ?.querySelector<HTMLSelectElement>('[part="seats-select"]');
  return Math.min(Math.max(1, Math.floor(Number(select?.value)) || 1), limit);
}

/** The button under a list cut at a page: the next page of classes. */
export function renderShowMore(
  t: Messages['classList'],
  onShowMore: (event: Event) => void,
): TemplateResult {
  return html`<div class="more">
    <button part="more-button" class="button secondary" type="button" @click=${onShowMore}>
      ${t.showMore}
    </button>
  </div>`;
}
