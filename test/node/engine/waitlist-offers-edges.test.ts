import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offerLink } from '../../../src/engine/waitlist-offers.ts';
import { HOUR, MINUTE, OWNER, T0, rejects, testProject, testResource } from './helpers.ts';
import { START, customerOf, person, soldOut } from './waitlist-helpers.ts';

/**
 * How freed seats reach a class's waitlist (src/engine/waitlist-offers.ts, planted by hand, issue
 * #17: no engine test reached it): first come first served among the parties that fit, one
 * hold per offer that cannot be extended and ends at the project's window or when sign-ups close,
 * the email and the event, and what becomes of an offer.
 */

const HOOK = 'https://receiver.example.test/waitlist';

test('a full class offers nothing; each freed seat goes to the first in line that fits', () => {
  const { engine, join, cancelSeat, stateOf, groupClass } = soldOut(4);
  const party = join(1, { related: { owner_booking_id: groupClass.id, seats: 2 } });
  const single = join(2);
  const late = join(3);
  const states = () => [party, single, late].map((entry) => stateOf(entry.id));
  assert.deepEqual(states(), ['waiting', 'waiting', 'waiting']);
  // One seat: too few for the party of two, so the next that fits, and only that one.
  cancelSeat(0);
  assert.deepEqual(states(), ['waiting', 'offered', 'waiting']);
  cancelSeat(1);
  assert.deepEqual(states(), ['waiting', 'offered', 'offered']);
  // The party waits until two seats are free at once.
  cancelSeat(2);
  assert.deepEqual(states(), ['waiting', 'offered', 'offered']);
  cancelSeat(3);
  assert.deepEqual(states(), ['offered', 'offered', 'offered']);
  const hold = engine.getHold(engine.getWaitlistEntry(party.id, OWNER).offer!.hold_id);
  assert.equal(hold.seats, 2);
  assert.equal(hold.extended, true);
  assert.equal(hold.can_extend, false);
  assert.equal(engine.snapshot().holds.length, 3);
});

test('an offer runs out at its deadline: the hold expires, the entry lapses, the next is offered', () => {
  const { engine, clock, join, cancelSeat, stateOf, classLog } = soldOut();
  const first = join(1);
  const second = join(2);
  cancelSeat(0);
  const holdId = engine.getWaitlistEntry(first.id, OWNER).offer!.hold_id;
  assert.equal(engine.getHold(holdId).expires_at, '2026-11-23T10:00:00+00:00');
  clock.set(T0 + 2 * HOUR);
  assert.equal(engine.getHold(holdId).state, 'expired');
  assert.equal(stateOf(first.id), 'lapsed');
  assert.equal(stateOf(second.id), 'offered');
  assert.ok(
    classLog().includes(`Waitlist: the offer to entry ${first.id} lapsed`),
    'classLog().includes(`Waitlist: the offer to entry ${first.id} lapsed`)',
  );
  const stored = engine.snapshot().waitlist!.find((entry) => entry.id === first.id)!;
  assert.equal(stored.updated_at, T0 + 2 * HOUR);
});

test('an offer taken books the entry, logged with the booking', () => {
  const { engine, join, cancelSeat, stateOf, classLog } = soldOut();
  const entry = join(1);
  cancelSeat(0);
  const holdId = engine.getWaitlistEntry(entry.id, OWNER).offer!.hold_id;
  const booking = engine.createBooking(
    { graph: 'group_customer', reservation_id: holdId, customer: person(1) },
    customerOf(entry.customer_token!),
  );
  assert.equal(stateOf(entry.id), 'booked');
  assert.ok(
    classLog().includes(`Waitlist: entry ${entry.id} booked (${booking.id})`),
    'classLog().includes(`Waitlist: entry ${entry.id} booked (${booking.id})`)',
  );
});

