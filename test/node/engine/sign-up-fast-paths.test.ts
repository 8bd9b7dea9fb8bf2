import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { customerInputFor } from '../../../src/engine/customer-input.ts';
import { createBookingShape } from '../../../src/engine/input.ts';
import { quickCreateShape, quickCustomer } from '../../../src/engine/quick-input.ts';
import type { ProjectRecord } from '../../../src/engine/index.ts';
import { OWNER, PUBLIC, T0, HOUR, DAY, makeEngine, openClass, testProject } from './helpers.ts';

/**
 * The sign-up path's short cuts must answer exactly what the slow path answers: the quick
 * parses what zod would (same values, same key order) or nothing at all, and an email whose
 * text is written on first read has the bytes it would have had when it was sent.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

// Strings near every rule's edge: blanks, padding, control characters, lone surrogates, lengths.
const tricky = fc.oneof(
  fc.constantFrom('', ' ', 'a', ' a ', 'x\t', 'x\n', '\u0000', '\ud800', 'é', 'Europe/Copenhagen'),
  fc.constantFrom('Utc', 'Mars/Olympus', 'America/Los_Angeles', ' UTC'),
  fc.constantFrom(
    'a@b.co',
    ' a@b.co ',
    'a@b',
    'a.@b.co',
    '@b.co',
    'a@b.c',
    "o'neil+x@mail.example.org",
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.integer({ min: 1, max: 3 }).map((n) => 'x'.repeat([99, 100, 101][n - 1]!)),
  fc.integer({ min: 1, max: 4 }).map((n) => 'y'.repeat([39, 40, 199, 201][n - 1]!)),
  fc.integer({ min: 250, max: 260 }).map((n) => `${'m'.repeat(n - 7)}@b.test`),
  fc.integer({ min: 250, max: 260 }).map((n) => ` ${'m'.repeat(n - 9)}@b.test `),
);
const anyValue = fc.oneof(
  tricky,
  fc.integer({ min: -2, max: 10_002 }),
  fc.constantFrom(0.5, 1e20, Number.NaN, true, false, null, undefined, [], {}),
);

/** Mostly a good value, sometimes anything: the quick path is taken often, and left often. */
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: anyValue, weight: 1 });
const idLike = mostly(fc.constantFrom('cls_1', 'group_customer', ' id ', 'x'.repeat(100)));

