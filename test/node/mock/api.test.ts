import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, barberSlots, bookBarberSlot, customer, firstClass, useMock } from './harness.ts';

const mock = useMock({ fresh: true });

const barberSlot = async () => (await barberSlots(mock))[0]!;

const bookBarber = async (key: string = KEYS.barber, extra: Record<string, unknown> = {}) =>
  bookBarberSlot(
    mock,
    await barberSlot(),
    { customer: { name: 'Marty McFly', email: 'marty@example.test', phone: '555-0100' }, ...extra },
    key,
  );

describe('every response', () => {
  test('carries Date (the engine clock), Timekit-TestMode and CORS headers, and a data envelope', async () => {
    mock.clock.set(Date.parse('2027-01-01T10:00:00Z'));
    const response = await mock.call('GET', '/bookings/graphs', {
      key: KEYS.barber,
      headers: { Origin: 'https://studio.example' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('date'), 'Fri, 01 Jan 2027 10:00:00 GMT');
    assert.equal(response.headers.get('timekit-testmode'), 'true');
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://studio.example');
    assert.match(response.headers.get('access-control-expose-headers')!, /Date/);
    assert.equal(response.body.data.length, 6);
  });

  test('errors have the error shape too', async () => {
    const response = await mock.call('GET', '/bookings/nope', {});
    assert.equal(response.status, 404);
    assert.deepEqual(Object.keys(response.body.error).sort(), ['code', 'message', 'status']);
    assert.equal(response.headers.get('timekit-testmode'), 'true');
  });

  test('a preflight allows Authorization and Idempotency-Key from another origin', async () => {
    const response = await fetch('http://slotkit.test/v2/bookings', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://studio.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,idempotency-key,content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-headers')!, /idempotency-key/i);
    assert.match(response.headers.get('access-control-allow-methods')!, /PUT/);
  });
});

describe('auth', () => {
  // [method, path, body, who may: public = any valid key, owner = owner key only]
  const endpoints: Array<[string, string, unknown, 'public' | 'owner']> = [
    ['GET', '/bookings', undefined, 'owner'],
    ['GET', '/bookings/upcoming', undefined, 'owner'],
    ['GET', '/bookings/unconfirmed', undefined, 'owner'],
    ['GET', '/bookings/all', undefined, 'owner'],
    ['GET', '/bookings/visible', undefined, 'owner'],
    ['GET', '/bookings/groups', undefined, 'public'],
    ['GET', '/bookings/graphs', undefined, 'public'],
    ['GET', '/bookings/graphs/instant', undefined, 'public'],
    ['POST', '/availability', {}, 'public'],
    ['POST', '/availability/dates', {}, 'public'],
    ['GET', '/projects/embed/proj_barber', undefined, 'public'],
    ['GET', '/resources', undefined, 'public'],
    ['GET', '/resources/res_barber', undefined, 'public'],
    [
      'POST',
      '/bookings/recurring',
      { booking: {}, recurring: { rrule: 'FREQ=DAILY;COUNT=2' } },
      'owner',
    ],
  ];
  for (const [method, path, body, access] of endpoints) {
    test(`${method} ${path}: none 401, unknown key 401, widget ${access === 'owner' ? 403 : 'ok'}, owner ok`, async () => {
      const withBody = body === undefined ? {} : { body };
      assert.equal((await mock.call(method, path, { key: null, ...withBody })).status, 401);
      assert.equal((await mock.call(method, path, { key: 'guess', ...withBody })).status, 401);
      const widget = await mock.call(method, path, { key: KEYS.barber, ...withBody });
      if (access === 'owner') {
        assert.equal(widget.status, 403);
        assert.equal(widget.body.error.code, 'forbidden');
      } else {
        assert.equal(widget.status, 200, JSON.stringify(widget.body));
      }
      const owner = await mock.call(method, path, { key: KEYS.owner, ...withBody });
      // The owner may call it; a 422 means the body was looked at, i.e. access was granted.
      assert.ok(
        [200, 201, 422].includes(owner.status),
        `${owner.status} ${JSON.stringify(owner.body)}`,
      );
    });
  }

  test('a booking: the owner, or the widget key with that booking\u2019s customer_token', async () => {
    const created = await bookBarber();
    assert.equal(created.status, 201);
    const { id, customer_token: token } = created.body.data;
    assert.equal((await mock.call('GET', `/bookings/${id}`, { key: KEYS.barber })).status, 403);
    assert.equal(
      (
        await mock.call('GET', `/bookings/${id}`, {
          key: KEYS.barber,
          headers: { 'X-Customer-Token': 'wrong' },
        })
      ).status,
      403,
    );
    const mine = await mock.call('GET', `/bookings/${id}`, {
      key: KEYS.barber,
      headers: { 'X-Customer-Token': token },
    });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.data.customer_token, undefined, 'the token is returned once, on create');
    assert.equal(
      (await mock.call('GET', `/bookings/${id}?customer_token=${token}`, { key: KEYS.barber }))
        .status,
      200,
    );
    assert.equal((await mock.call('GET', `/bookings/${id}`)).status, 200);
    // Customer actions with the token; owner actions not.
    const cancel = await mock.call('PUT', `/bookings/${id}/cancel`, {
      key: KEYS.barber,
      headers: { 'X-Customer-Token': token },
      body: {},
    });
    assert.equal(cancel.status, 403);
    const byCustomer = await mock.call('PUT', `/bookings/${id}/cancel_by_customer`, {
      key: KEYS.barber,
      headers: { 'X-Customer-Token': token },
      body: { cancel_by_customer: { message: 'Sorry' } },
    });
    assert.equal(byCustomer.status, 200);
    assert.equal(byCustomer.body.data.state, 'cancelled_by_customer');
  });

  test('a widget key works only for its own project', async () => {
    // Another project's ids answer exactly as unknown ones (issue 10).
    assert.equal(
      (await mock.call('GET', '/projects/embed/proj_yoga', { key: KEYS.barber })).status,
      404,
    );
    assert.equal(
      (
        await mock.call('POST', '/availability', {
          key: KEYS.barber,
          body: { resources: ['res_doc'] },
        })
      ).status,
      404,
    );
  });

  test('no widget-key response carries another customer\u2019s name, email or phone', async () => {
    await bookBarber();
    const yoga = await firstClass(mock);
    await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: {
        graph: 'group_customer',
        related: { owner_booking_id: yoga.id },
        customer: {
          name: 'Lorraine Secret',
          email: 'lorraine.secret@example.test',
          phone: '555-0199',
        },
      },
    });
    const publicCalls: Array<[string, string, string, unknown?]> = [
      ['GET', '/bookings/groups', KEYS.yoga],
      ['GET', `/bookings/groups/${yoga.id}`, KEYS.yoga],
      ['GET', `/bookings/${yoga.id}?include=related_bookings,logs`, KEYS.yoga],
      ['POST', '/availability', KEYS.barber, {}],
      ['GET', '/resources', KEYS.barber],
      ['GET', '/projects/embed/proj_yoga', KEYS.yoga],
      ['GET', '/bookings/graphs', KEYS.yoga],
    ];
    for (const [method, path, key, body] of publicCalls) {
      const text = JSON.stringify(
        (await mock.call(method, path, { key, ...(body === undefined ? {} : { body }) })).body,
      );
      assert.doesNotMatch(
        text,
        /Lorraine Secret|lorraine\.secret|555-0199|Marty McFly|marty@example|555-0100/,
        `${method} ${path}`,
      );
    }
  });
});

