/**
 * Free time and bookable slots from weekly opening hours and busy time.
 *
 * Everything is sorted interval lists over epoch ms and linear sweeps, so the cost grows with
 * the number of opening periods, busy intervals and slots, never with their product.
 */
import {
  localDate,
  timeOfDayMs,
  wallClockOf,
  wallClockToInstant,
  wallTimeToInstant,
} from '../lib/time/index.ts';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Local "HH:mm" pairs; "24:00" closes at midnight; a close at or before the open is next day. */
export type WeeklyHours = Partial<Record<Weekday, Array<[open: string, close: string]>>>;

export interface AvailabilityResource {
  id: string;
  name: string;
  timezone: string;
  weekly_hours: WeeklyHours;
}

/** Epoch ms, half-open: [start, end). */
export interface Interval {
  start: number;
  end: number;
}

export type AvailabilityMode = 'roundrobin_random' | 'roundrobin_prioritized' | 'mutual';

export interface SlotQuery {
  /** In priority order. */
  resources: AvailabilityResource[];
  /** By resource id: events, bookings that hold time, live holds; unsorted, may overlap. */
  busy: ReadonlyMap<string, Interval[]>;
  /** Slots lie fully inside [from, to). */
  from: number;
  to: number;
  lengthMs: number;
  incrementMs: number;
  /** Kept free before and after every busy interval. */
  bufferMs: number;
  mode: AvailabilityMode;
  /** For roundrobin_random; defaults to Math.random. */
  random?: () => number;
}

