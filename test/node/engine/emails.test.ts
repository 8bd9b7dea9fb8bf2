import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { OutboxView } from '../../../src/engine/index.ts';
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
  testProject,
  customerOf,
  SLOT,
} from './helpers.ts';

const MANAGE = 'https://studio.example/book?slotkit_booking={id}&slotkit_token={token}';

function engineWithManageUrl(overrides = {}) {
  const made = makeEngine({
    projects: [testProject({ webhooks: ['https://hooks.test/in'], ...overrides })],
  });
  made.engine.updateProjectSettings('proj', { manage_url: MANAGE }, OWNER);
  return made;
}

/** The one VEVENT of an attachment, and the file's METHOD, as ical.js reads them. */
function invite(entry: OutboxView | undefined) {
  const file = entry?.attachments?.[0];
  assert.ok(file, `an .ics attachment on "${entry?.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(file.content));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().getTime(),
    end: event.endDate.toJSDate().getTime(),
    status: vevent.getFirstPropertyValue('status'),
    contentType: file.content_type,
  };
}

const bySubject = (outbox: OutboxView[], subject: string) =>
  outbox.filter((entry) => entry.kind === 'email' && entry.subject === subject);

describe('project setting manage_url', () => {
  test('the owner sets it; a widget key may not; a template without {token} is refused', () => {
    const { engine } = makeEngine();
    assert.deepEqual(engine.updateProjectSettings('proj', { manage_url: MANAGE }, OWNER), {
      manage_url: MANAGE,
      reminders: [],
      sms: false,
      required_customer_fields: ['name', 'email'],
    });
    assert.throws(
      () =>
        engine.updateProjectSettings(
          'proj',
          { manage_url: 'https://evil.test/{id}/{token}' },
          PUBLIC,
        ),
      { code: 'forbidden' },
    );
    assert.throws(
      () => engine.updateProjectSettings('proj', { manage_url: 'https://x.test/?b={id}' }, OWNER),
      (error: { code: string; details: Array<{ path: string; message: string }> }) =>
        error.code === 'validation_failed' &&
        error.details[0]!.path === 'body.manage_url' &&
        /\{token\}/.test(error.details[0]!.message),
    );
    assert.throws(
      () => engine.updateProjectSettings('proj', { manage_url: 'javascript:{id}{token}' }, OWNER),
      {
        code: 'validation_failed',
      },
    );
    assert.throws(() => engine.updateProjectSettings('proj', { color: 'red' }, OWNER), {
      code: 'validation_failed',
    });
    assert.equal(engine.getProjectSettings('proj').manage_url, MANAGE, 'refusals changed nothing');
    assert.equal(
      engine.updateProjectSettings('proj', { manage_url: null }, OWNER).manage_url,
      null,
    );
  });
});

describe('customer token', () => {
  test('is long and random, and never reaches the audit log or a webhook', () => {
    const { engine } = engineWithManageUrl();
    const first = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
    const second = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
    const token = first.customer_token!;
    assert.match(token, /^[0-9a-f]{48}$/);
    assert.notEqual(token, second.customer_token);
    const me = customerOf(token);
    engine.reschedule(first.id, { start: iso(SLOT + 4 * HOUR), end: iso(SLOT + 5 * HOUR) }, me);
    const moved = engine.getBooking(first.id, OWNER).related.rescheduled_to!;
    engine.performAction(moved, 'cancel_by_customer', {}, me);
    const everyLog = engine
      .listBookings({}, OWNER)
      .map((booking) => JSON.stringify(engine.getBooking(booking.id, OWNER, ['logs'])));
    assert.ok(
      everyLog.every((text) => !text.includes(token)),
      'no booking view or log holds it',
    );
    const webhooks = engine.outbox().filter((entry) => entry.kind === 'webhook');
    assert.ok(webhooks.length >= 3, 'webhooks.length >= 3');
    assert.ok(
      webhooks.every((entry) => !entry.body.includes(token)),
      'no webhook holds it',
    );
    // The customer's emails are where it belongs: in the manage link.
    const customerMail = engine.outbox().filter((entry) => entry.to === MARTY.email);
    assert.ok(
      customerMail.some((entry) => entry.body.includes(token)),
      'customerMail.some((entry) => entry.body.includes(token))',
    );
    assert.ok(
      engine
        .outbox()
        .filter((entry) => entry.to === OWNER_EMAIL)
        .every((entry) => !entry.body.includes(token)),
      'the owner never gets the customer key',
    );
  });

  test('a wrong token of the same length opens nothing', () => {
    const { engine } = engineWithManageUrl();
    const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
    const wrong = booking.customer_token!.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    assert.throws(() => engine.getBooking(booking.id, customerOf(wrong)), { code: 'forbidden' });
  });
});

describe('emails', () => {
  test('instant booking: the customer gets times in their zone, the manage link and an invitation', () => {
    const { engine } = engineWithManageUrl();
    const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
    const [toCustomer] = bySubject(engine.outbox(), 'Booking confirmed: Mens haircut');
    assert.equal(toCustomer!.to, MARTY.email);
    // 10:00 UTC is 02:00 in Los Angeles, the customer's zone.
    assert.match(toCustomer!.body, /When: .*02:00.*\(America\/Los_Angeles\)/);
    const link = `https://studio.example/book?slotkit_booking=${booking.id}&slotkit_token=${booking.customer_token}`;
    assert.ok(
      toCustomer!.body.includes(`View, move or cancel your booking: ${link}`),
      'toCustomer!.body.includes(`View, move or cancel your booking: ${link}`)',
    );
    assert.equal(toCustomer!.links?.manage, link);
    const file = invite(toCustomer);
    assert.equal(file.method, 'REQUEST');
    assert.equal(file.uid, `${booking.id}@slotkit`);
    assert.equal(file.sequence, 0);
    assert.equal(file.start, SLOT);
    assert.equal(file.end, SLOT + HOUR);
    assert.match(file.contentType, /^text\/calendar; charset=utf-8; method=REQUEST$/);

    const [toOwner] = bySubject(engine.outbox(), 'New booking: Mens haircut');
    assert.equal(toOwner!.to, OWNER_EMAIL);
    assert.match(toOwner!.body, /When: .*10:00.*\(UTC\)/);
    assert.match(
      toOwner!.body,
      /Customer: Marty McFly <marty@hillvalley.test>, phone 1-591-001-5403/,
    );
    assert.equal(toOwner!.links, undefined, 'no manage link (the customer key) for the owner');
    assert.equal(invite(toOwner).uid, `${booking.id}@slotkit`);
  });

  test('reschedule: both sides get old → new, one UID, SEQUENCE bumped, no second "new booking"', () => {
    const { engine } = engineWithManageUrl();
    const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
    const before = engine.outbox().length;
    const later = SLOT + DAY;
    engine.reschedule(
      booking.id,
      { start: iso(later), end: iso(later + HOUR) },
      customerOf(booking.customer_token!),
    );
    const sent = engine
      .outbox()
      .slice(before)
      .filter((entry) => entry.kind === 'email');
    assert.deepEqual(
      sent.map((entry) => [entry.to, entry.subject]),
      [
        [OWNER_EMAIL, 'Booking moved: Mens haircut'],
        [MARTY.email, 'Booking moved: Mens haircut'],
      ],
    );
    const [toOwner, toCustomer] = sent;
    assert.match(
      toOwner!.body,
      /Was: Tuesday, 24 November 2026.*10:00.*\(UTC\)\nNow: Wednesday, 25 November 2026.*10:00.*\(UTC\)/,
    );
    assert.match(toOwner!.body, /phone 1-591-001-5403/);
    assert.match(toCustomer!.body, /Was: .*02:00.*\nNow: .*02:00.*\(America\/Los_Angeles\)/);
    const moved = engine.getBooking(booking.id, OWNER).related.rescheduled_to!;
    assert.match(toCustomer!.links!.manage!, new RegExp(`slotkit_booking=${moved}&`));
    for (const entry of [toOwner, toCustomer]) {
      const file = invite(entry);
      assert.equal(file.method, 'REQUEST');
      assert.equal(file.uid, `${booking.id}@slotkit`, 'the first booking\u2019s UID');
      assert.equal(file.sequence, 1);
      assert.equal(file.start, later);
    }
    // A second move bumps again, same UID.
    engine.reschedule(
      moved,
      { start: iso(later + DAY), end: iso(later + DAY + HOUR) },
      customerOf(booking.customer_token!),
    );
    const last = invite(
      engine
        .outbox()
        .filter((entry) => entry.to === MARTY.email)
        .at(-1),
    );
    assert.deepEqual([last.uid, last.sequence], [`${booking.id}@slotkit`, 2]);
  });

  test('cancelled by the customer: the owner is told and the customer gets a receipt, both CANCEL', () => {
    const { engine } = engineWithManageUrl();
    const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
    const before = engine.outbox().length;
    engine.performAction(
      booking.id,
      'cancel_by_customer',
      { cancel_by_customer: { message: 'Flu' } },
      customerOf(booking.customer_token!),
    );
    const sent = engine
      .outbox()
      .slice(before)
      .filter((entry) => entry.kind === 'email');
    assert.deepEqual(
      sent.map((entry) => [entry.to, entry.subject]),
      [
        [OWNER_EMAIL, 'Booking cancelled by the customer: Mens haircut'],
        [MARTY.email, 'You cancelled: Mens haircut'],
      ],
    );
    for (const entry of sent) {
      const file = invite(entry);
      assert.deepEqual(
        [file.method, file.uid, file.status],
        ['CANCEL', `${booking.id}@slotkit`, 'CANCELLED'],
      );
      assert.ok(file.sequence > 0, 'a cancellation outranks the invitation');
    }
  });

  test('cancelled by the owner: the customer gets the owner\u2019s message and a CANCEL', () => {
    const { engine } = engineWithManageUrl();
    const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
    engine.performAction(
      booking.id,
      'cancel',
      { cancel: { message: 'The shop floods today' } },
      OWNER,
    );
    const [mail] = bySubject(engine.outbox(), 'Booking cancelled: Mens haircut');
    assert.equal(mail!.to, MARTY.email);
    assert.match(mail!.body, /cancelled by the host/);
    assert.match(mail!.body, /Message: The shop floods today/);
    assert.equal(invite(mail).method, 'CANCEL');
  });

  test('confirm_decline: request received, then confirmed with an invitation', () => {
    const { engine } = engineWithManageUrl();
    const booking = engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
    const [received] = bySubject(engine.outbox(), 'Request received: Mens haircut');
    assert.equal(received!.to, MARTY.email);
    assert.match(received!.body, /held for you while the host decides/);
    assert.ok(received!.links?.manage, 'received!.links?.manage');
    assert.equal(received!.attachments, undefined, 'nothing to put in a calendar yet');
    engine.performAction(booking.id, 'confirm', {}, OWNER);
    const [confirmed] = bySubject(engine.outbox(), 'Booking confirmed: Mens haircut');
    assert.equal(invite(confirmed).method, 'REQUEST');
  });

  test('payment window ran out: the customer is told the time was released', () => {
    const { engine, clock } = engineWithManageUrl({
      booking_settings: { payment_window: '10 minutes' },
    });
    engine.createBooking(oneToOne('instant_payment', SLOT), PUBLIC);
    clock.advance(11 * MINUTE);
    const [mail] = bySubject(engine.outbox(), 'Booking released: Mens haircut');
    assert.equal(mail!.to, MARTY.email);
    assert.match(mail!.body, /payment window ran out/);
    assert.equal(Date.parse(mail!.created_at), T0 + 10 * MINUTE, 'sent at the window\u2019s end');
  });
});