describe('error codes', () => {
  test('validation_failed: per-field details, and nothing changes', async () => {
    const before = JSON.stringify((await mock.call('GET', '/_mock/snapshot')).body.data.store);
    const cases: Array<[unknown, string]> = [
      [
        {
          graph: 'instant',
          event: {
            start: '2026-13-01T10:00:00Z',
            end: '2026-11-27T11:00:00Z',
            what: 'x',
            resource_id: 'res_barber',
          },
          customer: customer(1),
        },
        'event.start',
      ],
      [
        {
          graph: 'instant',
          event: { start: 5, end: '2026-11-27T11:00:00Z', what: 'x', resource_id: 'res_barber' },
          customer: customer(1),
        },
        'event.start',
      ],
      [
        {
          graph: 'instant',
          event: {
            start: '2026-11-27T10:00:00Z',
            end: '2026-11-27T11:00:00Z',
            what: 'x'.repeat(501),
            resource_id: 'res_barber',
          },
          customer: customer(1),
        },
        'event.what',
      ],
      [
        {
          graph: 'instant',
          event: {
            start: '2026-11-27T10:00:00Z',
            end: '2026-11-27T11:00:00Z',
            what: 'x',
            resource_id: 'res_barber',
          },
          customer: { name: 'x' },
        },
        'customer.email',
      ],
      [
        {
          graph: 'group_customer',
          related: { owner_booking_id: 'x', seats: 'two' },
          customer: customer(1),
        },
        'related.seats',
      ],
      [{ graph: 'instant', customer: customer(1), fly: { enabled: true } }, 'fly'],
      [[1, 2, 3], 'body'],
    ];
    for (const [body, path] of cases) {
      const response = await mock.call('POST', '/bookings', { key: KEYS.barber, body });
      assert.equal(response.status, 422, JSON.stringify(response.body));
      assert.equal(response.body.error.code, 'validation_failed');
      assert.ok(
        response.body.error.details.some((detail: { path: string }) => detail.path === path),
        `${path}: ${JSON.stringify(response.body.error.details)}`,
      );
    }
    const malformed = await mock.call('POST', '/bookings', {
      key: KEYS.barber,
      raw: '{"graph": "instant",',
    });
    assert.equal(malformed.status, 422);
    assert.match(malformed.body.error.message, /not valid JSON/);
    const huge = await mock.call('POST', '/bookings', {
      key: KEYS.barber,
      raw: JSON.stringify({ graph: 'x'.repeat(70_000) }),
    });
    assert.equal(huge.status, 422);
    assert.equal(
      JSON.stringify((await mock.call('GET', '/_mock/snapshot')).body.data.store),
      before,
    );
  });

  test('not_found, invalid_action (naming allowed actions), slot_unavailable', async () => {
    assert.equal((await mock.call('GET', '/bookings/does-not-exist')).body.error.code, 'not_found');
    assert.equal((await mock.call('GET', '/resources/nobody', { key: KEYS.barber })).status, 404);
    const created = await bookBarber();
    const wrong = await mock.call('PUT', `/bookings/${created.body.data.id}/confirm`, { body: {} });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.code, 'invalid_action');
    assert.match(
      wrong.body.error.message,
      /Possible actions: cancel, cancel_by_customer, reschedule_by_customer, complete/,
    );
    const again = await bookBarber();
    assert.equal(again.status, 201, 'the next free slot');
    const slot = created.body.data.attributes.event_info;
    const clash = await mock.call('POST', '/bookings', {
      key: KEYS.barber,
      body: {
        graph: 'instant',
        event: { start: slot.start, end: slot.end, what: 'x', resource_id: 'res_barber' },
        customer: customer(2),
      },
    });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.error.code, 'slot_unavailable');
  });

  test('sold_out says how many seats are left; booking_window; hold_expired is 410', async () => {
    const yoga = await firstClass(mock);
    const many = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: {
        graph: 'group_customer',
        related: { owner_booking_id: yoga.id, seats: 18 },
        customer: customer(1),
      },
    });
    assert.equal(many.status, 201);
    const tooMany = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: {
        graph: 'group_customer',
        related: { owner_booking_id: yoga.id, seats: 3 },
        customer: customer(2),
      },
    });
    assert.equal(tooMany.status, 409);
    assert.equal(tooMany.body.error.code, 'sold_out');
    assert.match(tooMany.body.error.message, /only 2 seats left/);

    const groups = (await mock.call('GET', '/bookings/groups', { key: KEYS.yoga })).body.data;
    const last = groups.at(-1); // more than 14 days ahead: not open yet
    const early = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: {
        graph: 'group_customer',
        related: { owner_booking_id: last.id },
        customer: customer(3),
      },
    });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, 'booking_window');

    const hold = await mock.call('POST', '/bookings/reserve', {
      key: KEYS.yoga,
      body: { related: { owner_booking_id: yoga.id }, seats: 1 },
    });
    assert.equal(hold.status, 201);
    await mock.call('POST', '/_mock/clock', { key: null, body: { advance: '11 minutes' } });
    const late = await mock.call('POST', '/bookings', {
      key: KEYS.yoga,
      body: { graph: 'group_customer', reservation_id: hold.body.data.id, customer: customer(4) },
    });
    assert.equal(late.status, 410);
    assert.equal(late.body.error.code, 'hold_expired');
  });

  test('rate_limited with Retry-After', async () => {
    const usual = mock.api.limiter.limit;
    mock.api.limiter.limit = { perSecond: 1, burst: 3 };
    mock.api.limiter.clear();
    try {
      const responses = [];
      for (let index = 0; index < 5; index += 1) {
        responses.push(await mock.call('GET', '/bookings/graphs', { key: KEYS.barber }));
      }
      assert.deepEqual(
        responses.map((response) => response.status),
        [200, 200, 200, 429, 429],
      );
      assert.equal(responses[3]!.body.error.code, 'rate_limited');
      assert.equal(responses[3]!.headers.get('retry-after'), '1');
      // Another key has its own allowance.
      assert.equal((await mock.call('GET', '/bookings/graphs', { key: KEYS.yoga })).status, 200);
    } finally {
      mock.api.limiter.limit = usual;
      mock.api.limiter.clear();
    }
  });
});

