import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import type { EngineError, FieldIssue } from '../../../src/engine/index.ts';
import {
  actionInput,
  availabilityInput,
  bookingSettings,
  cancelCollectionInput,
  customDataInput,
  eventInput,
  extendInput,
  line,
  ownerAttributes,
  parse,
  recurringInput,
  relatedInput,
  rescheduleInput,
  reserveInput,
  text,
  textProblem,
} from '../../../src/engine/input.ts';
import { DAY, HOUR, PUBLIC, T0, makeEngine, oneToOne, rejects } from './helpers.ts';

/**
 * The shapes of the engine's commands (src/engine/input.ts, planted by hand, issue #17): each
 * bound at its edge, each refinement's field and words, the text rule's characters, and how a
 * refusal names what was wrong.
 */

const START = '2026-11-24T10:00:00+00:00';
const END = '2026-11-24T11:00:00+00:00';

/** The details of a refusal, or undefined when the value is taken. */
function refused(schema: z.ZodType, value: unknown, prefix?: string): FieldIssue[] | undefined {
  try {
    parse(schema, value, prefix);
    return undefined;
  } catch (error) {
    return (error as EngineError).details;
  }
}

const paths = (schema: z.ZodType, value: unknown) =>
  refused(schema, value)?.map((issue) => issue.path);

test('the text rule: DEL is a control character; tab, CR and LF only in long text', () => {
  assert.match(
    textProblem('a\u007fb', false)!,
    /^must not contain control characters \(U\+007F at position 1\)$/,
  );
  assert.equal(textProblem('a\tb', true), undefined);
  assert.match(textProblem('a\tb', false)!, /U\+0009 at position 1/);
  assert.match(
    textProblem('\u000b', true)!,
    /^must not contain control characters \(U\+000B at position 0\)$/,
  );
  assert.match(textProblem('\u000c', true)!, /U\+000C/);
  assert.match(textProblem('x\u0001', true)!, /\(U\+0001 at position 1\)$/);
  assert.equal(textProblem('a\r\nb', true), undefined);
  assert.deepEqual(paths(line(10), 'a\u007f'), ['(body)']);
  assert.equal(refused(text(10), 'one\ntwo'), undefined);
  assert.deepEqual(refused(text(10), 'x\ud800'), [
    { path: '(body)', message: 'must not contain a lone surrogate (at position 1)' },
  ]);
});

test('an event: what is trimmed and required, where may be empty, a description may span lines', () => {
  const event = { start: START, end: END, what: 'Cut' };
  assert.deepEqual(refused(eventInput, { ...event, what: '   ' }), [
    { path: 'what', message: 'is required' },
  ]);
  assert.equal(parse(eventInput, { ...event, what: '  Cut  ' }).what, 'Cut');
  assert.equal(parse(eventInput, { ...event, where: '' }).where, '');
  assert.equal(
    parse(eventInput, { ...event, description: 'Bring:\n- a towel' }).description,
    'Bring:\n- a towel',
  );
  assert.deepEqual(refused(eventInput, { ...event, end: START }), [
    { path: 'end', message: 'must end after it starts' },
  ]);
  assert.equal(
    parse(eventInput, { ...event, end: '2026-11-24T10:00:00.001+00:00' }).end,
    Date.parse(START) + 1,
  );
  assert.deepEqual(refused(eventInput, { ...event, start: 'tomorrow' })?.[0], {
    path: 'start',
    message: 'must be an RFC 3339 date-time with an offset, e.g. 2026-03-01T08:00:00+00:00',
  });
});

test('booking settings: at least one seat, a known verification, nothing unknown', () => {
  assert.deepEqual(paths(bookingSettings, { max_seats: 0 }), ['max_seats']);
  assert.equal(parse(bookingSettings, { max_seats: 1 }).max_seats, 1);
  assert.deepEqual(paths(bookingSettings, { max_seats: 10_001 }), ['max_seats']);
  assert.deepEqual(paths(bookingSettings, { verification: 'fax' }), ['verification']);
  assert.deepEqual(refused(bookingSettings, { colour: 'red' }), [
    { path: '(body)', message: 'has unknown field(s): colour' },
  ]);
  assert.deepEqual(paths(bookingSettings, { payment_window: '9999999 months' }), [
    'payment_window',
  ]);
  assert.deepEqual(paths(relatedInput, { seats: 10_001 }), ['seats']);
  assert.equal(parse(relatedInput, { seats: 10_000 }).seats, 10_000);
});

