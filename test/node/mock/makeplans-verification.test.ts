import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { customer, KEYS, useMock } from './harness.ts';

/** Seed 004's verification and recurrence rules over HTTP. */
const mock = useMock();

let day = 0;
async function unverified(graph = 'instant', resource_id = 'res_barber') {
  day += 1;
  const start = Date.UTC(2027, 3, day, 9);
  const { status, body } = await mock.call('POST', '/bookings', {
    body: {
      graph,
      resource_id,
      settings: { verification: 'email' },
      event: {
        start: new Date(start).toISOString(),
        end: new Date(start + 3_600_000).toISOString(),
        what: 'Cut',
      },
      customer: customer(day),
    },
  });
  assert.equal(status, 201, JSON.stringify(body));
  assert.equal(body.data.state, 'awaiting_verification');
  return body.data as { id: string; customer_token: string; possible_actions: string[] };
}

describe('seed 004 verification', () => {
  const sentCode = (id: string) =>
    /Verification code: (\d{6})/.exec(
      mock.api.engine
        .outbox()
        .filter((mail) => mail.booking_id === id)
        .at(-1)!.body,
    )![1]!;

  test('PUT /bookings/:id/verify_code checks the code, for the owner too, and names verification_code', async () => {
    const booking = await unverified();
    const missing = await mock.call('PUT', `/bookings/${booking.id}/verify_code`, { body: {} });
    assert.equal(missing.status, 422);
    assert.equal(missing.body.error.details[0].path, 'verification_code');
    const wrong = await mock.call('PUT', `/bookings/${booking.id}/verify_code`, {
      body: { verification_code: '000000' === sentCode(booking.id) ? '111111' : '000000' },
    });
    assert.equal(wrong.status, 422, 'the owner does not skip the code on this path');
    assert.equal(wrong.body.error.details[0].path, 'verification_code');
    const unknown = await mock.call('PUT', `/bookings/${booking.id}/verify_code`, {
      body: { verification_code: sentCode(booking.id), colour: 'red' },
    });
    assert.equal(unknown.status, 422);
    const still = await mock.call('GET', `/bookings/${booking.id}`);
    assert.equal(still.body.data.state, 'awaiting_verification', 'refusals changed nothing');

    const right = await mock.call('PUT', `/bookings/${booking.id}/verify_code`, {
      key: KEYS.barber,
      headers: { 'X-Customer-Token': booking.customer_token },
      body: { verification_code: sentCode(booking.id) },
    });
    assert.equal(right.status, 200, JSON.stringify(right.body));
    assert.equal(right.body.data.state, 'confirmed');
  });

  test('the owner verifies without a code; the customer still needs one', async () => {
    const booking = await unverified();
    const asCustomer = await mock.call('PUT', `/bookings/${booking.id}/verify`, {
      key: KEYS.barber,
      headers: { 'X-Customer-Token': booking.customer_token },
      body: {},
    });
    assert.equal(asCustomer.status, 422);
    assert.equal(asCustomer.body.error.details[0].path, 'verify.code');
    const byOwner = await mock.call('PUT', `/bookings/${booking.id}/verify`, { body: {} });
    assert.equal(byOwner.status, 200, JSON.stringify(byOwner.body));
    assert.equal(byOwner.body.data.state, 'confirmed');
    assert.ok(
      byOwner.body.data.logs.some(
        (log: { description: string }) =>
          log.description === 'Verified by the owner without a code',
      ),
      `byOwner.body.data.logs.some((log: { description: string }) => log.description === 'Verified by the owner without a code')`,
    );
  });

  test('a booking awaiting verification can be cancelled by the customer or the owner', async () => {
    for (const graph of ['instant', 'confirm_decline']) {
      const resource = graph === 'instant' ? 'res_barber' : 'res_consultant';
      const first = await unverified(graph, resource);
      assert.ok(first.possible_actions.includes('cancel_by_customer'), graph);
      const byCustomer = await mock.call('PUT', `/bookings/${first.id}/cancel_by_customer`, {
        key: graph === 'instant' ? KEYS.barber : KEYS.consultant,
        headers: { 'X-Customer-Token': first.customer_token },
        body: {},
      });
      assert.equal(byCustomer.status, 200, JSON.stringify(byCustomer.body));
      assert.equal(byCustomer.body.data.state, 'cancelled_by_customer');
      assert.equal(byCustomer.body.data.expires_at, undefined, 'the verification deadline is gone');
    }
    const second = await unverified();
    const byOwner = await mock.call('PUT', `/bookings/${second.id}/cancel`, { body: {} });
    assert.equal(byOwner.status, 200, JSON.stringify(byOwner.body));
    assert.equal(byOwner.body.data.state, 'cancelled');
  });
});

