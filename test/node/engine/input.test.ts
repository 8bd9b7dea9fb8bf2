import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BookingEngine, EngineError, ManualClock, seedDemo } from '../../../src/engine/index.ts';
import {
  CLOCK_RANGE,
  checkDuration,
  DURATION_BOUNDS,
  parseDuration,
} from '../../../src/engine/duration.ts';
import { actionInput, parse, statusInput, textProblem } from '../../../src/engine/input.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

test('parseDuration reads only its own units: "1 constructor" is not a duration', () => {
  assert.equal(parseDuration('15 minutes'), 15 * MINUTE);
  assert.equal(parseDuration('1 constructor'), undefined);
  assert.equal(parseDuration('1 __proto__'), undefined);
  assert.equal(parseDuration('-5 minutes'), undefined);
});

test('every use has its bounds: length > 0, increments >= 5 minutes, windows <= 5 years', () => {
  const cases: Array<[keyof typeof DURATION_BOUNDS, string, boolean]> = [
    ['length', '0 minutes', false],
    ['length', '1 minute', true],
    ['length', '31 days', true],
    ['length', '32 days', false],
    ['increment', '0 minutes', false],
    ['increment', '1 second', false],
    ['increment', '4 minutes', false],
    ['increment', '5 minutes', true],
    ['buffer', '0 minutes', true],
    ['buffer', '8 days', false],
    ['window', '60 months', true],
    ['window', '9999999 months', false],
    ['hold', '0 minutes', false],
    ['hold', '10 minutes', true],
    ['clockAdvance', '1200 months', true],
    ['clockAdvance', '9999999 months', false],
  ];
  for (const [use, text, ok] of cases) {
    const checked = checkDuration(text, DURATION_BOUNDS[use]);
    assert.equal('ms' in checked, ok, `${use} ${text}: ${JSON.stringify(checked)}`);
    if (!ok && parseDuration(text) !== undefined) {
      assert.match((checked as { problem: string }).problem, /^must be from .+ to .+/);
    }
  }
  assert.ok(
    Math.abs(CLOCK_RANGE.max) < 8.64e15 && CLOCK_RANGE.min >= 0,
    'Math.abs(CLOCK_RANGE.max) < 8.64e15 && CLOCK_RANGE.min >= 0',
  );
  assert.equal(DURATION_BOUNDS.window.max, 5 * 365 * DAY);
});

test('the text rule: no NUL, no C0 controls, no lone surrogates; tab and line breaks only in long text', () => {
  assert.equal(textProblem('Zoë 🦊 Ünïcode', false), undefined);
  assert.equal(textProblem('two\nlines\tand a tab\r\n', true), undefined);
  assert.match(textProblem('a\nb', false)!, /control characters \(U\+000A at position 1\)/);
  assert.match(textProblem('a\u0000b', true)!, /U\+0000 at position 1/);
  assert.match(textProblem('\u007f', true)!, /U\+007F/);
  assert.match(textProblem('x\ud800', false)!, /lone surrogate \(at position 1\)/);
  assert.match(textProblem('\udfff', true)!, /lone surrogate/);
});

test('messages say what was wrong: missing, mistyped or unknown', () => {
  const details = (schema: Parameters<typeof parse>[0], value: unknown) => {
    try {
      parse(schema, value);
    } catch (error) {
      return (error as EngineError).details;
    }
    return undefined;
  };
  assert.deepEqual(details(actionInput, null), [
    { path: '(body)', message: 'must be an object (got null)' },
  ]);
  assert.deepEqual(details(actionInput, { cancel: 'yes' }), [
    { path: 'cancel', message: 'must be an object (got a string)' },
  ]);
  assert.deepEqual(details(statusInput, { status: 'completed', foo: 1 }), [
    { path: '(body)', message: 'has unknown field(s): foo' },
  ]);
});

test('restore refuses a broken snapshot whole and keeps the store; a sound one round-trips', () => {
  const engine = new BookingEngine({ clock: new ManualClock('2026-11-26T12:00:00Z') });
  seedDemo(engine);
  const before = JSON.stringify(engine.snapshot());
  const broken = engine.snapshot() as any;
  broken.bookings[0].state = 'limbo';
  broken.resources[1].weekly_hours = { funday: [['09:00', '17:00']] };
  assert.throws(
    () => engine.restore(broken),
    (error: EngineError) => {
      assert.equal(error.code, 'validation_failed');
      const paths = error.details!.map((detail) => detail.path);
      assert.ok(paths.includes('store.resources.1.weekly_hours'), paths.join(', '));
      return true;
    },
  );
  assert.equal(JSON.stringify(engine.snapshot()), before);
  const stateOnly = engine.snapshot() as any;
  stateOnly.bookings[0].state = 'limbo';
  assert.throws(() => engine.restore(stateOnly), /bookings\.0\.state/);
  assert.equal(JSON.stringify(engine.snapshot()), before);
  engine.restore(JSON.parse(before));
  assert.equal(JSON.stringify(engine.snapshot()), before);
});