describe('idempotency', () => {
  test('the same key and body returns the first result; another body is 409', async () => {
    const slot = await barberSlot();
    const body = {
      graph: 'instant',
      event: { start: slot.start, end: slot.end, what: 'Cut', resource_id: 'res_barber' },
      customer: customer(1),
    };
    const first = await mock.call('POST', '/bookings', {
      key: KEYS.barber,
      body,
      headers: { 'Idempotency-Key': 'k-1' },
    });
    const replay = await mock.call('POST', '/bookings', {
      key: KEYS.barber,
      body,
      headers: { 'Idempotency-Key': 'k-1' },
    });
    assert.equal(first.status, 201);
    assert.equal(replay.status, 201);
    assert.equal(replay.body.data.id, first.body.data.id);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const other = await mock.call('POST', '/bookings', {
      key: KEYS.barber,
      body: { ...body, customer: customer(2) },
      headers: { 'Idempotency-Key': 'k-1' },
    });
    assert.equal(other.status, 409);
    assert.equal(other.body.error.code, 'conflict');
    const parallel = await Promise.all(
      Array.from({ length: 5 }, () =>
        mock.call('POST', '/bookings/reserve', {
          key: KEYS.yoga,
          body: { related: { owner_booking_id: 'x' } },
          headers: { 'Idempotency-Key': 'k-2' },
        }),
      ),
    );
    assert.deepEqual(new Set(parallel.map((response) => response.status)), new Set([404]));
    const listed = (await mock.call('GET', '/bookings?graph=instant')).body.data;
    assert.equal(listed.length, 1);
  });
});

