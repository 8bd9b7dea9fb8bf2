import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BookingEngine, ManualClock, OWNER } from '../../../src/engine/index.ts';
import type { ResourceRecord } from '../../../src/engine/index.ts';
import { DAY, HOUR, MINUTE, testProject, testResource } from './helpers.ts';

/**
 * The engine's availability (cached zone offsets, numeric day walk, interval sweeps) against a
 * reference written here the slow, obvious way: every zone offset read from Intl.formatToParts,
 * every candidate start tried one by one against every opening period and busy interval. Random
 * weekly hours (overnight, "24:00", times inside DST gaps) in zones with DST, random events and
 * bookings, lengths, steps, buffers, modes and windows around the 2026 DST changes.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const ZONES = [
  'Europe/Copenhagen',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Santiago',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
] as const;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
// Days around the 2026 changes: Europe and North America in March/October-November, the
// southern hemisphere in April and September-October.
const ANCHORS = [
  '2026-03-06',
  '2026-03-27',
  '2026-04-03',
  '2026-09-05',
  '2026-09-25',
  '2026-10-23',
].map((date) => Date.parse(`${date}T00:00:00Z`));

// ---------------------------------------------------------------- the reference

const formats = new Map<string, Intl.DateTimeFormat>();

/** Offset in ms at the instant, read from Intl alone (nothing of src/lib/time). */
function offsetAt(ms: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string) => Number(parts.find((item) => item.type === type)!.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour') % 24,
    part('minute'),
    part('second'),
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Temporal's "compatible" reading of a wall time (ms on the local clock since 1970): the earliest
 * instant that shows it; in a spring-forward gap, the wall time read with the offset before.
 */
function wallToInstant(wall: number, timeZone: string): number {
  const offsets = new Set<number>();
  for (let hours = -15; hours <= 15; hours += 1)
    offsets.add(offsetAt(wall + hours * HOUR, timeZone));
  const showing = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === wall);
  if (showing.length) return Math.min(...showing);
  return wall - offsetAt(wall - DAY, timeZone);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

type Periods = Array<[number, number]>;

/** Joins periods that overlap or touch; sorts them and drops empty ones. */
function join(periods: Periods): Periods {
  const joined: Periods = [];
  for (const [start, end] of [...periods].sort((x, y) => x[0] - y[0])) {
    const last = joined.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else if (end > start) joined.push([start, end]);
  }
  return joined;
}

/**
 * The joined opening periods that reach into the window (`open`), and the periods whose starts
 * the slot grids step from (`grids`): the same periods, but a resource open round the clock
 * starts a grid at every local midnight. Nine days are walked before the window, so a chain of
 * touching hours that reaches the walk's first days has been open for over a week: every hour of
 * the week, for good.
 */
function openingPeriods(resource: ResourceRecord, from: number, to: number) {
  const periods: Periods = [];
  const dayOf = (ms: number) => Math.floor((ms + offsetAt(ms, resource.timezone)) / DAY);
  const firstDay = dayOf(from) - 9;
  for (let day = firstDay; day <= dayOf(to) + 1; day += 1) {
    const weekday = WEEKDAYS[new Date(day * DAY).getUTCDay()]!;
    for (const [open, close] of resource.weekly_hours[weekday] ?? []) {
      const closeDay = minutesOf(close) <= minutesOf(open) ? day + 1 : day;
      const start = wallToInstant(day * DAY + minutesOf(open) * MINUTE, resource.timezone);
      const end = wallToInstant(closeDay * DAY + minutesOf(close) * MINUTE, resource.timezone);
      periods.push([start, end]);
    }
  }
  const reaching = (list: Periods) => list.filter(([start, end]) => end > from && start < to);
  const open = reaching(join(periods));
  const walkStart = wallToInstant((firstDay + 1) * DAY, resource.timezone);
  if (!open.length || open[0]![0] > walkStart) return { open, grids: open, roundTheClock: false };
  const midnights: Periods = [];
  for (let day = firstDay; day <= dayOf(to) + 1; day += 1) {
    const midnight = (d: number) => wallToInstant(d * DAY, resource.timezone);
    midnights.push([midnight(day), midnight(day + 1)]);
  }
  return { open, grids: reaching(midnights), roundTheClock: true };
}

interface Query {
  resources: ResourceRecord[];
  busy: Map<string, Array<[number, number]>>;
  from: number;
  to: number;
  length: number;
  step: number;
  buffer: number;
  mode: 'roundrobin_random' | 'roundrobin_prioritized' | 'mutual';
}

/** Whether [start, start + length) may be booked on these periods clear of this busy time. */
function fits(q: Query, periods: Periods, busy: Periods, start: number) {
  const end = start + q.length;
  const inside = periods.some(([open, close]) => open <= start && end <= close);
  const clear = busy.every(([b0, b1]) => b1 + q.buffer <= start || end <= b0 - q.buffer);
  return inside && clear && start >= q.from && end <= q.to;
}

/** Every grid start of every grid period (each steps from its own start). */
function gridStarts(periods: Periods, step: number): number[] {
  const starts: number[] = [];
  for (const [open, close] of periods) for (let t = open; t < close; t += step) starts.push(t);
  return starts;
}

function intersectAll(lists: Periods[]): Periods {
  return lists.reduce((common, list) =>
    common.flatMap(([a0, a1]) =>
      list
        .map(([b0, b1]): [number, number] => [Math.max(a0, b0), Math.min(a1, b1)])
        .filter(([s, e]) => e > s),
    ),
  );
}

function referenceSlots(q: Query, random: () => number) {
  const periods = q.resources.map((r) => openingPeriods(r, q.from, q.to));
  const busy = q.resources.map((r) => q.busy.get(r.id) ?? []);
  if (q.mode === 'mutual') {
    const common = intersectAll(periods.map((p) => p.open));
    // One open round the clock never opens, so the others' hours start the common grid.
    const bounded = periods.filter((p) => !p.roundTheClock);
    const grids = intersectAll(
      (bounded.length ? bounded : periods.slice(0, 1)).map((p) => p.grids),
    );
    return gridStarts(grids, q.step)
      .filter((start) => q.resources.every((_, i) => fits(q, common, busy[i]!, start)))
      .map((start) => ({ start, ids: q.resources.map((r) => r.id) }));
  }
  const grids = periods.map((p) => new Set(gridStarts(p.grids, q.step)));
  const slots: Array<{ start: number; ids: string[] }> = [];
  for (const start of [...new Set(grids.flatMap((grid) => [...grid]))].sort((a, b) => a - b)) {
    const free = q.resources.filter(
      (_, i) => grids[i]!.has(start) && fits(q, periods[i]!.open, busy[i]!, start),
    );
    if (!free.length) continue;
    const pick =
      q.mode === 'roundrobin_random'
        ? Math.min(Math.floor(random() * free.length), free.length - 1)
        : 0;
    slots.push({ start, ids: [free[pick]!.id] });
  }
  return slots;
}

// ---------------------------------------------------------------- random schedules

const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const hours = fc.array(
  fc.tuple(fc.oneof(time, fc.constant('02:30')), fc.oneof(time, fc.constant('24:00'))),
  {
    maxLength: 2,
  },
);
const weekly = fc.record(Object.fromEntries(WEEKDAYS.map((day) => [day, hours])), {
  requiredKeys: [],
});
const busyPiece = fc.tuple(
  fc.integer({ min: -2 * 96, max: 12 * 96 }),
  fc.integer({ min: 1, max: 16 }),
); // 15-minute units from the anchor: start, length
// Now and then open round the clock, as whole days or as 24-hour periods from any hour.
const roundTheClock = fc
  .oneof(fc.constant('00:00'), time)
  .map((open) =>
    Object.fromEntries(WEEKDAYS.map((day) => [day, [[open, open === '00:00' ? '24:00' : open]]])),
  );
const resourceArb = fc.record({
  timezone: fc.constantFrom(...ZONES),
  weekly_hours: fc.oneof({ arbitrary: weekly, weight: 9 }, { arbitrary: roundTheClock, weight: 1 }),
  events: fc.array(busyPiece, { maxLength: 4 }),
  bookings: fc.array(busyPiece, { maxLength: 4 }),
});
const queryArb = fc.record({
  resources: fc.array(resourceArb, { minLength: 1, maxLength: 3 }),
  anchor: fc.constantFrom(...ANCHORS),
  fromUnits: fc.integer({ min: 0, max: 6 * 96 }),
  spanUnits: fc.integer({ min: 1, max: 8 * 96 }),
  length: fc.constantFrom(15, 30, 45, 60, 90, 120),
  step: fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
  buffer: fc.constantFrom(0, 0, 5, 15, 30),
  mode: fc.constantFrom(
    'roundrobin_random' as const,
    'roundrobin_prioritized' as const,
    'mutual' as const,
  ),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  outputZone: fc.constantFrom(...ZONES),
});

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const UNIT = 15 * MINUTE;
let answered = 0;

test('availability equals the slow reference on random schedules across DST changes', () => {
  fc.assert(
    fc.property(queryArb, (input) => {
      const at = (units: number) => input.anchor + units * UNIT;
      let random = seeded(input.seed);
      const engine = new BookingEngine({
        clock: new ManualClock(input.anchor - 7 * DAY),
        random: () => random(),
      });
      const resources = input.resources.map((r, index) =>
        testResource({
          id: `res_${index}`,
          calendar: { id: `cal_${index}`, name: `Calendar ${index}` },
          timezone: r.timezone,
          weekly_hours: r.weekly_hours,
          events: r.events.map(([start, units]) => ({
            start: at(start),
            end: at(start + units),
            what: 'Away',
          })),
        }),
      );
      for (const resource of resources) engine.addResource(resource);
      engine.addProject(testProject({ resources: resources.map((r) => r.id) }));
      const busy = new Map<string, Array<[number, number]>>();
      input.resources.forEach((r, index) => {
        const id = `res_${index}`;
        const list: Array<[number, number]> = r.events.map(([s, u]) => [at(s), at(s + u)]);
        for (const [start, units] of r.bookings) {
          engine.createBooking(
            {
              graph: 'instant',
              ignore_capacity: true,
              event: {
                start: new Date(at(start)).toISOString(),
                end: new Date(at(start + units)).toISOString(),
                what: 'Busy',
                resource_id: id,
              },
              customer: { name: 'Busy', email: 'busy@example.test' },
            },
            OWNER,
          );
          list.push([at(start), at(start + units)]);
        }
        busy.set(id, list);
      });
      const q: Query = {
        resources,
        busy,
        from: at(input.fromUnits),
        to: at(input.fromUnits + input.spanUnits),
        length: input.length * MINUTE,
        step: input.step * MINUTE,
        buffer: input.buffer * MINUTE,
        mode: input.mode,
      };
      random = seeded(input.seed);
      const slots = engine.availability(
        {
          resources: resources.map((r) => r.id),
          from: new Date(q.from).toISOString(),
          to: new Date(q.to).toISOString(),
          length: `${input.length} minutes`,
          timeslot_increments: `${input.step} minutes`,
          ...(input.buffer ? { buffer: `${input.buffer} minutes` } : {}),
          mode: q.mode,
          output_timezone: input.outputZone,
        },
        OWNER,
      );
      const expected = referenceSlots(q, seeded(input.seed));
      if (expected.length) answered += 1;
      const shown = (ms: number) => {
        const offset = offsetAt(ms, input.outputZone) / MINUTE;
        const sign = offset < 0 ? '-' : '+';
        const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
        const mm = String(Math.abs(offset) % 60).padStart(2, '0');
        return `${new Date(ms + offset * MINUTE).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
      };
      assert.deepEqual(
        slots.map((slot) => ({
          start: slot.start,
          end: slot.end,
          ids: slot.resources.map((r) => r.id),
        })),
        expected.map((slot) => ({
          start: shown(slot.start),
          end: shown(slot.start + q.length),
          ids: slot.ids,
        })),
      );
      // And the calendar's days (the dates endpoint) are the local dates of those slots.
      random = seeded(input.seed);
      const dates = engine.availabilityDates(
        {
          resources: resources.map((r) => r.id),
          from: new Date(q.from).toISOString(),
          to: new Date(q.to).toISOString(),
          length: `${input.length} minutes`,
          timeslot_increments: `${input.step} minutes`,
          ...(input.buffer ? { buffer: `${input.buffer} minutes` } : {}),
          mode: q.mode,
          output_timezone: input.outputZone,
        },
        OWNER,
      );
      assert.deepEqual(
        dates.map((d) => d.date),
        [...new Set(expected.map((slot) => shown(slot.start).slice(0, 10)))].sort(),
      );
    }),
    { numRuns: RUNS },
  );
  // Not vacuous: most random schedules offer some slots.
  assert.ok(answered > RUNS / 3, `only ${answered} of ${RUNS} schedules had slots`);
});
