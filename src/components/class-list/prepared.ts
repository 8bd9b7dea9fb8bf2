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

/** A class with what filtering and sorting need worked out; its texts wait until it is shown. */
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
  /** Where it takes place, if the data says. */
  place: string | undefined;
  /** Title folded for matching. */
  key: string;
  /** Its texts, formatted on first read: formatting 500 classes at once is a long task. */
  readonly text: ClassTexts;
}

export interface ClassTexts {
  /** Time range as shown, "09:00 – 10:00". */
  when: string;
  /** Price per seat in the locale's currency format, "Free", or undefined when the data has none. */
  price: string | undefined;
  /** Start as date and time, "Fri 27 Nov, 09:00". */
  startText: string;
  /** "Doc Brown's Yoga, Fri 27 Nov, 09:00": names controls after the class. */
  label: string;
  opensText: string | undefined;
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

type Describe = (item: PreparedClass) => ClassTexts;

/** How a class's texts are formatted in a zone and locale; formatters and ranges are shared. */
function describer(zone: string, locale: string, t: Messages['classList']): Describe {
  const date = dateTimeFormat(locale, zone, DATE);
  const time = dateTimeFormat(locale, zone, TIME);
  // `timeStyle` does not mix with weekday and month, so date and time are joined by a string.
  // A time stays on one line ("7:00 ص" wrapped its "ص" alone in Arabic): no-break spaces.
  const at = (ms: number) =>
    t.dateAndTime(date.format(ms), time.format(ms).replace(/ /g, '\u00a0'));
  // A same-day range shows only the two times, so the same two clock times read the same on
  // every day; formatRange costs ten times a format, and a timetable repeats its hours.
  const ranges = new Map<string, string>();
  return (item) => {
    const { start, end, opens, group } = item;
    const startText = at(start);
    let when: string;
    if (item.day === localDate(end - 1, zone)) {
      const key = `${time.format(start)}|${time.format(end)}`;
      when = ranges.get(key) ?? time.formatRange(start, end);
      ranges.set(key, when);
    } else when = t.range(startText, at(end));
    const price = priceOf(group);
    return {
      when,
      price: price && formatPrice(price, locale, t.free),
      startText,
      label: t.classLabel(group.attributes.event_info.what, startText),
      opensText: opens === undefined ? undefined : at(opens),
    };
  };
}

/** A class whose texts are formatted the first time something reads them. */
class LazyClass implements PreparedClass {
  domId: string;
  private texts: ClassTexts | undefined;

  constructor(
    readonly group: Group,
    readonly start: number,
    readonly end: number,
    readonly opens: number | undefined,
    readonly closes: number,
    readonly day: string,
    readonly place: string | undefined,
    readonly key: string,
    private readonly describe: Describe,
  ) {
    this.domId = domIdOf(group.id);
  }

  get text(): ClassTexts {
    return (this.texts ??= this.describe(this));
  }
}

/**
 * Every readable class once, sorted by start, with the hosts, places and days they have, worked
 * out a slice at a time: `step(deadline)` reads groups until the deadline, so 500 classes on a
 * slow phone are many short tasks rather than one long one. `result()` is what is read so far.
 */
export class Preparation {
  invalid = 0;
  private next = 0;
  private readonly classes: PreparedClass[] = [];
  private readonly seen = new Set<string>();
  private readonly resources = new Map<string, string>();
  private readonly places = new Set<string>();
  private readonly days = new Map<string, Prepared['days'][number]>();
  private readonly groups: Group[];

  constructor(
    groups: Group[],
    private readonly zone: string,
    private readonly locale: string,
    private readonly t: Messages['classList'],
  ) {
    this.groups = Array.isArray(groups) ? groups : [];
  }

  get done(): boolean {
    return this.next >= this.groups.length;
  }

  /** Reads groups until `deadline` (a `performance.now()` time) or the end; true when done. */
  step(deadline = Infinity): boolean {
    if (this.done) return true;
    const { zone, locale } = this;
    const describe = describer(zone, locale, this.t);
    const weekday = dateTimeFormat(locale, zone, { weekday: 'short' });
    const dayNumber = dateTimeFormat(locale, zone, { day: 'numeric' });
    const added = this.classes.length;
    const from = this.next;
    // The clock is read every 16 groups (reading it costs more than a group), and not before
    // the first 16: building the formatters may take a slice's time already.
    while (
      !this.done &&
      (this.next === from || (this.next - from) % 16 !== 0 || performance.now() < deadline)
    ) {
      const group = this.groups[this.next++]!;
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
        this.invalid++;
        continue;
      }
      if (this.seen.has(group.id)) continue;
      this.seen.add(group.id);
      if (group.resource) this.resources.set(group.resource.id, group.resource.name);
      const day = localDate(start, zone);
      if (!this.days.has(day)) {
        this.days.set(day, {
          key: day,
          weekday: weekday.format(start),
          // Digits only: ja's "8日" would not fit the strip's narrow buttons.
          number: dayNumber.formatToParts(start).find((part) => part.type === 'day')?.value ?? '',
          label: formatLongDate(start, zone, locale),
        });
      }
      const place = placeOf(group);
      if (place) this.places.add(place);
      this.classes.push(
        new LazyClass(group, start, end, opens, closes, day, place, fold(event.what), describe),
      );
    }
    // Sorting an almost sorted array (the API sends classes by start) costs one pass.
    if (this.classes.length > added) {
      this.classes.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    return this.done;
  }

  result(): Prepared {
    const { locale } = this;
    return {
      // A copy: later slices sort new classes in.
      classes: [...this.classes],
      places: [...this.places].sort((a, b) => a.localeCompare(b, locale)),
      days: [...this.days.values()].sort((a, b) => a.key.localeCompare(b.key)),
      resources: [...this.resources]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
      invalid: this.invalid,
    };
  }
}
