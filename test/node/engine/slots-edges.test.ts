import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CANDIDATE_SLOTS } from '../../../src/engine/engine.ts';
import type { ProjectRecord } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  rejects,
  testProject,
  testResource,
} from './helpers.ts';

/**
 * An availability request at the engine (src/engine/slots.ts, planted by hand, issue #17): what
 * the project supplies and what the request overrides, the window's ends and bounds, a visitor's
 * horizon, the weight limit and its words. The slot finder itself has its own tests
 * (availability*.test.ts); here its inputs are checked through what it returns.
 */

const MONDAY = T0 - 8 * HOUR; // Monday 2026-11-23 00:00 UTC; the clock is at 08:00
const SECOND = testResource({
  id: 'res_two',
  name: 'Marty',
  calendar: { id: 'cal_two', name: 'Two' },
});

/** An engine whose project (`proj`, both resources) has these availability settings. */
function engineWith(
  availability: Partial<ProjectRecord['availability']> = {},
  resources = ['res_doc', 'res_two'],
) {
  return makeEngine({
    resources: [testResource(), SECOND],
    projects: [
      testProject({
        resources,
        availability: { length: '1 hour', mode: 'roundrobin_prioritized', ...availability },
      }),
    ],
  });
}

const starts = (slots: Array<{ start: string }>) => slots.map((slot) => slot.start.slice(0, 16));
const spans = (slots: Array<{ start: string; end: string }>) =>
  slots.map((slot) => `${slot.start.slice(11, 16)}-${slot.end.slice(11, 16)}`);
const serving = (slots: Array<{ resources: Array<{ id: string }> }>) =>
  slots.map((slot) => slot.resources.map((resource) => resource.id).join('+'));

test('the project’s length, grid, buffer and window; the request’s own win over each', () => {
  const { engine } = engineWith({
    length: '30 minutes',
    timeslot_increments: '15 minutes',
    buffer: '15 minutes',
    to: '1 day',
  });
  // Busy 12:00-13:00 on Monday: the buffer keeps 11:45-13:15 free of slots.
  engine.createBooking(oneToOne('instant', MONDAY + 12 * HOUR), OWNER);
  const own = engine.availability({ project_id: 'proj', resources: ['res_doc'] }, OWNER);
  assert.deepEqual(spans(own).slice(8, 12), [
    '11:00-11:30',
    '11:15-11:45',
    '13:15-13:45',
    '13:30-14:00',
  ]);
  assert.equal(own.length, 24);
  assert.equal(own.at(-1)!.start, '2026-11-23T16:30:00+00:00', 'to: 1 day ends Tuesday 08:00');
  const asked = engine.availability(
    {
      project_id: 'proj',
      resources: ['res_doc'],
      length: '1 hour',
      timeslot_increments: '30 minutes',
      buffer: '0 minutes',
      to: '2 days',
    },
    OWNER,
  );
  assert.deepEqual(spans(asked).slice(0, 6), [
    '09:00-10:00',
    '09:30-10:30',
    '10:00-11:00',
    '10:30-11:30',
    '11:00-12:00',
    '13:00-14:00',
  ]);
  assert.equal(asked.at(-1)!.start, '2026-11-24T16:00:00+00:00', 'to: 2 days ends Wednesday 08:00');
});

test('without a project: hour-long slots on the hour, four weeks ahead, one resource each at random', () => {
  const { engine } = engineWith();
  const slots = engine.availability({ resources: ['res_doc', 'res_two'] }, OWNER);
  assert.deepEqual(spans(slots).slice(0, 2), ['09:00-10:00', '10:00-11:00']);
  // From now (Monday 08:00) four weeks: to Monday 21 December 08:00.
  assert.equal(slots.at(-1)!.start, '2026-12-20T16:00:00+00:00');
  assert.ok(
    serving(slots).every((ids) => ids === 'res_doc' || ids === 'res_two'),
    'one resource a slot',
  );
  assert.equal(new Set(serving(slots)).size, 2, 'both resources are picked, at random');
});

