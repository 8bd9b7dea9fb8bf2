import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BookingEngine,
  ManualClock,
  type Actor,
  type GraphDefinition,
} from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MARTY,
  OWNER,
  PUBLIC,
  SLOT,
  T0,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  refusedUnchanged,
  testProject,
  testResource,
} from './helpers.ts';

/**
 * Pins what the Stryker survivors of src/engine/create.ts showed unchecked (issue #17): the graph
 * a widget key books with by default, the Timekit request shape (event.calendar_id, booking.js's
 * top-level start/end/what/where/description, a hold without an event), a "__proto__" body key,
 * the exact message and field of each refusal create.ts words itself, how several bad parts are
 * reported together, and which optional fields a stored booking has. Each refusal leaves the
 * store as it was.
 */

type Engine = ReturnType<typeof makeEngine>['engine'];

/** A create refused with `code` that leaves the store as it was; the refusal. */
const createRefused = (engine: Engine, body: unknown, actor: Actor, code: string) =>
  refusedUnchanged(engine, () => engine.createBooking(body, actor), code);

/** Two resources in the test project: Doc's (cal_doc) and Marty's (cal_marty). */
function twoResources() {
  return makeEngine({
    resources: [
      testResource(),
      testResource({ id: 'res_marty', calendar: { id: 'cal_marty', name: 'Marty' } }),
    ],
    projects: [testProject({ resources: ['res_doc', 'res_marty'] })],
  });
}

/** A 1:1 body at SLOT whose event names no resource (the rest is `event`). */
function unnamed(event: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    graph: 'instant',
    event: { start: iso(SLOT), end: iso(SLOT + HOUR), what: 'Mens haircut', ...event },
    customer: MARTY,
    ...extra,
  };
}

/** The stored record of the only booking (the snapshot's). */
function storedBooking(engine: Engine) {
  const bookings = engine.snapshot().bookings;
  assert.equal(bookings.length, 1, 'one booking stored');
  return bookings[0]!;
}

test('a widget key books with its project’s graph when the body names none', () => {
  const { engine } = makeEngine({ projects: [testProject({ graph: 'confirm_decline' })] });
  const { graph: _graph, ...body } = oneToOne('instant', SLOT);
  assert.equal(engine.createBooking(body, PUBLIC).graph, 'confirm_decline');
});

test('the owner must name the graph: there is no key project to take it from', () => {
  const { engine } = makeEngine();
  const { graph: _graph, ...body } = oneToOne('instant', SLOT);
  const refusal = createRefused(engine, body, OWNER, 'validation_failed');
  assert.deepEqual(refusal.details, [{ path: 'graph', message: 'is required' }]);
});

test('confirm: false turns on email verification; confirm: true leaves the settings alone', () => {
  const made = (confirm: boolean) => {
    const { engine } = makeEngine();
    return engine.createBooking(oneToOne('instant', SLOT, 60, { confirm }), OWNER);
  };
  assert.deepEqual(made(false).settings, { verification: 'email' });
  const confirmed = made(true);
  assert.deepEqual(confirmed.settings, {});
  assert.equal(confirmed.state, 'confirmed');
});

