import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BookingEngine } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MARTY,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  iso,
  testProject,
} from './helpers.ts';

/**
 * Which bookings get reminders and when (src/engine/reminders.ts, planted by hand, issue #17):
 * only booked ones with a customer, never one still waiting on a payment or the host, each
 * instant once and in time order, none for an instant already here.
 */

const START = T0 + 3 * DAY + 2 * HOUR;

function reminding(reminders: string[], sms = false) {
  const made = makeEngine({ projects: [testProject({ booking_settings: {} })] });
  made.engine.updateProjectSettings('proj', { reminders, sms }, OWNER);
  return made;
}

const sentReminders = (engine: BookingEngine) =>
  engine.outbox().filter((entry) => entry.subject.startsWith('Reminder'));

/** The instants a booking still has to send, as stored (a snapshot shows them). */
const stored = (engine: BookingEngine, id: string) =>
  engine.snapshot().bookings.find((booking) => booking.id === id)!.reminders;

test('no reminder while a booking waits on a payment or the host, or for a class', () => {
  const { engine } = reminding(['24 hours']);
  const unpaid = engine.createBooking(oneToOne('instant_payment', START), PUBLIC);
  assert.equal(unpaid.reminder_at, undefined);
  const asked = engine.createBooking(oneToOne('confirm_decline', START + HOUR), PUBLIC);
  assert.equal(asked.reminder_at, undefined);
  // A class of the project holds time but has no customer of its own to remind.
  const groupClass = engine.createBooking(
    {
      graph: 'group_owner',
      project_id: 'proj',
      settings: { max_seats: 5 },
      event: {
        start: iso(START + 2 * HOUR),
        end: iso(START + 3 * HOUR),
        what: 'Yoga',
        resource_id: 'res_doc',
      },
    },
    OWNER,
  );
  for (const id of [unpaid.id, asked.id, groupClass.id])
    assert.equal(stored(engine, id), undefined);
  // Once the host confirms, the booking is booked and reminded.
  const confirmed = engine.performAction(asked.id, 'confirm', {}, OWNER);
  assert.equal(Date.parse(confirmed.reminder_at!), START + HOUR - DAY);
});

test('the same instant twice is one reminder; offsets in any order are sent in time order', () => {
  const { engine, clock } = reminding(['1 hour', '24 hours', '60 minutes']);
  const booking = engine.createBooking(oneToOne('instant', START), PUBLIC);
  assert.equal(Date.parse(booking.reminder_at!), START - DAY);
  assert.deepEqual(stored(engine, booking.id), [START - DAY, START - HOUR]);
  clock.set(START);
  assert.deepEqual(
    sentReminders(engine).map((entry) => Date.parse(entry.created_at)),
    [START - DAY, START - HOUR],
  );
  // All sent: nothing left stored, not even an empty list.
  assert.equal(stored(engine, booking.id), undefined);
});

test('a reminder whose instant is now is not queued, and a booked one is not reminded twice', () => {
  const { engine, clock } = reminding(['1 hour', '2 hours']);
  clock.set(START - HOUR);
  const booking = engine.createBooking(oneToOne('instant', START), PUBLIC);
  assert.equal(booking.reminder_at, undefined);
  clock.set(START);
  assert.equal(sentReminders(engine).length, 0);
  // Each queued instant sends once, even when the booking is read or touched in between.
  const later = reminding(['2 hours']);
  const other = later.engine.createBooking(oneToOne('instant', START), PUBLIC);
  later.clock.set(START - 2 * HOUR);
  later.engine.getBooking(other.id, OWNER);
  later.engine.updateBooking(other.id, { title: 'Moved desk' }, OWNER);
  later.clock.set(START);
  assert.equal(sentReminders(later.engine).length, 1);
});

test('the reminder email goes to the customer, titled with what is booked', () => {
  const { engine, clock } = reminding(['1 hour']);
  engine.createBooking(oneToOne('instant', START), PUBLIC);
  clock.set(START);
  const [mail] = sentReminders(engine);
  assert.equal(mail!.kind, 'email');
  assert.equal(mail!.to, MARTY.email);
  assert.equal(mail!.subject, 'Reminder: Mens haircut');
  // No SMS unless the project sends them, phone or not.
  assert.equal(engine.outbox().filter((entry) => entry.kind === 'sms').length, 0);
});

test('a project that sends SMS reminds a customer without a phone by email only', () => {
  const { engine, clock } = reminding(['1 hour'], true);
  const customer: Record<string, unknown> = { ...MARTY };
  delete customer.phone;
  engine.createBooking(oneToOne('instant', START, 60, { customer }), PUBLIC);
  clock.set(START);
  assert.deepEqual(
    sentReminders(engine).map((entry) => entry.kind),
    ['email'],
  );
  assert.equal(engine.outbox().filter((entry) => entry.kind === 'sms').length, 0);
});
