/**
 * Engine benchmark (not a test): `npm run bench`. Prints timings of the two figures the engine
 * issue asks for, each as the median of a few repetitions on a fresh engine.
 *
 * Flags (after `--`): `--only availability|signups|growth` runs one part, `--reps N` overrides the
 * repetitions (a profile needs one), `--growth` adds the cost-growth tables.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BookingEngine, ManualClock, OWNER, type ResourceRecord } from '../src/engine/index.ts';
import { MAX_CANDIDATE_SLOTS } from '../src/engine/slots.ts';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const DAY = 86_400_000;
const ZONES = ['Europe/Copenhagen', 'America/Los_Angeles', 'America/New_York', 'Asia/Tokyo', 'UTC'];

function resources(count: number): ResourceRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `res_${index}`,
    name: `Resource ${index}`,
    email: `r${index}@bench.test`,
    timezone: ZONES[index % ZONES.length]!,
    weekly_hours: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [
        day,
        [
          ['08:00', '12:00'],
          ['13:00', '18:00'],
        ],
      ]),
    ),
    events: [],
    calendar: { id: `cal_${index}`, name: `Calendar ${index}` },
  }));
}

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string' },
    reps: { type: 'string' },
    growth: { type: 'boolean', default: false },
  },
});
const runs = (fallback: number) => (flags.reps ? Number(flags.reps) : fallback);

// Wall time on a shared machine counts other people's work: say how busy it was, beside CPU time.
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
console.log(`load average at start: ${load()}`);
process.on('exit', () => console.log(`load average at end: ${load()}`));

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median wall time of `repetitions` runs, each on a fresh setup. The CPU time this process
 * spent is printed beside it: on a shared machine wall time also counts other people's work.
 */
function measure(
  label: string,
  repetitions: number,
  setup: () => () => string,
): { wall: number; cpu: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let detail = '';
  for (let run = 0; run < repetitions; run += 1) {
    const work = setup();
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    detail = work();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = (value: number) => value.toFixed(1).padStart(8);
  console.log(
    `${label.padEnd(58)} median ${ms(median(times))} ms (cpu ${ms(median(cpu))} ms)  (${detail})`,
  );
  return { wall: median(times), cpu: median(cpu) };
}

function engineWith(count: number) {
  const engine = new BookingEngine({ clock: new ManualClock(T0) });
  const all = resources(count);
  for (const resource of all) engine.addResource(resource);
  // A widget key is bound to a project: one that offers every resource and the seat graph.
  engine.addProject({
    id: 'proj_bench',
    name: 'Bench',
    app_key: 'widget_bench',
    graph: 'group_customer',
    resources: all.map((resource) => resource.id),
    owner_email: 'owner@bench.test',
    availability: { length: '1 hour', mode: 'roundrobin_random' },
    hold_duration: '10 minutes',
    booking_horizon: '6 months',
    booking_settings: {},
    customer_fields: {},
    ui: {},
    webhooks: [],
  });
  return engine;
}

/** An engine whose resources have about one one-hour booking a day each (2,000 for 20 x 90). */
function busyEngine(resourceCount: number, days: number) {
  const engine = engineWith(resourceCount);
  const bookings = Math.round((2000 / (20 * 90)) * resourceCount * days);
  for (let index = 0; index < bookings; index += 1) {
    const start = T0 + Math.floor(index / resourceCount) * DAY * ((90 * 20) / 2000) + 9 * 3_600_000;
    engine.createBooking(
      {
        graph: 'instant',
        ignore_capacity: true,
        event: {
          start: new Date(start).toISOString(),
          end: new Date(start + 3_600_000).toISOString(),
          what: 'Busy',
          resource_id: `res_${index % resourceCount}`,
        },
        customer: { name: 'Bench', email: 'bench@bench.test' },
        send_booking_confirmed_email_to_customer: { enabled: false },
        send_booking_notification_email_to_owner: { enabled: false },
      },
      OWNER,
    );
  }
  return engine;
}

/**
 * Availability over `days` at 15-minute steps. One request may weigh at most
 * MAX_CANDIDATE_SLOTS (20 x 90 days x 96 is 172,800), so the days are asked in the largest
 * whole-day pages under it, as a calendar pages through months.
 */
function availabilityWork(engine: BookingEngine, resourceCount: number, days: number) {
  const page = Math.min(30, Math.floor(MAX_CANDIDATE_SLOTS / (resourceCount * 96)));
  const bodies: Array<Record<string, unknown>> = [];
  for (let day = 0; day < days; day += page) {
    bodies.push({
      resources: Array.from({ length: resourceCount }, (_, index) => `res_${index}`),
      from: new Date(T0 + day * DAY).toISOString(),
      to: new Date(T0 + Math.min(days, day + page) * DAY).toISOString(),
      length: '1 hour',
      timeslot_increments: '15 minutes',
      mode: 'roundrobin_random',
    });
  }
  return () => {
    const slots = bodies.reduce((sum, body) => sum + engine.availability(body, OWNER).length, 0);
    return `${slots} slots in ${bodies.length} requests`;
  };
}

/** One resource with `count` classes of 18 seats, two hours apart. */
function classesEngine(count: number) {
  const engine = engineWith(1);
  const classes: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = T0 + DAY + index * 2 * 3_600_000;
    classes.push(
      engine.createBooking(
        {
          graph: 'group_owner',
          settings: { max_seats: 18 },
          ignore_capacity: true,
          event: {
            start: new Date(start).toISOString(),
            end: new Date(start + 3_600_000).toISOString(),
            what: `Class ${index}`,
            resource_id: 'res_0',
          },
        },
        OWNER,
      ).id,
    );
  }
  return { engine, classes };
}

