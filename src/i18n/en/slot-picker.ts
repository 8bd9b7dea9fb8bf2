/** English strings of <slotkit-slot-picker>. Add a key here first; other locales follow its type. */

/** Dates, months and zone names arrive already formatted by Intl in the visitor's locale. */
type DayStatus = 'available' | 'unavailable' | 'unknown';

const number = (n: number, locale: string): string => new Intl.NumberFormat(locale).format(n);

export const slotPicker = {
  calendar: 'Calendar',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  /** A day's accessible name: the full date and whether it has times (unknown while loading). */
  day: (date: string, status: DayStatus): string =>
    status === 'available'
      ? `${date}, available`
      : status === 'unavailable'
        ? `${date}, no times`
        : date,
  loadingDates: 'Loading available days…',
  loadingTimes: 'Loading times…',
  times: 'Times',
  chooseDay: 'Choose a day to see its times.',
  timesOn: (date: string): string => `Times on ${date}`,
  noTimesOnDay: (date: string): string => `No times left on ${date}. Please choose another day.`,
  noTimesInMonth: (month: string): string => `No times in ${month}`,
  nextAvailable: (date: string): string => `Next available: ${date}`,
  /** Announced when a day's times arrive. */
  timesAvailable: (count: number, date: string, locale: string): string => {
    if (count === 0) return `No times available on ${date}.`;
    // English forms, so English rules: the visitor's locale (say "ru", which has no
    // catalogue) only chooses the digits.
    return new Intl.PluralRules('en').select(count) === 'one'
      ? `${number(count, locale)} time available on ${date}.`
      : `${number(count, locale)} times available on ${date}.`;
  },
  selected: 'selected',
  timeZone: 'Time zone',
  chooseTimeZone: 'Choose a time zone',
  searchTimeZones: 'Search time zones',
  timeZonePlaceholder: 'City or zone name',
  timeZones: 'Time zones',
  currentTimeZone: 'current',
  timeZoneHint: 'Type a city or zone name, then choose with the arrow keys and Enter.',
  noTimeZoneMatch: (query: string): string => `No time zone matches “${query}”.`,
  moreTimeZones: (shown: number, total: number, locale: string): string =>
    `Showing ${number(shown, locale)} of ${number(total, locale)}. Keep typing to narrow the list.`,
  timeZoneChanged: (zone: string): string => `Times are now shown in ${zone}.`,
  invalidTimeZone: (value: string, fallback: string): string =>
    `“${value}” is not a time zone we know, so times are shown in ${fallback}.`,
  /** A property other than the time zone was set to something we cannot read. */
  invalidSetting: 'This calendar is not set up correctly, so some days or times may be missing.',
};
