import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, NOW, customer, useMock } from './harness.ts';

const mock = useMock({
  fresh: true,
  // Hundreds of requests per test: the rate limit is not what is tested here.
  rateLimits: {
    client: { perSecond: 100_000, burst: 100_000 },
    key: { perSecond: 100_000, burst: 100_000 },
  },
});

interface ClassInfo {
  id: string;
  start: string;
  max: number;
}

/** A demo class of the key's project starting more than two days from now (cancellable). */
async function laterClass(key: string = KEYS.yoga): Promise<ClassInfo> {
  const { body } = await mock.call('GET', '/bookings/groups', { key });
  const found = (body.data as any[]).find(
    (group) => Date.parse(group.attributes.event_info.start) > NOW + 2 * 86_400_000,
  );
  return {
    id: found.id,
    start: found.attributes.event_info.start,
    max: found.attributes.group_booking.max_seats,
  };
}

async function seatsTaken(classId: string, key: string = KEYS.yoga): Promise<number> {
  const { body } = await mock.call('GET', `/bookings/groups/${classId}`, { key });
  return body.data.attributes.group_booking.current_seats;
}

/** Fills the class with one-seat bookings; returns their ids. */
async function fill(group: ClassInfo, key: string = KEYS.yoga): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < group.max; n += 1) {
    const { status, body } = await mock.call('POST', '/bookings', {
      key,
      body: { related: { owner_booking_id: group.id, seats: 1 }, customer: customer(100 + n) },
    });
    assert.equal(status, 201, JSON.stringify(body));
    ids.push(body.data.id);
  }
  return ids;
}

function join(classId: string, n: number, seats = 1, key: string = KEYS.yoga) {
  return mock.call('POST', '/bookings/waitlist', {
    key,
    body: { related: { owner_booking_id: classId, seats }, customer: customer(n) },
  });
}

const cancel = (id: string) =>
  mock.call('PUT', `/bookings/${id}/cancel_by_owner`, { body: { cancel_by_owner: {} } });

async function entries(classId: string): Promise<any[]> {
  const { status, body } = await mock.call('GET', `/bookings/waitlist?owner_booking_id=${classId}`);
  assert.equal(status, 200);
  return body.data;
}

const states = async (classId: string) =>
  (await entries(classId)).map((entry) => `${entry.customer.email.split('@')[0]}:${entry.state}`);

describe('joining', () => {
  test('a class with room refuses with seats_available: book instead', async () => {
    const group = await laterClass();
    const { status, body } = await join(group.id, 1);
    assert.equal(status, 409);
    assert.equal(body.error.code, 'seats_available');
    assert.match(body.error.message, /book/);
  });

  test('a sold-out class takes the entry and returns its customer_token once', async () => {
    const group = await laterClass();
    await fill(group);
    const { status, body } = await join(group.id, 1, 2);
    assert.equal(status, 201);
    assert.equal(body.data.state, 'waiting');
    assert.equal(body.data.seats, 2);
    assert.match(body.data.customer_token, /^[0-9a-f]{48}$/);
    const listed = await entries(group.id);
    assert.equal(listed.length, 1);
    assert.equal(listed[0].customer_token, undefined);
    // The owner sees the queue move in the class's audit log; the token never appears there.
    const { body: owned } = await mock.call('GET', `/bookings/${group.id}?include=logs`);
    const logs = JSON.stringify(owned.data.logs);
    assert.match(logs, /Waitlist: entry .* joined for 2 seats/);
    assert.ok(!logs.includes(body.data.customer_token), '!logs.includes(body.data.customer_token)');
  });

  test('the same email twice is a conflict', async () => {
    const group = await laterClass();
    await fill(group);
    assert.equal((await join(group.id, 1)).status, 201);
    const again = await join(group.id, 1);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.details[0].path, 'customer.email');
  });

  test('another project\u2019s key reads the class as unknown (404)', async () => {
    const group = await laterClass();
    await fill(group);
    const { status, body } = await join(group.id, 1, 1, KEYS.paidClass);
    assert.equal(status, 404);
    assert.equal(body.error.details[0].path, 'related.owner_booking_id');
  });

  test('bad input is a 422 naming the field, and changes nothing', async () => {
    const group = await laterClass();
    await fill(group);
    const cases: Array<[unknown, string]> = [
      [{ customer: customer(1) }, 'related'],
      [{ related: { owner_booking_id: group.id } }, 'customer'],
      [{ related: { owner_booking_id: group.id }, customer: { name: 'A' } }, 'customer.email'],
      [
        { related: { owner_booking_id: group.id }, customer: { name: 'A', email: 'nope' } },
        'customer.email',
      ],
      [
        { related: { owner_booking_id: group.id }, customer: { name: '', email: 'a@b.test' } },
        'customer.name',
      ],
      [
        { related: { owner_booking_id: group.id, seats: 0 }, customer: customer(1) },
        'related.seats',
      ],
      [
        { related: { owner_booking_id: group.id, seats: 1.5 }, customer: customer(1) },
        'related.seats',
      ],
      [
        { related: { owner_booking_id: group.id, seats: 21 }, customer: customer(1) },
        'related.seats',
      ],
      [{ related: { owner_booking_id: 7 }, customer: customer(1) }, 'related.owner_booking_id'],
      [{ related: { owner_booking_id: group.id, extra: 1 }, customer: customer(1) }, 'related'],
      [{ related: { owner_booking_id: group.id }, customer: customer(1), graph: 'x' }, '(body)'],
    ];
    for (const [body, path] of cases) {
      const response = await mock.call('POST', '/bookings/waitlist', { key: KEYS.yoga, body });
      assert.equal(response.status, 422, `${JSON.stringify(body)} → ${response.status}`);
      assert.ok(
        response.body.error.details.some((detail: { path: string }) => detail.path === path),
        `${JSON.stringify(body)} names ${path}: ${JSON.stringify(response.body.error.details)}`,
      );
    }
    const notObject = await mock.call('POST', '/bookings/waitlist', { key: KEYS.yoga, body: [] });
    assert.equal(notObject.status, 422);
    assert.deepEqual(await entries(group.id), []);
  });

  test('listing needs the owner key and a class', async () => {
    const group = await laterClass();
    const byKey = await mock.call('GET', `/bookings/waitlist?owner_booking_id=${group.id}`, {
      key: KEYS.yoga,
    });
    assert.equal(byKey.status, 403);
    const none = await mock.call('GET', '/bookings/waitlist');
    assert.equal(none.status, 422);
    assert.equal(none.body.error.details[0].path, 'owner_booking_id');
  });
});

