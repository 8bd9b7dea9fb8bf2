import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY,
  HOUR,
  MARTY,
  OWNER,
  OWNER_EMAIL,
  PUBLIC,
  iso,
  makeEngine,
  oneToOne,
  testProject,
  customerOf,
  SLOT,
} from './helpers.ts';

/**
 * The emails' edges that emails.test.ts left open (src/engine/emails.ts, planted by hand, issue
 * #17): a moved request that waits for the host again, what only one side reads, and the lines
 * that appear only when there is something to say.
 */

const MANAGE = 'https://studio.example/book?b={id}&t={token}&again={token}';

function engineWithManageUrl() {
  const made = makeEngine({ projects: [testProject()] });
  made.engine.updateProjectSettings('proj', { manage_url: MANAGE }, OWNER);
  return made;
}

const emails = (engine: ReturnType<typeof makeEngine>['engine'], from = 0) =>
  engine
    .outbox()
    .slice(from)
    .filter((entry) => entry.kind === 'email');

test('a confirmed request moved by the customer waits for the host again: the host is asked, the customer told', () => {
  const { engine } = engineWithManageUrl();
  const booking = engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
  engine.performAction(booking.id, 'confirm', {}, OWNER);
  const before = engine.outbox().length;
  engine.reschedule(
    booking.id,
    { start: iso(SLOT + DAY), end: iso(SLOT + DAY + HOUR) },
    customerOf(booking.customer_token!),
  );
  const sent = emails(engine, before);
  assert.deepEqual(
    sent.map((entry) => [entry.to, entry.subject]),
    [
      [OWNER_EMAIL, 'Please confirm or decline: Mens haircut'],
      [OWNER_EMAIL, 'Booking moved: Mens haircut'],
      [MARTY.email, 'Booking moved: Mens haircut'],
    ],
  );
  const toCustomer = sent[2]!;
  assert.match(
    toCustomer.body,
    /^Hi Marty McFly,\n\nYour booking was moved\.\nThe new time waits for the host to confirm it\.\n/,
  );
  // No invitation for a time that is not booked yet.
  assert.equal(toCustomer.attachments, undefined);
  // The manage link is the new booking's, with every {token} filled in.
  const moved = engine.getBooking(booking.id, OWNER).related.rescheduled_to!;
  const token = booking.customer_token!;
  assert.equal(
    toCustomer.links!.manage,
    `https://studio.example/book?b=${moved}&t=${token}&again=${token}`,
  );
});

test('the owner is greeted without a name and never gets the customer’s manage link', () => {
  const { engine } = engineWithManageUrl();
  engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const [toOwner] = emails(engine).filter((entry) => entry.to === OWNER_EMAIL);
  assert.match(toOwner!.body, /^Hi,\n/);
  assert.ok(
    !toOwner!.body.includes('View, move or cancel'),
    `!toOwner!.body.includes('View, move or cancel')`,
  );
  const [toCustomer] = emails(engine).filter((entry) => entry.to === MARTY.email);
  assert.ok(!toCustomer!.body.includes('Customer:'), 'the customer line is the owner’s');
  assert.match(toCustomer!.body, /\nWhere: Sesame St\n/);
});

test('a message appears after a blank line, and an empty one not at all', () => {
  const { engine } = engineWithManageUrl();
  const a = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const b = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  const before = engine.outbox().length;
  engine.performAction(a.id, 'cancel', { cancel: { message: 'Flooded.' } }, OWNER);
  engine.performAction(b.id, 'cancel', { cancel: { message: '' } }, OWNER);
  const [first, second] = emails(engine, before).filter((entry) => entry.to === MARTY.email);
  assert.match(first!.body, /\n\nMessage: Flooded\.(\n|$)/);
  assert.ok(!second!.body.includes('Message:'), `!second!.body.includes('Message:')`);
});

test('an SMS reminder carries the manage link too', () => {
  const { engine, clock } = engineWithManageUrl();
  engine.updateProjectSettings('proj', { reminders: ['1 hour'], sms: true }, OWNER);
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  clock.set(SLOT);
  const sms = engine
    .outbox()
    .filter((entry) => entry.kind === 'sms' && entry.body.startsWith('Reminder'));
  assert.equal(sms.length, 1);
  const token = booking.customer_token!;
  assert.ok(
    sms[0]!.body.endsWith(` https://studio.example/book?b=${booking.id}&t=${token}&again=${token}`),
    sms[0]!.body,
  );
});
