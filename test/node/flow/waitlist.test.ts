import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_KEYS, OWNER } from '../../../src/engine/index.ts';
import { CUSTOMER, at, clock, firstClass, mock, startFlow, useMockServer } from './helpers.ts';

/** The waitlist's part of the journey: join a sold-out class, and open an offer's link. */
useMockServer();

/** Fills the class with one booking of all its seats (the owner's, so no limits apply). */
function fill(classId: string, seats: number): string {
  return mock.api.engine.createBooking(
    {
      graph: 'group_customer_payment',
      related: { owner_booking_id: classId, seats },
      customer: { name: 'Crowd', email: 'crowd@example.test' },
    },
    OWNER,
  ).id;
}

describe('BookingFlow: the waitlist', () => {
  test('a sold-out class: the form, the entry, the confirmation', async () => {
    const run = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class' });
    const group = await firstClass(run);
    fill(group.id, group.attributes.group_booking.seats_left);
    run.flow.openWaitlist(group, 1);
    const form = await run.until(at('waitlist'));
    assert.equal(form.group.id, group.id);
    await run.flow.joinWaitlist({ name: '', email: 'x' });
    const refused = await run.until(at('waitlist'));
    assert.deepEqual(refused.fieldErrors.map((issue) => issue.path).sort(), [
      'customer.email',
      'customer.name',
    ]);
    await run.flow.joinWaitlist(CUSTOMER);
    const done = await run.until(at('waitlisted'));
    assert.equal(done.entry.state, 'waiting');
    assert.ok(run.cues.includes('waitlisted'), `run.cues.includes('waitlisted')`);
    const listed = mock.api.engine.listWaitlist({ owner_booking_id: group.id });
    assert.equal(listed[0]?.customer.email, CUSTOMER.email);
    await run.flow.back();
    await run.until(at('choose'));
  });

  test('the seats the visitor chose are the seats asked for; a count no class seats never is', async () => {
    const run = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class' });
    const group = await firstClass(run);
    fill(group.id, group.attributes.group_booking.seats_left);
    const joins: string[] = [];
    const listen = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && request.url.endsWith('/bookings/waitlist')) {
        joins.push(request.url);
      }
    };
    mock.server.events.on('request:start', listen);
    try {
      const most = group.attributes.group_booking.max_seats;
      for (const seats of [0, -1, 1.5, Number.NaN, most + 1]) {
        await run.flow.openWaitlist(group, seats);
        assert.equal(run.flow.state.step, 'choose', `${seats} opened the form`);
        const error = run.all.at(-1);
        assert.equal(error?.type, 'error', `${seats} was not reported`);
        assert.deepEqual(
          (error?.detail as { error: { details?: Array<{ path: string }> } }).error.details?.map(
            (issue) => issue.path,
          ),
          ['related.seats'],
        );
      }
      await run.flow.openWaitlist(group, 2);
      const form = await run.until(at('waitlist'));
      assert.equal(form.seats, 2);
      await run.flow.joinWaitlist(CUSTOMER);
      const done = await run.until(at('waitlisted'));
      assert.equal(done.entry.seats, 2);
      assert.equal(mock.api.engine.listWaitlist({ owner_booking_id: group.id })[0]?.seats, 2);
      assert.equal(joins.length, 1, 'only the good count was sent');
    } finally {
      mock.server.events.removeListener('request:start', listen);
    }
  });

  test('leaving from the confirmation: the entry is left, once, and told', async () => {
    const run = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class' });
    const group = await firstClass(run);
    fill(group.id, group.attributes.group_booking.seats_left);
    run.flow.openWaitlist(group, 1);
    await run.until(at('waitlist'));
    await run.flow.joinWaitlist(CUSTOMER);
    const joined = await run.until(at('waitlisted'));
    assert.equal(joined.left, undefined);
    await run.flow.leaveWaitlist();
    const left = await run.until(at('waitlisted'));
    assert.equal(left.left, true);
    assert.equal(left.entry.state, 'left');
    assert.ok(run.cues.includes('waitlist-left'), `run.cues.includes('waitlist-left')`);
    assert.equal(mock.api.engine.getWaitlistEntry(joined.entry.id, OWNER).state, 'left');
    // A second press changes nothing and asks nothing.
    await run.flow.leaveWaitlist();
    assert.equal(run.flow.state, left);
  });

  test('a seat freed while the visitor typed: back to the classes, told to book', async () => {
    const run = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class' });
    const group = await firstClass(run);
    run.flow.openWaitlist(group, 1);
    await run.until(at('waitlist'));
    await run.flow.joinWaitlist(CUSTOMER);
    const back = await run.until(at('choose'));
    assert.deepEqual(back.notice, { kind: 'seats-available' });
  });

  test('an offer link opens the form under the offered hold; booking it goes through payment', async () => {
    const probe = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class' });
    const group = await firstClass(probe);
    probe.flow.dispose();
    const crowd = fill(group.id, group.attributes.group_booking.seats_left);
    const entry = mock.api.engine.joinWaitlist(
      { related: { owner_booking_id: group.id }, customer: CUSTOMER },
      { role: 'public', projectId: 'proj_paid_class' },
    );
    mock.api.engine.performAction(crowd, 'cancel_by_owner', {}, OWNER);
    const holdId = mock.api.engine.listWaitlist({ owner_booking_id: group.id })[0]!.offer!.hold_id;
    const run = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class', holdId });
    const details = await run.until(at('details'));
    assert.equal(details.hold.id, holdId);
    assert.equal(details.held.kind === 'class' && details.held.group.id, group.id);
    await run.flow.submit(CUSTOMER);
    await run.until(at('payment'));
    assert.equal(mock.api.engine.getWaitlistEntry(entry.id, OWNER).state, 'booked');
  });

  test('an offer link after the hold ended: the classes, told the offer ended', async () => {
    const probe = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class' });
    const group = await firstClass(probe);
    probe.flow.dispose();
    const crowd = fill(group.id, group.attributes.group_booking.seats_left);
    mock.api.engine.joinWaitlist(
      { related: { owner_booking_id: group.id }, customer: CUSTOMER },
      { role: 'public', projectId: 'proj_paid_class' },
    );
    mock.api.engine.performAction(crowd, 'cancel_by_owner', {}, OWNER);
    const holdId = mock.api.engine.listWaitlist({ owner_booking_id: group.id })[0]!.offer!.hold_id;
    clock.advance(3 * 3_600_000);
    const run = startFlow(DEMO_KEYS.paidClass, { projectId: 'proj_paid_class', holdId });
    const back = await run.until(at('choose'));
    assert.deepEqual(back.notice, { kind: 'offer-expired' });
  });
});
