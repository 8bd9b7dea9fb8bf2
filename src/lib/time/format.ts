/**
 * Showing instants to people: Intl only, in a chosen zone and locale. Formatters are cached
 * because building one costs far more than using it, and a slot list formats hundreds.
 */

const cache = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

/** The time of day as the locale writes it ("9:30" in en-GB, "9:30 AM" in en-US). */
export function formatTimeOfDay(ms: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, timeZone, { timeStyle: 'short' }).format(ms);
}

/** "Friday, 27 November 2026". */
export function formatLongDate(ms: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, timeZone, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(ms);
}

/** "Fri 27 Nov, 09:00 – 10:00". */
export function formatRange(start: number, end: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, timeZone, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).formatRange(start, end);
}

/** The zone's name as people read it ("Central European Standard Time"), for labels. */
export function zoneName(timeZone: string, locale: string, at: number = Date.now()): string {
  const parts = dateTimeFormat(locale, timeZone, { timeZoneName: 'long' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** The visitor's zone as the browser knows it. */
export function detectTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows (Intl.supportedValuesOf), with UTC first. */
export function supportedTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}
