import type { Messages } from '../../i18n/index.ts';
import { dateTimeFormat, formatLongDate } from '../../lib/time/format.ts';
import { localDate, parseInstant } from '../../lib/time/index.ts';
import type { Group } from '../../schemas/booking.ts';
import { placeOf, priceOf, formatPrice } from './class-facts.ts';

/**
 * The data side of <slotkit-class-list>: each class with everything that depends only on the
 * groups, the zone and the locale worked out in one pass, so a filter, a key press or a tick of
 * `now` re-renders without formatting a date again.
 */

/** A class with everything that depends only on the data, zone and locale worked out once. */
export interface PreparedClass {
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

export interface Prepared {
  classes: PreparedClass[];
  resources: { id: string; name: string }[];
  places: string[];
  /** The days that have classes, for the date strip. */
  days: { key: string; weekday: string; number: string; label: string }[];
  /** Classes left out because their times are not RFC 3339: the element says so once. */
  invalid: number;
}

const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
// `timeStyle`, not `hour: 'numeric'`: V8 prints "9:00" for the latter in en-GB but "09:00" in
// its ranges; the style is the locale's own short time in both.
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

/** Case- and accent-insensitive text for search. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Ids end up in `aria-*` id lists, which split on whitespace. */
function domIdOf(id: string): string {
  return `c-${id.replace(/[^\w-]/g, '_')}`;
}

/** Every readable class once, sorted by start, with the hosts, places and days they have. */
export function prepareClasses(
  groups: Group[],
  zone: string,
  locale: string,
  t: Messages['classList'],
): Prepared {
  const date = dateTimeFormat(locale, zone, DATE);
  const time = dateTimeFormat(locale, zone, TIME);
  // `timeStyle` does not mix with weekday and month, so date and time are joined by a string.
  // A time stays on one line ("7:00 ص" wrapped its "ص" alone in Arabic): no-break spaces.
  const at = (ms: number) =>
    t.dateAndTime(date.format(ms), time.format(ms).replace(/ /g, '\u00a0'));
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
    const sameDay = day === localDate(end - 1, zone);
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
  classes.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    classes,
    places: [...places].sort((a, b) => a.localeCompare(b, locale)),
    days: [...days.values()].sort((a, b) => a.key.localeCompare(b.key)),
    resources: [...resources]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    invalid,
  };
}
