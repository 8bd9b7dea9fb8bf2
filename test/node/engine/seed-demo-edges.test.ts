import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BookingEngine, DEMO_KEYS, ManualClock, seedDemo } from '../../../src/engine/index.ts';
import { SANDBOX_MANAGE_URL } from '../../../src/engine/seed.ts';

/**
 * The sandbox's world as `seedDemo` builds it (src/engine/seed.ts, planted by hand, issue #17):
 * every project's and resource's settings, and each class series' days, times, place and rules.
 * seed-demo.test.ts books through it; here each value the sandbox and the README show is held,
 * since a changed hour, price or rule otherwise passed every engine test.
 */

function seeded(now: string) {
  const engine = new BookingEngine({ clock: new ManualClock(now) });
  seedDemo(engine);
  return { engine, snapshot: engine.snapshot() };
}

const weekdays = (hours: Array<[string, string]>) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});

test('the demo keys and the sandbox manage link', () => {
  assert.deepEqual(DEMO_KEYS, {
    owner: 'owner_test_doc_brown_1985',
    barber: 'widget_test_barber',
    consultant: 'widget_test_consultant',
    yoga: 'widget_test_yoga',
    paidClass: 'widget_test_paid_class',
    paidSession: 'widget_test_paid_session',
  });
  assert.equal(
    SANDBOX_MANAGE_URL,
    'http://localhost:5173/?slotkit_booking={id}&slotkit_token={token}',
  );
});

test('five resources: their hours, time zones, owners and calendars', () => {
  const { snapshot } = seeded('2026-03-26T12:00:00Z');
  assert.deepEqual(
    snapshot.resources.map(({ id, name, email, timezone, weekly_hours, events, calendar }) => ({
      id,
      name,
      email,
      timezone,
      weekly_hours,
      events,
      calendar: { id: calendar?.id, name: calendar?.name },
    })),
    [
      {
        id: 'res_barber',
        name: 'Biff at Hill Valley Barbers',
        email: 'biff@hillvalley.test',
        timezone: 'America/Los_Angeles',
        weekly_hours: {
          ...weekdays([
            ['09:00', '12:00'],
            ['13:00', '17:00'],
          ]),
          sat: [['10:00', '14:00']],
        },
        events: [],
        calendar: { id: 'cal_res_barber', name: "Biff at Hill Valley Barbers's calendar" },
      },
      {
        id: 'res_consultant',
        name: 'Lorraine Baines, consultant',
        email: 'lorraine@hillvalley.test',
        timezone: 'Europe/Copenhagen',
        weekly_hours: weekdays([['09:00', '17:00']]),
        events: [],
        calendar: { id: 'cal_res_consultant', name: "Lorraine Baines, consultant's calendar" },
      },
      {
        id: 'res_doc',
        name: 'Doc Brown',
        email: 'doc@hillvalley.test',
        timezone: 'America/New_York',
        weekly_hours: weekdays([['06:00', '20:00']]),
        events: [],
        calendar: { id: 'cal_res_doc', name: "Doc Brown's calendar" },
      },
      {
        id: 'res_studio',
        name: 'Clock Tower Studio',
        email: 'studio@hillvalley.test',
        timezone: 'America/New_York',
        weekly_hours: weekdays([['06:00', '21:00']]),
        events: [],
        calendar: { id: 'cal_res_studio', name: "Clock Tower Studio's calendar" },
      },
      {
        id: 'res_coach',
        name: 'George McFly, writing coach',
        email: 'george@hillvalley.test',
        timezone: 'Europe/London',
        weekly_hours: weekdays([['10:00', '18:00']]),
        events: [],
        calendar: { id: 'cal_res_coach', name: "George McFly, writing coach's calendar" },
      },
    ],
  );
});

test('five projects: graph, lengths, windows, prices, places, reminders and the manage link', () => {
  const { engine } = seeded('2026-03-26T12:00:00Z');
  const common = {
    owner_email: 'doc@hillvalley.test',
    hold_duration: '10 minutes',
    booking_horizon: '6 months',
    customer_fields: {},
    ui: {},
    manage_url: SANDBOX_MANAGE_URL,
    reminders: ['24 hours', '1 hour'],
  };
  const place = { type: 'place', name: 'Sesame St, Middleburg, FL 32068, USA' };
  assert.deepEqual(engine.listProjects(), [
    {
      ...common,
      id: 'proj_barber',
      name: 'Hill Valley Barbers',
      app_key: DEMO_KEYS.barber,
      graph: 'instant',
      resources: ['res_barber'],
      availability: {
        length: '30 minutes',
        timeslot_increments: '30 minutes',
        mode: 'roundrobin_random',
      },
      booking_settings: {},
      webhooks: ['https://hooks.hillvalley.test/bookings'],
      description: 'A classic cut with a wash and a hot-towel finish.',
      price: { amount: 2500, currency: 'USD' },
      location: { type: 'place', name: 'Hill Valley Barbers, 1640 Riverside Drive' },
    },
    {
      ...common,
      id: 'proj_consultant',
      name: 'Baines Consulting',
      app_key: DEMO_KEYS.consultant,
      graph: 'confirm_decline',
      resources: ['res_consultant'],
      availability: { length: '1 hour', buffer: '15 minutes', mode: 'roundrobin_random' },
      booking_settings: {},
      webhooks: [],
      description: 'An hour with Mr. Baines on your plans; he confirms each request himself.',
      location: { type: 'online' },
    },
    {
      ...common,
      id: 'proj_yoga',
      name: 'Doc Brown\u2019s Yoga',
      app_key: DEMO_KEYS.yoga,
      graph: 'group_customer',
      resources: ['res_doc'],
      availability: { length: '1 hour', mode: 'roundrobin_random' },
      booking_settings: {},
      webhooks: [],
      description: 'Gentle morning yoga for every level. Bring your own mat.',
      price: { amount: 0, currency: 'USD' },
      location: place,
    },
    {
      ...common,
      id: 'proj_paid_class',
      name: 'Clock Tower Pilates',
      app_key: DEMO_KEYS.paidClass,
      graph: 'group_customer_payment',
      resources: ['res_studio'],
      availability: { length: '1 hour', mode: 'roundrobin_random' },
      booking_settings: { payment_window: '15 minutes' },
      webhooks: [],
      description: 'An hour of mat Pilates in a small group. The price is per seat.',
      price: { amount: 2000, currency: 'USD' },
      location: place,
    },
    {
      ...common,
      id: 'proj_paid_session',
      name: 'McFly Writing Sessions',
      app_key: DEMO_KEYS.paidSession,
      graph: 'instant_payment',
      resources: ['res_coach'],
      availability: {
        length: '45 minutes',
        timeslot_increments: '15 minutes',
        mode: 'roundrobin_random',
      },
      booking_settings: { payment_window: '10 minutes' },
      webhooks: [],
      description: 'A one-to-one writing session with George McFly, by video call.',
      price: { amount: 4500, currency: 'GBP' },
      location: { type: 'online' },
    },
  ]);
});

