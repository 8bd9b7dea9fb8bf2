import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineError } from '../../../src/engine/errors.ts';
import {
  BookingEngine,
  ManualClock,
  type BookingView,
  type OutboxView,
} from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MARTY,
  MINUTE,
  OWNER,
  OWNER_EMAIL,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  signUp,
  testProject,
  testResource,
  customerOf,
  SLOT,
} from './helpers.ts';

/**
 * The invitation an email carries and the time it names (src/engine/emails.ts, planted by hand,
 * issue #17): every field of the `.ics` file, the UID of a booking and of a chain of moves, and
 * the two module-level caches (the last invitation, the described times), which every engine in
 * the process shares and which must never hand one booking's words to another.
 */

/** The unfolded lines of the VEVENT of an email's attachment. */
function veventOf(entry: OutboxView | undefined): string[] {
  const file = entry?.attachments?.[0];
  assert.ok(file, `an .ics attachment on "${entry?.subject}"`);
  const lines = file.content.replace(/\r\n /g, '').split('\r\n');
  return lines.slice(lines.indexOf('BEGIN:VEVENT') + 1, lines.indexOf('END:VEVENT'));
}

const lastEmailTo = (engine: BookingEngine, to: string) =>
  engine
    .outbox()
    .filter((entry) => entry.kind === 'email' && entry.to === to)
    .at(-1);

const withDescription = (start: number, minutes = 60) => {
  const body = oneToOne('instant', start, minutes);
  return { ...body, event: { ...body.event, description: 'Bring a towel; and a comb' } };
};

test('an invitation names the place, the description, the organizer and when it was sent', () => {
  const { engine, clock } = makeEngine();
  clock.advance(30 * MINUTE);
  const booking = engine.createBooking(withDescription(SLOT), PUBLIC);
  for (const to of [MARTY.email, OWNER_EMAIL]) {
    const mail = lastEmailTo(engine, to);
    assert.equal(
      mail!.attachments![0]!.content_type,
      'text/calendar; charset=utf-8; method=REQUEST',
    );
    assert.deepEqual(veventOf(mail), [
      `UID:${booking.id}@slotkit`,
      'DTSTAMP:20261123T083000Z',
      'SEQUENCE:0',
      `ORGANIZER:mailto:${OWNER_EMAIL}`,
      'DTSTART:20261124T100000Z',
      'DTEND:20261124T110000Z',
      'SUMMARY:Mens haircut',
      'LOCATION:Sesame St',
      'DESCRIPTION:Bring a towel\\; and a comb',
    ]);
  }
});

test('a cancellation of a booking never moved has SEQUENCE 1, and after two moves 3', () => {
  const { engine } = makeEngine();
  const still = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  engine.performAction(still.id, 'cancel', {}, OWNER);
  assert.ok(
    veventOf(lastEmailTo(engine, MARTY.email)).includes('SEQUENCE:1'),
    `veventOf(lastEmailTo(engine, MARTY.email)).includes('SEQUENCE:1')`,
  );

  const first = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  const me = customerOf(first.customer_token!);
  let id = first.id;
  for (const days of [1, 2]) {
    engine.reschedule(
      id,
      { start: iso(SLOT + 2 * HOUR + days * DAY), end: iso(SLOT + 3 * HOUR + days * DAY) },
      me,
    );
    id = engine.getBooking(id, OWNER).related.rescheduled_to!;
  }
  engine.performAction(id, 'cancel', {}, OWNER);
  const lines = veventOf(lastEmailTo(engine, MARTY.email));
  assert.deepEqual(
    lines.filter((line) => /^(UID|SEQUENCE|DTSTART):/.test(line)),
    [`UID:${first.id}@slotkit`, 'SEQUENCE:3', 'DTSTART:20261126T120000Z'],
  );
});

test('two sign-ups of one class at the same instant each get their own UID', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT);
  const a = signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 1);
  const b = signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 2);
  assert.equal(a.id.length, b.id.length, 'ids of one length: only the UID tells them apart');
  assert.equal(veventOf(lastEmailTo(engine, 'customer1@example.test'))[0], `UID:${a.id}@slotkit`);
  assert.equal(veventOf(lastEmailTo(engine, 'customer2@example.test'))[0], `UID:${b.id}@slotkit`);
});

