const UNIT_MS = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  // Timekit's horizons ("6 months") are coarse limits, so a fixed 30-day month is precise enough.
  month: 2_592_000_000,
} as const;

const UNIT_ALIASES: Record<string, keyof typeof UNIT_MS> = {
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  seconds: 'second',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
};

/**
 * Parses Timekit's human durations ("2 hours", "1 day", "14 days", "15 minutes") into milliseconds.
 * Returns undefined for anything it does not understand, so callers can report the field.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d{1,7})\s*([a-z]+)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = UNIT_ALIASES[match[2]!.toLowerCase()];
  if (!unit) return undefined;
  return Number(match[1]) * UNIT_MS[unit];
}

export const DURATION_HINT = 'a duration such as "15 minutes", "2 hours", "1 day" or "14 days"';