/** Each class of the seed: its project, resource, rules and event, in time order. */
function classes(now: string) {
  const { snapshot } = seeded(now);
  return snapshot.bookings
    .filter((booking) => booking.graph === 'group_owner')
    .sort((a, b) => a.event!.start - b.event!.start)
    .map((booking) => ({
      project: booking.project_id,
      resource: booking.resource_id,
      settings: booking.settings,
      start: new Date(booking.event!.start).toISOString(),
      minutes: (booking.event!.end - booking.event!.start) / 60_000,
      what: booking.event!.what,
      where: booking.event!.where,
      description: booking.event!.description,
    }));
}

test('two class series: yoga Mon/Wed/Fri at 07:00 and Pilates Tue/Thu at 18:00, New York, with their rules', () => {
  // Thursday 26 March 2026, 08:00 in New York: the first classes are from Friday on.
  const all = classes('2026-03-26T12:00:00Z');
  const yoga = all.filter((each) => each.project === 'proj_yoga');
  const pilates = all.filter((each) => each.project === 'proj_paid_class');
  assert.equal(all.length, 15);
  assert.deepEqual(
    yoga.map((each) => each.start),
    [
      '2026-03-27T11:00:00.000Z',
      '2026-03-30T11:00:00.000Z',
      '2026-04-01T11:00:00.000Z',
      '2026-04-03T11:00:00.000Z',
      '2026-04-06T11:00:00.000Z',
      '2026-04-08T11:00:00.000Z',
      '2026-04-10T11:00:00.000Z',
      '2026-04-13T11:00:00.000Z',
      '2026-04-15T11:00:00.000Z',
    ],
  );
  assert.deepEqual(
    pilates.map((each) => each.start),
    [
      '2026-03-31T22:00:00.000Z',
      '2026-04-02T22:00:00.000Z',
      '2026-04-07T22:00:00.000Z',
      '2026-04-09T22:00:00.000Z',
      '2026-04-14T22:00:00.000Z',
      '2026-04-16T22:00:00.000Z',
    ],
  );
  const { start: _yogaStart, ...firstYoga } = yoga[0]!;
  assert.deepEqual(firstYoga, {
    project: 'proj_yoga',
    resource: 'res_doc',
    settings: {
      max_seats: 20,
      min_booking_time: '2 hours',
      max_booking_time: '14 days',
      min_cancel_time: '1 day',
    },
    minutes: 60,
    what: 'Doc Brown\u2019s Morning Yoga',
    where: 'Sesame St, Middleburg, FL 32068, USA',
    description: 'Please arrive 10 minutes before classes begin',
  });
  const { start: _pilatesStart, ...firstPilates } = pilates[0]!;
  assert.deepEqual(firstPilates, {
    project: 'proj_paid_class',
    resource: 'res_studio',
    settings: {
      max_seats: 8,
      min_booking_time: '1 hour',
      min_cancel_time: '12 hours',
      payment_window: '15 minutes',
    },
    minutes: 60,
    what: 'Clock Tower Pilates',
    where: 'Sesame St, Middleburg, FL 32068, USA',
    description: 'Please arrive 10 minutes before classes begin',
  });
  for (const each of all.slice(1)) {
    const { start, ...rest } = each;
    assert.deepEqual(rest, each.project === 'proj_yoga' ? firstYoga : firstPilates, `at ${start}`);
  }
});

test('"tomorrow" is New York\u2019s: late in the evening there, the UTC date is already the next', () => {
  // Sunday 29 March, 21:00 in New York (Monday 01:00 UTC): Monday's yoga is the first class.
  const late = classes('2026-03-30T01:00:00Z');
  assert.equal(late[0]!.start, '2026-03-30T11:00:00.000Z');
  assert.equal(late[0]!.project, 'proj_yoga');
  // A Monday morning: that Monday's class is not "from tomorrow"; Tuesday's Pilates is the first.
  const monday = classes('2026-03-30T10:00:00Z');
  assert.deepEqual(
    monday.slice(0, 2).map((each) => [each.project, each.start]),
    [
      ['proj_paid_class', '2026-03-31T22:00:00.000Z'],
      ['proj_yoga', '2026-04-01T11:00:00.000Z'],
    ],
  );
});
