import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BookingEngine,
  ManualClock,
  builtInGraphs,
  type Actor,
  type GraphDefinition,
} from '../../../src/engine/index.ts';
import {
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  T0,
  customerOf,
  makeEngine,
  oneToOne,
  rejects,
  snapshotJson,
  testProject,
  testResource,
  SLOT,
} from './helpers.ts';

/**
 * A caller's actions on a booking (src/engine/actions.ts, planted by hand, issue #17): who may
 * ask for what, the words of a refusal, the body's parts, the verification code's count and
 * lock (the HTTP tests of test/node/mock reach them; no engine test did), and the owner's status.
 */

const SYSTEM: Actor = { role: 'system' };

/** A booking awaiting its emailed code (a 30-minute window), and the code. */
function awaitingCode() {
  const made = makeEngine({
    projects: [
      testProject({
        booking_settings: { verification: 'email', verification_window: '30 minutes' },
      }),
    ],
  });
  const booking = made.engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  assert.equal(booking.state, 'awaiting_verification');
  const code = /Verification code: (\d{6})/.exec(made.engine.outbox().at(-1)!.body)![1]!;
  const customer = customerOf(booking.customer_token!);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const logs = () =>
    made.engine.getBooking(booking.id, OWNER, ['logs']).logs!.map((line) => line.description);
  const stored = () => made.engine.snapshot().bookings.find((b) => b.id === booking.id)!;
  return { ...made, booking, code, wrong, customer, logs, stored };
}

test('five wrong codes: each counts down in words and is logged; the fifth locks, and the lock commits', () => {
  const { engine, clock, booking, code, wrong, customer, logs, stored } = awaitingCode();
  const left = ['4 attempts left', '3 attempts left', '2 attempts left', '1 attempt left'];
  for (const [index, words] of left.entries()) {
    const error = rejects(() => engine.verify(booking.id, wrong, customer), 'validation_failed');
    assert.deepEqual(error.details, [
      { path: 'verify.code', message: `does not match the code we sent; ${words}` },
    ]);
    assert.equal(logs().at(-1), `Wrong verification code (${index + 1} of 5)`);
    assert.equal(stored().verification!.failed_attempts, index + 1);
    assert.equal(stored().verification!.locked_at, undefined);
  }
  clock.set(T0 + 5 * MINUTE);
  const locked = rejects(() => engine.verify(booking.id, wrong, customer), 'verification_locked');
  assert.equal(
    locked.message,
    'Verification of this booking is locked after 5 wrong codes. It lapses at ' +
      '2026-11-23T08:30:00+00:00 and frees its time; book again then, or ask the business to confirm it.',
  );
  assert.deepEqual(logs().slice(-2), [
    'Wrong verification code (5 of 5)',
    'Verification locked after 5 wrong codes',
  ]);
  assert.equal(stored().verification!.failed_attempts, 5);
  assert.equal(stored().verification!.locked_at, T0 + 5 * MINUTE);
  // Locked: the right code is refused too, and nothing more is counted or logged.
  const before = snapshotJson(engine);
  const again = rejects(() => engine.verify(booking.id, code, customer), 'verification_locked');
  assert.equal(again.message, locked.message);
  assert.equal(snapshotJson(engine), before);
  assert.equal(engine.getBooking(booking.id, OWNER).state, 'awaiting_verification');
});

test('a locked booking with no deadline left is told to book again or ask the business', () => {
  const { engine, booking, wrong, customer, stored } = awaitingCode();
  for (let attempt = 0; attempt < 4; attempt += 1)
    rejects(() => engine.verify(booking.id, wrong, customer), 'validation_failed');
  // A snapshot of a locked booking whose deadline is gone (an owner's restore, say).
  const snapshot = engine.snapshot();
  const record = snapshot.bookings.find((b) => b.id === booking.id)!;
  record.verification = { ...stored().verification!, failed_attempts: 5, locked_at: T0 };
  delete record.timer;
  engine.restore(snapshot);
  const error = rejects(() => engine.verify(booking.id, wrong, customer), 'verification_locked');
  assert.equal(
    error.message,
    'Verification of this booking is locked after 5 wrong codes. Book again, or ask the business to confirm it.',
  );
});

test('the right code after wrong ones verifies; the code may come as a number', () => {
  const { engine, booking, code, wrong, customer, logs } = awaitingCode();
  rejects(() => engine.verify(booking.id, wrong, customer), 'validation_failed');
  assert.notEqual(code[0], '0', 'this engine’s first code has no leading zero');
  const verified = engine.verify(booking.id, Number(code), customer);
  assert.equal(verified.state, 'confirmed');
  assert.ok(logs().includes('Verification code accepted'), 'the step logged the code');
});

test('a code that is neither text nor a number, or none, is required; nothing is counted', () => {
  const { engine, booking, customer, stored } = awaitingCode();
  for (const code of [undefined, true, { code: '1' }, null]) {
    const error = rejects(() => engine.verify(booking.id, code, customer), 'validation_failed');
    assert.deepEqual(error.details, [{ path: 'verify.code', message: 'is required' }]);
  }
  assert.equal(stored().verification!.failed_attempts, undefined);
});

