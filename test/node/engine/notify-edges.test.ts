import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BookingEngine,
  ManualClock,
  builtInGraphs,
  type GraphDefinition,
} from '../../../src/engine/index.ts';
import {
  HOUR,
  MARTY,
  OWNER,
  OWNER_EMAIL,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  signUp,
  testProject,
  testResource,
  customerOf,
  SLOT,
} from './helpers.ts';

/**
 * Who an email goes to and what a filled-in text says (src/engine/notify.ts, planted by hand,
 * issue #17): the owner's address from the booking's resource, a sign-up's class's resource,
 * the project, or a placeholder; the zone each side reads; a customer without an email; every
 * placeholder of a text filled in; an SMS's subject.
 */

const CLARA = 'clara@hillvalley.test';
const BOSS = 'boss@hillvalley.test';

/** Doc (UTC, the default test resource) and Clara (Tokyo, her own address), in a project of Boss's. */
function twoResources() {
  return makeEngine({
    resources: [
      testResource(),
      testResource({
        id: 'res_clara',
        name: 'Clara Clayton',
        email: CLARA,
        timezone: 'Asia/Tokyo',
        calendar: { id: 'cal_clara', name: 'Clara' },
      }),
    ],
    projects: [testProject({ owner_email: BOSS, resources: ['res_doc', 'res_clara'] })],
  });
}

const onClara = (start: number) => {
  const body = oneToOne('instant', start);
  return { ...body, event: { ...body.event, resource_id: 'res_clara' } };
};

test('the owner’s emails go to the booking’s resource, in its zone, not to the project', () => {
  const { engine } = twoResources();
  // 02:00 UTC is 11:00 in Tokyo, inside Clara's hours.
  const booking = engine.createBooking(onClara(SLOT - 8 * HOUR), PUBLIC);
  const toOwner = engine.outbox().filter((entry) => entry.subject === 'New booking: Mens haircut');
  assert.deepEqual(
    toOwner.map((entry) => entry.to),
    [CLARA],
  );
  assert.match(
    toOwner[0]!.body,
    /\nWhen: Tuesday, 24 November 2026, 11:00–12:00 \(Asia\/Tokyo\)\n/,
  );
  const logs = engine.getBooking(booking.id, OWNER, ['logs']).logs!;
  assert.ok(
    logs.some(
      (entry) => entry.description === `Trying to send (new booking) email to owner (${CLARA})...`,
    ),
    'logs.some((entry) => entry.description === `Trying to send (new booking) email to owner (${CLARA})...`)',
  );
  assert.ok(
    logs.some((entry) => entry.description === `Email sent to ${CLARA}!`),
    'logs.some((entry) => entry.description === `Email sent to ${CLARA}!`)',
  );
});

test('a customer who sent no zone reads the resource’s', () => {
  const { engine } = twoResources();
  const body = onClara(SLOT - 8 * HOUR);
  engine.createBooking(
    { ...body, customer: { name: 'Lorraine', email: 'lorraine@hv.test' } },
    PUBLIC,
  );
  const [mail] = engine.outbox().filter((entry) => entry.to === 'lorraine@hv.test');
  assert.match(mail!.body, /\nWhen: Tuesday, 24 November 2026, 11:00–12:00 \(Asia\/Tokyo\)\n/);
});

test('a sign-up’s owner email goes to its class’s resource, in that resource’s zone', () => {
  const { engine } = twoResources();
  const yoga = engine.createBooking(
    {
      graph: 'group_owner',
      settings: { max_seats: 5 },
      event: { start: iso(SLOT), end: iso(SLOT + HOUR), what: 'Yoga', resource_id: 'res_clara' },
    },
    OWNER,
  );
  const seat = signUp(engine, yoga.id, 1, PUBLIC, 'group_customer', 1);
  engine.performAction(seat.id, 'cancel_by_owner', {}, OWNER);
  const logs = engine.getBooking(seat.id, OWNER, ['logs']).logs!;
  assert.ok(
    logs.some((entry) => entry.description === `Seat booking was cancelled by: ${CLARA}`),
    logs.map((entry) => entry.description).join('\n'),
  );
});