test('a booking whose id begins another’s UID still gets its own', () => {
  // Each id is one character shorter than the one before, so it begins every earlier id.
  let left = 90;
  const engine = new BookingEngine({
    clock: new ManualClock(T0),
    ids: () => `b${'x'.repeat((left -= 1))}`,
  });
  engine.addResource(testResource());
  engine.addProject(testProject());
  const yoga = openClass(engine, SLOT);
  const a = signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 1);
  const b = signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 2);
  assert.ok(a.id.startsWith(b.id), 'a.id.startsWith(b.id)');
  assert.equal(veventOf(lastEmailTo(engine, 'customer1@example.test'))[0], `UID:${a.id}@slotkit`);
  assert.equal(veventOf(lastEmailTo(engine, 'customer2@example.test'))[0], `UID:${b.id}@slotkit`);
});

/**
 * Two engines in one process give their first bookings the same id, so their invitations share
 * a UID; the one differing field must still reach the second engine's customer.
 */
test('an invitation is never the one another engine just sent for a booking of the same id', async (t) => {
  const second = (start = T0, owner = OWNER_EMAIL) =>
    makeEngine({ start, projects: [testProject({ owner_email: owner })] }).engine;
  const body = (minutes: number, from = SLOT) => oneToOne('instant', from, minutes);
  const cases: Array<{
    name: string;
    a: () => BookingView;
    b: (engine: BookingEngine) => BookingView;
    line: string;
  }> = [
    {
      name: 'a later start, the same end',
      a: () => makeEngine().engine.createBooking(body(60), PUBLIC),
      b: (engine) => engine.createBooking(body(30, SLOT + 30 * MINUTE), PUBLIC),
      line: 'DTSTART:20261124T103000Z',
    },
    {
      name: 'the same start, an earlier end',
      a: () => makeEngine().engine.createBooking(body(60), PUBLIC),
      b: (engine) => engine.createBooking(body(30), PUBLIC),
      line: 'DTEND:20261124T103000Z',
    },
    {
      name: 'another name',
      a: () => makeEngine().engine.createBooking(body(60), PUBLIC),
      b: (engine) =>
        engine.createBooking(
          { ...body(60), event: { ...body(60).event, what: 'Beard trim' } },
          PUBLIC,
        ),
      line: 'SUMMARY:Beard trim',
    },
    {
      name: 'another place',
      a: () => makeEngine().engine.createBooking(body(60), PUBLIC),
      b: (engine) =>
        engine.createBooking(
          { ...body(60), event: { ...body(60).event, where: 'Hill Valley' } },
          PUBLIC,
        ),
      line: 'LOCATION:Hill Valley',
    },
    {
      name: 'a description',
      a: () => makeEngine().engine.createBooking(body(60), PUBLIC),
      b: (engine) => engine.createBooking(withDescription(SLOT), PUBLIC),
      line: 'DESCRIPTION:Bring a towel\\; and a comb',
    },
    {
      name: 'sent a minute later',
      a: () => makeEngine().engine.createBooking(body(60), PUBLIC),
      b: (engine) => engine.createBooking(body(60), PUBLIC),
      line: 'DTSTAMP:20261123T080100Z',
    },
    {
      name: 'another organizer',
      a: () => makeEngine().engine.createBooking(body(60), PUBLIC),
      b: (engine) => engine.createBooking(body(60), PUBLIC),
      line: 'ORGANIZER:mailto:clara@hillvalley.test',
    },
    {
      name: 'never moved, where the other engine’s booking was moved once to the same time',
      a: () => {
        const { engine } = makeEngine();
        const moved = engine.createBooking(body(60, SLOT - DAY + 2 * HOUR), PUBLIC);
        engine.reschedule(
          moved.id,
          { start: iso(SLOT), end: iso(SLOT + HOUR) },
          customerOf(moved.customer_token!),
        );
        return moved;
      },
      b: (engine) => engine.createBooking(body(60), PUBLIC),
      line: 'SEQUENCE:0',
    },
  ];
  for (const { name, a, b, line } of cases)
    await t.test(name, () => {
      const engine =
        name === 'sent a minute later'
          ? second(T0 + MINUTE)
          : name === 'another organizer'
            ? second(T0, 'clara@hillvalley.test')
            : second();
      const uidOfA = a().id;
      assert.equal(b(engine).id, uidOfA, 'the same UID in both engines');
      assert.ok(veventOf(lastEmailTo(engine, MARTY.email)).includes(line), line);
    });
});