test('an action body: an object of step inputs, send switches set aside, no step named with a control character', () => {
  assert.deepEqual(
    parse(actionInput, { cancel: { message: 'x' }, cancellation_send_email: false }),
    { cancel: { message: 'x' } },
  );
  assert.deepEqual(refused(actionInput, [{ message: 'x' }]), [
    { path: '(body)', message: 'must be an object (got an array)' },
  ]);
  assert.deepEqual(refused(actionInput, { 'can\ncel': {} }), [
    {
      path: 'can\ncel',
      message: 'the key must not contain control characters (U+000A at position 3)',
    },
  ]);
});

test('custom_data: keys not empty, at most 20 of them', () => {
  // The key's own reason, not zod's "Invalid key in record" (the old answer).
  assert.deepEqual(refused(customDataInput, { '': 'x' }, 'custom_data'), [
    { path: 'custom_data', message: 'the key must not be empty' },
  ]);
  assert.deepEqual(refused(customDataInput, { 'utm\tsource': 'x' }, 'custom_data'), [
    {
      path: 'custom_data.utm\tsource',
      message: 'the key must not contain control characters (U+0009 at position 3)',
    },
  ]);
  const keys = (count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 'v']));
  assert.equal(refused(customDataInput, keys(20)), undefined);
  assert.deepEqual(refused(customDataInput, keys(21)), [
    { path: '(body)', message: 'at most 20 keys' },
  ]);
});

test('owner attributes: an external id not empty, a paid amount from 0', () => {
  const schema = z.object(ownerAttributes);
  assert.deepEqual(paths(schema, { external_id: '' }), ['external_id']);
  assert.deepEqual(paths(schema, { paid_amount: -0.01 }), ['paid_amount']);
  assert.equal(parse(schema, { paid_amount: 0 }).paid_amount, 0);
});

test('a hold by time: a resource or a service, an end after the start, one project, seats once', () => {
  assert.deepEqual(refused(reserveInput, { start: START }), [
    { path: 'resource_id', message: 'is required (or service_id) to hold by time' },
  ]);
  assert.equal(refused(reserveInput, { service_id: 'proj', start: START }), undefined);
  assert.deepEqual(paths(reserveInput, { resource_id: 'r', start: START, end: START }), ['end']);
  assert.deepEqual(
    refused(reserveInput, { service_id: 'a', project_id: 'b', resource_id: 'r', start: START }),
    [{ path: 'service_id', message: 'names another project than project_id' }],
  );
  assert.equal(
    refused(reserveInput, { service_id: 'a', project_id: 'a', start: START }),
    undefined,
  );
  assert.equal(
    refused(reserveInput, { project_id: 'b', resource_id: 'r', start: START }),
    undefined,
  );
  assert.deepEqual(
    refused(reserveInput, { resource_id: 'r', start: START, seats: 1, required_spaces: 1 }),
    [{ path: 'required_spaces', message: 'is the same as seats: send one of them' }],
  );
});

test('availability: 1 to 100 resources, at most 50 constraints, "now" and durations as bounds', () => {
  assert.deepEqual(paths(availabilityInput, { resources: [] }), ['resources']);
  assert.deepEqual(paths(availabilityInput, { constraints: Array(51).fill({}) }), ['constraints']);
  assert.equal(refused(availabilityInput, { constraints: Array(50).fill({}) }), undefined);
  assert.equal(refused(availabilityInput, { from: 'now', to: '4 weeks' }), undefined);
  assert.equal(refused(availabilityInput, { from: START, to: END }), undefined);
  assert.deepEqual(refused(availabilityInput, { to: 'soon' }), [
    {
      path: 'to',
      message: 'must be "now", an RFC 3339 date-time, or a duration such as "4 weeks"',
    },
  ]);
  const tooFar = refused(availabilityInput, { to: '9999999 months' });
  assert.deepEqual(
    tooFar?.map((issue) => issue.path),
    ['to'],
  );
  assert.match(tooFar![0]!.message, /^must be from /);
});

test('a move ends after it starts; a series needs a rule', () => {
  assert.deepEqual(refused(rescheduleInput, { start: START, end: START }), [
    { path: 'end', message: 'must end after it starts' },
  ]);
  assert.deepEqual(paths(recurringInput, { booking: {}, recurring: { rrule: '' } }), [
    'recurring.rrule',
  ]);
});