test('a restored booking without a resource writes to the project’s owner, or else nobody real', () => {
  const { engine } = twoResources();
  const ofProject = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const ofNobody = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), OWNER);
  const snapshot = engine.snapshot();
  for (const record of snapshot.bookings) delete record.resource_id;
  const nobody = snapshot.bookings.find((record) => record.id === ofNobody.id)!;
  delete nobody.project_id;
  engine.restore(snapshot);
  const before = engine.outbox().length;
  // A booking of no project has no customer key: the owner acts for the customer.
  engine.performAction(ofProject.id, 'cancel_by_customer', {}, OWNER);
  engine.performAction(ofNobody.id, 'cancel_by_customer', {}, OWNER);
  const toOwner = engine
    .outbox()
    .slice(before)
    .filter((entry) => entry.subject.startsWith('Booking cancelled by the customer'));
  assert.deepEqual(
    toOwner.map((entry) => entry.to),
    [BOSS, 'owner@slotkit.invalid'],
  );
  // No resource, no zone of its own: the owner reads UTC.
  assert.match(toOwner[0]!.body, /\nWhen: .*10:00–11:00 \(UTC\)\n/);
});

test('a customer without an email gets no email, and no line says one was tried', () => {
  const { engine } = makeEngine({
    projects: [testProject({ required_customer_fields: ['name'] })],
  });
  const biff = { name: 'Biff', timezone: 'Asia/Tokyo' };
  const booked = engine.createBooking({ ...oneToOne('instant', SLOT), customer: biff }, PUBLIC);
  const request = engine.createBooking(
    { ...oneToOne('confirm_decline', SLOT + 2 * HOUR), customer: biff },
    PUBLIC,
  );
  assert.deepEqual(
    engine
      .outbox()
      .filter((entry) => entry.kind === 'email')
      .map((entry) => [entry.to, entry.subject]),
    [
      [OWNER_EMAIL, 'New booking: Mens haircut'],
      [OWNER_EMAIL, 'Please confirm or decline: Mens haircut'],
    ],
  );
  const tried = (id: string) =>
    engine
      .getBooking(id, OWNER, ['logs'])
      .logs!.filter((entry) => /^(Trying to send|Email sent)/.test(entry.description))
      .map((entry) => entry.description);
  assert.deepEqual(tried(booked.id), [
    `Trying to send (new booking) email to owner (${OWNER_EMAIL})...`,
    `Email sent to ${OWNER_EMAIL}!`,
  ]);
  assert.deepEqual(tried(request.id), [
    `Trying to send (confirm/decline) email to owner (${OWNER_EMAIL})...`,
    `Email sent to ${OWNER_EMAIL}!`,
  ]);
  engine.performAction(request.id, 'cancel_by_customer', {}, customerOf(request.customer_token!));
  const logs = engine.getBooking(request.id, OWNER, ['logs']).logs!;
  assert.ok(
    logs.some((entry) => entry.description === 'Booking was cancelled by customer: '),
    'no address to name',
  );
});

test('the customer’s copy of an owner email is in the customer’s zone', () => {
  const { engine } = makeEngine();
  engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  const [received] = engine
    .outbox()
    .filter((entry) => entry.subject === 'Request received: Mens haircut');
  assert.equal(received!.to, MARTY.email);
  assert.match(
    received!.body,
    /\nWhen: Tuesday, 24 November 2026, 02:00–03:00 \(America\/Los_Angeles\)\n/,
  );
  assert.ok(!received!.body.includes('Customer:'), 'the customer’s own copy, not the owner’s');
});