test('the owner and the engine’s own actor neither count nor lock; the owner may verify without a code', () => {
  for (const actor of [OWNER, SYSTEM]) {
    const { engine, booking, code, wrong, customer, stored } = awaitingCode();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const error = rejects(() => engine.verify(booking.id, wrong, actor), 'validation_failed');
      assert.deepEqual(error.details, [
        { path: 'verify.code', message: 'does not match the code we sent' },
      ]);
    }
    assert.equal(stored().verification!.failed_attempts, undefined);
    // The customer still has all five tries.
    const error = rejects(() => engine.verify(booking.id, wrong, customer), 'validation_failed');
    assert.equal(error.details![0]!.message, 'does not match the code we sent; 4 attempts left');
    assert.equal(engine.verify(booking.id, code, actor).state, 'confirmed');
  }
  const { engine, booking } = awaitingCode();
  const verified = engine.verify(booking.id, undefined, OWNER);
  assert.equal(verified.state, 'confirmed');
  assert.equal(
    verified.logs!.some((line) => line.description === 'Verified by the owner without a code'),
    true,
  );
});

test('the owner verifies a locked booking with its code; the customer may not', () => {
  const { engine, booking, code, wrong, customer } = awaitingCode();
  for (let attempt = 0; attempt < 5; attempt += 1)
    assert.throws(() => engine.verify(booking.id, wrong, customer));
  rejects(() => engine.verify(booking.id, code, customer), 'verification_locked');
  assert.equal(engine.verify(booking.id, code, OWNER).state, 'confirmed');
});

/** The owner's own instant_payment: `pay` alone from tentative, its first step named otherwise. */
function payOnlyEngine() {
  const graphs: GraphDefinition[] = builtInGraphs.map((graph) => {
    if (graph.name !== 'instant_payment') return graph;
    const copy = structuredClone(graph);
    delete copy.actions.release;
    copy.actions.pay!.steps[0]!.name = 'register_payment';
    return copy;
  });
  const engine = new BookingEngine({ clock: new ManualClock(T0), graphs });
  engine.addResource(testResource());
  engine.addProject(testProject());
  return engine;
}

test('a refusal names the graph, the state and the one action left, or says the state is final', () => {
  const engine = payOnlyEngine();
  const booking = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
  const error = rejects(
    () => engine.performAction(booking.id, 'cancel', {}, OWNER),
    'invalid_action',
  );
  assert.equal(
    error.message,
    '"cancel" is not possible on this instant_payment booking in state "tentative". Possible actions: pay.',
  );
  const { engine: plain } = makeEngine();
  const confirmed = plain.createBooking(oneToOne('instant', SLOT), PUBLIC);
  plain.performAction(confirmed.id, 'cancel', {}, OWNER);
  const final = rejects(
    () => plain.performAction(confirmed.id, 'complete', {}, OWNER),
    'invalid_action',
  );
  assert.equal(
    final.message,
    '"complete" is not possible on this instant booking in state "cancelled". It is final: no actions are possible.',
  );
});

test('an action’s input may be keyed by the action’s own name, even when no step bears it', () => {
  const engine = payOnlyEngine();
  const booking = engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
  const paid = engine.performAction(
    booking.id,
    'pay',
    { pay: { message: 'Paid at the desk' } },
    customerOf(booking.customer_token!),
  );
  assert.equal(paid.state, 'paid');
});

test('the engine’s own actor may not ask for what only deadlines do', () => {
  const { engine } = makeEngine({
    projects: [testProject({ booking_settings: { verification: 'email' } })],
  });
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const before = snapshotJson(engine);
  const error = rejects(
    () => engine.performAction(booking.id, 'expire_verification', {}, SYSTEM),
    'invalid_action',
  );
  assert.equal(
    error.message,
    '"expire_verification" is not possible on this instant booking in state "awaiting_verification". ' +
      'Possible actions: verify, cancel, cancel_by_customer.',
  );
  assert.equal(snapshotJson(engine), before);
});

test('no body is an empty body', () => {
  const { engine } = makeEngine();
  const first = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const second = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  const third = engine.createBooking(oneToOne('instant', SLOT + 4 * HOUR), PUBLIC);
  assert.equal(engine.performAction(first.id, 'cancel', undefined, OWNER).state, 'cancelled');
  assert.equal(engine.performAction(second.id, 'cancel', null, OWNER).state, 'cancelled');
  const error = rejects(
    () => engine.performAction(third.id, 'cancel', [], OWNER),
    'validation_failed',
  );
  assert.deepEqual(error.details, [{ path: 'body', message: 'must be a JSON object' }]);
});