/** `count` public sign-ups of one seat, spread over the classes; sold-out ones are refused. */
function signUpWork(engine: BookingEngine, classes: string[], count: number, first = 0) {
  return () => {
    let soldOut = 0;
    for (let index = first; index < first + count; index += 1) {
      try {
        engine.createBooking(
          {
            graph: 'group_customer',
            related: { owner_booking_id: classes[(index * 7919) % classes.length]!, seats: 1 },
            customer: { name: `Customer ${index}`, email: `c${index}@bench.test` },
          },
          { role: 'public', projectId: 'proj_bench' },
        );
      } catch {
        soldOut += 1;
      }
    }
    return `${count - soldOut} booked, ${soldOut} refused as sold out`;
  };
}

if (flags.only === undefined || flags.only === 'availability')
  measure('availability: 20 resources x 90 days, 15-minute increments', runs(5), () =>
    availabilityWork(busyEngine(20, 90), 20, 90),
  );

if (flags.only === undefined || flags.only === 'signups')
  measure('sign-ups: 10,000 group_customer bookings over 500 classes', runs(3), () => {
    const { engine, classes } = classesEngine(500);
    return signUpWork(engine, classes, 10_000);
  });

if (flags.growth || flags.only === 'growth') {
  const DAYS = [30, 90, 180];
  const cell = ({ wall, cpu }: { wall: number; cpu: number }) =>
    `${wall.toFixed(0)} / ${cpu.toFixed(0)}`.padStart(14);
  // One unmeasured round first, so the first cell does not pay for warming up the JIT.
  availabilityWork(busyEngine(20, 30), 20, 30)();
  const rows: string[] = [];
  for (const resourceCount of [5, 20, 40]) {
    const cells = DAYS.map((days) =>
      measure(`  availability ${resourceCount} resources x ${days} days`, 3, () =>
        availabilityWork(busyEngine(resourceCount, days), resourceCount, days),
      ),
    );
    rows.push(`${String(resourceCount).padEnd(10)}${cells.map(cell).join('')}`);
  }
  console.log('\nAvailability, median of 3: wall / CPU ms, by resources (rows) x days');
  console.log(`${'resources'.padEnd(10)}${DAYS.map((d) => `${d} days`.padStart(14)).join('')}`);
  for (const row of rows) console.log(row);
  const signUps: string[] = [];
  for (const existing of [0, 3_000, 10_000]) {
    const time = measure(`  1,000 sign-ups after ${existing} stored bookings`, 3, () => {
      // The existing bookings are seats in 18-seat classes other than the 500 signed up to.
      const { engine, classes } = classesEngine(500 + Math.ceil(existing / 18));
      signUpWork(engine, classes.slice(500), existing)();
      return signUpWork(engine, classes.slice(0, 500), 1_000, existing);
    });
    signUps.push(`${String(existing).padEnd(22)}${cell(time)}`);
  }
  console.log('\n1,000 sign-ups over 500 classes, median of 3: wall / CPU ms');
  console.log(`${'bookings already stored'.padEnd(22)}${'wall / cpu'.padStart(14)}`);
  for (const row of signUps) console.log(row);
}