test('every placeholder of a text is filled in, each time it appears', () => {
  const twice = '{what}/{what} {customer_email}/{customer_email} {owner_email}/{owner_email}';
  const rewrite = (graph: GraphDefinition): GraphDefinition =>
    graph.name !== 'instant'
      ? graph
      : {
          ...graph,
          actions: Object.fromEntries(
            Object.entries(graph.actions).map(([name, action]) => [
              name,
              {
                ...action,
                steps: action.steps.map((step) =>
                  step.effect?.type === 'log'
                    ? { ...step, effect: { ...step.effect, text: twice } }
                    : step.effect?.type === 'email'
                      ? { ...step, effect: { ...step.effect, subject: `Again: ${twice}` } }
                      : step,
                ),
              },
            ]),
          ),
        };
  const engine = new BookingEngine({
    clock: new ManualClock(T0),
    graphs: builtInGraphs.map(rewrite),
  });
  engine.addResource(testResource());
  engine.addProject(testProject());
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  engine.performAction(booking.id, 'cancel_by_customer', {}, customerOf(booking.customer_token!));
  const filled =
    'Mens haircut/Mens haircut marty@hillvalley.test/marty@hillvalley.test ' +
    'doc@hillvalley.test/doc@hillvalley.test';
  const logs = engine.getBooking(booking.id, OWNER, ['logs']).logs!;
  assert.ok(
    logs.some((entry) => entry.description === filled),
    logs.map((entry) => entry.description).join('\n'),
  );
  assert.ok(
    engine.outbox().some((entry) => entry.subject === `Again: ${filled}`),
    'engine.outbox().some((entry) => entry.subject === `Again: ${filled}`)',
  );
});

test('an SMS’s subject is its text', () => {
  const { engine, clock } = makeEngine();
  engine.updateProjectSettings('proj', { reminders: ['1 hour'], sms: true }, OWNER);
  engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  clock.set(SLOT - HOUR);
  const sms = engine.outbox().filter((entry) => entry.kind === 'sms');
  assert.equal(sms.length, 1);
  assert.equal(sms[0]!.to, MARTY.phone);
  assert.match(sms[0]!.body, /^Reminder: Mens haircut /);
  assert.equal(sms[0]!.subject, sms[0]!.body);
});

test('an action’s log line holds the message given with it, else an empty list', () => {
  const { engine } = makeEngine();
  const quiet = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const told = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  const blank = engine.createBooking(oneToOne('instant', SLOT + 4 * HOUR), PUBLIC);
  engine.performAction(quiet.id, 'cancel', {}, OWNER);
  engine.performAction(told.id, 'cancel', { cancel: { message: ' Flooded ' } }, OWNER);
  engine.performAction(blank.id, 'cancel', { cancel: { message: ' \n ' } }, OWNER);
  const cancelLine = (id: string) =>
    engine
      .getBooking(id, OWNER, ['logs'])
      .logs!.find((entry) => entry.description === `Booking was cancelled by: ${OWNER_EMAIL}`)!;
  assert.equal(cancelLine(quiet.id).data, '[]');
  assert.equal(cancelLine(told.id).data, '{"message":" Flooded "}', 'kept as written');
  // Blank is no message, in the log as in the email and the manage view.
  assert.equal(cancelLine(blank.id).data, '[]');
  const mail = (id: string) =>
    engine
      .outbox()
      .filter((entry) => entry.booking_id === id && entry.to === MARTY.email)
      .at(-1)!.body;
  assert.match(mail(told.id), /\n\nMessage: Flooded$/, 'the email shows it trimmed');
  assert.doesNotMatch(mail(blank.id), /Message:/);
});

test('an email has links and a calendar file only when it carries them, no empty keys', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  engine.performAction(booking.id, 'decline', {}, OWNER);
  const keys = engine.outbox().map((entry) => [entry.subject, Object.keys(entry)]);
  const plain = ['id', 'kind', 'to', 'subject', 'body', 'booking_id', 'state', 'created_at'];
  assert.deepEqual(keys, [
    ['Please confirm or decline: Mens haircut', [...plain, 'links']],
    ['Request received: Mens haircut', plain],
    ['Booking declined: Mens haircut', plain],
  ]);
});
