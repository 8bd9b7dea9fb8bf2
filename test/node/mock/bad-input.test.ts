import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { KEYS, NOW, basic, customer } from './harness.ts';

/**
 * Bad input over real HTTP (what `npm run api` serves): every malformed request is a 422
 * `validation_failed` with per-field details, and the engine's store and clock are exactly as
 * they were before it.
 */

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** Friday 2026-11-27 10:00 in London: the writing coach is open. */
const SLOT = Date.parse('2026-11-27T10:00:00Z');

interface Sent {
  status: number;
  body: any;
  ms: number;
}

describe('bad input over real HTTP', () => {
  let server: RunningServer;
  let booking: { id: string; token: string };
  let holdId: string;
  let collectionId: string;

  const send = async (
    method: string,
    path: string,
    options: {
      key?: string | null;
      body?: unknown;
      raw?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Sent> => {
    const key = options.key === undefined ? KEYS.owner : options.key;
    const raw =
      options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(key === null ? {} : { Authorization: basic(key) }),
        ...options.headers,
      },
      ...(raw === undefined ? {} : { body: raw }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      ms: performance.now() - started,
    };
  };

  /** The engine's whole state and the clock, as one string to compare byte for byte. */
  const state = () =>
    JSON.stringify({ store: server.api.engine.snapshot(), now: server.api.clock.now() });

  const assertRefused = (result: Sent, label: string) => {
    assert.equal(result.status, 422, `${label}: ${result.status} ${JSON.stringify(result.body)}`);
    assert.equal(result.body.error.code, 'validation_failed', label);
    const details = result.body.error.details;
    assert.ok(Array.isArray(details) && details.length > 0, `${label}: no details`);
    for (const detail of details) {
      assert.equal(typeof detail.path, 'string', label);
      assert.ok(detail.message.length > 0, label);
    }
  };

  before(async () => {
    server = await startHttpServer({ port: 0, clock: new ManualClock(NOW), seed: 'demo' });
    const created = await send('POST', '/bookings', {
      key: KEYS.paidSession,
      body: {
        graph: 'instant_payment',
        event: { start: iso(SLOT), end: iso(SLOT + HOUR), what: 'Writing session' },
        customer: customer(1),
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    booking = { id: created.body.data.id, token: created.body.data.customer_token };
    const hold = await send('POST', '/bookings/reserve', {
      key: KEYS.paidSession,
      body: { resource_id: 'res_coach', start: iso(SLOT + 2 * HOUR), end: iso(SLOT + 3 * HOUR) },
    });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    holdId = hold.body.data.id;
    const series = await send('POST', '/bookings/recurring', recurringBody());
    assert.equal(series.status, 201, JSON.stringify(series.body));
    collectionId = series.body.data.collection_id;
  });
  after(() => server.close());

  function recurringBody() {
    const start = Date.parse('2026-12-07T15:00:00Z');
    return {
      body: {
        booking: {
          graph: 'instant',
          resource_id: 'res_coach',
          ignore_capacity: true,
          event: { start: iso(start), end: iso(start + HOUR), what: 'Weekly check-in' },
          customer: customer(2),
        },
        recurring: { rrule: 'FREQ=WEEKLY;COUNT=2' },
      },
    };
  }

  /** Each endpoint that takes a body: how to call it, a valid body, and four ways to spoil it. */
  interface Row {
    name: string;
    method: string;
    path: () => string;
    key?: string | null;
    headers?: () => Record<string, string>;
    nullBody?: boolean;
    unknownField: () => unknown;
    wrongType: () => unknown;
    overCap: () => unknown;
  }

  const token = () => ({ 'X-Customer-Token': booking.token });
  const event = { start: iso(SLOT + 4 * HOUR), end: iso(SLOT + 5 * HOUR), what: 'Session' };
  const long = (length: number) => 'x'.repeat(length);
  const rows: Row[] = [
    {
      name: 'POST /bookings',
      method: 'POST',
      path: () => '/bookings',
      key: KEYS.paidSession,
      unknownField: () => ({ graph: 'instant_payment', event, customer: customer(3), foo: 1 }),
      wrongType: () => ({ graph: 5, event, customer: customer(3) }),
      overCap: () => ({
        graph: 'instant_payment',
        event,
        customer: { ...customer(3), name: long(201) },
      }),
    },
    ...['PUT', 'POST'].map((method): Row => ({
      name: `${method} /bookings/:id/cancel_by_customer`,
      method,
      path: () => `/bookings/${booking.id}/cancel_by_customer`,
      key: KEYS.paidSession,
      headers: token,
      unknownField: () => ({ cancel_by_customer: { message: 'Sorry' }, foo: 1 }),
      wrongType: () => ({ cancel_by_customer: 'yes' }),
      overCap: () => ({ cancel_by_customer: { message: long(5001) } }),
    })),
    {
      name: 'POST /bookings/:id/reschedule',
      method: 'POST',
      path: () => `/bookings/${booking.id}/reschedule`,
      key: KEYS.paidSession,
      headers: token,
      unknownField: () => ({ start: event.start, end: event.end, foo: 1 }),
      wrongType: () => ({ start: 5, end: event.end }),
      overCap: () => ({ start: event.start, end: event.end, message: long(5001) }),
    },
    {
      name: 'PUT /bookings/:id/status',
      method: 'PUT',
      path: () => `/bookings/${booking.id}/status`,
      unknownField: () => ({ status: 'checked_in', foo: 1 }),
      wrongType: () => ({ status: 5 }),
      overCap: () => ({ status: long(300) }),
    },
    {
      name: 'POST /bookings/reserve',
      method: 'POST',
      path: () => '/bookings/reserve',
      key: KEYS.paidSession,
      unknownField: () => ({
        resource_id: 'res_coach',
        start: event.start,
        end: event.end,
        foo: 1,
      }),
      wrongType: () => ({ resource_id: 7, start: event.start, end: event.end }),
      overCap: () => ({ resource_id: long(101), start: event.start, end: event.end }),
    },
    {
      name: 'PUT /bookings/reserve/extend',
      method: 'PUT',
      path: () => '/bookings/reserve/extend',
      key: KEYS.paidSession,
      unknownField: () => ({ id: holdId, foo: 1 }),
      wrongType: () => ({ id: 5 }),
      overCap: () => ({ id: long(101) }),
    },
    {
      name: 'POST /bookings/recurring',
      method: 'POST',
      path: () => '/bookings/recurring',
      unknownField: () => ({ ...recurringBody().body, foo: 1 }),
      wrongType: () => ({ ...recurringBody().body, recurring: { rrule: 5 } }),
      overCap: () => ({ ...recurringBody().body, recurring: { rrule: long(1001) } }),
    },
    {
      name: 'PUT /bookings/recurring/:id/cancel',
      method: 'PUT',
      path: () => `/bookings/recurring/${collectionId}/cancel`,
      unknownField: () => ({ foo: 1 }),
      wrongType: () => ({ cancel: { message: 5 } }),
      overCap: () => ({ cancel: { message: long(5001) } }),
    },
    ...['/availability', '/availability/dates'].map((path): Row => ({
      name: `POST ${path}`,
      method: 'POST',
      path: () => path,
      key: KEYS.paidSession,
      unknownField: () => ({ foo: 1 }),
      wrongType: () => ({ length: 60 }),
      overCap: () => ({ output_timezone: long(65) }),
    })),
    {
      name: 'POST /_mock/clock',
      method: 'POST',
      path: () => '/_mock/clock',
      key: null,
      unknownField: () => ({ advance: '1 hour', junk: 1 }),
      wrongType: () => ({ advance: 3600 }),
      overCap: () => ({ advance: long(41) }),
    },
    {
      name: 'POST /_mock/reset',
      method: 'POST',
      path: () => '/_mock/reset',
      key: null,
      unknownField: () => ({ seed: 'empty', junk: 1 }),
      wrongType: () => ({ seed: 5 }),
      overCap: () => ({ seed: long(1000) }),
    },
    {
      name: 'PUT /_mock/snapshot',
      method: 'PUT',
      path: () => '/_mock/snapshot',
      key: null,
      unknownField: () => ({ ...snapshotOf(), junk: 1 }),
      wrongType: () => {
        const snapshot = snapshotOf();
        snapshot.store.bookings[0].created_at = 'yesterday';
        return snapshot;
      },
      overCap: () => {
        const snapshot = snapshotOf();
        snapshot.store.resources[0].id = long(201);
        return snapshot;
      },
    },
  ];

  function snapshotOf(): any {
    return {
      version: 1,
      clock: { now: iso(server.api.clock.now()), offset_ms: 0 },
      store: server.api.engine.snapshot(),
    };
  }

  for (const row of rows) {
    const variants: Array<[string, () => { body?: unknown; raw?: string }]> = [
      ['null body', () => ({ raw: 'null' })],
      ['unknown field', () => ({ body: row.unknownField() })],
      ['wrong type', () => ({ body: row.wrongType() })],
      ['over-cap string', () => ({ body: row.overCap() })],
    ];
    for (const [variant, makeBody] of variants) {
      test(`${row.name}, ${variant}: 422 with details, nothing changes`, async () => {
        const before = state();
        const result = await send(row.method, row.path(), {
          key: row.key === undefined ? KEYS.owner : row.key,
          headers: row.headers?.() ?? {},
          ...makeBody(),
        });
        assertRefused(result, `${row.name} ${variant}`);
        assert.equal(state(), before, `${row.name} ${variant} changed the store or the clock`);
      });
    }
  }

  test('the valid bodies of the table still work (the refusals were about the spoilt part)', async () => {
    const extend = await send('PUT', '/bookings/reserve/extend', {
      key: KEYS.paidSession,
      body: { id: holdId },
    });
    assert.equal(extend.status, 200, JSON.stringify(extend.body));
    const slots = await send('POST', '/availability', {
      key: KEYS.paidSession,
      body: { timeslot_increments: '30 minutes', to: '2 weeks' },
    });
    assert.equal(slots.status, 200, JSON.stringify(slots.body));
    assert.ok(slots.body.data.length > 0, 'slots.body.data.length > 0');
    const status = await send('PUT', `/bookings/${booking.id}/status`, {
      body: { status: 'checked_in' },
    });
    assert.equal(status.status, 200, JSON.stringify(status.body));
  });

  describe('queries', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['a typo in a listing filter', '/bookings?stat=confirmed', undefined],
      ['an unknown parameter on a view', '/bookings/upcoming?foo=1', undefined],
      ['an unknown parameter on one booking', '/bookings/ID?expand=logs', 'token'],
      ['an unknown parameter on classes', '/bookings/groups?project=proj_yoga', undefined],
      ['a wrong type for limit', '/bookings?limit=ten', undefined],
      ['an unknown include', '/bookings/ID?include=secrets', 'token'],
      ['a control character in search', '/bookings?search=a%00b', undefined],
    ];
    for (const [label, path, needsToken] of cases) {
      test(`${label}: 422 naming the parameter`, async () => {
        const result = await send('GET', path.replace('ID', booking.id), {
          ...(needsToken ? { key: KEYS.paidSession, headers: token() } : {}),
        });
        assertRefused(result, label);
      });
    }

    test('the parameters the clients send still work', async () => {
      for (const path of [
        `/bookings?search=project.id:proj_paid_session;graph:instant_payment&limit=5&page=1&include=logs`,
        `/bookings/groups?search=project.id:proj_yoga&timezone=Europe/Copenhagen`,
        `/bookings/${booking.id}?include=attributes,logs&customer_token=${booking.token}`,
      ]) {
        const result = await send('GET', path, {
          key: path.includes('customer_token') ? KEYS.paidSession : KEYS.owner,
        });
        assert.equal(result.status, 200, `${path}: ${JSON.stringify(result.body)}`);
      }
    });
  });

  describe('body size', () => {
    test('over 64 KB: 422 with a detail naming the cap, nothing changes', async () => {
      const before = state();
      const result = await send('POST', '/bookings', {
        key: KEYS.paidSession,
        body: { graph: 'instant_payment', event, customer: { ...customer(4), note: long(70_000) } },
      });
      assertRefused(result, 'over 64 KB');
      assert.equal(result.body.error.details[0].path, '(body)');
      assert.match(result.body.error.details[0].message, /64 KB/);
      assert.equal(state(), before);
    });

    test('bytes, not characters: 30,000 three-byte characters are over 64 KB', async () => {
      const result = await send('POST', '/availability', {
        key: KEYS.paidSession,
        raw: JSON.stringify({ output_timezone: '\u20ac'.repeat(30_000) }),
      });
      assertRefused(result, 'multi-byte');
      assert.match(result.body.error.details[0].message, /64 KB/);
    });
  });

  describe('durations have bounds', () => {
    const refusedAvailability: Array<[string, Record<string, string>, string]> = [
      ['"0 minutes" length', { length: '0 minutes' }, 'length'],
      ['"0 minutes" increments', { timeslot_increments: '0 minutes' }, 'timeslot_increments'],
      ['"1 second" increments', { timeslot_increments: '1 second' }, 'timeslot_increments'],
      ['"9999999 months" to', { to: '9999999 months' }, 'to'],
      ['"9999999 months" from', { from: '9999999 months' }, 'from'],
      ['"40 days" length', { length: '40 days' }, 'length'],
      ['"1 constructor" buffer', { buffer: '1 constructor' }, 'buffer'],
    ];
    for (const [label, body, field] of refusedAvailability) {
      test(`availability with ${label}: 422 naming ${field}`, async () => {
        const result = await send('POST', '/availability', { key: KEYS.paidSession, body });
        assertRefused(result, label);
        assert.deepEqual(
          result.body.error.details.map((detail: { path: string }) => detail.path),
          [field],
        );
      });
    }

    test('a payment window of "9999999 months" is refused when booking', async () => {
      const before = state();
      const result = await send('POST', '/bookings', {
        body: {
          graph: 'instant_payment',
          resource_id: 'res_coach',
          event,
          customer: customer(5),
          settings: { payment_window: '9999999 months' },
        },
      });
      assertRefused(result, 'payment window');
      assert.equal(result.body.error.details[0].path, 'settings.payment_window');
      assert.equal(state(), before);
    });

    const refusedClock: Array<[string, Record<string, string>]> = [
      ['advance "9999999 months"', { advance: '9999999 months' }],
      ['set to the year 9999', { set: '9999-12-31T00:00:00Z' }],
      ['set before 1970', { set: '1969-12-31T23:59:59Z' }],
      ['set to a date without a time', { set: '2026-11-30' }],
      ['"0 minutes"-style junk', { advance: '-5 minutes' }],
    ];
    for (const [label, body] of refusedClock) {
      test(`clock ${label}: 422, the clock does not move, later calls still work`, async () => {
        const before = state();
        const result = await send('POST', '/_mock/clock', { key: null, body });
        assertRefused(result, label);
        assert.equal(state(), before);
        const clock = await send('GET', '/_mock/clock', { key: null });
        assert.equal(clock.status, 200);
        assert.equal(clock.body.data.now, iso(NOW));
        assert.equal((await send('GET', '/_mock/snapshot', { key: null })).status, 200);
      });
    }
  });

  describe('strings: no NUL, no control characters, no lone surrogates', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        'NUL in the customer name',
        { customer: { ...customer(6), name: 'Ann\u0000' } },
        'customer.name',
      ],
      [
        'a lone surrogate in the name',
        { customer: { ...customer(6), name: 'Ann \ud800' } },
        'customer.name',
      ],
      ['a bell in the title', { event: { ...event, what: 'Cut\u0007' } }, 'event.what'],
      ['a newline in the title', { event: { ...event, what: 'Cut\nhere' } }, 'event.what'],
      [
        'NUL in the description',
        { event: { ...event, description: 'a\u0000b' } },
        'event.description',
      ],
      [
        'a lone low surrogate in a custom field',
        { customer: { ...customer(6), note: '\udc00' } },
        'customer.note',
      ],
    ];
    for (const [label, fields, path] of cases) {
      test(`${label}: 422 naming ${path}`, async () => {
        const before = state();
        const result = await send('POST', '/bookings', {
          key: KEYS.paidSession,
          body: { graph: 'instant_payment', event, customer: customer(6), ...fields },
        });
        assertRefused(result, label);
        assert.equal(result.body.error.details[0].path, path);
        assert.match(result.body.error.details[0].message, /control character|lone surrogate/);
        assert.equal(state(), before);
      });
    }

    test('a lone surrogate in an action message: 422, the booking is not cancelled', async () => {
      const before = state();
      const result = await send('PUT', `/bookings/${booking.id}/cancel_by_customer`, {
        key: KEYS.paidSession,
        headers: token(),
        body: { cancel_by_customer: { message: 'bye \ud83d' } },
      });
      assertRefused(result, 'surrogate message');
      assert.equal(result.body.error.details[0].path, 'cancel_by_customer.message');
      assert.equal(state(), before);
    });

    test('emoji (a surrogate pair), accents, tabs and line breaks in long text are fine', async () => {
      const start = SLOT + 6 * HOUR;
      const result = await send('POST', '/bookings', {
        body: {
          graph: 'instant_payment',
          resource_id: 'res_coach',
          ignore_capacity: true,
          event: {
            start: iso(start),
            end: iso(start + HOUR),
            what: 'Séance \ud83d\udcdd',
            description: 'Line one\n\tLine two\r\n',
          },
          customer: { name: 'Zoë 🦊', email: 'zoe@example.test' },
        },
      });
      assert.equal(result.status, 201, JSON.stringify(result.body));
    });
  });

  describe('work bounds', () => {
    test('"1 second" increments over 182 days from a widget key: a fast 4xx', async () => {
      const result = await send('POST', '/availability', {
        key: KEYS.paidSession,
        body: { timeslot_increments: '1 second', length: '1 hour', to: '182 days' },
      });
      assertRefused(result, '1 second');
      assert.ok(result.ms < 2000, `took ${Math.round(result.ms)} ms`);
    });

    test('too many candidate slots: 422 naming the limit and the fields to change, fast', async () => {
      const result = await send('POST', '/availability', {
        body: {
          resources: ['res_barber', 'res_coach', 'res_doc'],
          timeslot_increments: '5 minutes',
          length: '30 minutes',
          to: '180 days',
        },
      });
      assertRefused(result, 'candidates');
      assert.match(result.body.error.message, /limit is 100000/);
      assert.deepEqual(
        result.body.error.details.map((detail: { path: string }) => detail.path).sort(),
        ['resources', 'timeslot_increments', 'to'],
      );
      assert.ok(result.ms < 2000, `took ${Math.round(result.ms)} ms`);
    });

    test('the largest request under the limit answers in bounded time', async () => {
      const result = await send('POST', '/availability', {
        body: { resources: ['res_coach'], timeslot_increments: '5 minutes', to: '180 days' },
      });
      assert.equal(result.status, 200, JSON.stringify(result.body).slice(0, 300));
      assert.ok(result.body.data.length > 1000, 'result.body.data.length > 1000');
      assert.ok(result.ms < 10_000, `took ${Math.round(result.ms)} ms`);
    });
  });
});

