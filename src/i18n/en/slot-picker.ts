/**
 * English strings of <slotkit-slot-picker> (and the time-zone button it shares with the class
 * list). Add a key here first, or in zone-panel.ts when only the zone chooser's panel reads it;
 * other locales follow the type of both.
 */

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
  timeZoneChanged: (zone: string): string => `Times are now shown in ${zone}.`,
  invalidTimeZone: (value: string, fallback: string): string =>
    `“${value}” is not a time zone we know, so times are shown in ${fallback}.`,
  /** A property other than the time zone was set to something we cannot read. */
  invalidSetting: 'This calendar is not set up correctly, so some days or times may be missing.',
};
