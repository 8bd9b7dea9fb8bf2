import { addDaysToDate, weekdayOfDate, type WeekdayIndex } from '../../lib/time/index.ts';

/**
 * Month arithmetic for the calendar grid, on plain `yyyy-MM` and `yyyy-MM-dd` strings. Calendar
 * dates carry no zone: the picker decides which zone a date belongs to before it gets here.
 */

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return m !== null && +m[2]! >= 1 && +m[2]! <= 12;
}

/** A real calendar date in yyyy-MM-dd form (2026-02-30 is not). */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (m === null) return false;
  const month = `${m[1]}-${m[2]}`;
  return isMonth(month) && +m[3]! >= 1 && +m[3]! <= daysInMonth(month);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The same day of the month `months` away, clamped to that month's last day (31 Jan -> 28 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const month = addMonths(monthOf(date), months);
  return `${month}-${pad(Math.min(+date.slice(8, 10), daysInMonth(month)))}`;
}

/** UTC midnight of a date: format it in 'UTC' to show the calendar date itself. */
export function dateToUtcMs(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

interface WeekInfo {
  firstDay: number;
}
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The first day of the week where the locale lives (0 = Sunday); Monday when Intl cannot say. */
export function weekStartFor(locale: string): WeekdayIndex {
  try {
    const intlLocale = new Intl.Locale(locale) as LocaleWithWeekInfo;
    const info = intlLocale.getWeekInfo?.() ?? intlLocale.weekInfo;
    // Intl numbers days 1 (Monday) to 7 (Sunday).
    if (info && info.firstDay >= 1 && info.firstDay <= 7)
      return (info.firstDay % 7) as WeekdayIndex;
  } catch {
    // An unknown locale: fall through to the ISO week.
  }
  return 1;
}

export function startOfWeek(date: string, weekStart: WeekdayIndex): string {
  return addDaysToDate(date, -((weekdayOfDate(date) - weekStart + 7) % 7));
}

export function endOfWeek(date: string, weekStart: WeekdayIndex): string {
  return addDaysToDate(startOfWeek(date, weekStart), 6);
}

/** The month as weeks of seven cells; days of the neighbouring months are `null`. */
export function monthWeeks(month: string, weekStart: WeekdayIndex): (string | null)[][] {
  const first = `${month}-01`;
  const lead = (weekdayOfDate(first) - weekStart + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth(month); day++) cells.push(`${month}-${pad(day)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The seven weekdays (0 = Sunday) in display order. */
export function weekdayOrder(weekStart: WeekdayIndex): WeekdayIndex[] {
  return Array.from({ length: 7 }, (_, i) => ((weekStart + i) % 7) as WeekdayIndex);
}

/** The shown month when the owner gave none: the first available date's, else today's. */
export function defaultMonth(available: Iterable<string>, today: () => string): string {
  const first = [...available].sort()[0];
  return first ? monthOf(first) : monthOf(today());
}

/** The day with the grid's tab stop: the chosen day, the first available, today, or the 1st. */
export function defaultFocus(
  month: string,
  selectedDate: string,
  available: Iterable<string>,
  today: () => string,
): string {
  const inMonth = (date: string) => isDate(date) && monthOf(date) === month;
  if (inMonth(selectedDate)) return selectedDate;
  const firstAvailable = [...available].filter(inMonth).sort()[0];
  if (firstAvailable) return firstAvailable;
  const day = today();
  return inMonth(day) ? day : `${month}-01`;
}

export function hasDateIn(dates: Iterable<string>, month: string): boolean {
  for (const date of dates) if (monthOf(date) === month) return true;
  return false;
}