describe('offers', () => {
  test('freed seats go first come first served, with a hold, an email and a waitlist.offered event', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    for (const n of [1, 2, 3]) assert.equal((await join(group.id, n)).status, 201);
    assert.equal((await cancel(seats[0]!)).status, 200);
    assert.deepEqual(await states(group.id), [
      'customer1:offered',
      'customer2:waiting',
      'customer3:waiting',
    ]);
    const [first] = await entries(group.id);
    const { body: hold } = await mock.call('GET', `/bookings/reserve/${first.offer.hold_id}`);
    assert.equal(hold.data.state, 'reserved');
    assert.equal(hold.data.seats, 1);
    assert.equal(hold.data.can_extend, false);
    assert.equal(Date.parse(hold.data.expires_at), NOW + 2 * 3_600_000);
    assert.equal(await seatsTaken(group.id), group.max);
    const outbox = mock.api.engine.outbox();
    const mail = outbox.find(
      (entry) => entry.kind === 'email' && entry.to === 'customer1@example.test',
    );
    assert.ok(mail, 'the offer is emailed');
    assert.match(mail.subject, /Morning Yoga/);
    assert.match(mail.body, /holding 1 seat for you until/);
    assert.match(mail.body, new RegExp(first.offer.hold_id));
    // Nobody else can take the freed seat in between.
    const outsider = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: { related: { owner_booking_id: group.id }, customer: customer(99) },
    });
    assert.equal(outsider.status, 409);
    assert.equal(outsider.body.error.code, 'sold_out');
  });

  test('the event is recorded for a project with webhooks', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    const project = mock.api.engine.getProject('proj_yoga');
    mock.api.engine.addProject({ ...project, webhooks: ['https://hooks.example/yoga'] });
    await join(group.id, 1);
    await cancel(seats[0]!);
    const events = mock.api.engine.outbox().filter((entry) => entry.subject === 'waitlist.offered');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.to, 'https://hooks.example/yoga');
    assert.ok(
      !events[0]!.body.includes('customer_token'),
      `!events[0]!.body.includes('customer_token')`,
    );
  });

  test('the offer email links to the widget\u2019s page on that hold; a registered webhook hears the offer', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    const { body: hook } = await mock.call('POST', '/webhooks', {
      body: { url: 'https://hooks.example/waitlist', events: ['waitlist.offered'] },
    });
    await join(group.id, 1);
    await cancel(seats[0]!);
    const [first] = await entries(group.id);
    const mail = mock.api.engine
      .outbox()
      .find((entry) => entry.kind === 'email' && entry.to === 'customer1@example.test');
    // The demo's manage_url is the sandbox's page; the offer swaps its parameters for the hold.
    const link = mail?.body.match(/Finish booking here: (\S+)/)?.[1];
    assert.ok(link, mail?.body);
    const url = new URL(link);
    assert.equal(url.searchParams.get('slotkit_hold'), first.offer.hold_id);
    assert.equal(url.searchParams.has('slotkit_booking'), false);
    assert.equal(url.searchParams.has('slotkit_token'), false);
    const { body: deliveries } = await mock.call('GET', `/webhooks/${hook.data.id}/deliveries`);
    assert.deepEqual(
      deliveries.data.map((delivery: { type: string }) => delivery.type),
      ['waitlist.offered'],
    );
  });

  test('an entry too big for the freed seats is skipped for the next that fits, and served when enough free', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    await join(group.id, 1, 2);
    await join(group.id, 2, 1);
    await cancel(seats[0]!);
    assert.deepEqual(await states(group.id), ['customer1:waiting', 'customer2:offered']);
    await cancel(seats[1]!);
    assert.deepEqual(await states(group.id), ['customer1:waiting', 'customer2:offered']);
    await cancel(seats[2]!);
    assert.deepEqual(await states(group.id), ['customer1:offered', 'customer2:offered']);
    assert.equal(await seatsTaken(group.id), group.max);
  });

  test('an offer that runs out passes the seats to the next entry', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    await join(group.id, 1);
    await join(group.id, 2);
    await cancel(seats[0]!);
    mock.clock.advance(2 * 3_600_000 - 1);
    assert.deepEqual(await states(group.id), ['customer1:offered', 'customer2:waiting']);
    mock.clock.advance(1);
    assert.deepEqual(await states(group.id), ['customer1:lapsed', 'customer2:offered']);
    const [, second] = await entries(group.id);
    assert.equal(Date.parse(second.offer.expires_at), NOW + 4 * 3_600_000);
  });

  test('the project\u2019s waitlist_offer_window sets the hold, never past sign-ups closing', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    const project = mock.api.engine.getProject('proj_yoga');
    mock.api.engine.addProject({ ...project, waitlist_offer_window: '30 minutes' });
    await join(group.id, 1);
    await cancel(seats[0]!);
    const [first] = await entries(group.id);
    assert.equal(Date.parse(first.offer.expires_at), NOW + 30 * 60_000);
    const taken = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: { reservation_id: first.offer.hold_id, customer: customer(1) },
    });
    assert.equal(taken.status, 201);
    await join(group.id, 2);
    // Sign-ups close 2 hours (min_booking_time) before the class: 15 minutes after this moment.
    const closes = Date.parse(group.start) - 2 * 3_600_000;
    mock.clock.set(closes - 15 * 60_000);
    await cancel(seats[1]!);
    const [, second] = await entries(group.id);
    assert.equal(second.state, 'offered');
    assert.equal(Date.parse(second.offer.expires_at), closes);
  });

  test('taking the offer books through the hold; the entry says booked', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    await join(group.id, 1);
    await cancel(seats[0]!);
    const [first] = await entries(group.id);
    const booked = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: { reservation_id: first.offer.hold_id, customer: customer(1) },
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    const [after] = await entries(group.id);
    assert.equal(after.state, 'booked');
    assert.equal(after.booking_id, booked.body.data.id);
    assert.equal(await seatsTaken(group.id), group.max);
  });

  test('a payment graph: an unpaid payment window frees seats for the waitlist, and the offer books into payment', async () => {
    const group = await laterClass(KEYS.paidClass);
    await fill(group, KEYS.paidClass);
    await join(group.id, 1, 1, KEYS.paidClass);
    mock.clock.advance(15 * 60_000);
    const [first] = await entries(group.id);
    assert.equal(first.state, 'offered');
    const booked = await mock.call('POST', '/bookings', {
      key: KEYS.paidClass,
      body: { reservation_id: first.offer.hold_id, customer: customer(1) },
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    assert.equal(booked.body.data.state, 'tentative');
    assert.equal((await entries(group.id))[0].state, 'booked');
  });
});