test('a "__proto__" body key is an unknown field, refused as such, never a prototype', () => {
  const { engine } = makeEngine();
  const body = JSON.parse(
    JSON.stringify(oneToOne('instant', SLOT)).replace(/^\{/, '{"__proto__":{"enabled":true},'),
  ) as Record<string, unknown>;
  assert.ok(Object.hasOwn(body, '__proto__'), 'JSON.parse keeps "__proto__" as an own key');
  const refusal = createRefused(engine, body, OWNER, 'validation_failed');
  assert.equal(
    refusal.message,
    '__proto__: is not a field of this request nor a step of the instant graph',
  );
  assert.deepEqual(refusal.details, [
    {
      path: '__proto__',
      message: 'is not a field of this request nor a step of the instant graph',
    },
  ]);
});

test('an unknown body field is refused by name, naming the graph', () => {
  const { engine } = makeEngine();
  const body = oneToOne('instant', SLOT, 60, { bogus: {} });
  const refusal = createRefused(engine, body, OWNER, 'validation_failed');
  assert.equal(
    refusal.message,
    'bogus: is not a field of this request nor a step of the instant graph',
  );
  assert.deepEqual(refusal.details, [
    { path: 'bogus', message: 'is not a field of this request nor a step of the instant graph' },
  ]);
});

test('event.calendar_id books the resource of that calendar, or of that resource id', () => {
  for (const [calendarId, resourceId] of [
    ['cal_marty', 'res_marty'],
    ['cal_doc', 'res_doc'],
    ['res_marty', 'res_marty'],
  ] as const) {
    const { engine } = twoResources();
    const booking = engine.createBooking(unnamed({ calendar_id: calendarId }), PUBLIC);
    assert.equal(booking.resource?.id, resourceId, calendarId);
  }
});

test('an unknown event.calendar_id is not_found on that field', () => {
  const { engine } = twoResources();
  const refusal = createRefused(engine, unnamed({ calendar_id: 'cal_nope' }), PUBLIC, 'not_found');
  assert.equal(refusal.message, 'No calendar with id "cal_nope"');
  assert.deepEqual(refusal.details, [{ path: 'event.calendar_id', message: 'unknown calendar' }]);
});

test('refusals of the resource: their messages and fields', () => {
  const cases: Array<{
    name: string;
    made: ReturnType<typeof makeEngine>;
    body: Record<string, unknown>;
    code: string;
    message: string;
    details: Array<{ path: string; message: string }>;
  }> = [
    {
      name: 'none named among two',
      made: twoResources(),
      body: unnamed(),
      code: 'validation_failed',
      message: 'resource_id: is required (or event.calendar_id) to say whose time is booked',
      details: [
        {
          path: 'resource_id',
          message: 'is required (or event.calendar_id) to say whose time is booked',
        },
      ],
    },
    {
      name: 'an unknown event.resource_id',
      made: makeEngine(),
      body: unnamed({ resource_id: 'res_nope' }),
      code: 'not_found',
      message: 'No resource with id "res_nope"',
      details: [{ path: 'resource_id', message: 'unknown resource' }],
    },
    {
      name: 'the project’s only resource is gone',
      made: makeEngine({ projects: [testProject({ resources: ['res_ghost'] })] }),
      body: unnamed(),
      code: 'not_found',
      message: 'No resource with id "res_ghost"',
      details: [{ path: 'resource_id', message: 'unknown resource' }],
    },
  ];
  for (const { name, made, body, code, message, details } of cases) {
    const refusal = refusedUnchanged(
      made.engine,
      () => made.engine.createBooking(body, PUBLIC),
      code,
    );
    assert.equal(refusal.message, message, name);
    assert.deepEqual(refusal.details, details, name);
  }
});

test('refusals of classes and seat holds: their messages and fields', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT);
  const pilates = openClass(engine, SLOT + DAY);
  const hold = engine.reserve({ related: { owner_booking_id: yoga.id } }, PUBLIC);
  const cases: Array<[string, Record<string, unknown>, string, string, string, string]> = [
    [
      'a class with a customer',
      { ...oneToOne('group_owner', SLOT), settings: { max_seats: 5 } },
      'validation_failed',
      'customer: a group_owner booking has no customer',
      'customer',
      'a group_owner booking has no customer',
    ],
    [
      'a seat hold of another class',
      {
        graph: 'group_customer',
        reservation_id: hold.id,
        related: { owner_booking_id: pilates.id },
        customer: MARTY,
      },
      'validation_failed',
      'reservation_id: holds seats of another class',
      'reservation_id',
      'holds seats of another class',
    ],
    [
      'an unknown class',
      { graph: 'group_customer', related: { owner_booking_id: 'class_nope' }, customer: MARTY },
      'not_found',
      'No class with id "class_nope"',
      'related.owner_booking_id',
      'unknown class',
    ],
  ];
  for (const [name, body, code, message, path, detail] of cases) {
    const refusal = refusedUnchanged(engine, () => engine.createBooking(body, OWNER), code);
    assert.equal(refusal.message, message, name);
    assert.deepEqual(refusal.details, [{ path, message: detail }], name);
  }
});

