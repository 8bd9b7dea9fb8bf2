import {
  addDaysToDate,
  localDate,
  wallTimeToInstant,
  formatInstant,
  weekdayOfDate,
} from '../lib/time/index.ts';
import type { BookingEngine } from './engine.ts';
import { OWNER } from './engine.ts';
import type { WeeklyHours } from './availability.ts';
import type { ProjectRecord, ResourceRecord } from './records.ts';

/** The keys of the demo data: the sandbox, the README's curl example and the tests use them. */
export const DEMO_KEYS = {
  owner: 'owner_test_doc_brown_1985',
  barber: 'widget_test_barber',
  consultant: 'widget_test_consultant',
  yoga: 'widget_test_yoga',
  paidClass: 'widget_test_paid_class',
  paidSession: 'widget_test_paid_session',
} as const;

const weekdays = (hours: Array<[string, string]>): WeeklyHours => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});

function resource(
  id: string,
  name: string,
  email: string,
  timezone: string,
  weekly_hours: WeeklyHours,
): ResourceRecord {
  return {
    id,
    name,
    email,
    timezone,
    weekly_hours,
    events: [],
    calendar: { id: `cal_${id}`, name: `${name}'s calendar` },
  };
}

function project(
  fields: Pick<ProjectRecord, 'id' | 'name' | 'app_key' | 'graph' | 'resources'> &
    Partial<ProjectRecord>,
): ProjectRecord {
  return {
    owner_email: 'doc@hillvalley.test',
    availability: { length: '1 hour', mode: 'roundrobin_random' },
    hold_duration: '10 minutes',
    booking_horizon: '6 months',
    booking_settings: {},
    customer_fields: {},
    ui: {},
    webhooks: [],
    // Customer emails link back to the sandbox, which opens the booking's manage view.
    manage_url: SANDBOX_MANAGE_URL,
    reminders: ['24 hours', '1 hour'],
    ...fields,
  };
}

/** The sandbox (`npm run demo`, Vite's default port) with a booking's manage-link parameters. */
export const SANDBOX_MANAGE_URL =
  'http://localhost:5173/?slotkit_booking={id}&slotkit_token={token}';

/**
 * Loads the sandbox's world: a barber (instant), a consultant (confirm/decline), Doc Brown's
 * yoga classes (20 seats with booking rules), a paid class and a paid session. Classes start
 * from tomorrow, relative to the engine's clock, so the demo never shows a stale week.
 */
export function seedDemo(engine: BookingEngine): void {
  const lunch: Array<[string, string]> = [
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ];
  const resources = [
    resource(
      'res_barber',
      'Biff at Hill Valley Barbers',
      'biff@hillvalley.test',
      'America/Los_Angeles',
      {
        ...weekdays(lunch),
        sat: [['10:00', '14:00']],
      },
    ),
    resource(
      'res_consultant',
      'Lorraine Baines, consultant',
      'lorraine@hillvalley.test',
      'Europe/Copenhagen',
      weekdays([['09:00', '17:00']]),
    ),
    resource(
      'res_doc',
      'Doc Brown',
      'doc@hillvalley.test',
      'America/New_York',
      weekdays([['06:00', '20:00']]),
    ),
    resource(
      'res_studio',
      'Clock Tower Studio',
      'studio@hillvalley.test',
      'America/New_York',
      weekdays([['06:00', '21:00']]),
    ),
    resource(
      'res_coach',
      'George McFly, writing coach',
      'george@hillvalley.test',
      'Europe/London',
      weekdays([['10:00', '18:00']]),
    ),
  ];
  for (const entry of resources) engine.addResource(entry);
  const projects = [
    project({
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
      webhooks: ['https://hooks.hillvalley.test/bookings'],
      description: 'A classic cut with a wash and a hot-towel finish.',
      price: { amount: 2500, currency: 'USD' },
      location: { type: 'place', name: 'Hill Valley Barbers, 1640 Riverside Drive' },
    }),
    project({
      id: 'proj_consultant',
      name: 'Baines Consulting',
      app_key: DEMO_KEYS.consultant,
      graph: 'confirm_decline',
      resources: ['res_consultant'],
      availability: { length: '1 hour', buffer: '15 minutes', mode: 'roundrobin_random' },
      description: 'An hour with Mr. Baines on your plans; he confirms each request himself.',
      location: { type: 'online' },
    }),
    project({
      id: 'proj_yoga',
      name: 'Doc Brown\u2019s Yoga',
      app_key: DEMO_KEYS.yoga,
      graph: 'group_customer',
      resources: ['res_doc'],
      description: 'Gentle morning yoga for every level. Bring your own mat.',
      price: { amount: 0, currency: 'USD' },
      location: { type: 'place', name: 'Sesame St, Middleburg, FL 32068, USA' },
    }),
    project({
      id: 'proj_paid_class',
      name: 'Clock Tower Pilates',
      app_key: DEMO_KEYS.paidClass,
      graph: 'group_customer_payment',
      resources: ['res_studio'],
      booking_settings: { payment_window: '15 minutes' },
      description: 'An hour of mat Pilates in a small group. The price is per seat.',
      price: { amount: 2000, currency: 'USD' },
      location: { type: 'place', name: 'Sesame St, Middleburg, FL 32068, USA' },
    }),
    project({
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
      description: 'A one-to-one writing session with George McFly, by video call.',
      price: { amount: 4500, currency: 'GBP' },
      location: { type: 'online' },
    }),
  ];
  for (const entry of projects) engine.addProject(entry);

  const now = engine.clock.now();
  const classSeries = (
    projectId: string,
    resourceId: string,
    timeZone: string,
    time: string,
    byDay: string,
    count: number,
    what: string,
    settings: Record<string, unknown>,
  ) => {
    const first = nextWeekday(localDate(now, timeZone), byDay);
    const start = wallTimeToInstant(first, time, timeZone);
    engine.createRecurring(
      {
        booking: {
          graph: 'group_owner',
          project_id: projectId,
          resource_id: resourceId,
          settings,
          event: {
            start: formatInstant(start, timeZone),
            end: formatInstant(start + 3_600_000, timeZone),
            what,
            where: 'Sesame St, Middleburg, FL 32068, USA',
            description: 'Please arrive 10 minutes before classes begin',
          },
        },
        recurring: { rrule: `FREQ=WEEKLY;BYDAY=${byDay};COUNT=${count}` },
      },
      OWNER,
    );
  };
  classSeries(
    'proj_yoga',
    'res_doc',
    'America/New_York',
    '07:00',
    'MO,WE,FR',
    9,
    'Doc Brown\u2019s Morning Yoga',
    {
      max_seats: 20,
      min_cancel_time: '1 day',
      min_booking_time: '2 hours',
      max_booking_time: '14 days',
    },
  );
  classSeries(
    'proj_paid_class',
    'res_studio',
    'America/New_York',
    '18:00',
    'TU,TH',
    6,
    'Clock Tower Pilates',
    {
      max_seats: 8,
      min_cancel_time: '12 hours',
      min_booking_time: '1 hour',
      payment_window: '15 minutes',
    },
  );
}

/** The first date after `date` whose weekday is one of the RRULE BYDAY codes. */
function nextWeekday(date: string, byDay: string): string {
  const codes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  const wanted = new Set(byDay.split(','));
  for (let offset = 1; offset <= 7; offset += 1) {
    const candidate = addDaysToDate(date, offset);
    if (wanted.has(codes[weekdayOfDate(candidate)]!)) return candidate;
  }
  return addDaysToDate(date, 1);
}