describe('the _mock endpoints', () => {
  test('clock moves expiries, outbox lists emails, reset and snapshot round-trip', async () => {
    const created = await bookBarber();
    const outbox = (await mock.call('GET', '/_mock/outbox', { key: null })).body.data;
    assert.ok(
      outbox.some(
        (entry: { kind: string; to: string }) =>
          entry.kind === 'email' && entry.to === 'marty@example.test',
      ),
      `outbox.some((entry: { kind: string; to: string }) => entry.kind === 'email' && entry.to === 'marty@example.test')`,
    );
    const snapshot = (await mock.call('GET', '/_mock/snapshot', { key: null })).body.data;
    await mock.call('POST', '/_mock/reset', { key: null, body: { seed: 'empty' } });
    assert.equal((await mock.call('GET', `/bookings/${created.body.data.id}`)).status, 404);
    assert.equal(
      (await mock.call('PUT', '/_mock/snapshot', { key: null, body: snapshot })).status,
      200,
    );
    assert.equal(
      (await mock.call('GET', `/bookings/${created.body.data.id}`)).body.data.state,
      'confirmed',
    );
    const bad = await mock.call('PUT', '/_mock/snapshot', {
      key: null,
      body: { version: 1, store: { version: 1 } },
    });
    assert.equal(bad.status, 422);
    assert.equal(
      (await mock.call('GET', `/bookings/${created.body.data.id}`)).body.data.state,
      'confirmed',
    );
    assert.equal(
      (await mock.call('POST', '/_mock/clock', { key: null, body: { advance: 'soon' } })).status,
      422,
    );
    const moved = await mock.call('POST', '/_mock/clock', {
      key: null,
      body: { set: '2026-12-01T00:00:00Z' },
    });
    assert.equal(moved.body.data.now, '2026-12-01T00:00:00.000Z');
  });
});