test('a cancellation is never the invitation another engine just sent with the same SEQUENCE', () => {
  // Engine B books 10:00 first; engine A then books 12:00 and moves it to 10:00 (REQUEST,
  // SEQUENCE 1); B cancels its own, never moved (CANCEL, SEQUENCE 1), at the same instant.
  const b = makeEngine().engine;
  const booked = b.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const a = makeEngine().engine;
  const moved = a.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  a.reschedule(
    moved.id,
    { start: iso(SLOT), end: iso(SLOT + HOUR) },
    customerOf(moved.customer_token!),
  );
  assert.equal(booked.id, moved.id, 'the same UID in both engines');
  b.performAction(booked.id, 'cancel', {}, OWNER);
  const mail = lastEmailTo(b, MARTY.email);
  assert.equal(mail!.attachments![0]!.content_type, 'text/calendar; charset=utf-8; method=CANCEL');
  assert.ok(
    mail!.attachments![0]!.content.includes('\r\nMETHOD:CANCEL\r\n'),
    `mail!.attachments![0]!.content.includes('\r\nMETHOD:CANCEL\r\n')`,
  );
  assert.ok(
    veventOf(mail).includes('STATUS:CANCELLED'),
    `veventOf(mail).includes('STATUS:CANCELLED')`,
  );
});

test('two bookings from the same instant in the same zone each name their own end', () => {
  const { engine } = makeEngine();
  const long = engine.createBooking(oneToOne('instant', SLOT, 60), PUBLIC);
  engine.performAction(long.id, 'cancel', {}, OWNER);
  engine.createBooking(oneToOne('instant', SLOT, 30), PUBLIC);
  const mail = lastEmailTo(engine, OWNER_EMAIL);
  assert.match(mail!.body, /\nWhen: Tuesday, 24 November 2026, 10:00–10:30 \(UTC\)\n/);
});

test('the owner’s customer line leaves out what the customer did not give', () => {
  const { engine } = makeEngine({
    projects: [testProject({ required_customer_fields: ['name'] })],
  });
  const customerLine = (customer: Record<string, string>, start: number) => {
    engine.createBooking({ ...oneToOne('instant', start), customer }, PUBLIC);
    return /\nCustomer: (.*)$/.exec(lastEmailTo(engine, OWNER_EMAIL)!.body)?.[1];
  };
  assert.equal(customerLine({ name: 'Biff', email: 'biff@hv.test' }, SLOT), 'Biff <biff@hv.test>');
  assert.equal(customerLine({ name: 'Biff', phone: '555' }, SLOT + 2 * HOUR), 'Biff, phone 555');
  assert.equal(customerLine({ name: 'Biff' }, SLOT + 4 * HOUR), 'Biff');
});

test('a snapshot whose moves loop back is refused, and the engine keeps what it had', () => {
  const { engine } = makeEngine();
  const first = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  engine.reschedule(
    first.id,
    { start: iso(SLOT + DAY), end: iso(SLOT + DAY + HOUR) },
    customerOf(first.customer_token!),
  );
  const moved = engine.getBooking(first.id, OWNER).related.rescheduled_to!;
  const before = JSON.stringify(engine.snapshot());
  const snapshot = engine.snapshot();
  const index = snapshot.bookings.findIndex((booking) => booking.id === first.id);
  const record = snapshot.bookings[index]!;
  record.related = { ...record.related, rescheduled_from: moved };
  assert.throws(
    () => engine.restore(snapshot),
    (error: EngineError) =>
      error.code === 'validation_failed' &&
      error.details?.[0]?.path === `store.bookings.${index}.related.rescheduled_from` &&
      error.details[0].message === `moves in a loop: "${first.id}" -> "${moved}" -> "${first.id}"`,
  );
  assert.equal(JSON.stringify(engine.snapshot()), before, 'nothing restored');
});