test('a widget key’s sign-up to a class of no project is its key’s project’s', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT);
  assert.equal(yoga.project_id, undefined);
  const booking = engine.createBooking(
    { graph: 'group_customer', related: { owner_booking_id: yoga.id }, customer: MARTY },
    PUBLIC,
  );
  assert.equal(booking.project_id, 'proj');
});

test('booking.js’s top-level start, end, what, where and description are the event', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(
    {
      graph: 'instant',
      start: iso(SLOT),
      end: iso(SLOT + HOUR),
      what: 'Mens haircut',
      where: 'Sesame St',
      description: 'Short on the sides',
      resource_id: 'res_doc',
      customer: MARTY,
    },
    PUBLIC,
  );
  assert.deepEqual(booking.attributes.event_info, {
    start: '2026-11-24T10:00:00+00:00',
    end: '2026-11-24T11:00:00+00:00',
    what: 'Mens haircut',
    where: 'Sesame St',
    description: 'Short on the sides',
    calendar_id: 'cal_doc',
  });
});

test('a top-level event without what is the project’s name, or "Booking" without a project', () => {
  const body = {
    graph: 'instant',
    start: iso(SLOT),
    end: iso(SLOT + HOUR),
    resource_id: 'res_doc',
    customer: MARTY,
  };
  const keyed = makeEngine().engine.createBooking(body, PUBLIC);
  assert.equal(keyed.attributes.event_info?.what, 'Test project');
  const owners = makeEngine().engine.createBooking(body, OWNER);
  assert.equal(owners.project_id, undefined);
  assert.equal(owners.attributes.event_info?.what, 'Booking');
});

test('a top-level event with start or end missing is refused on the missing one; no event on event', () => {
  const start = iso(SLOT);
  const end = iso(SLOT + HOUR);
  const missing = 'is required';
  for (const [times, details] of [
    [{ start }, [{ path: 'event.end', message: missing }]],
    [{ end }, [{ path: 'event.start', message: missing }]],
    [{}, [{ path: 'event', message: 'is required' }]],
  ] as const) {
    const { engine } = makeEngine();
    const body = { graph: 'instant', ...times, resource_id: 'res_doc', customer: MARTY };
    const refusal = createRefused(engine, body, PUBLIC, 'validation_failed');
    assert.deepEqual(refusal.details, details, JSON.stringify(times));
  }
});

test('a slot hold converted without an event books the hold’s resource and time, named for the project', () => {
  const { engine } = twoResources();
  const hold = engine.reserve(
    { resource_id: 'res_marty', start: iso(SLOT), end: iso(SLOT + HOUR) },
    PUBLIC,
  );
  const booking = engine.createBooking(
    { graph: 'instant', reservation_id: hold.id, customer: MARTY },
    PUBLIC,
  );
  assert.equal(booking.resource?.id, 'res_marty');
  assert.deepEqual(booking.attributes.event_info, {
    start: '2026-11-24T10:00:00+00:00',
    end: '2026-11-24T11:00:00+00:00',
    what: 'Test project',
    calendar_id: 'cal_marty',
  });
});

test('the owner’s hold of no project converted without an event is a "Booking"', () => {
  const { engine } = makeEngine();
  const hold = engine.reserve(
    { resource_id: 'res_doc', start: iso(SLOT), end: iso(SLOT + HOUR) },
    OWNER,
  );
  const booking = engine.createBooking(
    { graph: 'instant', reservation_id: hold.id, customer: MARTY },
    OWNER,
  );
  assert.equal(booking.attributes.event_info?.what, 'Booking');
});

test('a hold’s create with an event that is not an object is refused on event', () => {
  const { engine } = makeEngine();
  const hold = engine.reserve(
    { resource_id: 'res_doc', start: iso(SLOT), end: iso(SLOT + HOUR) },
    PUBLIC,
  );
  const body = { graph: 'instant', reservation_id: hold.id, event: 'soon', customer: MARTY };
  const refusal = createRefused(engine, body, PUBLIC, 'validation_failed');
  assert.deepEqual(refusal.details, [
    { path: 'event', message: 'must be an object (got a string)' },
  ]);
});

