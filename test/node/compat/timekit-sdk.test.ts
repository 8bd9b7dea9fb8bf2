import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { DEMO_KEYS, ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';

/**
 * Timekit's own Node client, timekit-sdk 1.19 (CJS, axios), unmodified, against the real HTTP
 * mock. Only `apiBaseUrl` (with its trailing slash: the SDK appends `v2/...` to it as a
 * string) and `appKey` are configured, as a Timekit customer would.
 */

const require = createRequire(import.meta.url);
const timekit = require('timekit-sdk');

/** Thursday 2026-11-26 12:00 UTC (04:00 at the barber's in Los Angeles). */
const NOW = '2026-11-26T12:00:00Z';

/** What the SDK resolves and rejects with: the axios response, flattened to `body.data`. */
interface SdkResponse {
  status: number;
  data: any;
  headers: Record<string, string>;
  metaData?: { meta?: Record<string, number> };
}

/** Awaits an SDK call that must fail, and returns what it rejected with. */
async function rejection(call: Promise<unknown>): Promise<SdkResponse> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    return error as SdkResponse;
  }
  return assert.fail(`expected the SDK to reject, it resolved ${JSON.stringify(result)}`);
}

const sameInstant = (actual: string, expected: string) =>
  assert.equal(Date.parse(actual), Date.parse(expected), `${actual} is not ${expected}`);