test('Makeplans’ message switches work on actions: the owner’s, never a widget key’s', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const customer = customerOf(booking.customer_token!);
  const refused = rejects(
    () =>
      engine.performAction(
        booking.id,
        'cancel_by_customer',
        { cancellation_send_email: false },
        customer,
      ),
    'field_not_allowed',
  );
  assert.equal(
    refused.message,
    'A widget key may not set cancellation_send_email: only the owner key switches messages.',
  );
  const sent = engine.outbox().length;
  const cancelled = engine.performAction(
    booking.id,
    'cancel',
    { cancellation_send_email: false },
    OWNER,
  );
  assert.equal(cancelled.state, 'cancelled');
  assert.deepEqual(
    engine
      .outbox()
      .slice(sent)
      .filter((entry) => entry.to === 'marty@hillvalley.test'),
    [],
  );
});

test('statuses: the owner’s alone, on a live or completed booking, never a cancelled one', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const forbidden = rejects(() => engine.setStatus(booking.id, 'no_show', SYSTEM), 'forbidden');
  assert.equal(forbidden.message, 'Only the owner may set a booking\u2019s status.');
  const unknown = rejects(
    () => engine.setStatus(booking.id, ['no_show'], OWNER),
    'validation_failed',
  );
  assert.deepEqual(unknown.details, [
    { path: 'status', message: 'must be one of checked_in, in_progress, completed, no_show' },
  ]);
  engine.performAction(booking.id, 'complete', {}, OWNER);
  const completed = engine.setStatus(booking.id, 'no_show', OWNER);
  assert.equal(completed.status, 'no_show');
  assert.equal(completed.state, 'completed');
  const other = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  engine.performAction(other.id, 'cancel', {}, OWNER);
  const cancelled = rejects(() => engine.setStatus(other.id, 'completed', OWNER), 'invalid_action');
  assert.equal(cancelled.message, 'A cancelled booking takes no status.');
});

/**
 * The owner's own instant graph whose code is entered by `check_code`, a step after a log line:
 * the count and its words follow the action, whatever its name and wherever its check.
 */
function checkCodeEngine() {
  const graphs: GraphDefinition[] = builtInGraphs.map((graph) => {
    if (graph.name !== 'instant') return graph;
    const copy = structuredClone(graph);
    const verify = copy.actions.verify!;
    copy.actions.check_code = {
      ...verify,
      steps: [
        {
          name: 'note_code',
          effect: { type: 'log', text: 'Code entered' },
          to: 'awaiting_verification',
        },
        ...verify.steps,
      ],
    };
    delete copy.actions.verify;
    return copy;
  });
  const engine = new BookingEngine({ clock: new ManualClock(T0), graphs, random: () => 0.5 });
  engine.addResource(testResource());
  engine.addProject(testProject({ booking_settings: { verification: 'email' } }));
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const check = (code: unknown, actor: Actor) =>
    engine.performAction(booking.id, 'check_code', { check_code: { code } }, actor);
  return { engine, booking, check, customer: customerOf(booking.customer_token!) };
}

test('a code checked by an action of another name is counted and worded under that name', () => {
  const { engine, booking, check, customer } = checkCodeEngine();
  assert.equal(booking.state, 'awaiting_verification');
  const wrong = rejects(() => check('111111', customer), 'validation_failed');
  assert.deepEqual(wrong.details, [
    { path: 'check_code.code', message: 'does not match the code we sent; 4 attempts left' },
  ]);
  const none = rejects(() => check(undefined, customer), 'validation_failed');
  assert.deepEqual(none.details, [{ path: 'check_code.code', message: 'is required' }]);
  const owner = rejects(() => check('111111', OWNER), 'validation_failed');
  assert.deepEqual(owner.details, [
    { path: 'check_code.code', message: 'does not match the code we sent' },
  ]);
  const stored = engine.snapshot().bookings.find((b) => b.id === booking.id)!;
  assert.equal(stored.verification!.failed_attempts, 1);
  assert.equal(check('500000', customer).state, 'confirmed');
});

test('each of the four statuses is taken, in turn, and logged', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  for (const status of ['checked_in', 'in_progress', 'completed', 'no_show']) {
    const set = engine.setStatus(booking.id, status, OWNER);
    assert.equal(set.status, status);
    assert.equal(set.logs!.at(-1)!.description, `Changed status to: ${status}`);
  }
});

test('a booking awaiting a code it has no record of (a restored snapshot) refuses every code, uncounted', () => {
  const { engine, booking, code, customer } = awaitingCode();
  const snapshot = engine.snapshot();
  delete snapshot.bookings.find((b) => b.id === booking.id)!.verification;
  engine.restore(snapshot);
  for (const actor of [customer, OWNER]) {
    const error = rejects(() => engine.verify(booking.id, code, actor), 'validation_failed');
    assert.deepEqual(error.details, [
      { path: 'verify.code', message: 'does not match the code we sent' },
    ]);
  }
  assert.equal(
    engine.snapshot().bookings.find((b) => b.id === booking.id)!.verification,
    undefined,
  );
});
