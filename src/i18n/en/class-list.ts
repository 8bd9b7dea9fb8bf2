/** English strings of <slotkit-class-list>. Add a key here first; other locales follow its type. */
import { formatNumber } from '../format.ts';

let englishPlurals: Intl.PluralRules | undefined;

/** English plural category; built on first use so importing the catalogue costs nothing. */
function plural(count: number): Intl.LDMLPluralRule {
  englishPlurals ??= new Intl.PluralRules('en');
  return englishPlurals.select(count);
}

export const classList = {
  loading: 'Loading classes…',
  empty: 'No upcoming classes',
  noMatches: 'No classes match your filters.',
  clearFilters: 'Clear filters',
  /** Under a long list: the next page of classes. */
  showMore: 'Show more classes',
  filtersLabel: 'Filter classes',
  /** The resource filter: the person or room a class is with. */
  resourceFilter: 'Host',
  allResources: 'All',
  titleFilter: 'Search classes',
  /** Example text in the empty search box. */
  searchPlaceholder: 'Yoga, Pilates…',
  placeFilter: 'Place',
  allPlaces: 'All',
  /** The row of days to jump to. */
  daysLabel: 'Days',
  allDays: 'All days',
  /** The date strip's week paging, shown when the classes span more than a week. */
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  /** Announced after paging: the week's first and last day, e.g. "30 Nov – 6 Dec". */
  weekShown: (range: string) => `Days ${range}`,
  /** A class without a price. */
  free: 'Free',
  /**
   * Seats still free in a class ("1 left", "3 left"); a function so other locales can inflect.
   * `locale` (the visitor's, say "ar-EG") chooses the digits, here and in every count below.
   */
  seatsLeft: (count: number, locale: string): string => `${formatNumber(count, locale)} left`,
  soldOut: 'Sold out',
  /** A sold-out class whose title runs again with seats; `next` is that time. */
  fullJoinAnother: (next: string): string => `Full: join another time (next: ${next})`,
  seats: 'Seats',
  /** Accessible name of the seats selector; `label` is the class title and time. */
  seatsFor: (label: string): string => `Seats for ${label}`,
  book: 'Book',
  /** Accessible name of a Book button; `label` is the class title and time. */
  bookLabel: (label: string): string => `Book ${label}`,
  /** A day and a time of day as shown together: "Fri 27 Nov, 09:00". */
  dateAndTime: (date: string, time: string): string => `${date}, ${time}`,
  /** A class that ends on a later day than it starts: "Fri 27 Nov, 23:00 – Sat 28 Nov, 01:00". */
  range: (from: string, to: string): string => `${from} – ${to}`,
  /** Class title and start, e.g. "Doc Brown's Yoga, Fri 27 Nov, 09:00". */
  classLabel: (title: string, when: string): string => `${title}, ${when}`,
  bookingOpens: (when: string): string => `Booking opens ${when}`,
  bookingClosed: 'Booking closed',
  /** Announced after the filters change. */
  classCount: (count: number, locale: string): string =>
    `${formatNumber(count, locale)} ${plural(count) === 'one' ? 'class' : 'classes'}`,
  invalidTimeZone: (value: string, zone: string): string =>
    `"${value}" is not a time zone we know, so times are shown in ${zone}.`,
};