/** Roundrobin: the one chosen resource; mutual: all of them. */
export interface Slot {
  start: number;
  end: number;
  resourceIds: string[];
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Sorts by start and joins intervals that overlap or touch; drops empty ones. */
function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  let last: Interval | undefined;
  for (const i of sorted) {
    if (last !== undefined && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else {
      last = { start: i.start, end: i.end };
      out.push(last);
    }
  }
  return out;
}

function clip(intervals: Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    const start = Math.max(i.start, from);
    const end = Math.min(i.end, to);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** a minus b, both sorted and disjoint. */
function subtract(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const i of a) {
    let start = i.start;
    while (j < b.length && b[j]!.end <= start) j++;
    // b[k] for k >= j may still cut the next interval of a, so scan with k and keep j.
    for (let k = j; k < b.length && b[k]!.start < i.end; k++) {
      const cut = b[k]!;
      if (cut.start > start) out.push({ start, end: cut.start });
      if (cut.end > start) start = cut.end;
    }
    if (i.end > start) out.push({ start, end: i.end });
  }
  return out;
}

/** Common parts of two sorted, disjoint lists. */
function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

const DAY = 86_400_000;

/** A weekday's hours as ms after local midnight; `close` is past 24 h when it is the next day. */
type DayHours = Array<{ open: number; close: number }>;

/** The weekly hours by weekday index (0 = Sunday), read once per request instead of per day. */
function hoursByWeekday(weekly: WeeklyHours): DayHours[] {
  return WEEKDAYS.map((weekday) =>
    (weekly[weekday] ?? []).map(([open, close]) => {
      const openMs = timeOfDayMs(open);
      const closeMs = timeOfDayMs(close);
      return { open: openMs, close: close <= open ? DAY + closeMs : closeMs };
    }),
  );
}

/** The day number on the resource's wall clock (day 0 = 1970-01-01, a Thursday). */
const dayOf = (ms: number, timeZone: string) => Math.floor(wallClockOf(ms, timeZone) / DAY);
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

/**
 * Whole merged opening periods that overlap [from, to), not clipped: a period's start is the
 * origin of its slot grid even when `from` falls inside it. Days are counted on the resource's
 * wall clock, so no date text is built per day.
 */
function openPeriods(resource: AvailabilityResource, from: number, to: number): Interval[] {
  if (!(to > from)) return [];
  const tz = resource.timezone;
  const hours = hoursByWeekday(resource.weekly_hours);
  const periods: Interval[] = [];
  // Start a day early: yesterday's hours may run past midnight into the window.
  const last = dayOf(to, tz);
  for (let day = dayOf(from, tz) - 1; day <= last; day += 1) {
    const midnight = day * DAY;
    for (const { open, close } of hours[weekdayOf(day)]!) {
      const start = wallClockToInstant(midnight + open, tz);
      const end = wallClockToInstant(midnight + close, tz);
      if (end > from && start < to) periods.push({ start, end });
    }
  }
  return merge(periods);
}

/**
 * Where each period's slot grid starts. Hours that touch or overlap are one period even before
 * the window, so `mon 22:00-24:00` with `tue 00:00-03:00` steps from Monday 22:00 for a window
 * that opens at Tuesday's midnight, as `mon 22:00-03:00` does. The first period is followed back
 * day by day; if it has been open for more than a week it is open round the clock, has no start,
 * and its grid starts again at every local midnight.
 */
function gridPeriods(
  resource: AvailabilityResource,
  periods: Interval[],
  from: number,
): { grids: Interval[]; roundTheClock: boolean } {
  const first = periods[0];
  if (first === undefined || first.start > from) return { grids: periods, roundTheClock: false };
  const tz = resource.timezone;
  const hours = hoursByWeekday(resource.weekly_hours);
  const fromDay = dayOf(from, tz);
  let start = first.start;
  // A day's hours end by the midnight after next, so earlier days cannot reach `start`.
  for (let day = fromDay; wallClockToInstant((day + 2) * DAY, tz) >= start; day -= 1) {
    const midnight = day * DAY;
    // Latest opening first, so hours that chain within the day are all seen in one pass.
    const latestFirst = [...hours[weekdayOf(day)]!].sort((a, b) => b.open - a.open);
    for (const { open, close } of latestFirst) {
      const opens = wallClockToInstant(midnight + open, tz);
      if (opens < start && wallClockToInstant(midnight + close, tz) >= start) start = opens;
    }
    if (start < from - 8 * DAY) {
      // Round the clock the merged hours are one period; its first day's grid starts at midnight.
      // The periods after it (hours that open again after a break) keep their own grids.
      const midnight = wallClockToInstant(dayOf(first.start, tz) * DAY, tz);
      return {
        grids: [...splitAtMidnights({ start: midnight, end: first.end }, tz), ...periods.slice(1)],
        roundTheClock: true,
      };
    }
  }
  const grids = start === first.start ? periods : [{ start, end: first.end }, ...periods.slice(1)];
  return { grids, roundTheClock: false };
}

/** The period cut at each local midnight: touching pieces, each with its own grid. */
function splitAtMidnights({ start, end }: Interval, timeZone: string): Interval[] {
  const pieces: Interval[] = [];
  let pieceStart = start;
  for (let day = dayOf(start, timeZone) + 1; pieceStart < end; day += 1) {
    const pieceEnd = Math.min(wallClockToInstant(day * DAY, timeZone), end);
    if (pieceEnd > pieceStart) pieces.push({ start: pieceStart, end: pieceEnd });
    pieceStart = Math.max(pieceStart, pieceEnd);
  }
  return pieces;
}

/** Opening hours inside [from, to) as sorted, merged instants, read in the resource's own zone. */
export function openIntervals(
  resource: AvailabilityResource,
  from: number,
  to: number,
): Interval[] {
  return clip(openPeriods(resource, from, to), from, to);
}

/** Busy time widened by the buffer on both sides, sorted and merged. */
function blocked(busy: Interval[], bufferMs: number): Interval[] {
  return merge(busy.map((b) => ({ start: b.start - bufferMs, end: b.end + bufferMs })));
}

export function freeIntervals(
  resource: AvailabilityResource,
  busy: Interval[],
  from: number,
  to: number,
  bufferMs: number,
): Interval[] {
  return subtract(openIntervals(resource, from, to), blocked(busy, bufferMs));
}

/**
 * Calls `emit` for each slot start, in order: starts step by `incrementMs` from the start of the
 * grid period they fall in, and the whole slot must fit in one free stretch. A stretch spans
 * several grid periods only for a resource open round the clock (one per local day).
 */
function eachStart(
  grids: Interval[],
  free: Interval[],
  lengthMs: number,
  incrementMs: number,
  emit: (start: number) => void,
): void {
  let g = 0;
  for (const stretch of free) {
    while (g < grids.length && grids[g]!.end <= stretch.start) g++;
    let at = stretch.start;
    for (let k = g; at < stretch.end; k++) {
      const origin = grids[k]?.start ?? at;
      const until = Math.min(grids[k + 1]?.start ?? Infinity, stretch.end);
      let start = origin + Math.ceil((at - origin) / incrementMs) * incrementMs;
      for (; start < until && start + lengthMs <= stretch.end; start += incrementMs) emit(start);
      at = until;
    }
  }
}

/** Bookable slots, sorted by start; one slot per start even when several resources are free. */
export function findSlots(query: SlotQuery): Slot[] {
  const { resources, from, to, lengthMs, incrementMs, bufferMs, mode } = query;
  if (resources.length === 0 || !(lengthMs > 0) || !(incrementMs > 0) || !(to > from)) return [];

  const perResource = resources.map((resource) => {
    const open = openPeriods(resource, from, to);
    const busy = blocked(query.busy.get(resource.id) ?? [], bufferMs);
    return {
      ...gridPeriods(resource, open, from),
      free: subtract(clip(open, from, to), busy),
    };
  });

  if (mode === 'mutual') {
    // Everyone's common opening hours set the grid, so it starts when the last one opens. One
    // open round the clock never opens, so only the others count, unless all are (then the
    // first one's midnights).
    const bounded = perResource.filter((r) => !r.roundTheClock);
    let grids = (bounded[0] ?? perResource[0]!).grids;
    for (const other of bounded.slice(1)) grids = intersect(grids, other.grids);
    let free = perResource[0]!.free;
    for (const other of perResource.slice(1)) free = intersect(free, other.free);
    const ids = resources.map((r) => r.id);
    const slots: Slot[] = [];
    eachStart(grids, free, lengthMs, incrementMs, (start) =>
      slots.push({ start, end: start + lengthMs, resourceIds: [...ids] }),
    );
    return slots;
  }

  // Start -> indexes of the free resources, ascending because resources are visited in order.
  const byStart = new Map<number, number[]>();
  perResource.forEach(({ grids, free }, index) => {
    eachStart(grids, free, lengthMs, incrementMs, (start) => {
      const list = byStart.get(start);
      if (list === undefined) byStart.set(start, [index]);
      else list.push(index);
    });
  });

  const random = query.random ?? Math.random;
  const starts = Float64Array.from(byStart.keys()).sort();
  const slots: Slot[] = [];
  for (const start of starts) {
    const candidates = byStart.get(start)!;
    const pick =
      mode === 'roundrobin_random'
        ? Math.min(Math.floor(random() * candidates.length), candidates.length - 1)
        : 0;
    const resource = resources[candidates[pick]!]!;
    slots.push({ start, end: start + lengthMs, resourceIds: [resource.id] });
  }
  return slots;
}

/** Whether the slot lies inside one opening period and clear of every buffered busy interval. */
export function isSlotFree(
  resource: AvailabilityResource,
  busy: Interval[],
  slot: Interval,
  bufferMs: number,
): boolean {
  if (!(slot.end > slot.start)) return false;
  // Periods are merged, so hours that cover the slot leave exactly the slot after clipping.
  const open = openIntervals(resource, slot.start, slot.end);
  if (open.length !== 1 || open[0]!.start !== slot.start || open[0]!.end !== slot.end) return false;
  return busy.every((b) => b.start - bufferMs >= slot.end || b.end + bufferMs <= slot.start);
}

/** The distinct local dates (yyyy-MM-dd) on which slots start, sorted. */
export function datesWithSlots(slots: Slot[], timeZone: string): string[] {
  const dates = new Set<string>();
  // Slots come sorted, so remembering the current local day saves a zone lookup per slot.
  let dayStart = Infinity;
  let dayEnd = -Infinity;
  for (const { start } of slots) {
    if (start >= dayStart && start < dayEnd) continue;
    const date = localDate(start, timeZone);
    dates.add(date);
    dayStart = wallTimeToInstant(date, '00:00', timeZone);
    dayEnd = wallTimeToInstant(date, '24:00', timeZone);
  }
  return [...dates].sort();
}
