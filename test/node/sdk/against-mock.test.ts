import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_KEYS, ManualClock, OWNER } from '../../../src/engine/index.ts';
import { createMockServer } from '../../../src/mock/node.ts';
import { createClient, type SlotkitClient } from '../../../src/sdk/index.ts';

/**
 * Every endpoint the widget needs, through the SDK, against the real mock engine in msw/node:
 * the responses pass the SDK's schemas, and every error code arrives as a typed error.
 */

const BASE = 'http://slotkit.test/v2';
const NOW = Date.parse('2026-11-26T12:00:00Z');
const clock = new ManualClock(NOW);
const { api, server } = createMockServer({ clock, seed: 'demo' });

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
beforeEach(() => {
  clock.set(NOW);
  api.reset('demo');
  api.limiter.clear();
});

const client = (appKey: string, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: BASE, appKey, retries: 0, ...extra });

/** Runs a call that must fail and returns the error's code (and the error). */
async function code(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { code: string }).code;
  }
  assert.fail('expected the call to fail');
}

async function firstBarberSlot(sdk: SlotkitClient) {
  const slots = await sdk.availability({ project_id: 'proj_barber' });
  return slots[0]!;
}

describe('the SDK against the mock API', () => {
  test('availability, dates, holds and a booking from a hold, with the server clock', async () => {
    const sdk = client(DEMO_KEYS.barber);
    const dates = await sdk.availabilityDates({
      project_id: 'proj_barber',
      output_timezone: 'America/Los_Angeles',
    });
    assert.equal(dates[0]!.date, '2026-11-26');
    const slot = await firstBarberSlot(sdk);
    assert.equal(slot.start, '2026-11-26T17:00:00+00:00');
    // The server's clock (the engine's) is four days ahead of this machine's in this test.
    assert.ok(Math.abs(sdk.serverNow() - NOW) < 2000, `${sdk.serverNow()} vs ${NOW}`);

    const hold = await sdk.reserve({
      resource_id: slot.resources[0]!.id,
      start: slot.start,
      end: slot.end,
    });
    assert.equal(hold.state, 'reserved');
    assert.equal((await sdk.getHold(hold.id)).expires_at, hold.expires_at);
    const extended = await sdk.extendHold(hold.id);
    assert.equal(Date.parse(extended.expires_at) - Date.parse(hold.expires_at), 10 * 60_000);
    const booking = await sdk.createBooking({
      graph: 'instant',
      reservation_id: hold.id,
      customer: { name: 'Marty McFly', email: 'marty@example.test' },
    });
    assert.equal(booking.state, 'confirmed');
    assert.ok(booking.customer_token, 'booking.customer_token');
    assert.equal(booking.attributes.event_info?.what, 'Hill Valley Barbers');

    const mine = sdk.withCustomerToken(booking.customer_token!);
    const fetched = await mine.getBooking(booking.id, { include: ['logs'] });
    assert.equal(fetched.logs?.at(-1)?.description.startsWith('Webhook triggered'), true);
    const cancelled = await mine.performAction(booking.id, 'cancel_by_customer', {
      cancel_by_customer: { message: 'Sorry' },
    });
    assert.equal(cancelled.state, 'cancelled_by_customer');
    assert.deepEqual(cancelled.possible_actions, []);
  });

  test('release frees a hold at once', async () => {
    const sdk = client(DEMO_KEYS.barber);
    const slot = await firstBarberSlot(sdk);
    const hold = await sdk.reserve({ resource_id: 'res_barber', start: slot.start, end: slot.end });
    assert.equal((await firstBarberSlot(sdk)).start === slot.start, false);
    assert.equal((await sdk.releaseHold(hold.id)).state, 'released');
    assert.equal((await firstBarberSlot(sdk)).start, slot.start);
  });

  test('classes: list, one class, seats held and booked, pay within the window', async () => {
    const sdk = client(DEMO_KEYS.paidClass);
    const classes = await sdk.groups();
    assert.equal(classes.length, 6);
    const pilates = await sdk.group(classes[0]!.id);
    assert.equal(pilates.attributes.group_booking.max_seats, 8);
    const hold = await sdk.reserve({ related: { owner_booking_id: pilates.id }, seats: 2 });
    const booking = await sdk.createBooking({
      graph: 'group_customer_payment',
      reservation_id: hold.id,
      customer: { name: 'Biff', email: 'biff@example.test', newsletter: true },
    });
    assert.equal(booking.state, 'tentative');
    assert.ok(booking.expires_at, 'the payment window shows');
    assert.equal((await sdk.group(pilates.id)).attributes.group_booking.current_seats, 2);
    const paid = await sdk.performAction(
      booking.id,
      'pay',
      { pay: { reference: 'test_1' } },
      { customerToken: booking.customer_token! },
    );
    assert.equal(paid.state, 'paid');
  });

  test('reschedule returns the old booking linked to the new one', async () => {
    const sdk = client(DEMO_KEYS.barber);
    const slots = await sdk.availability({ project_id: 'proj_barber' });
    const booking = await sdk.createBooking({
      graph: 'instant',
      event: { ...slots[0]!, what: 'Cut', resource_id: 'res_barber' },
      customer: { name: 'Marty', email: 'marty@example.test' },
    });
    const moved = await sdk.reschedule(
      booking.id,
      { start: slots[1]!.start, end: slots[1]!.end },
      { customerToken: booking.customer_token! },
    );
    assert.equal(moved.state, 'rescheduled_by_customer');
    const fresh = await sdk.getBooking(moved.related!.rescheduled_to!, {
      customerToken: booking.customer_token!,
    });
    assert.equal(fresh.attributes.event_info?.start, slots[1]!.start);
  });

  test('project config, graphs and resources', async () => {
    const sdk = client(DEMO_KEYS.yoga);
    const config = await sdk.projectConfig('proj_yoga');
    assert.equal(config.booking.graph, 'group_customer');
    assert.ok(config.customer_fields.name, 'config.customer_fields.name');
    // What the widget's summary shows: the yoga class is free and has a place.
    assert.deepEqual(config.price, { amount: 0, currency: 'USD' });
    assert.equal(config.location?.type, 'place');
    assert.equal(config.duration, 60);
    const barber = await client(DEMO_KEYS.barber).projectConfig('proj_barber');
    assert.deepEqual(barber.price, { amount: 2500, currency: 'USD' });
    assert.equal(barber.duration, 30);
    assert.ok(barber.description, 'barber.description');
    const session = await client(DEMO_KEYS.paidSession).projectConfig('proj_paid_session');
    assert.deepEqual(session.location, { type: 'online' });
    assert.equal(session.duration, 45);
    assert.equal((await sdk.graphs()).length, 6);
    assert.deepEqual(
      Object.keys((await sdk.graph('confirm_decline')).actions).includes('decline'),
      true,
    );
    assert.ok(
      (await sdk.resources()).some((resource) => resource.id === 'res_doc'),
      `(await sdk.resources()).some((resource) => resource.id === 'res_doc')`,
    );
  });
});

