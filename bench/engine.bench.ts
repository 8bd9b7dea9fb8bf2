/**
 * Engine benchmark (not a test): `npm run bench`. Prints timings of the two figures the engine
 * issue asks for, each as the median of a few repetitions on a fresh engine.
 *
 * Flags (after `--`): `--only availability|signups` runs one figure, `--reps N` overrides the
 * repetitions (a profile needs one), `--growth` adds the cost-growth tables.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BookingEngine, ManualClock, OWNER, type ResourceRecord } from '../src/engine/index.ts';

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

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median wall time of `repetitions` runs, each on a fresh setup. The CPU time this process
 * spent is printed beside it: on a shared machine wall time also counts other people's work.
 */
function measure(label: string, repetitions: number, setup: () => () => string): number {
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
  return median(times);
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

if (flags.only !== 'signups')
  measure('availability: 20 resources x 90 days, 15-minute increments', runs(5), () => {
    const engine = engineWith(20);
    // Some busy time: 2,000 one-hour bookings spread over the resources and days.
    for (let index = 0; index < 2000; index += 1) {
      const start = T0 + Math.floor(index / 20) * DAY * 0.9 + 9 * 3_600_000;
      engine.createBooking(
        {
          graph: 'instant',
          ignore_capacity: true,
          event: {
            start: new Date(start).toISOString(),
            end: new Date(start + 3_600_000).toISOString(),
            what: 'Busy',
            resource_id: `res_${index % 20}`,
          },
          customer: { name: 'Bench', email: 'bench@bench.test' },
          send_booking_confirmed_email_to_customer: { enabled: false },
          send_booking_notification_email_to_owner: { enabled: false },
        },
        OWNER,
      );
    }
    // One request may weigh at most MAX_CANDIDATE_SLOTS (100,000; 20 x 90 days x 96 is 172,800),
    // so the 90 days are asked as three 30-day months, as a calendar pages through them.
    const bodies = [0, 30, 60].map((day) => ({
      resources: Array.from({ length: 20 }, (_, index) => `res_${index}`),
      from: new Date(T0 + day * DAY).toISOString(),
      to: new Date(T0 + (day + 30) * DAY).toISOString(),
      length: '1 hour',
      timeslot_increments: '15 minutes',
      mode: 'roundrobin_random',
    }));
    return () => {
      const slots = bodies.reduce((sum, body) => sum + engine.availability(body, OWNER).length, 0);
      return `${slots} slots`;
    };
  });

if (flags.only !== 'availability')
  measure('sign-ups: 10,000 group_customer bookings over 500 classes', runs(3), () => {
    const engine = engineWith(1);
    const classes: string[] = [];
    for (let index = 0; index < 500; index += 1) {
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
    return () => {
      let soldOut = 0;
      for (let index = 0; index < 10_000; index += 1) {
        try {
          engine.createBooking(
            {
              graph: 'group_customer',
              related: { owner_booking_id: classes[(index * 7919) % 500]!, seats: 1 },
              customer: { name: `Customer ${index}`, email: `c${index}@bench.test` },
            },
            { role: 'public', projectId: 'proj_bench' },
          );
        } catch {
          soldOut += 1;
        }
      }
      return `${10_000 - soldOut} booked, ${soldOut} refused as sold out`;
    };
  });
