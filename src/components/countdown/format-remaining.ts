/**
 * Time left, as the countdown shows and speaks it. Whole seconds rounded up, so the timer reads
 * 0:00 only when the hold has actually expired. Digits and unit words come from Intl.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' });
    listFormats.set(locale, format);
  }
  return format;
}

interface Parts {
  hours: number;
  minutes: number;
  seconds: number;
}

function parts(ms: number): Parts {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return {
    hours: Math.floor(total / 3600),
    minutes: Math.floor(total / 60) % 60,
    seconds: total % 60,
  };
}

/** "4:59", or "1:04:59" from an hour up. */
export function formatClock(ms: number, locale: string): string {
  const { hours, minutes, seconds } = parts(ms);
  const plain = numberFormat(locale, { useGrouping: false });
  const twoDigits = numberFormat(locale, { useGrouping: false, minimumIntegerDigits: 2 });
  return hours > 0
    ? `${plain.format(hours)}:${twoDigits.format(minutes)}:${twoDigits.format(seconds)}`
    : `${plain.format(minutes)}:${twoDigits.format(seconds)}`;
}

/** "4 minutes 59 seconds", "1 hour 5 seconds", "0 seconds": for screen readers and announcements. */
export function formatSpoken(ms: number, locale: string): string {
  const { hours, minutes, seconds } = parts(ms);
  const unit = (value: number, name: 'hour' | 'minute' | 'second'): string =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const words: string[] = [];
  if (hours > 0) words.push(unit(hours, 'hour'));
  if (minutes > 0) words.push(unit(minutes, 'minute'));
  if (seconds > 0 || words.length === 0) words.push(unit(seconds, 'second'));
  return listFormat(locale).format(words);
}

/** An HTML duration for `<time datetime>`: "PT4M59S". */
export function durationAttribute(ms: number): string {
  const { hours, minutes, seconds } = parts(ms);
  return `PT${hours}H${minutes}M${seconds}S`;
}
