const MINUTE = 60_000;
const DAY = 86_400_000;

const UNIT_MS = {
  second: 1_000,
  minute: MINUTE,
  hour: 3_600_000,
  day: DAY,
  week: 7 * DAY,
  // Timekit's horizons ("6 months") are coarse limits, so a fixed 30-day month is precise enough.
  month: 30 * DAY,
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
 * Unbounded: callers that take a duration from outside go through `checkDuration` with the
 * bounds of its use.
 */
export function parseDuration(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^\s*(\d{1,7})\s*([a-z]+)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = Object.hasOwn(UNIT_ALIASES, match[2]!.toLowerCase())
    ? UNIT_ALIASES[match[2]!.toLowerCase()]
    : undefined;
  if (!unit) return undefined;
  return Number(match[1]) * UNIT_MS[unit];
}

export const DURATION_HINT = 'a duration such as "15 minutes", "2 hours", "1 day" or "14 days"';

export interface DurationBounds {
  min: number;
  max: number;
  /** How the bounds read in an error message: "from 5 minutes to 31 days". */
  label: string;
}

function bounds(min: number, max: number, label: string): DurationBounds {
  return { min, max, label };
}

/**
 * Every duration the API takes has the bounds of its use, so nothing downstream meets a zero
 * step (an endless loop), a window past Date's range (a 500) or a grid of millions of slots.
 */
export const DURATION_BOUNDS = {
  /** A booking's or slot's length: something to book. */
  length: bounds(MINUTE, 31 * DAY, 'from 1 minute to 31 days'),
  /** The slot grid's step: finer than 5 minutes is no real calendar and multiplies the work. */
  increment: bounds(5 * MINUTE, 31 * DAY, 'from 5 minutes to 31 days'),
  /** Free time kept around busy time. */
  buffer: bounds(0, 7 * DAY, 'from 0 minutes to 7 days'),
  /** Availability windows ("to": "4 weeks"), horizons and booking settings (payment window, ...). */
  window: bounds(0, 5 * 365 * DAY, 'from 0 minutes to 5 years'),
  /** A hold's life. */
  hold: bounds(MINUTE, 1 * DAY, 'from 1 minute to 1 day'),
  /** One move of the sandbox clock. */
  clockAdvance: bounds(0, 100 * 365 * DAY, 'from 0 minutes to 100 years'),
} as const;

/**
 * The sandbox clock stays inside this range (1970 to the end of 2999): far inside Date's
 * ±8.64e15 ms, so every deadline the engine computes from "now" stays a valid instant.
 */
export const CLOCK_RANGE = { min: 0, max: Date.UTC(3000, 0, 1) - 1 } as const;

/** The duration in ms, or why it is not acceptable for a use with these bounds. */
export function checkDuration(
  text: unknown,
  limits: DurationBounds,
): { ms: number } | { problem: string } {
  const ms = typeof text === 'string' ? parseDuration(text) : undefined;
  if (ms === undefined) return { problem: `must be ${DURATION_HINT}` };
  if (ms < limits.min || ms > limits.max) return { problem: `must be ${limits.label}` };
  return { ms };
}