describe('every error code arrives typed', () => {
  test('unauthorized, forbidden, not_found, validation_failed with details', async () => {
    assert.equal(await code(client('nope').groups()), 'unauthorized');
    // Another project's id answers as an unknown one (issue 10); owner-only graphs are forbidden.
    assert.equal(await code(client(DEMO_KEYS.barber).projectConfig('proj_yoga')), 'not_found');
    assert.equal(
      await code(client(DEMO_KEYS.yoga).createBooking({ graph: 'group_owner' })),
      'forbidden',
    );
    assert.equal(await code(client(DEMO_KEYS.yoga).group('missing')), 'not_found');
    try {
      await client(DEMO_KEYS.barber).createBooking({
        graph: 'instant',
        customer: { name: 'M', email: 'not-an-email' },
      });
      assert.fail('refused');
    } catch (error) {
      const failure = error as { code: string; status: number; details: Array<{ path: string }> };
      assert.equal(failure.code, 'validation_failed');
      assert.equal(failure.status, 422);
      assert.ok(
        failure.details.some((detail) => detail.path === 'customer.email'),
        `failure.details.some((detail) => detail.path === 'customer.email')`,
      );
    }
  });

  test('invalid_action, slot_unavailable, sold_out, booking_window, hold_expired, conflict, rate_limited', async () => {
    const sdk = client(DEMO_KEYS.yoga);
    const classes = await sdk.groups();
    const seat = await sdk.createBooking({
      graph: 'group_customer',
      related: { owner_booking_id: classes[0]!.id, seats: 19 },
      customer: { name: 'Crowd', email: 'crowd@example.test' },
    });
    assert.equal(
      await code(sdk.performAction(seat.id, 'pay', {}, { customerToken: seat.customer_token! })),
      'invalid_action',
    );
    assert.equal(
      await code(sdk.reserve({ related: { owner_booking_id: classes[0]!.id }, seats: 2 })),
      'sold_out',
    );
    assert.equal(
      await code(sdk.reserve({ related: { owner_booking_id: classes.at(-1)!.id } })),
      'booking_window',
    );
    const hold = await sdk.reserve({ related: { owner_booking_id: classes[1]!.id } });
    clock.advance(11 * 60_000);
    assert.equal(
      await code(
        sdk.createBooking({
          graph: 'group_customer',
          reservation_id: hold.id,
          customer: { name: 'Late', email: 'late@example.test' },
        }),
      ),
      'hold_expired',
    );

    const barber = client(DEMO_KEYS.barber);
    const slot = await firstBarberSlot(barber);
    api.engine.reserve({ resource_id: 'res_barber', start: slot.start, end: slot.end }, OWNER);
    assert.equal(
      await code(barber.reserve({ resource_id: 'res_barber', start: slot.start, end: slot.end })),
      'slot_unavailable',
    );

    const body = {
      graph: 'instant',
      event: { ...(await firstBarberSlot(barber)), what: 'Cut', resource_id: 'res_barber' },
      customer: { name: 'A', email: 'a@example.test' },
    };
    await barber.createBooking(body, { idempotencyKey: 'same-key' });
    assert.equal(
      await code(
        barber.createBooking(
          { ...body, customer: { name: 'B', email: 'b@example.test' } },
          { idempotencyKey: 'same-key' },
        ),
      ),
      'conflict',
    );

    // Retry-After 10 s: over the client's cap, so the 429 reaches the caller without a wait.
    api.limiter.limit = { perSecond: 0.1, burst: 1 };
    try {
      await barber.graphs();
      const failure = await barber.graphs().catch((error: unknown) => error);
      assert.equal((failure as { code: string }).code, 'rate_limited');
      assert.equal((failure as { retryAfter?: number }).retryAfter, 10);
    } finally {
      api.limiter.limit = { perSecond: 50, burst: 200 };
    }
  });
});
