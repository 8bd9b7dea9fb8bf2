import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BookingEngine } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MARTY,
  MINUTE,
  OWNER,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  testProject,
  customerOf,
} from './helpers.ts';

const START = T0 + 3 * DAY + 2 * HOUR; // Thursday 10:00 UTC

function remindingEngine(settings: { sms?: boolean } = {}) {
  const made = makeEngine({ projects: [testProject({ booking_settings: {} })] });
  made.engine.updateProjectSettings(
    'proj',
    { reminders: ['24 hours', '1 hour'], ...settings },
    OWNER,
  );
  return made;
}

const reminders = (engine: BookingEngine) =>
  engine.outbox().filter((entry) => entry.subject.startsWith('Reminder'));

describe('reminders', () => {
  test('queued on the clock: reminder_at, then email at each instant', () => {
    const { engine, clock } = remindingEngine();
    const booking = engine.createBooking(oneToOne('instant', START), PUBLIC);
    assert.equal(Date.parse(booking.reminder_at!), START - DAY);
    clock.set(START - DAY - 1);
    assert.equal(reminders(engine).length, 0, 'not early');
    clock.set(START - 30 * MINUTE);
    const sent = reminders(engine);
    assert.deepEqual(
      sent.map((entry) => [entry.kind, entry.to, Date.parse(entry.created_at)]),
      [
        ['email', MARTY.email, START - DAY],
        ['email', MARTY.email, START - HOUR],
      ],
    );
    assert.match(sent[0]!.body, /When: .*02:00.*\(America\/Los_Angeles\)/);
    assert.equal(engine.getBooking(booking.id, OWNER).reminder_at, undefined, 'all sent');
  });

  test('SMS too when the project enables it and the customer gave a phone', () => {
    const { engine, clock } = remindingEngine({ sms: true });
    engine.createBooking(oneToOne('instant', START), PUBLIC);
    const noPhone = { ...MARTY, email: 'jennifer@hillvalley.test' } as Record<string, unknown>;
    delete noPhone.phone;
    engine.createBooking(oneToOne('instant', START + 2 * HOUR, 60, { customer: noPhone }), PUBLIC);
    clock.set(START - DAY);
    const sms = engine.outbox().filter((entry) => entry.kind === 'sms');
    assert.equal(sms.length, 1);
    assert.equal(sms[0]!.to, MARTY.phone);
    assert.match(sms[0]!.body, /^Reminder: Mens haircut .*\(America\/Los_Angeles\)/);
  });

  test('a cancelled booking drops its reminders; a moved one moves them', () => {
    const { engine, clock } = remindingEngine();
    const cancelled = engine.createBooking(oneToOne('instant', START), PUBLIC);
    engine.performAction(
      cancelled.id,
      'cancel_by_customer',
      {},
      customerOf(cancelled.customer_token!),
    );
    assert.equal(engine.getBooking(cancelled.id, OWNER).reminder_at, undefined);

    const moved = engine.createBooking(oneToOne('instant', START + 2 * HOUR), PUBLIC);
    const later = START + DAY;
    engine.reschedule(
      moved.id,
      { start: iso(later), end: iso(later + HOUR) },
      customerOf(moved.customer_token!),
    );
    const newId = engine.getBooking(moved.id, OWNER).related.rescheduled_to!;
    assert.equal(engine.getBooking(moved.id, OWNER).reminder_at, undefined);
    assert.equal(Date.parse(engine.getBooking(newId, OWNER).reminder_at!), later - DAY);

    clock.set(later);
    assert.deepEqual(
      reminders(engine).map((entry) => [entry.booking_id, Date.parse(entry.created_at)]),
      [
        [newId, later - DAY],
        [newId, later - HOUR],
      ],
      'only the moved booking is reminded, at its new times',
    );
  });

  test('a deleted booking (Makeplans DELETE) sends no reminders', () => {
    const { engine, clock } = remindingEngine();
    const booking = engine.createBooking(oneToOne('instant', START), PUBLIC);
    engine.deleteBooking(booking.id, OWNER);
    assert.equal(engine.getBooking(booking.id, OWNER).reminder_at, undefined);
    clock.set(START - 30 * MINUTE);
    assert.equal(reminders(engine).length, 0);
  });

  test('a reminder already past when booking is skipped; a snapshot keeps the rest queued', () => {
    const { engine, clock } = remindingEngine();
    clock.set(START - 2 * HOUR);
    const booking = engine.createBooking(oneToOne('instant', START), PUBLIC);
    assert.equal(Date.parse(booking.reminder_at!), START - HOUR);
    const saved = engine.snapshot();
    engine.clear();
    engine.restore(saved);
    clock.set(START);
    assert.deepEqual(
      reminders(engine).map((entry) => Date.parse(entry.created_at)),
      [START - HOUR],
    );
  });

  test('a bad reminders setting names the field and changes nothing', () => {
    const { engine } = remindingEngine();
    assert.throws(
      () => engine.updateProjectSettings('proj', { reminders: ['1 hour', 'soonish'] }, OWNER),
      (error: { details: Array<{ path: string }> }) =>
        error.details[0]!.path === 'body.reminders.1',
    );
    assert.deepEqual(engine.getProjectSettings('proj').reminders, ['24 hours', '1 hour']);
  });
});

describe('SMS verification', () => {
  const smsEngine = () =>
    makeEngine({ projects: [testProject({ booking_settings: { verification: 'sms' } })] });

  test('the code goes as an SMS to the customer\u2019s phone', () => {
    const { engine } = smsEngine();
    const booking = engine.createBooking(oneToOne('instant', START), PUBLIC);
    assert.equal(booking.state, 'awaiting_verification');
    const [sms] = engine.outbox();
    assert.equal(sms!.kind, 'sms');
    assert.equal(sms!.to, MARTY.phone);
    const code = /Your code (\d{6})/.exec(sms!.body)![1]!;
    assert.equal(engine.outbox().filter((entry) => entry.kind === 'email').length, 0);
    const verified = engine.verify(booking.id, code, customerOf(booking.customer_token!));
    assert.equal(verified.state, 'confirmed');
  });

  test('without a phone the booking is refused, naming the field', () => {
    const { engine } = smsEngine();
    const customer = { ...MARTY } as Record<string, unknown>;
    delete customer.phone;
    assert.throws(
      () => engine.createBooking(oneToOne('instant', START, 60, { customer }), PUBLIC),
      (error: { details: Array<{ path: string }> }) => error.details[0]!.path === 'customer.phone',
    );
    assert.equal(engine.outbox().length, 0);
    assert.equal(engine.listBookings({}, OWNER).length, 0);
  });
});