describe('leaving', () => {
  test('with the customer token; an offer held is released and passes on', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    const { body: joined } = await join(group.id, 1);
    await join(group.id, 2);
    await cancel(seats[0]!);
    const path = `/bookings/waitlist/${joined.data.id}`;
    const noToken = await mock.call('DELETE', path, { key: KEYS.yoga });
    assert.equal(noToken.status, 403);
    const wrongToken = await mock.call('DELETE', path, {
      key: KEYS.yoga,
      headers: { 'X-Customer-Token': 'f'.repeat(48) },
    });
    assert.equal(wrongToken.status, 403);
    const otherProject = await mock.call('DELETE', path, {
      key: KEYS.paidClass,
      headers: { 'X-Customer-Token': joined.data.customer_token },
    });
    assert.equal(otherProject.status, 404);
    const read = await mock.call('GET', `${path}?customer_token=${joined.data.customer_token}`, {
      key: KEYS.yoga,
    });
    assert.equal(read.body.data.state, 'offered');
    const left = await mock.call('DELETE', path, {
      key: KEYS.yoga,
      headers: { 'X-Customer-Token': joined.data.customer_token },
    });
    assert.equal(left.status, 200);
    assert.equal(left.body.data.state, 'left');
    assert.deepEqual(await states(group.id), ['customer1:left', 'customer2:offered']);
    const again = await mock.call('DELETE', path);
    assert.equal(again.status, 422);
    assert.equal(await seatsTaken(group.id), group.max);
  });

  test('the owner may remove an entry', async () => {
    const group = await laterClass();
    await fill(group);
    const { body } = await join(group.id, 1);
    const removed = await mock.call('DELETE', `/bookings/waitlist/${body.data.id}`);
    assert.equal(removed.body.data.state, 'left');
    assert.equal((await mock.call('DELETE', '/bookings/waitlist/nope')).status, 404);
  });
});

