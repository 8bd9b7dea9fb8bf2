import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/engine/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/mock/server.ts';
import { KEYS, NOW, basic, customer } from './harness.ts';

/**
 * Issue 10's authorisation over real HTTP (what `npm run api` serves): a widget key is public,
 * so whatever it can do every visitor can. Each refusal must also change nothing: the engine's
 * snapshot is compared byte for byte before and after. One file over ~600 lines on purpose: the
 * areas share one server, its helpers and the snapshot check, and read as one matrix.
 */

interface Answer {
  status: number;
  body: any;
}

let server: RunningServer;
let clock: ManualClock;

before(async () => {
  clock = new ManualClock(NOW);
  server = await startHttpServer({
    port: 0,
    clock,
    seed: 'demo',
    // Hundreds of requests per test: the rate limit is not what is tested here.
    rateLimits: {
      client: { perSecond: 100_000, burst: 100_000 },
      key: { perSecond: 100_000, burst: 100_000 },
    },
  });
});
after(() => server.close());
beforeEach(() => {
  clock.set(NOW);
  server.api.reset();
});

async function send(
  method: string,
  path: string,
  key: string,
  body?: unknown,
  token?: string,
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: basic(key),
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { 'X-Customer-Token': token }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const snapshot = () => JSON.stringify(server.api.engine.snapshot());

/** Sends a request that must be refused with `status` and `code`, and change nothing. */
async function refused(
  status: number,
  code: string,
  request: () => Promise<Answer>,
  label: string,
): Promise<Answer> {
  const before = snapshot();
  const answer = await request();
  assert.equal(answer.status, status, `${label}: ${JSON.stringify(answer.body)}`);
  assert.equal(answer.body.error.code, code, `${label}: ${answer.body.error.message}`);
  assert.equal(snapshot(), before, `${label}: the refusal changed the store`);
  return answer;
}

const PROJECT_OF = {
  [KEYS.barber]: 'proj_barber',
  [KEYS.consultant]: 'proj_consultant',
  [KEYS.yoga]: 'proj_yoga',
  [KEYS.paidClass]: 'proj_paid_class',
  [KEYS.paidSession]: 'proj_paid_session',
} as Record<string, string>;

/** Each demo project's one graph, as seed.ts configures it. */
const GRAPH_OF: Record<string, string> = {
  [KEYS.barber]: 'instant',
  [KEYS.consultant]: 'confirm_decline',
  [KEYS.yoga]: 'group_customer',
  [KEYS.paidClass]: 'group_customer_payment',
  [KEYS.paidSession]: 'instant_payment',
};

const BOOKABLE = [
  'instant',
  'confirm_decline',
  'instant_payment',
  'group_customer',
  'group_customer_payment',
];
const WIDGET_KEYS = [KEYS.barber, KEYS.consultant, KEYS.yoga, KEYS.paidClass, KEYS.paidSession];
const CLASS_KEYS = new Set<string>([KEYS.yoga, KEYS.paidClass]);

async function slot(key: string, index = 0) {
  const answer = await send('POST', '/v2/availability', key, { project_id: PROJECT_OF[key] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.data[index] as {
    start: string;
    end: string;
    resources: Array<{ id: string }>;
  };
}

async function classId(key: string, index = 0): Promise<string> {
  const answer = await send('GET', '/v2/bookings/groups', key);
  return answer.body.data[index].id;
}

/** A create body that books the key's own project: a slot, or a seat in its first class. */
async function ownBody(key: string, n = 0): Promise<Record<string, unknown>> {
  if (CLASS_KEYS.has(key))
    return { related: { owner_booking_id: await classId(key, n) }, customer: customer(n) };
  const free = await slot(key, n);
  return {
    event: { start: free.start, end: free.end, what: 'Visit', resource_id: free.resources[0]!.id },
    customer: customer(n),
  };
}

async function book(key: string, n = 0, extra: Record<string, unknown> = {}) {
  const answer = await send('POST', '/v2/bookings', key, {
    graph: GRAPH_OF[key],
    ...(await ownBody(key, n)),
    ...extra,
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body.data as {
    id: string;
    state: string;
    customer_token: string;
    possible_actions: string[];
  };
}

describe('graphs: a widget key books only with its project’s graph', () => {
  test('each key × each bookable graph: its own books, every other is 403 graph_not_allowed naming the allowed one', async () => {
    let refusals = 0;
    for (const key of WIDGET_KEYS) {
      for (const graph of BOOKABLE) {
        const body = { graph, ...(await ownBody(key)) };
        if (graph === GRAPH_OF[key]) continue;
        const answer = await refused(
          403,
          'graph_not_allowed',
          () => send('POST', '/v2/bookings', key, body),
          `${PROJECT_OF[key]} with ${graph}`,
        );
        assert.match(answer.body.error.message, new RegExp(`"${GRAPH_OF[key]}"`));
        assert.deepEqual(answer.body.error.details, [
          { path: 'graph', message: `allowed: ${GRAPH_OF[key]}` },
        ]);
        refusals += 1;
      }
      const own = await send('POST', '/v2/bookings', key, {
        graph: GRAPH_OF[key],
        ...(await ownBody(key)),
      });
      assert.equal(own.status, 201, `${PROJECT_OF[key]} with its own graph`);
    }
    assert.equal(refusals, 20);
  });

  test('the issue’s three cases: no unpaid confirmed session, no skipped confirmation, no unpaid class seat', async () => {
    await refused(
      403,
      'graph_not_allowed',
      async () =>
        send('POST', '/v2/bookings', KEYS.paidSession, {
          graph: 'instant',
          ...(await ownBody(KEYS.paidSession)),
        }),
      'paid session as instant',
    );
    await refused(
      403,
      'graph_not_allowed',
      async () =>
        send('POST', '/v2/bookings', KEYS.consultant, {
          graph: 'instant',
          ...(await ownBody(KEYS.consultant)),
        }),
      'consultant as instant',
    );
    await refused(
      403,
      'graph_not_allowed',
      async () =>
        send('POST', '/v2/bookings', KEYS.paidClass, {
          graph: 'group_customer',
          ...(await ownBody(KEYS.paidClass)),
        }),
      'paid class seat as group_customer',
    );
  });

  test('a key that names no graph books with its project’s own', async () => {
    for (const key of [KEYS.paidSession, KEYS.consultant, KEYS.paidClass]) {
      const answer = await send('POST', '/v2/bookings', key, await ownBody(key));
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      assert.equal(answer.body.data.graph, GRAPH_OF[key]);
      assert.equal(answer.body.data.state, 'tentative');
    }
  });

  test('a project may offer more graphs: then those book too, and nothing else', async () => {
    const project = server.api.engine.getProject('proj_barber');
    server.api.engine.addProject({ ...project, graphs: ['instant', 'confirm_decline'] });
    const both = await send('POST', '/v2/bookings', KEYS.barber, {
      graph: 'confirm_decline',
      ...(await ownBody(KEYS.barber)),
    });
    assert.equal(both.status, 201, JSON.stringify(both.body));
    const answer = await refused(
      403,
      'graph_not_allowed',
      async () =>
        send('POST', '/v2/bookings', KEYS.barber, {
          graph: 'instant_payment',
          ...(await ownBody(KEYS.barber, 1)),
        }),
      'barber with instant_payment',
    );
    assert.match(answer.body.error.message, /"instant", "confirm_decline"/);
  });
});

describe('projects: another project’s ids answer exactly as unknown ids', () => {
  /** The same request with a made-up id and with another project's id: same status, code, message and details. */
  async function sameAsUnknown(
    label: string,
    request: (id: string) => Promise<Answer>,
    otherId: string,
  ) {
    const unknownId = 'no_such_id_42';
    const unknown = await refused(404, 'not_found', () => request(unknownId), `${label} (unknown)`);
    const other = await refused(404, 'not_found', () => request(otherId), `${label} (other)`);
    const shape = (answer: Answer, id: string) =>
      JSON.stringify(answer.body.error).replaceAll(id, '<id>');
    assert.equal(shape(other, otherId), shape(unknown, unknownId), label);
  }

  test('classes, holds, resources, projects and calendars of another project', async () => {
    const pilates = await classId(KEYS.paidClass);
    const studioHold = (
      await send('POST', '/v2/bookings/reserve', KEYS.paidClass, {
        related: { owner_booking_id: pilates },
      })
    ).body.data.id as string;
    const barberFree = await slot(KEYS.barber);
    const barberHold = (
      await send('POST', '/v2/bookings/reserve', KEYS.barber, {
        resource_id: 'res_barber',
        start: barberFree.start,
        end: barberFree.end,
      })
    ).body.data.id as string;
    const y = KEYS.yoga;
    const cases: Array<[string, (id: string) => Promise<Answer>, string]> = [
      [
        'sign up for the class',
        (id) =>
          send('POST', '/v2/bookings', y, {
            graph: 'group_customer',
            related: { owner_booking_id: id },
            customer: customer(1),
          }),
        pilates,
      ],
      [
        'hold seats in the class',
        (id) => send('POST', '/v2/bookings/reserve', y, { related: { owner_booking_id: id } }),
        pilates,
      ],
      ['read the class', (id) => send('GET', `/v2/bookings/groups/${id}`, y), pilates],
      ['read the hold', (id) => send('GET', `/v2/bookings/reserve/${id}`, y), studioHold],
      [
        'extend the hold',
        (id) => send('PUT', '/v2/bookings/reserve/extend', y, { id }),
        studioHold,
      ],
      ['release the hold', (id) => send('DELETE', `/v2/bookings/reserve/${id}`, y), studioHold],
      [
        'book with the hold',
        (id) =>
          send('POST', '/v2/bookings', y, {
            graph: 'group_customer',
            reservation_id: id,
            customer: customer(2),
          }),
        studioHold,
      ],
      ['read a slot hold', (id) => send('GET', `/v2/bookings/reserve/${id}`, y), barberHold],
      [
        'availability of the resource',
        (id) => send('POST', '/v2/availability', y, { resources: [id] }),
        'res_barber',
      ],
      [
        'availability dates of the resource',
        (id) => send('POST', '/v2/availability/dates', y, { resources: [id] }),
        'res_studio',
      ],
      [
        'availability of the project',
        (id) => send('POST', '/v2/availability', y, { project_id: id }),
        'proj_barber',
      ],
      [
        'hold the resource’s slot',
        (id) =>
          send('POST', '/v2/bookings/reserve', y, {
            resource_id: id,
            start: barberFree.start,
            end: barberFree.end,
          }),
        'res_barber',
      ],
      ['read the resource', (id) => send('GET', `/v2/resources/${id}`, y), 'res_studio'],
      [
        'read the project’s config',
        (id) => send('GET', `/v2/projects/embed/${id}`, y),
        'proj_barber',
      ],
      [
        'book the project',
        (id) =>
          send('POST', '/v2/bookings', KEYS.barber, {
            graph: 'instant',
            project_id: id,
            event: { start: barberFree.start, end: barberFree.end, what: 'Cut' },
            customer: customer(3),
          }),
        'proj_consultant',
      ],
      [
        'book the resource',
        (id) =>
          send('POST', '/v2/bookings', KEYS.barber, {
            graph: 'instant',
            event: { start: barberFree.start, end: barberFree.end, what: 'Cut', resource_id: id },
            customer: customer(4),
          }),
        'res_consultant',
      ],
      [
        'book the calendar',
        (id) =>
          send('POST', '/v2/bookings', KEYS.barber, {
            graph: 'instant',
            event: { start: barberFree.start, end: barberFree.end, what: 'Cut', calendar_id: id },
            customer: customer(5),
          }),
        'cal_res_consultant',
      ],
    ];
    for (const [label, request, otherId] of cases) await sameAsUnknown(label, request, otherId);
    assert.equal(cases.length, 17);
  });

  test('listings show a key only its own project’s classes and resources, whatever it asks', async () => {
    const classes = await send('GET', '/v2/bookings/groups?project_id=proj_paid_class', KEYS.yoga);
    assert.equal(classes.body.data.length, 9);
    assert.ok(
      classes.body.data.every((item: any) => item.attributes.event_info.what.includes('Yoga')),
      `classes.body.data.every((item: any) => item.attributes.event_info.what.includes('Yoga'))`,
    );
    const resources = await send('GET', '/v2/resources', KEYS.yoga);
    assert.deepEqual(
      resources.body.data.map((resource: { id: string }) => resource.id),
      ['res_doc'],
    );
  });
});

describe('tokens: a customer_token works only with its own project’s key', () => {
  test('the barber’s booking and token with the consultant’s key: read and cancel answer as unknown', async () => {
    const booking = await book(KEYS.barber);
    const token = booking.customer_token;
    for (const [method, path, body] of [
      ['GET', `/v2/bookings/${booking.id}`, undefined],
      ['PUT', `/v2/bookings/${booking.id}/cancel_by_customer`, {}],
      [
        'POST',
        `/v2/bookings/${booking.id}/reschedule`,
        { start: (await slot(KEYS.barber, 3)).start, end: (await slot(KEYS.barber, 3)).end },
      ],
    ] as const) {
      for (const key of [KEYS.consultant, KEYS.yoga, KEYS.paidSession]) {
        const answer = await refused(
          404,
          'not_found',
          () => send(method, path, key, body, token),
          `${method} ${path} with ${key}`,
        );
        assert.equal(answer.body.error.message, `No booking with id "${booking.id}"`);
      }
    }
    const own = await send('GET', `/v2/bookings/${booking.id}`, KEYS.barber, undefined, token);
    assert.equal(own.status, 200);
    assert.equal(own.body.data.customers[0].email, customer(0).email);
  });

  test('within the project: no token, a wrong token, a short token or another booking’s token is 403', async () => {
    const mine = await book(KEYS.barber, 0);
    const theirs = await book(KEYS.barber, 1);
    const tokens = [
      undefined,
      'f'.repeat(48),
      mine.customer_token.slice(0, 47),
      `${mine.customer_token}0`,
      theirs.customer_token,
    ];
    for (const token of tokens) {
      await refused(
        403,
        'forbidden',
        () => send('PUT', `/v2/bookings/${mine.id}/cancel_by_customer`, KEYS.barber, {}, token),
        `token ${String(token).slice(0, 8)}`,
      );
    }
  });
});

describe('owner-only actions: refused to a widget key and to a customer token, for every graph', () => {
  /**
   * Written from the graph definitions' `by: 'owner'` (src/engine/graphs), not read from them:
   * graph -> [state the booking is put in, owner-only actions possible there].
   */
  const OWNER_ONLY: Array<[string, string, string[]]> = [
    ['instant', 'confirmed', ['cancel', 'complete']],
    ['confirm_decline', 'tentative', ['confirm', 'decline']],
    ['confirm_decline', 'confirmed', ['cancel', 'complete']],
    ['instant_payment', 'paid', ['cancel', 'complete']],
    ['group_customer', 'confirmed', ['cancel_by_owner', 'complete']],
    ['group_customer_payment', 'tentative', ['cancel_by_owner']],
    ['group_customer_payment', 'paid', ['cancel_by_owner', 'complete']],
    ['group_owner', 'tentative', ['cancel', 'complete']],
  ];
  const KEY_OF: Record<string, string> = {
    instant: KEYS.barber,
    confirm_decline: KEYS.consultant,
    instant_payment: KEYS.paidSession,
    group_customer: KEYS.yoga,
    group_customer_payment: KEYS.paidClass,
    group_owner: KEYS.yoga,
  };

  /** A booking of the graph in the state, made as a visitor (and the owner) would. */
  async function bookingIn(graph: string, state: string) {
    const key = KEY_OF[graph]!;
    if (graph === 'group_owner') return { id: await classId(key), customer_token: undefined };
    const booking = await book(key);
    if (state === 'paid') {
      const paid = await send(
        'PUT',
        `/v2/bookings/${booking.id}/pay`,
        key,
        {},
        booking.customer_token,
      );
      assert.equal(paid.body.data.state, 'paid');
    }
    if (graph === 'confirm_decline' && state === 'confirmed') {
      const confirmed = await send('PUT', `/v2/bookings/${booking.id}/confirm`, KEYS.owner, {});
      assert.equal(confirmed.body.data.state, 'confirmed');
    }
    return booking;
  }

  test('each owner action in a state where it is possible: 403 with the token, 403 without', async () => {
    let cases = 0;
    for (const [graph, state, actions] of OWNER_ONLY) {
      const booking = await bookingIn(graph, state);
      const seen = await send('GET', `/v2/bookings/${booking.id}`, KEYS.owner);
      assert.equal(seen.body.data.state, state, graph);
      for (const action of actions) {
        assert.ok(seen.body.data.possible_actions.includes(action), `${graph}: ${action} possible`);
        for (const token of [booking.customer_token, undefined]) {
          await refused(
            403,
            'forbidden',
            () => send('PUT', `/v2/bookings/${booking.id}/${action}`, KEY_OF[graph]!, {}, token),
            `${graph}/${state}: ${action} ${token ? 'with' : 'without'} token`,
          );
          cases += 1;
        }
      }
    }
    assert.equal(cases, 30);
  });

  test('the customer’s own actions still work with the token', async () => {
    const seat = await book(KEYS.yoga);
    const given = await send(
      'PUT',
      `/v2/bookings/${seat.id}/cancel_by_customer`,
      KEYS.yoga,
      { cancel_by_customer: { message: 'Sorry, Doc' } },
      seat.customer_token,
    );
    assert.equal(given.status, 200, JSON.stringify(given.body));
    assert.equal(given.body.data.state, 'cancelled_by_customer');
  });
});

describe('fields a widget key may not set', () => {
  const SETTINGS = {
    payment_window: '26 weeks',
    min_cancel_time: '0 minutes',
    min_booking_time: '1 minute',
    max_booking_time: '26 weeks',
    max_seats: 500,
    verification: 'email',
    verification_window: '26 weeks',
  };

  test('settings on create: 403 field_not_allowed naming each field, for every key', async () => {
    for (const key of WIDGET_KEYS) {
      const answer = await refused(
        403,
        'field_not_allowed',
        async () =>
          send('POST', '/v2/bookings', key, {
            graph: GRAPH_OF[key],
            ...(await ownBody(key)),
            settings: SETTINGS,
          }),
        `${PROJECT_OF[key]} settings`,
      );
      assert.deepEqual(
        answer.body.error.details.map((detail: { path: string }) => detail.path),
        Object.keys(SETTINGS).map((name) => `settings.${name}`),
      );
    }
  });

  test('the issue’s case: a paid session held unpaid for 26 weeks', async () => {
    const answer = await refused(
      403,
      'field_not_allowed',
      async () =>
        send('POST', '/v2/bookings', KEYS.paidSession, {
          graph: 'instant_payment',
          ...(await ownBody(KEYS.paidSession)),
          settings: { payment_window: '26 weeks' },
        }),
      '26 weeks',
    );
    assert.match(answer.body.error.message, /settings\.payment_window/);
  });

  test('switches that silence the owner or the webhook, and ignore_capacity, on create', async () => {
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      [
        KEYS.barber,
        { send_booking_notification_email_to_owner: { enabled: false } },
        ['send_booking_notification_email_to_owner'],
      ],
      [KEYS.barber, { trigger_webhook: { enabled: false } }, ['trigger_webhook']],
      [
        KEYS.consultant,
        { send_confirm_decline_email_to_owner: { enabled: false } },
        ['send_confirm_decline_email_to_owner'],
      ],
      [
        KEYS.yoga,
        { send_booking_notification_email_to_owner: { enabled: false } },
        ['send_booking_notification_email_to_owner'],
      ],
      [KEYS.barber, { ignore_capacity: true }, ['ignore_capacity']],
      [
        KEYS.barber,
        { ignore_capacity: true, trigger_webhook: { enabled: false }, settings: { max_seats: 2 } },
        ['ignore_capacity', 'trigger_webhook', 'settings.max_seats'],
      ],
    ];
    for (const [key, extra, paths] of cases) {
      const answer = await refused(
        403,
        'field_not_allowed',
        async () =>
          send('POST', '/v2/bookings', key, {
            graph: GRAPH_OF[key],
            ...(await ownBody(key)),
            ...extra,
          }),
        Object.keys(extra).join(', '),
      );
      assert.deepEqual(
        answer.body.error.details.map((detail: { path: string }) => detail.path).sort(),
        paths.sort(),
      );
    }
  });

  test('switches that silence the owner or the webhook, on a customer action', async () => {
    const booking = await book(KEYS.barber);
    for (const extra of [
      { notify_owner_cancelled_by_customer_email: { enabled: false } },
      { trigger_webhook: { enabled: false } },
    ]) {
      const answer = await refused(
        403,
        'field_not_allowed',
        () =>
          send(
            'PUT',
            `/v2/bookings/${booking.id}/cancel_by_customer`,
            KEYS.barber,
            extra,
            booking.customer_token,
          ),
        Object.keys(extra)[0]!,
      );
      assert.equal(answer.body.error.details[0].path, Object.keys(extra)[0]);
    }
  });

  test('what stays the visitor’s: their own email switched off, a message, a custom field', async () => {
    const booking = await book(KEYS.barber, 0, {
      send_booking_confirmed_email_to_customer: { enabled: false },
    });
    assert.equal(booking.state, 'confirmed');
    const cancelled = await send(
      'PUT',
      `/v2/bookings/${booking.id}/cancel_by_customer`,
      KEYS.barber,
      { cancel_by_customer: { message: 'Running late' } },
      booking.customer_token,
    );
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  });
});

describe('verification codes: locked after 5 wrong ones', () => {
  /** The owner asks for email verification on a barber booking (a widget key may not). */
  async function awaitingCode() {
    const free = await slot(KEYS.barber);
    const created = await send('POST', '/v2/bookings', KEYS.owner, {
      graph: 'instant',
      project_id: 'proj_barber',
      settings: { verification: 'email' },
      event: { start: free.start, end: free.end, what: 'Cut', resource_id: 'res_barber' },
      customer: customer(7),
    });
    assert.equal(created.body.data.state, 'awaiting_verification');
    const email = server.api.engine
      .outbox()
      .findLast((entry) => entry.subject.startsWith('Your code'))!;
    return { booking: created.body.data, code: /Your code: (\d{6})/.exec(email.subject)![1]! };
  }
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

  test('4 wrong codes count down, the 5th locks, then even the right code is refused and changes nothing', async () => {
    const { booking, code } = await awaitingCode();
    const verify = (value: string) =>
      send(
        'PUT',
        `/v2/bookings/${booking.id}/verify`,
        KEYS.barber,
        { verify: { code: value } },
        booking.customer_token,
      );
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const answer = await verify(wrong(code));
      assert.equal(answer.status, 422);
      assert.match(answer.body.error.message, new RegExp(`${5 - attempt} attempts? left`));
    }
    const locking = await verify(wrong(code));
    assert.equal(locking.status, 423);
    assert.equal(locking.body.error.code, 'verification_locked');
    assert.match(locking.body.error.message, /locked after 5 wrong codes.*book again/i);
    for (const value of [code, wrong(code)]) {
      await refused(423, 'verification_locked', () => verify(value), `after the lock: ${value}`);
    }
    const logs = (await send('GET', `/v2/bookings/${booking.id}?include=logs`, KEYS.owner)).body
      .data.logs;
    const descriptions = logs.map((entry: { description: string }) => entry.description);
    assert.ok(
      descriptions.includes('Wrong verification code (5 of 5)'),
      `descriptions.includes('Wrong verification code (5 of 5)')`,
    );
    assert.ok(
      descriptions.includes('Verification locked after 5 wrong codes'),
      `descriptions.includes('Verification locked after 5 wrong codes')`,
    );
  });

  test('the owner is unaffected: it verifies a locked booking with the code', async () => {
    const { booking, code } = await awaitingCode();
    for (let attempt = 0; attempt < 5; attempt += 1)
      await send(
        'PUT',
        `/v2/bookings/${booking.id}/verify`,
        KEYS.barber,
        { verify: { code: wrong(code) } },
        booking.customer_token,
      );
    const owner = await send('PUT', `/v2/bookings/${booking.id}/verify`, KEYS.owner, {
      verify: { code },
    });
    assert.equal(owner.status, 200, JSON.stringify(owner.body));
    assert.equal(owner.body.data.state, 'confirmed');
  });
});

describe('action names from the URL are looked up in the graph’s own actions', () => {
  const NAMES = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__defineGetter__',
  ];

  test('Object.prototype names answer 422 naming the action, never 500, for the owner and a token', async () => {
    const booking = await book(KEYS.barber);
    for (const name of NAMES) {
      for (const [key, token] of [
        [KEYS.owner, undefined],
        [KEYS.barber, booking.customer_token],
      ] as const) {
        const answer = await refused(
          422,
          'invalid_action',
          () => send('PUT', `/v2/bookings/${booking.id}/${name}`, key, {}, token),
          `${name} by ${key}`,
        );
        assert.match(answer.body.error.message, new RegExp(`"${name}" is not possible`));
      }
    }
  });

  test('a "__proto__" field in a create body is refused as unknown, not swallowed', async () => {
    const answer = await refused(
      422,
      'validation_failed',
      async () => {
        const body = JSON.stringify({ graph: 'instant', ...(await ownBody(KEYS.barber)) }).replace(
          /^\{/,
          '{"__proto__":{"enabled":false},',
        );
        const response = await fetch(`${server.url}/v2/bookings`, {
          method: 'POST',
          headers: { Authorization: basic(KEYS.barber), 'Content-Type': 'application/json' },
          body,
        });
        return { status: response.status, body: await response.json() };
      },
      '__proto__ field',
    );
    assert.equal(answer.body.error.details[0].path, '__proto__');
  });
});

describe('deadlines never say less than they are', () => {
  test('a hold made at .500 s says its expiry to the millisecond, and is expired at that instant', async () => {
    clock.set(NOW + 500);
    const free = await slot(KEYS.barber);
    const hold = await send('POST', '/v2/bookings/reserve', KEYS.barber, {
      resource_id: 'res_barber',
      start: free.start,
      end: free.end,
    });
    assert.equal(hold.status, 201);
    const expiresAt = Date.parse(hold.body.data.expires_at);
    assert.equal(expiresAt, NOW + 500 + 10 * 60_000, hold.body.data.expires_at);
    clock.set(expiresAt);
    const later = await send('GET', `/v2/bookings/reserve/${hold.body.data.id}`, KEYS.barber);
    assert.equal(later.body.data.state, 'expired');
  });

  test('a payment window made at .250 s ends when it says', async () => {
    clock.set(NOW + 250);
    const booking = await book(KEYS.paidSession);
    const seen = await send('GET', `/v2/bookings/${booking.id}`, KEYS.owner);
    const expiresAt = Date.parse(seen.body.data.expires_at);
    assert.equal(expiresAt, NOW + 250 + 10 * 60_000, seen.body.data.expires_at);
    clock.set(expiresAt);
    const later = await send('GET', `/v2/bookings/${booking.id}`, KEYS.owner);
    assert.equal(later.body.data.state, 'unpaid');
  });
});