test('when sign-ups close or the class is cancelled, the queue closes and nothing is offered', () => {
  const closing = soldOut(1, undefined);
  const waiting = [closing.join(1), closing.join(2)];
  closing.clock.set(START - 1);
  assert.equal(closing.stateOf(waiting[0]!.id), 'waiting');
  // A seat freed at the closing instant: no offer (its hold would end as it starts).
  closing.clock.set(START);
  closing.cancelSeat(0);
  assert.deepEqual(
    waiting.map((entry) => closing.stateOf(entry.id)),
    ['closed', 'closed'],
  );
  assert.ok(
    closing.classLog().includes('Waitlist: closed 2 entries (no more sign-ups)'),
    `closing.classLog().includes('Waitlist: closed 2 entries (no more sign-ups)')`,
  );
  assert.equal(closing.engine.snapshot().waitlist![0]!.updated_at, START);

  const cancelled = soldOut(2);
  const entry = cancelled.join(1);
  cancelled.engine.performAction(cancelled.groupClass.id, 'cancel', {}, OWNER);
  assert.equal(cancelled.stateOf(entry.id), 'closed');
  assert.equal(cancelled.engine.snapshot().holds.length, 0);
});

test('the offer lasts the project’s window, never past sign-ups closing', () => {
  // The class has no project; the entry has the widget key's, whose window applies.
  const windowed = soldOut(1, undefined, {
    projects: [testProject({ waitlist_offer_window: '30 minutes' })],
  });
  const entry = windowed.join(1);
  windowed.cancelSeat(0);
  assert.equal(
    windowed.engine.getWaitlistEntry(entry.id, OWNER).offer!.expires_at,
    '2026-11-23T08:30:00+00:00',
  );
  const late = soldOut();
  const last = late.join(1);
  late.clock.set(START - 15 * MINUTE);
  late.cancelSeat(0);
  const holdId = late.engine.getWaitlistEntry(last.id, OWNER).offer!.hold_id;
  assert.equal(late.engine.getHold(holdId).expires_at, '2026-11-26T08:00:00+00:00');
  const stored = late.engine.snapshot().holds.find((hold) => hold.id === holdId)!;
  assert.equal(stored.span_ms, 15 * MINUTE);
});

test('the offer email: to the customer, in their zone, what, when, how many, until when, where', () => {
  const made = soldOut(2, undefined, {
    resources: [testResource({ timezone: 'Europe/Copenhagen' })],
    projects: [testProject({ manage_url: 'https://shop.test/book?b={id}&t={token}&lang=da' })],
  });
  const entry = made.join(1, {
    related: { owner_booking_id: made.groupClass.id, seats: 2 },
    customer: person(1, { timezone: 'America/New_York' }),
  });
  made.cancelSeat(0);
  made.cancelSeat(1);
  const holdId = made.engine.getWaitlistEntry(entry.id, OWNER).offer!.hold_id;
  const mail = made.engine.outbox().find((item) => item.to === 'waiter1@example.test')!;
  assert.equal(mail.kind, 'email');
  assert.equal(mail.subject, 'A seat is yours: Doc Brown\u2019s Friday Yoga Class');
  assert.equal(
    mail.body,
    [
      'Hi Waiter 1,',
      '',
      'A place opened up in Doc Brown\u2019s Friday Yoga Class, Thursday, 26 November 2026 at 03:00 (America/New_York).',
      'We are holding 2 seats for you until Monday, 23 November 2026 at 05:00 (America/New_York).',
      `Finish booking here: https://shop.test/book?lang=da&slotkit_hold=${holdId}`,
      'After that the seats go to the next person on the waitlist.',
    ].join('\n'),
  );
  assert.ok(
    made.classLog().includes(`Waitlist: offer email sent to entry ${entry.id}`),
    'made.classLog().includes(`Waitlist: offer email sent to entry ${entry.id}`)',
  );
  assert.ok(
    made
      .classLog()
      .includes(`Waitlist: offered 2 seats to entry ${entry.id} until 2026-11-23T10:00:00+00:00`),
    'made .classLog() .includes(`Waitlist: offered 2 seats to entry ${entry.id} until 2026-11-23T10:00:00+00:00`)',
  );
  // Without a zone of their own the customer reads the resource's; without a page, the code.
  const plain = soldOut(1, undefined, {
    resources: [testResource({ timezone: 'Europe/Copenhagen' })],
  });
  plain.join(2);
  plain.cancelSeat(0);
  const code = plain.engine.outbox().find((item) => item.to === 'waiter2@example.test')!;
  assert.match(code.body, /at 09:00 \(Europe\/Copenhagen\)\.\n/);
  assert.match(code.body, /Finish booking with offer code \S+\./);
});