describe('timekit-sdk 1.19 against the HTTP mock', () => {
  let server: RunningServer;
  /** A fresh SDK instance per key, as `newInstance()` gives (the module itself is a singleton). */
  let client: (key: string) => any;

  before(async () => {
    server = await startHttpServer({ port: 0, seed: 'demo', clock: new ManualClock(NOW) });
    const apiBaseUrl = `${new URL(server.url).origin}/`;
    client = (appKey) => {
      const instance = timekit.newInstance();
      instance.configure({ apiBaseUrl, appKey });
      return instance;
    };
  });
  after(() => server.close());

  const barberSlot = async (index: number) => {
    const { data } = await client(DEMO_KEYS.barber).fetchAvailability({
      projectId: 'proj_barber',
    });
    return data[index] as { start: string; end: string; resources: Array<{ id: string }> };
  };

  const bookBarber = (start: string, end: string, email: string) =>
    client(DEMO_KEYS.barber).createBooking({
      graph: 'instant',
      projectId: 'proj_barber',
      event: { start, end, what: 'Haircut', resourceId: 'res_barber' },
      customer: { name: 'Marty McFly', email },
    }) as Promise<SdkResponse>;

  test('fetchAvailability with a widget key and project_id returns the barber’s slots', async () => {
    const response: SdkResponse = await client(DEMO_KEYS.barber).fetchAvailability({
      projectId: 'proj_barber',
      outputTimezone: 'America/Los_Angeles',
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers['timekit-testmode'], 'true');
    assert.ok(Array.isArray(response.data), 'the SDK flattens { data } to the slot array');
    assert.ok(response.data.length > 50, `only ${response.data.length} slots in four weeks`);
    // 09:00 in Los Angeles is the barber's first opening after 04:00, written in the asked zone.
    assert.deepEqual(response.data[0], {
      start: '2026-11-26T09:00:00-08:00',
      end: '2026-11-26T09:30:00-08:00',
      resources: [
        { id: 'res_barber', name: 'Biff at Hill Valley Barbers', timezone: 'America/Los_Angeles' },
      ],
    });
    sameInstant(response.data[1].start, '2026-11-26T17:30:00Z');
  });

  test('reserveBooking holds a slot, extendReservedBooking extends it once, createBooking with reservation_id books it', async () => {
    const slot = await barberSlot(2);
    const barber = client(DEMO_KEYS.barber);
    const hold: SdkResponse = await barber.reserveBooking({
      resourceId: 'res_barber',
      start: slot.start,
      end: slot.end,
    });
    assert.equal(hold.status, 201);
    assert.equal(hold.data.state, 'reserved');
    assert.equal(hold.data.seats, 1);
    sameInstant(hold.data.expires_at, '2026-11-26T12:10:00Z');
    const offered = await barber.fetchAvailability({ projectId: 'proj_barber' });
    assert.ok(
      !offered.data.some((free: { start: string }) => free.start === slot.start),
      'a held slot is not offered to anyone',
    );

    const extended: SdkResponse = await barber.extendReservedBooking({ id: hold.data.id });
    assert.equal(extended.status, 200);
    assert.equal(extended.data.extended, true);
    sameInstant(extended.data.expires_at, '2026-11-26T12:20:00Z');
    const again = await rejection(barber.extendReservedBooking({ id: hold.data.id }));
    assert.equal(again.status, 422);
    assert.equal(again.data.error.code, 'invalid_action');

    const booked: SdkResponse = await barber.createBooking({
      graph: 'instant',
      reservationId: hold.data.id,
      event: { what: 'Haircut' },
      customer: { name: 'Marty McFly', email: 'held@example.com', favoriteColor: 'orange' },
    });
    assert.equal(booked.status, 201);
    assert.equal(booked.data.graph, 'instant');
    assert.equal(booked.data.state, 'confirmed');
    assert.equal(booked.data.resource.id, 'res_barber');
    sameInstant(booked.data.attributes.event_info.start, slot.start);
    sameInstant(booked.data.attributes.event_info.end, slot.end);
    // humps snake-cases custom fields on the way out; the mock keeps them.
    assert.equal(booked.data.customers[0].favorite_color, 'orange');

    const reused = await rejection(
      barber.createBooking({
        graph: 'instant',
        reservationId: hold.data.id,
        event: { what: 'Haircut' },
        customer: { name: 'Biff Tannen', email: 'biff@example.com' },
      }),
    );
    assert.equal(reused.status, 422);
    assert.equal(reused.data.error.code, 'invalid_action');
  });

  test('createBooking (instant) confirms at once and hands back a customer_token', async () => {
    const slot = await barberSlot(0);
    const booked = await bookBarber(slot.start, slot.end, 'instant@example.com');
    assert.equal(booked.status, 201);
    assert.equal(booked.data.state, 'confirmed');
    assert.equal(booked.data.completed, false);
    assert.equal(booked.data.customers[0].email, 'instant@example.com');
    assert.match(booked.data.customer_token, /^[0-9a-f]{48}$/);
    assert.ok(
      booked.data.possible_actions.includes('cancel_by_customer'),
      `booked.data.possible_actions.includes('cancel_by_customer')`,
    );

    const taken = await rejection(bookBarber(slot.start, slot.end, 'late@example.com'));
    assert.equal(taken.status, 409);
    assert.equal(taken.data.error.code, 'slot_unavailable');
  });

  test('createBooking (confirm_decline), then the owner confirms one and declines another with a message', async () => {
    const consultant = client(DEMO_KEYS.consultant);
    const { data: slots } = await consultant.fetchAvailability({ projectId: 'proj_consultant' });
    const request = (slot: { start: string; end: string }, email: string) =>
      consultant.createBooking({
        graph: 'confirm_decline',
        projectId: 'proj_consultant',
        event: {
          start: slot.start,
          end: slot.end,
          what: 'Consultation',
          resourceId: 'res_consultant',
        },
        customer: { name: 'George McFly', email },
      }) as Promise<SdkResponse>;
    const first = await request(slots[0], 'confirm@example.com');
    const second = await request(slots.at(-1), 'decline@example.com');
    assert.equal(first.data.state, 'tentative');
    assert.equal(second.data.state, 'tentative');
    assert.deepEqual(first.data.possible_actions.toSorted(), [
      'cancel_by_customer',
      'confirm',
      'decline',
    ]);

    const owner = client(DEMO_KEYS.owner);
    const confirmed: SdkResponse = await owner.updateBooking({
      id: first.data.id,
      action: 'confirm',
    });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.data.state, 'confirmed');

    const declined: SdkResponse = await owner.updateBooking({
      id: second.data.id,
      action: 'decline',
      decline: { message: 'Out of the office that week' },
    });
    assert.equal(declined.data.state, 'declined');
    assert.equal(declined.data.completed, true);
    assert.deepEqual(declined.data.possible_actions, []);
    // Seed 000's log line, carrying the message the SDK sent under the action's name.
    const declineLog = declined.data.logs.find((log: { description: string }) =>
      log.description.startsWith('Booking was rejected by: '),
    );
    assert.equal(declineLog.description, 'Booking was rejected by: lorraine@hillvalley.test');
    assert.deepEqual(JSON.parse(declineLog.data), { message: 'Out of the office that week' });

    const twice = await rejection(owner.updateBooking({ id: second.data.id, action: 'confirm' }));
    assert.equal(twice.status, 422);
    assert.equal(twice.data.error.code, 'invalid_action');
    assert.match(twice.data.error.message, /"confirm" is not possible .* state "declined"/);

    const widgetTries = await rejection(
      consultant
        .headers({ 'X-Customer-Token': first.data.customer_token })
        .updateBooking({ id: first.data.id, action: 'cancel' }),
    );
    // On a confirmed booking `cancel` exists, but it is the owner's; customers cancel_by_customer.
    assert.equal(widgetTries.status, 403);
    assert.equal(widgetTries.data.error.code, 'forbidden');
  });

  test('getBookings (owner key) lists everything and takes search, limit and page through carry()', async () => {
    const [a, b] = [await barberSlot(0), await barberSlot(1)];
    const ids = [
      (await bookBarber(a.start, a.end, 'list-a@example.com')).data.id,
      (await bookBarber(b.start, b.end, 'list-b@example.com')).data.id,
    ];
    const owner = client(DEMO_KEYS.owner);
    const all: SdkResponse = await owner.getBookings();
    assert.equal(all.status, 200);
    const instant = all.data.filter((booking: { graph: string }) => booking.graph === 'instant');
    for (const id of ids)
      assert.ok(
        instant.some((booking: { id: string }) => booking.id === id),
        'instant.some((booking: { id: string }) => booking.id === id)',
      );
    assert.ok(
      all.data.some((booking: { graph: string }) => booking.graph === 'group_owner'),
      `all.data.some((booking: { graph: string }) => booking.graph === 'group_owner')`,
    );

    const page: SdkResponse = await owner
      .carry({ params: { search: 'graph:instant', limit: 10, page: 1 } })
      .getBookings();
    assert.ok(page.data.length > 0, 'page.data.length > 0');
    assert.equal(page.data.length, Math.min(10, instant.length));
    assert.ok(
      page.data.every((booking: { graph: string }) => booking.graph === 'instant'),
      `page.data.every((booking: { graph: string }) => booking.graph === 'instant')`,
    );
    assert.deepEqual(page.metaData, { meta: { total: instant.length, page: 1, limit: 10 } });

    const second: SdkResponse = await owner
      .carry({ params: { search: 'graph:instant', limit: 1, page: 2 } })
      .getBookings();
    assert.equal(second.data.length, 1);
    assert.equal(second.data[0].id, page.data[1].id);

    const widget = await rejection(client(DEMO_KEYS.barber).getBookings());
    assert.equal(widget.status, 403);
    assert.equal(widget.data.error.code, 'forbidden');
    const nobody = await rejection(client('not_a_key').getBookings());
    assert.equal(nobody.status, 401);
    assert.equal(nobody.data.error.code, 'unauthorized');
  });

  test('getGroupBookings lists the yoga classes; a group_customer signs up with related.owner_booking_id and seats', async () => {
    const yoga = client(DEMO_KEYS.yoga);
    const classes: SdkResponse = await yoga.getGroupBookings();
    assert.equal(classes.status, 200);
    assert.equal(classes.data.length, 9);
    const [first] = classes.data;
    assert.equal(first.attributes.event_info.what, 'Doc Brown\u2019s Morning Yoga');
    sameInstant(first.attributes.event_info.start, '2026-11-27T12:00:00Z');
    assert.deepEqual(
      [first.attributes.group_booking.current_seats, first.attributes.group_booking.max_seats],
      [0, 20],
    );
    assert.equal(first.resource.id, 'res_doc');

    const signup: SdkResponse = await yoga.createBooking({
      graph: 'group_customer',
      related: { ownerBookingId: first.id, seats: 3 },
      customer: { name: 'Jennifer Parker', email: 'jennifer@example.com' },
    });
    assert.equal(signup.status, 201);
    assert.equal(signup.data.state, 'confirmed');
    assert.deepEqual(signup.data.related, { owner_booking_id: first.id, seats: 3 });
    assert.equal(signup.data.project_id, 'proj_yoga');

    const seated: SdkResponse = await yoga.getGroupBookings();
    const after = seated.data.find((item: { id: string }) => item.id === first.id);
    assert.equal(after.attributes.group_booking.current_seats, 3);
    assert.equal(after.attributes.group_booking.seats_left, 17);

    // A seat hold, extended, then booked with its reservation_id.
    const hold: SdkResponse = await yoga.reserveBooking({
      related: { ownerBookingId: first.id },
      seats: 2,
    });
    assert.equal(hold.data.seats, 2);
    assert.deepEqual(hold.data.related, { owner_booking_id: first.id });
    const extended: SdkResponse = await yoga.extendReservedBooking({ id: hold.data.id });
    assert.equal(extended.data.extended, true);
    const fromHold: SdkResponse = await yoga.createBooking({
      graph: 'group_customer',
      reservationId: hold.data.id,
      customer: { name: 'Dave McFly', email: 'dave@example.com' },
    });
    assert.deepEqual(fromHold.data.related, { owner_booking_id: first.id, seats: 2 });

    const tooMany = await rejection(
      yoga.createBooking({
        graph: 'group_customer',
        related: { ownerBookingId: first.id, seats: 16 },
        customer: { name: 'Biff Tannen', email: 'biff@example.com' },
      }),
    );
    assert.equal(tooMany.status, 409);
    assert.equal(tooMany.data.error.status, 409);
    assert.equal(tooMany.data.error.code, 'sold_out');
    assert.match(tooMany.data.error.message, /has only 15 seats left; you asked for 16/);
    assert.equal(tooMany.headers['timekit-testmode'], 'true');

    const unchanged: SdkResponse = await yoga.getGroupBookings();
    assert.equal(
      unchanged.data.find((item: { id: string }) => item.id === first.id).attributes.group_booking
        .current_seats,
      5,
      'a refused sign-up takes no seats',
    );
  });

  test('getBooking with include("logs", "related_bookings") shows a class’s sign-ups to the owner', async () => {
    const yoga = client(DEMO_KEYS.yoga);
    const { data: classes } = await yoga.getGroupBookings();
    const target = classes[1];
    const signups: SdkResponse[] = [];
    for (const email of ['one@example.com', 'two@example.com']) {
      signups.push(
        await yoga.createBooking({
          graph: 'group_customer',
          related: { ownerBookingId: target.id },
          customer: { name: 'Yogi', email },
        }),
      );
    }
    const owner = client(DEMO_KEYS.owner);
    const full: SdkResponse = await owner
      .include('logs', 'related_bookings')
      .getBooking({ id: target.id });
    assert.equal(full.data.graph, 'group_owner');
    assert.deepEqual(
      full.data.related_bookings.map((booking: { id: string }) => booking.id).toSorted(),
      signups.map((signup) => signup.data.id).toSorted(),
    );
    assert.ok(full.data.logs.length > 0, 'full.data.logs.length > 0');
    assert.equal(full.data.logs[0].description, 'Changed state to: created');

    const plain: SdkResponse = await owner.getBooking({ id: target.id });
    assert.equal(plain.data.logs, undefined, 'include() applies to one request only');
    assert.equal(plain.data.related_bookings, undefined);

    const bad = await rejection(owner.include('nonsense').getBooking({ id: target.id }));
    assert.equal(bad.status, 422);
    assert.equal(bad.data.error.code, 'validation_failed');
  });

  test('a widget key reads and cancels its own booking only with the X-Customer-Token header', async () => {
    const slot = await barberSlot(0);
    const booked = await bookBarber(slot.start, slot.end, 'cancel@example.com');
    const token: string = booked.data.customer_token;
    const barber = client(DEMO_KEYS.barber);

    const mine: SdkResponse = await barber
      .headers({ 'X-Customer-Token': token })
      .getBooking({ id: booked.data.id });
    assert.equal(mine.data.id, booked.data.id);
    assert.equal(mine.data.customer_token, undefined, 'the token comes back only on create');

    const noToken = await rejection(
      barber.updateBooking({ id: booked.data.id, action: 'cancel_by_customer' }),
    );
    assert.equal(noToken.status, 403);
    assert.equal(noToken.data.error.code, 'forbidden');
    const wrongToken = await rejection(
      barber.headers({ 'X-Customer-Token': 'f'.repeat(48) }).getBooking({ id: booked.data.id }),
    );
    assert.equal(wrongToken.status, 403);

    const cancelled: SdkResponse = await barber
      .headers({ 'X-Customer-Token': token })
      .updateBooking({
        id: booked.data.id,
        action: 'cancel_by_customer',
        cancelByCustomer: { message: 'Running late, sorry' },
      });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.data.state, 'cancelled_by_customer');
    assert.equal(cancelled.data.completed, true);
    assert.equal((await barberSlot(0)).start, slot.start, 'the slot is free again');
  });

  test('rescheduleBooking (POST /bookings/:id/reschedule/, trailing slash) moves a booking to a new linked one', async () => {
    const [from, to] = [await barberSlot(0), await barberSlot(4)];
    const booked = await bookBarber(from.start, from.end, 'move@example.com');
    const barber = client(DEMO_KEYS.barber);
    const moved: SdkResponse = await barber
      .headers({ 'X-Customer-Token': booked.data.customer_token })
      .rescheduleBooking({ id: booked.data.id, start: to.start, end: to.end });
    assert.equal(moved.status, 200);
    assert.equal(moved.data.id, booked.data.id);
    assert.equal(moved.data.state, 'rescheduled_by_customer');
    const newId: string = moved.data.related.rescheduled_to;
    assert.ok(newId && newId !== booked.data.id, 'newId && newId !== booked.data.id');

    const owner = client(DEMO_KEYS.owner);
    const fresh: SdkResponse = await owner.getBooking({ id: newId });
    assert.equal(fresh.data.state, 'confirmed');
    assert.equal(fresh.data.related.rescheduled_from, booked.data.id);
    sameInstant(fresh.data.attributes.event_info.start, to.start);
    assert.equal(fresh.data.customers[0].email, 'move@example.com');
    assert.equal((await barberSlot(0)).start, from.start, 'the old time is free again');

    const missing = await rejection(
      owner.rescheduleBooking({ id: 'no-such-booking', start: to.start, end: to.end }),
    );
    assert.equal(missing.status, 404);
    assert.equal(missing.data.error.code, 'not_found');
  });
  test('deleteBooking (DELETE /bookings/:id) deletes with the owner key and frees the time; updateBooking runs an action', async () => {
    const slot = await barberSlot(1);
    const booked = await bookBarber(slot.start, slot.end, 'delete@example.com');
    const owner = client(DEMO_KEYS.owner);
    const refused = await rejection(client(DEMO_KEYS.barber).deleteBooking({ id: booked.data.id }));
    assert.equal(refused.status, 403);
    const deleted: SdkResponse = await owner.deleteBooking({ id: booked.data.id });
    assert.equal(deleted.status, 200);
    assert.equal(deleted.data.state, 'deleted');
    assert.equal((await barberSlot(1)).start, slot.start, 'the time is free again');
    const again = await bookBarber(slot.start, slot.end, 'again@example.com');
    const completed: SdkResponse = await owner.updateBooking({
      id: again.data.id,
      action: 'complete',
    });
    assert.equal(completed.data.state, 'completed');
  });
});