describe('race safety', () => {
  test('20 parallel cancellations, 20 waiters and outsiders never give more than max_seats', async () => {
    const group = await laterClass();
    const seats = await fill(group);
    const joined = await Promise.all(Array.from({ length: 20 }, (_, n) => join(group.id, n + 1)));
    assert.ok(
      joined.every((response) => response.status === 201),
      'joined.every((response) => response.status === 201)',
    );
    const observed: number[] = [];
    const outsiders: number[] = [];
    await Promise.all([
      ...seats.map((id) => cancel(id)),
      ...Array.from({ length: 10 }, async (_, n) => {
        const response = await mock.call('POST', '/bookings', {
          key: KEYS.yoga,
          body: { related: { owner_booking_id: group.id }, customer: customer(200 + n) },
        });
        outsiders.push(response.status);
      }),
      ...Array.from({ length: 10 }, async () => observed.push(await seatsTaken(group.id))),
    ]);
    assert.ok(
      observed.every((taken) => taken <= group.max),
      `seen ${observed.join(',')}`,
    );
    assert.deepEqual(outsiders, Array(10).fill(409));
    const offered = await entries(group.id);
    assert.ok(
      offered.every((entry) => entry.state === 'offered'),
      `offered.every((entry) => entry.state === 'offered')`,
    );
    const booked = await Promise.all(
      offered.map((entry, n) =>
        mock.call('POST', '/bookings', {
          key: KEYS.yoga,
          body: { reservation_id: entry.offer.hold_id, customer: customer(n + 1) },
        }),
      ),
    );
    assert.ok(
      booked.every((response) => response.status === 201),
      'booked.every((response) => response.status === 201)',
    );
    assert.equal(await seatsTaken(group.id), group.max);
    const { body } = await mock.call('GET', `/bookings/${group.id}?include=related_bookings`);
    const holding = body.data.related_bookings.filter((seat: any) => seat.state === 'confirmed');
    assert.equal(holding.length, group.max);
  });
});

describe('snapshots', () => {
  test('carry the waitlist, load without one, and refuse an entry naming no class', async () => {
    const group = await laterClass();
    await fill(group);
    await join(group.id, 1);
    const saved = mock.api.snapshot();
    assert.equal(saved.store.waitlist?.length, 1);
    mock.api.reset('demo');
    mock.api.restore(saved);
    assert.deepEqual(await states(group.id), ['customer1:waiting']);
    const { waitlist: _gone, ...older } = saved.store;
    mock.api.restore({ ...saved, store: older });
    assert.deepEqual(await entries(group.id), []);
    const broken = structuredClone(saved);
    broken.store.waitlist![0]!.owner_booking_id = 'nope';
    assert.throws(
      () => mock.api.restore(broken),
      (error: any) =>
        error.details.some((d: any) => d.path === 'store.waitlist.0.owner_booking_id'),
    );
    assert.deepEqual(await entries(group.id), []);
  });
});

describe('reading an entry', () => {
  // The widget key is public: without the customer's token (or the owner key) an entry, with
  // the customer's name and email, must not be read by whoever guesses or sees its id.
  test('needs the customer token or the owner; a widget key alone is refused', async () => {
    const group = await laterClass();
    await fill(group);
    const { body: joined } = await join(group.id, 1);
    const path = `/bookings/waitlist/${joined.data.id}`;
    const noToken = await mock.call('GET', path, { key: KEYS.yoga });
    assert.equal(noToken.status, 403, JSON.stringify(noToken.body));
    const wrongToken = await mock.call('GET', `${path}?customer_token=${'f'.repeat(48)}`, {
      key: KEYS.yoga,
    });
    assert.equal(wrongToken.status, 403, JSON.stringify(wrongToken.body));
    const withToken = await mock.call(
      'GET',
      `${path}?customer_token=${joined.data.customer_token}`,
      {
        key: KEYS.yoga,
      },
    );
    assert.equal(withToken.status, 200, JSON.stringify(withToken.body));
    assert.equal(withToken.body.data.customer.email, customer(1).email);
    assert.equal((await mock.call('GET', path)).status, 200);
  });
});