test('waitlist.offered reaches the project’s URLs and registered webhooks, with the entry', () => {
  const { engine, join, cancelSeat, groupClass } = soldOut(1, 'proj', {
    projects: [testProject({ webhooks: [HOOK] })],
  });
  const entry = join(1);
  cancelSeat(0);
  const sent = engine.outbox().filter((item) => item.subject === 'waitlist.offered');
  assert.deepEqual(
    sent.map((item) => [item.to, item.state, item.booking_id]),
    [[HOOK, 'tentative', groupClass.id]],
  );
  const payload = JSON.parse(sent[0]!.body) as {
    data: { waitlist_entry: { id: string; state: string } };
  };
  assert.equal(payload.data.waitlist_entry.id, entry.id);
  assert.equal(payload.data.waitlist_entry.state, 'offered');
  assert.ok(!sent[0]!.body.includes('customer_token'), `!sent[0]!.body.includes('customer_token')`);
});

test('offerLink: the template with every placeholder, else the manage page without its own parameters', () => {
  const { engine, join, cancelSeat } = soldOut();
  join(1);
  cancelSeat(0);
  const { holds, waitlist } = engine.snapshot();
  const hold = holds.at(-1)!;
  const entry = waitlist![0]!;
  const link = (ui: Record<string, unknown>, manage_url?: string) =>
    offerLink(testProject({ ui, ...(manage_url ? { manage_url } : {}) }), hold, entry);
  assert.equal(
    link({ waitlist_offer_url: 'https://x.test/{hold_id}/{entry_id}?again={hold_id}' }),
    `https://x.test/${hold.id}/${entry.id}?again=${hold.id}`,
  );
  // An empty template is a template: no link at all, not the manage page.
  assert.equal(link({ waitlist_offer_url: '' }, 'https://shop.test/'), '');
  assert.equal(link({}), undefined);
  assert.equal(offerLink(undefined, hold, entry), undefined);
  assert.equal(
    link({}, 'https://shop.test/book?id={id}&token={token}&keep=1'),
    `https://shop.test/book?keep=1&slotkit_hold=${hold.id}`,
  );
});

test('the offer’s hold is the entry’s project’s: its key reads it, another project’s does not', () => {
  // The class has no project and its resource is shared by every test project.
  const { engine, clock, join, cancelSeat } = soldOut();
  const entry = join(1);
  clock.advance(MINUTE);
  cancelSeat(0);
  const holdId = engine.getWaitlistEntry(entry.id, OWNER).offer!.hold_id;
  assert.equal(engine.getHold(holdId, customerOf(entry.customer_token!)).id, holdId);
  rejects(() => engine.getHold(holdId, customerOf(entry.customer_token!, 'strict')), 'not_found');
  const stored = engine.snapshot().waitlist!.find((item) => item.id === entry.id)!;
  assert.equal(stored.updated_at, T0 + MINUTE);
});

test('a restored class without max_seats has no seats to offer', () => {
  const { engine, groupClass, join, cancelSeat, stateOf } = soldOut();
  const entry = join(1);
  const snapshot = engine.snapshot();
  delete snapshot.bookings.find((booking) => booking.id === groupClass.id)!.settings.max_seats;
  engine.restore(snapshot);
  cancelSeat(0);
  assert.equal(stateOf(entry.id), 'waiting');
  assert.equal(engine.snapshot().holds.length, 0);
});