test('a bad body field and a bad customer are reported together, in one message', () => {
  const { engine } = makeEngine();
  const body = oneToOne('instant', SLOT, 60, {
    title: 5,
    customer: { ...MARTY, email: 'not an email' },
  });
  const refusal = createRefused(engine, body, OWNER, 'validation_failed');
  assert.deepEqual(refusal.details, [
    { path: 'title', message: 'must be a string (got a number)' },
    { path: 'customer.email', message: 'must be an email address' },
  ]);
  assert.equal(
    refusal.message,
    'Invalid request: title must be a string (got a number); customer.email must be an email address',
  );
});

test('one bad part is reported alone: a class is not asked for a customer, a top-level event is not missing', () => {
  const { engine } = makeEngine();
  const classBody = {
    graph: 'group_owner',
    settings: { max_seats: 0 },
    event: oneToOne('group_owner', SLOT).event,
  };
  const classRefusal = createRefused(engine, classBody, OWNER, 'validation_failed');
  assert.deepEqual(
    classRefusal.details?.map((issue) => issue.path),
    ['settings.max_seats'],
  );
  const topLevel = {
    graph: 'instant',
    start: iso(SLOT),
    end: iso(SLOT + HOUR),
    resource_id: 'res_doc',
    customer: { ...MARTY, email: 'not an email' },
  };
  const refusal = createRefused(engine, topLevel, PUBLIC, 'validation_failed');
  assert.deepEqual(refusal.details, [
    { path: 'customer.email', message: 'must be an email address' },
  ]);
});

test('a plain sign-up body whose event is bad is refused for its graph first', () => {
  const { engine } = makeEngine({ projects: [testProject({ graphs: ['instant'] })] });
  const body = {
    graph: 'confirm_decline',
    event: { start: 'soon', end: 'later', what: 'Cut', resource_id: 'res_doc' },
    customer: { name: 'Marty McFly', email: 'marty@hillvalley.test' },
  };
  createRefused(engine, body, PUBLIC, 'graph_not_allowed');
});

test('a stored booking has no owner attributes or event place it was not given', () => {
  const { engine } = makeEngine();
  engine.createBooking(unnamed({ resource_id: 'res_doc' }), PUBLIC);
  const stored = storedBooking(engine);
  for (const field of ['title', 'notes', 'external_id', 'paid_amount'])
    assert.ok(!Object.hasOwn(stored, field), `no ${field} key`);
  assert.deepEqual(Object.keys(stored.event!), ['start', 'end', 'what']);
});

test('the owner’s sign-up naming another project than its class’s is refused on project_id', () => {
  const { engine } = makeEngine({
    projects: [testProject(), testProject({ id: 'other', app_key: 'other_key' })],
  });
  const yoga = engine.createBooking(
    {
      graph: 'group_owner',
      project_id: 'proj',
      settings: { max_seats: 5 },
      event: oneToOne('group_owner', SLOT).event,
    },
    OWNER,
  );
  const signUp = (project_id: string) => ({
    graph: 'group_customer',
    project_id,
    related: { owner_booking_id: yoga.id },
    customer: MARTY,
  });
  const refusal = createRefused(engine, signUp('other'), OWNER, 'validation_failed');
  assert.deepEqual(refusal.details, [
    { path: 'project_id', message: 'is not the class\'s project ("proj")' },
  ]);
  assert.equal(engine.createBooking(signUp('proj'), OWNER).project_id, 'proj');
});

test('a booking starts in state "new": a graph whose create skips every step rests there', () => {
  const quiet: GraphDefinition = {
    name: 'quiet',
    description: 'A create that only verifies, when asked to',
    kind: 'slot',
    createAction: 'create',
    needsCustomer: false,
    states: { new: { description: 'Not yet verified' }, created: { description: 'Made' } },
    actions: {
      create: {
        description: 'Create',
        from: [],
        by: 'anyone',
        steps: [{ name: 'create', when: 'verification_required', to: 'created' }],
      },
    },
  };
  const engine = new BookingEngine({ clock: new ManualClock(T0), graphs: [quiet] });
  engine.addResource(testResource());
  const { customer: _customer, ...body } = oneToOne('quiet', SLOT);
  assert.equal(engine.createBooking(body, OWNER).state, 'new');
});
