import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import type { Group } from '../../schemas/booking.ts';
import '../define-all.ts';
import type { SlotkitClassList } from './class-list.ts';

/**
 * What the class list's browser tests share: classes as the API sends them, mounting the list,
 * and reading what a visitor sees. Not a test file (web-test-runner runs `*.test.ts` only).
 */

export const NOW = Date.parse('2026-11-20T12:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface ClassOptions {
  id?: string;
  what?: string;
  /** RFC 3339; 27 November 08:00 UTC by default. */
  start?: string;
  minutes?: number;
  seatsLeft?: number;
  maxSeats?: number;
  bookableFrom?: string;
  /** Two hours before the start by default. */
  bookableUntil?: string;
  where?: string;
  /** Set as the class's own `price`, whatever its shape (the list must cope with bad ones). */
  price?: unknown;
  resource?: { id: string; name: string };
}

let counter = 0;

/** One class (a group) as `/bookings/groups` returns it. */
export function classGroup(options: ClassOptions = {}): Group {
  const start = options.start ?? '2026-11-27T08:00:00Z';
  const startMs = Date.parse(start);
  const seatsLeft = options.seatsLeft ?? 3;
  const maxSeats = options.maxSeats ?? 20;
  return {
    id: options.id ?? `g${++counter}`,
    graph: 'group_owner',
    state: 'tentative',
    completed: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    attributes: {
      event_info: {
        start,
        end: new Date(startMs + (options.minutes ?? 60) * 60_000).toISOString(),
        what: options.what ?? "Doc Brown's Yoga",
        ...(options.where === undefined ? {} : { where: options.where }),
      },
      group_booking: {
        current_seats: maxSeats - seatsLeft,
        max_seats: maxSeats,
        seats_left: seatsLeft,
        ...(options.bookableFrom === undefined ? {} : { bookable_from: options.bookableFrom }),
        bookable_until: options.bookableUntil ?? new Date(startMs - 2 * HOUR).toISOString(),
        cancellable_until: new Date(startMs - DAY).toISOString(),
      },
      ...(options.price === undefined ? {} : { price: options.price }),
    } as Group['attributes'],
    ...(options.resource ? { resource: { ...options.resource, timezone: 'UTC' } } : {}),
  };
}

/**
 * A long timetable: class `i` starts `i * everyHours` after 21 November 07:00 UTC, named
 * "Spin i" every `spinEvery`th class and "Yoga i" otherwise, id `g-i`.
 */
export function timetable(count: number, everyHours: number, spinEvery: number): Group[] {
  const first = Date.parse('2026-11-21T07:00:00Z');
  return Array.from({ length: count }, (_, i) =>
    classGroup({
      id: `g-${i}`,
      start: new Date(first + i * everyHours * HOUR).toISOString(),
      what: i % spinEvery === 0 ? `Spin ${i}` : `Yoga ${i}`,
    }),
  );
}

export interface ListOptions {
  timeZone?: string;
  locale?: string;
  now?: number;
  maxSeatsPerBooking?: number;
  theme?: 'light' | 'dark';
}

/** The list, rendered and settled (every row shown), in Copenhagen and en-GB by default. */
export async function mountList(
  groups: Group[],
  options: ListOptions = {},
): Promise<SlotkitClassList> {
  const el = await fixture<SlotkitClassList>(html`
    <slotkit-class-list
      .groups=${groups}
      .timeZone=${options.timeZone ?? 'Europe/Copenhagen'}
      .locale=${options.locale ?? 'en-GB'}
      .now=${options.now ?? NOW}
      .maxSeatsPerBooking=${options.maxSeatsPerBooking ?? 10}
      theme=${options.theme ?? nothing}
    ></slotkit-class-list>
  `);
  if (options.theme === 'dark') {
    el.style.setProperty('--slotkit-color-scheme', 'dark');
    el.style.colorScheme = 'dark';
  }
  return el;
}

/**
 * The list added to the page, returned after its first rows: a long list has shown a screenful
 * (a frame after its controls) and grows over the frames to come (`updateComplete` waits).
 */
export async function mountGrowing(groups: Group[], timeZone = 'UTC'): Promise<SlotkitClassList> {
  const el = document.createElement('slotkit-class-list');
  el.now = NOW;
  el.timeZone = timeZone;
  el.locale = 'en-GB';
  el.groups = groups;
  document.body.append(el);
  for (let frame = 0; frame < 20 && shownAll(el, '[part="class"]').length === 0; frame += 1) {
    await new Promise((done) => requestAnimationFrame(done));
  }
  return el;
}

/** What the visitor sees: rows the filters leave out (or not yet shown) are kept, hidden. */
export function shownAll<T extends Element = HTMLElement>(
  el: SlotkitClassList,
  selector: string,
): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)].filter(
    (node) => !node.closest('[hidden]'),
  );
}

export function shown<T extends Element = HTMLElement>(
  el: SlotkitClassList,
  selector: string,
): T | null {
  return shownAll<T>(el, selector)[0] ?? null;
}

/** Text as read, whitespace collapsed. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The titles of the classes shown, in order. */
export function titles(el: SlotkitClassList): string[] {
  return shownAll(el, '[part="class"]').map((row) => text(row.querySelector('h4')));
}

/** What the polite live region says. */
export function announced(el: SlotkitClassList): string {
  return text(el.shadowRoot!.querySelector('[role="status"]'));
}

/** Clicks "Show more classes" until every class is shown, as a patient visitor would. */
export async function showAll(el: SlotkitClassList): Promise<void> {
  await el.updateComplete;
  for (
    let more = shown<HTMLButtonElement>(el, '[part="more-button"]');
    more;
    more = shown<HTMLButtonElement>(el, '[part="more-button"]')
  ) {
    more.click();
    await el.updateComplete;
  }
}

/** Types into the title search as a visitor would (one input event). */
export function search(el: SlotkitClassList, query: string): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="title-filter"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input'));
}