describe('PUT /_mock/snapshot over real HTTP', () => {
  let server: RunningServer;
  before(async () => {
    server = await startHttpServer({ port: 0, clock: new ManualClock(NOW), seed: 'demo' });
  });
  after(() => server.close());

  const put = async (body: unknown) => {
    const response = await fetch(`${server.url}/_mock/snapshot`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const fetched = async () => {
    const response = await fetch(`${server.url}/_mock/snapshot`);
    assert.equal(response.status, 200);
    const text = await response.text();
    return { text, json: JSON.parse(text) as any };
  };

  /** One way to break a snapshot the server produced, and the path the refusal must name. */
  const breakages: Array<[string, (store: any) => void, string]> = [
    [
      'a state its graph does not have',
      (s) => (s.bookings[0].state = 'limbo'),
      'store.bookings.0.state',
    ],
    ['an unknown graph', (s) => (s.bookings[0].graph = 'nope'), 'store.bookings.0.graph'],
    [
      'a date that is not a number',
      (s) => (s.bookings[0].created_at = null),
      'store.bookings.0.created_at',
    ],
    [
      'a date past Date’s range',
      (s) => (s.bookings[0].event.start = 1e20),
      'store.bookings.0.event.start',
    ],
    [
      'a class that is not there',
      (s) => (s.bookings[0].related.owner_booking_id = 'gone'),
      'store.bookings.0.related.owner_booking_id',
    ],
    [
      'opening hours at 25:00',
      (s) => (s.resources[0].weekly_hours.mon = [['25:00', '26:00']]),
      'store.resources.0.weekly_hours.mon.0.0',
    ],
    [
      'a zone that does not exist',
      (s) => (s.resources[0].timezone = 'Mars/Olympus'),
      'store.resources.0.timezone',
    ],
    [
      'a project naming a missing resource',
      (s) => (s.projects[0].resources = ['res_gone']),
      'store.projects.0.resources.0',
    ],
    [
      'a project with "0 minutes" increments',
      (s) => (s.projects[0].availability.timeslot_increments = '0 minutes'),
      'store.projects.0.availability.timeslot_increments',
    ],
    ['a list that is missing', (s) => delete s.holds, 'store.holds'],
    ['an unknown list', (s) => (s.extra = []), 'store'],
    [
      'a timer into an unknown action',
      (s) => (s.bookings[0].timer = { at: NOW, action: 'explode' }),
      'store.bookings.0.timer.action',
    ],
  ];

  for (const [label, breakIt, path] of breakages) {
    test(`${label}: 422 naming ${path}, the store unchanged, reads still work`, async () => {
      const before = JSON.stringify(server.api.engine.snapshot());
      const snapshot = (await fetched()).json.data;
      breakIt(snapshot.store);
      const result = await put(snapshot);
      assert.equal(result.status, 422, JSON.stringify(result.body).slice(0, 500));
      assert.equal(result.body.error.code, 'validation_failed');
      assert.ok(
        result.body.error.details.some((detail: { path: string }) => detail.path === path),
        JSON.stringify(result.body.error.details),
      );
      assert.equal(JSON.stringify(server.api.engine.snapshot()), before);
      const listing = await fetch(`${server.url}/bookings`, {
        headers: { Authorization: basic(KEYS.owner) },
      });
      assert.equal(listing.status, 200);
    });
  }

  test('a large snapshot the server produced (320 bookings with logs) goes back in whole', async () => {
    const { engine } = server.api;
    const day = 86_400_000;
    for (let index = 0; index < 320; index += 1) {
      const start = NOW + day + Math.floor(index / 8) * day + (index % 8) * HOUR;
      const created = engine.createBooking(
        {
          graph: 'confirm_decline',
          resource_id: 'res_consultant',
          ignore_capacity: true,
          event: {
            start: iso(start),
            end: iso(start + HOUR),
            what: `Consultation ${index}`,
            description: 'Bring the papers. '.repeat(20),
          },
          customer: customer(index),
        },
        { role: 'owner' },
      );
      engine.performAction(
        created.id,
        index % 2 ? 'confirm' : 'decline',
        { [index % 2 ? 'confirm' : 'decline']: { message: 'See you then. '.repeat(10) } },
        { role: 'owner' },
      );
    }
    const produced = await fetched();
    assert.ok(produced.text.length > 1024 * 1024, `only ${produced.text.length} bytes`);
    const before = JSON.stringify(engine.snapshot());
    await fetch(`${server.url}/_mock/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"seed":"empty"}',
    });
    assert.notEqual(JSON.stringify(engine.snapshot()), before);
    const response = await fetch(`${server.url}/_mock/snapshot`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(produced.json.data),
    });
    assert.equal(response.status, 200, (await response.text()).slice(0, 500));
    assert.equal(JSON.stringify(engine.snapshot()), before);
  });
});

describe('the clock stays inside its range', () => {
  test('an advance that would leave the year 2999 is refused whole', async () => {
    const server = await startHttpServer({ port: 0, clock: new ManualClock(NOW), seed: 'empty' });
    try {
      const move = (body: unknown) =>
        fetch(`${server.url}/_mock/clock`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      assert.equal((await move({ set: '2999-06-01T00:00:00Z' })).status, 200);
      const refused = await move({ advance: '24 months' });
      assert.equal(refused.status, 422);
      const body = (await refused.json()) as any;
      assert.equal(body.error.details[0].path, 'advance');
      assert.match(body.error.details[0].message, /within 1970-01-01T00:00:00.000Z to 2999/);
      assert.equal(server.api.clock.now(), Date.parse('2999-06-01T00:00:00Z'));
      assert.equal((await fetch(`${server.url}/_mock/snapshot`)).status, 200);
    } finally {
      await server.close();
    }
  });
});
