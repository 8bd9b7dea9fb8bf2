import { dateTimeFormat, formatLongDate } from '../../lib/time/format.ts';
import { dateToUtcMs } from './calendar.ts';

/** The picker's dates and times in words, in a locale, through Intl only. */

/** Characters a short weekday name may have ("tirs.", "sáb."); longer ones use narrow names. */
const MAX_SHORT_WEEKDAY = 5;

/** "Monday 12 January 2027": a day cell's label, the next-available button. */
export function longDate(locale: string, date: string): string {
  return formatLongDate(dateToUtcMs(date), 'UTC', locale);
}

/** "Monday 12 January": the times list's heading. */
export function dayHeading(locale: string, date: string): string {
  return dateTimeFormat(locale, 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(
    dateToUtcMs(date),
  );
}

/** "January 2027": the grid's label. */
export function monthName(locale: string, month: string): string {
  return dateTimeFormat(locale, 'UTC', { month: 'long', year: 'numeric' }).format(
    dateToUtcMs(`${month}-01`),
  );
}

/**
 * The locale's own short time ("09:00" in en-GB, "9:00 AM" in en-US). Not formatTimeOfDay:
 * its `hour: 'numeric'` drops the leading zero that 24-hour locales write.
 */
export function formatTime(locale: string, zone: string, ms: number): string {
  return dateTimeFormat(locale, zone, { timeStyle: 'short' }).format(ms);
}

/**
 * The column headers' format: the locale's short weekday names ("Mon", "lun."), or its narrow
 * ones where the short ones are whole words that do not fit a 320 px grid (Arabic's "الأربعاء").
 * The full name is in each header for screen readers either way.
 */
export function weekdayFormat(
  locale: string,
  weekdayMs: (weekday: number) => number,
): Intl.DateTimeFormat {
  const short = dateTimeFormat(locale, 'UTC', { weekday: 'short' });
  const longest = Math.max(
    ...[0, 1, 2, 3, 4, 5, 6].map((weekday) => [...short.format(weekdayMs(weekday))].length),
  );
  return longest > MAX_SHORT_WEEKDAY ? dateTimeFormat(locale, 'UTC', { weekday: 'narrow' }) : short;
}