const customerArbitrary = fc.oneof(
  { arbitrary: anyValue, weight: 1 },
  {
    weight: 8,
    arbitrary: fc.record(
      {
        name: mostly(fc.constantFrom('Ann', ' Ann Lee ', 'y'.repeat(200), 'y'.repeat(201))),
        email: mostly(fc.oneof(fc.constantFrom('a@b.co', ' A@b.co '), fc.emailAddress())),
        phone: mostly(fc.constantFrom('+45 1234', ' 555 ', '5'.repeat(41))),
        timezone: mostly(fc.constantFrom('UTC', 'Asia/Tokyo', 'Europe/Copenhagen', 'Mars/Base')),
      },
      { requiredKeys: ['name'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        name: tricky,
        email: tricky,
        phone: tricky,
        timezone: tricky,
        first_name: tricky,
        lastname: tricky,
        favourite: tricky,
      },
      { requiredKeys: [] },
    ),
  },
);

const quickBodyArbitrary = fc.record(
  {
    graph: idLike,
    action: idLike,
    event: fc.constantFrom({ start: 'x' }, undefined, 'e'),
    customer: customerArbitrary,
    related: mostly(
      fc.record(
        {
          owner_booking_id: idLike,
          seats: mostly(fc.integer({ min: 0, max: 10_001 })),
          other: anyValue,
        },
        { requiredKeys: [] },
      ),
    ),
    resource_id: idLike,
    project_id: idLike,
    reservation_id: idLike,
    ignore_capacity: mostly(fc.boolean()),
    confirm: mostly(fc.boolean()),
  },
  { requiredKeys: ['graph'] },
);
// Now and then a field only zod reads (settings, title): the quick path must leave the body.
const bodyArbitrary = fc.oneof(
  { arbitrary: quickBodyArbitrary, weight: 6 },
  {
    weight: 1,
    arbitrary: fc
      .tuple(quickBodyArbitrary, fc.constantFrom({}, { max_seats: 3 }), tricky)
      .map(([body, settings, title]) => ({ ...body, settings, title })),
  },
);

const REQUIRED_SETS = [
  undefined,
  ['name'],
  ['name', 'email', 'phone'],
  ['first_name', 'last_name'],
  ['email'],
] as const;

/** zod's answer as text (key order included), or undefined when it refuses. */
function zodAnswer(
  schema: { safeParse(value: unknown): { success: boolean; data?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? JSON.stringify(result.data) : undefined;
}

/**
 * How many of a fixed sample of 1000 take the quick path. Counted on a seeded sample, not inside
 * the property: at Stryker's 100 runs about 8 bodies take it, so about 1 run in 70 saw 2 or
 * fewer and failed (it stopped a Stryker run's first pass).
 */
const quickOfSample = <T>(arbitrary: fc.Arbitrary<T>, quick: (value: T) => unknown) =>
  fc.sample(arbitrary, { numRuns: 1000, seed: 17 }).filter((value) => quick(value) !== undefined)
    .length;

test('the quick create-body parse answers as createBookingShape does, or leaves it to zod', () => {
  fc.assert(
    fc.property(bodyArbitrary, (body) => {
      const answer = quickCreateShape(body);
      if (answer === undefined) return;
      assert.equal(JSON.stringify(answer), zodAnswer(createBookingShape, body));
    }),
    { numRuns: RUNS },
  );
  // The arbitrary reaches the quick path often enough for the comparison to mean something.
  const quick = quickOfSample(bodyArbitrary, quickCreateShape);
  assert.ok(quick > 20, `only ${quick} of 1000 bodies took the quick path`);
});

test('the quick customer parse answers as the project schema does, or leaves it to zod', () => {
  fc.assert(
    fc.property(customerArbitrary, fc.constantFrom(...REQUIRED_SETS), (customer, required) => {
      const project = (required ? { required_customer_fields: required } : {}) as ProjectRecord;
      const answer = quickCustomer(customer, required ?? ['name', 'email']);
      if (answer === undefined) return;
      assert.equal(JSON.stringify(answer), zodAnswer(customerInputFor(project), customer));
    }),
    { numRuns: RUNS * 3 },
  );
  const quick = quickOfSample(customerArbitrary, (customer) =>
    quickCustomer(customer, ['name', 'email']),
  );
  assert.ok(quick > 20, `only ${quick} of 1000 customers took the quick path`);
});

test('the usual sign-up body takes the quick path; a bad field is still named', () => {
  assert.deepEqual(quickCustomer({ email: ' c@d.test', name: ' Ann ' }, ['name', 'email']), {
    name: 'Ann',
    email: 'c@d.test',
  });
  const { engine } = makeEngine();
  const classId = openClass(engine, T0 + DAY, { max_seats: 2 }).id;
  const before = JSON.stringify(engine.snapshot());
  assert.throws(
    () =>
      engine.createBooking(
        {
          graph: 'group_customer',
          related: { owner_booking_id: classId, seats: 1 },
          customer: { name: 'Ann', email: 'not-an-email' },
        },
        PUBLIC,
      ),
    (error: Error & { details?: Array<{ path: string; message: string }> }) =>
      error.details?.[0]?.path === 'customer.email' &&
      error.details[0].message === 'must be an email address',
  );
  assert.equal(JSON.stringify(engine.snapshot()), before, 'the refused sign-up changed nothing');
});

/**
 * Two engines take the same sign-ups; one reads its outbox after each (its emails are written
 * when sent), the other only at the end, after the customer, the class and the project changed.
 */
function signUpsThenChanges(readEachTime: boolean) {
  const { engine, clock } = makeEngine({
    projects: [testProject({ manage_url: 'https://shop.test/manage?b={id}&t={token}' })],
  });
  const classId = openClass(engine, T0 + DAY + 2 * HOUR, {
    max_seats: 3,
    min_cancel_time: '1 hour',
  }).id;
  const seats: string[] = [];
  for (const [name, timezone] of [
    ['Ann', 'Asia/Tokyo'],
    ['Bob', undefined],
  ] as const) {
    const customer = { name, email: `${name.toLowerCase()}@b.test`, ...(timezone && { timezone }) };
    seats.push(
      engine.createBooking(
        { graph: 'group_customer', related: { owner_booking_id: classId }, customer },
        PUBLIC,
      ).id,
    );
    clock.advance(60_000);
    if (readEachTime) engine.outbox();
  }
  engine.performAction(
    seats[1]!,
    'cancel_by_owner',
    { cancel_by_owner: { message: 'Sorry' } },
    OWNER,
  );
  if (readEachTime) engine.outbox();
  engine.updateBooking(seats[0]!, { customer: { name: 'Anna', email: 'anna@b.test' } }, OWNER);
  engine.updateProjectSettings('proj', { manage_url: 'https://other.test/{id}?t={token}' }, OWNER);
  return engine;
}

/** The customers' tokens are random (24 bytes): everything else must match byte for byte. */
const withoutTokens = (value: unknown) =>
  JSON.stringify(value).replace(/\b[0-9a-f]{48}\b/g, 'TOKEN');

test('emails written on first read have the bytes of emails written when sent', () => {
  const eager = signUpsThenChanges(true);
  const lazy = signUpsThenChanges(false);
  const emails = lazy.outbox().filter((entry) => entry.kind === 'email');
  assert.ok(emails.length >= 5, 'two sign-ups email both sides, the cancellation the customer');
  assert.equal(withoutTokens(lazy.outbox()), withoutTokens(eager.outbox()));
  assert.equal(withoutTokens(lazy.snapshot()), withoutTokens(eager.snapshot()));
  const ann = emails.find((entry) => entry.to === 'ann@b.test')!;
  assert.deepEqual(Object.keys(ann), [
    'id',
    'kind',
    'to',
    'subject',
    'body',
    'booking_id',
    'state',
    'created_at',
    'attachments',
    'links',
  ]);
  assert.match(ann.body, /^Hi Ann,\n\nYou are booked\. See you there!\n/);
  assert.match(ann.body, /\(Asia\/Tokyo\)\n/);
  assert.match(ann.body, /https:\/\/shop\.test\/manage\?b=/);
  assert.match(ann.attachments![0]!.content, /^BEGIN:VCALENDAR\r\n/);
  // A snapshot taken before anything read the outbox carries the same text.
  const restored = makeEngine().engine;
  restored.restore(signUpsThenChanges(false).snapshot());
  assert.equal(withoutTokens(restored.outbox()), withoutTokens(eager.outbox()));
});