describe('seed 004 recurrence', () => {
  test('a rule without COUNT or UNTIL books at most 731 occurrences', async () => {
    const created = await mock.call('POST', '/bookings/recurring', {
      body: {
        booking: {
          graph: 'instant',
          resource_id: 'res_coach',
          ignore_capacity: true,
          event: { start: '2027-06-01T06:00:00Z', end: '2027-06-01T06:30:00Z', what: 'Daily' },
          customer: customer(90),
        },
        recurring: { rrule: 'FREQ=DAILY' },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const series = await mock.call('GET', `/bookings/recurring/${created.body.data.collection_id}`);
    assert.equal(series.body.data.length, 731);
  });
});

describe('seed 004 classes', () => {
  test('completing a class completes its confirmed seat bookings', async () => {
    const { body: groups } = await mock.call('GET', '/bookings/groups', { key: KEYS.yoga });
    const groupClass = groups.data[0] as { id: string };
    const signed = await mock.call('POST', '/bookings', {
      body: {
        graph: 'group_customer',
        related: { owner_booking_id: groupClass.id },
        customer: customer(70),
      },
    });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const done = await mock.call('PUT', `/bookings/${groupClass.id}/complete`, { body: {} });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.data.state, 'completed');
    const seat = await mock.call('GET', `/bookings/${signed.body.data.id}`);
    assert.equal(seat.body.data.state, 'completed');
  });
});

describe('seed 004 create', () => {
  test('a create with several bad parts reports every field at once, and books nothing', async () => {
    const before = (await mock.call('GET', '/bookings/all')).body.data.length;
    const { status, body } = await mock.call('POST', '/bookings', {
      body: {
        graph: 'instant',
        resource_id: 'res_barber',
        settings: { max_seats: 0 },
        event: { start: '2027-05-01T09:00:00Z', end: '2027-05-01T08:00:00Z', what: 'Cut' },
        customer: { name: '', email: 'nope' },
      },
    });
    assert.equal(status, 422);
    const paths = body.error.details.map((detail: { path: string }) => detail.path).sort();
    assert.deepEqual(paths, ['customer.email', 'customer.name', 'event.end', 'settings.max_seats']);
    assert.equal((await mock.call('GET', '/bookings/all')).body.data.length, before);
  });
});

describe('seed 004 create and action parameters', () => {
  const body = (n: number, extra: Record<string, unknown>) => ({
    graph: 'instant',
    resource_id: 'res_barber',
    event: {
      start: `2027-07-${String(n).padStart(2, '0')}T09:00:00Z`,
      end: `2027-07-${String(n).padStart(2, '0')}T10:00:00Z`,
      what: 'Cut',
    },
    customer: customer(100 + n),
    ...extra,
  });
  const mailsTo = async (email: string) =>
    (await mock.call('GET', '/_mock/outbox')).body.data.filter(
      (entry: { to: string }) => entry.to === email,
    ).length;

  test('confirm: false starts verification', async () => {
    const { status, body: created } = await mock.call('POST', '/bookings', {
      body: body(1, { confirm: false }),
    });
    assert.equal(status, 201, JSON.stringify(created));
    assert.equal(created.data.state, 'awaiting_verification');
  });

  test('*_send_email switch the matching emails (owner key only); *_send_sms are accepted', async () => {
    const quiet = await mock.call('POST', '/bookings', {
      body: body(2, {
        confirmation_send_email: false,
        notification_send_email: false,
        confirmation_send_sms: true,
      }),
    });
    assert.equal(quiet.status, 201, JSON.stringify(quiet.body));
    assert.equal(await mailsTo(customer(102).email), 0);
    const loud = await mock.call('POST', '/bookings', { body: body(3, {}) });
    assert.equal(loud.status, 201);
    assert.equal(await mailsTo(customer(103).email), 1);
    const cancelled = await mock.call('PUT', `/bookings/${quiet.body.data.id}/cancel`, {
      body: { cancellation_send_email: false },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(await mailsTo(customer(102).email), 0);
    const wrong = await mock.call('PUT', `/bookings/${loud.body.data.id}/cancel`, {
      body: { decline_send_email: false },
    });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.details[0].path, 'decline_send_email');
    const widget = await mock.call('POST', '/bookings', {
      key: KEYS.barber,
      body: {
        start: '2026-11-30T10:00:00+00:00',
        end: '2026-11-30T10:30:00+00:00',
        customer: customer(104),
        confirmation_send_email: false,
      },
    });
    assert.equal(widget.status, 403, JSON.stringify(widget.body));
    assert.equal(widget.body.error.details[0].path, 'confirmation_send_email');
  });
});