test('a refusal names the field under its prefix, and says missing, mistyped or which kind', () => {
  assert.deepEqual(refused(eventInput, { end: END, what: 'Cut' }, 'booking.event'), [
    { path: 'booking.event.start', message: 'is required' },
  ]);
  assert.deepEqual(refused(eventInput, { start: null, end: END, what: 'Cut' }), [
    { path: 'start', message: 'must be a string (got null)' },
  ]);
  assert.deepEqual(refused(eventInput, { start: [START], end: END, what: 'Cut' }), [
    { path: 'start', message: 'must be a string (got an array)' },
  ]);
  assert.deepEqual(refused(customDataInput, 'x'), [
    { path: '(body)', message: 'must be an object (got a string)' },
  ]);
});

test('a booking’s custom_data with an empty key is refused saying so', () => {
  const { engine } = makeEngine();
  const body = oneToOne('instant', T0 + DAY + 2 * HOUR, 60, { custom_data: { '': 'x' } });
  const refusal = rejects(() => engine.createBooking(body, PUBLIC), 'validation_failed');
  assert.deepEqual(refusal.details, [
    { path: 'custom_data', message: 'the key must not be empty' },
  ]);
});

test('an instant and a duration have a length cap, though longer ones would parse', () => {
  // 40 digits of a second: parseInstant reads it, the cap of 64 characters refuses it.
  const longInstant = `2026-11-24T12:00:00.${'0'.repeat(40)}+00:00`;
  const [tooLong] = refused(rescheduleInput, { start: START, end: longInstant }) ?? [];
  assert.equal(tooLong?.path, 'end');
  assert.match(tooLong!.message, /64/);
  assert.equal(
    parse(eventInput, {
      start: `2026-11-24T10:00:00.${'0'.repeat(38)}+00:00`,
      end: END,
      what: 'Cut',
    }).start,
    Date.parse(START),
  );
  // Spaces between number and unit: parseDuration reads them, the cap of 40 refuses them.
  assert.deepEqual(paths(availabilityInput, { length: `1${' '.repeat(40)}minute` }), ['length']);
  assert.equal(refused(availabilityInput, { length: `1${' '.repeat(33)}minute` }), undefined);
});

// Stryker's survivors in input.ts (#17): words no test read, and two schemas only the mock used.
test('both verification channels are taken, and the seat and emptiness refusals say what is wrong', () => {
  assert.equal(parse(bookingSettings, { verification: 'email' }).verification, 'email');
  assert.equal(parse(bookingSettings, { verification: 'sms' }).verification, 'sms');
  assert.deepEqual(refused(relatedInput, { seats: 0 }), [
    { path: 'seats', message: 'must be at least 1' },
  ]);
  assert.deepEqual(refused(z.object(ownerAttributes), { external_id: '' }), [
    { path: 'external_id', message: 'must not be empty' },
  ]);
  assert.deepEqual(refused(reserveInput, { resource_id: 'r', start: START, seats: 0 }), [
    { path: 'seats', message: 'must be at least 1' },
  ]);
  assert.deepEqual(refused(reserveInput, { resource_id: 'r', start: START, end: START }), [
    { path: 'end', message: 'must end after it starts' },
  ]);
});

test('a refusal lists every issue, joined by "; ", and every unknown field, joined by ", "', () => {
  assert.throws(() => parse(eventInput, { start: { at: START }, end: 'later', what: 'Cut' }), {
    message:
      'Invalid request: start must be a string (got an object); ' +
      'end must be an RFC 3339 date-time with an offset, e.g. 2026-03-01T08:00:00+00:00',
  });
  assert.deepEqual(refused(bookingSettings, { colour: 'red', size: 'L' }), [
    { path: '(body)', message: 'has unknown field(s): colour, size' },
  ]);
});

test('a hold is extended by its id alone; a series is cancelled with an optional message alone', () => {
  assert.deepEqual(parse(extendInput, { id: 'hold_1' }), { id: 'hold_1' });
  assert.deepEqual(refused(extendInput, {}), [{ path: 'id', message: 'is required' }]);
  assert.deepEqual(parse(cancelCollectionInput, { cancel: { message: 'Closed' } }), {
    cancel: { message: 'Closed' },
  });
  assert.deepEqual(parse(cancelCollectionInput, {}), {});
  assert.deepEqual(refused(cancelCollectionInput, { cancel: { reason: 'x' } }), [
    { path: 'cancel', message: 'has unknown field(s): reason' },
  ]);
});