test('the project’s mode, else the request’s', () => {
  const { engine } = engineWith({ mode: 'mutual', to: '1 day' });
  const mutual = engine.availability({ project_id: 'proj' }, OWNER);
  assert.equal(serving(mutual)[0], 'res_doc+res_two');
  const asked = engine.availability({ project_id: 'proj', mode: 'roundrobin_prioritized' }, OWNER);
  assert.deepEqual([...new Set(serving(asked))], ['res_doc']);
});

test('the request’s resources, else the project’s; none at all is refused, naming resources', () => {
  const { engine } = engineWith({ to: '1 day' }, ['res_doc']);
  assert.deepEqual(
    [
      ...new Set(
        serving(engine.availability({ project_id: 'proj', resources: ['res_two'] }, OWNER)),
      ),
    ],
    ['res_two'],
  );
  const { engine: empty } = engineWith({ to: '1 day' }, []);
  const error = rejects(
    () => empty.availability({ project_id: 'proj' }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(error.details, [
    { path: 'resources', message: 'name the resources, or a project_id whose resources to use' },
  ]);
  const unknown = rejects(
    () => engine.availability({ resources: ['res_doc', 'res_gone'] }, OWNER),
    'not_found',
  );
  assert.deepEqual(unknown.details, [{ path: 'resources.1', message: 'unknown resource' }]);
});

test('the window: never before now; a duration `to` counts from `from`; "now" is now', () => {
  const { engine, clock } = engineWith();
  const body = { resources: ['res_doc'] };
  clock.set(MONDAY + 10 * HOUR + 30 * MINUTE);
  const past = engine.availability(
    { ...body, from: iso(MONDAY), to: iso(MONDAY + 13 * HOUR) },
    OWNER,
  );
  assert.deepEqual(starts(past), ['2026-11-23T11:00', '2026-11-23T12:00']);
  const fromNow = engine.availability({ ...body, from: 'now', to: iso(MONDAY + 13 * HOUR) }, OWNER);
  assert.deepEqual(starts(fromNow), ['2026-11-23T11:00', '2026-11-23T12:00']);
  const tomorrow = engine.availability({ ...body, from: iso(MONDAY + DAY), to: '1 day' }, OWNER);
  assert.equal(tomorrow.length, 8);
  assert.equal(tomorrow[0]!.start, '2026-11-24T09:00:00+00:00');
  // The project's `to` counts from `from` too.
  const { engine: twoDays } = engineWith({ to: '2 days' });
  const later = twoDays.availability({ project_id: 'proj', from: iso(MONDAY + 7 * DAY) }, OWNER);
  assert.equal(later[0]!.start, '2026-11-30T09:00:00+00:00');
  assert.equal(later.at(-1)!.start, '2026-12-01T16:00:00+00:00');
});

test('`to` must be after `from`, and at most 183 days after it', () => {
  const { engine } = engineWith();
  const body = { resources: ['res_doc'], timeslot_increments: '1 day', length: '1 hour' };
  const from = MONDAY + DAY;
  for (const to of [from, from - HOUR, 'now']) {
    const error = rejects(
      () =>
        engine.availability(
          { ...body, from: iso(from), to: typeof to === 'string' ? to : iso(to) },
          OWNER,
        ),
      'validation_failed',
    );
    assert.deepEqual(error.details, [
      { path: 'to', message: 'must be after from (and after now)' },
    ]);
  }
  const longest = engine.availability(
    { ...body, from: iso(from), to: iso(from + 183 * DAY) },
    OWNER,
  );
  assert.equal(longest.length, 183);
  const error = rejects(
    () => engine.availability({ ...body, from: iso(from), to: iso(from + 183 * DAY + 1) }, OWNER),
    'validation_failed',
  );
  assert.deepEqual(error.details, [{ path: 'to', message: 'must be at most 6 months after from' }]);
});

test('a visitor sees no further than the project’s horizon from now; the owner does', () => {
  const { engine } = makeEngine({ projects: [testProject({ booking_horizon: '3 days' })] });
  const body = { project_id: 'proj', from: iso(MONDAY + 2 * DAY), to: iso(MONDAY + 5 * DAY) };
  const visitor = engine.availability(body, PUBLIC);
  // Now is Monday 08:00: the horizon ends Thursday 08:00.
  assert.equal(visitor[0]!.start, '2026-11-25T09:00:00+00:00');
  assert.equal(visitor.at(-1)!.start, '2026-11-25T16:00:00+00:00');
  assert.equal(engine.availability(body, OWNER).at(-1)!.start, '2026-11-27T16:00:00+00:00');
  // The engine's own actor is no visitor either.
  assert.equal(
    engine.availability(body, { role: 'system' }).at(-1)!.start,
    '2026-11-27T16:00:00+00:00',
  );
  // A window wholly past the horizon: nothing, not a refusal.
  assert.deepEqual(
    engine.availability(
      { ...body, from: iso(MONDAY + 4 * DAY), to: iso(MONDAY + 5 * DAY) },
      PUBLIC,
    ),
    [],
  );
  assert.deepEqual(
    engine.availabilityDates(
      { ...body, from: iso(MONDAY + 4 * DAY), to: iso(MONDAY + 5 * DAY) },
      PUBLIC,
    ),
    [],
  );
});

test('the weight limit: resources × span ÷ increment up to 100 000 candidates, in words', () => {
  const { engine } = engineWith();
  const from = MONDAY + DAY;
  const body = (minutes: number, resources: string[], extraMs = 0) => ({
    resources,
    timeslot_increments: '5 minutes',
    from: iso(from),
    to: iso(from + minutes * MINUTE + extraMs),
  });
  assert.equal(MAX_CANDIDATE_SLOTS, 100_000);
  // Two resources, 250 000 minutes at 5-minute steps: exactly the limit.
  assert.ok(
    engine.availabilityDates(body(250_000, ['res_doc', 'res_two']), OWNER).length > 170,
    'the limit itself is allowed',
  );
  const over = rejects(
    () => engine.availabilityDates(body(250_000, ['res_doc', 'res_two'], 1), OWNER),
    'validation_failed',
  );
  assert.equal(
    over.message,
    'This request would weigh 100001 candidate slots (resources \u00d7 span \u00f7 timeslot_increments); the limit is 100000. Ask for a shorter from/to window, fewer resources or a larger timeslot_increments.',
  );
  const words =
    'resources \u00d7 (to \u2212 from) \u00f7 timeslot_increments must be at most 100000 candidate slots (this request: 100001)';
  assert.deepEqual(over.details, [
    { path: 'timeslot_increments', message: words },
    { path: 'to', message: words },
    { path: 'resources', message: words },
  ]);
  // Each resource counts: one is within the limit, two are over it.
  assert.ok(
    engine.availabilityDates(body(50_001 * 5, ['res_doc']), OWNER).length > 170,
    'one resource',
  );
  rejects(
    () => engine.availabilityDates(body(50_001 * 5, ['res_doc', 'res_two']), OWNER),
    'validation_failed',
  );
});

test('busy time is left out; the output zone is the request’s, else UTC', () => {
  const { engine } = engineWith({ to: '1 day' }, ['res_doc']);
  engine.createBooking(oneToOne('instant', MONDAY + 10 * HOUR), OWNER);
  const slots = engine.availability(
    { project_id: 'proj', output_timezone: 'Europe/Copenhagen' },
    OWNER,
  );
  assert.deepEqual(spans(slots).slice(0, 2), ['10:00-11:00', '12:00-13:00']);
  assert.equal(slots[0]!.start, '2026-11-23T10:00:00+01:00');
  assert.equal(engine.availabilityDates({ project_id: 'proj' }, OWNER)[0]!.date, '2026-11-23');
  assert.equal(
    engine.availability({ project_id: 'proj' }, OWNER)[0]!.start,
    '2026-11-23T09:00:00+00:00',
  );
});
