import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BookingEngine, ManualClock } from '../../../src/engine/index.ts';
import { checkGraph } from '../../../src/engine/graph-check.ts';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import type { GraphDefinition } from '../../../src/engine/graphs/types.ts';
import { T0 } from './helpers.ts';

/**
 * The engine's check of a graph when it starts (src/engine/graph-check.ts, planted by hand,
 * issue #17): every built-in graph passes, and each kind of malformed graph is refused with the
 * graph's name and the problem. No test built a malformed graph before, so every check could go.
 */

/** A small valid graph: created -> open (times out into close) -> closed (final). */
function small(): GraphDefinition {
  return {
    name: 'tiny',
    description: 'A graph for the checks.',
    kind: 'slot',
    createAction: 'create',
    needsCustomer: true,
    states: {
      open: {
        description: 'Open.',
        holds: true,
        timeout: { action: 'close', setting: 'open_for', default: '1 hour' },
      },
      waiting: { description: 'Paused.' },
      closed: { description: 'Closed.', final: true, outcome: 'completed' },
    },
    actions: {
      create: {
        description: 'Open it.',
        from: [],
        by: 'anyone',
        steps: [
          { name: 'create', to: 'created' },
          { name: 'wait', to: 'waiting', pause: true },
          { name: 'finish_create', to: 'open' },
        ],
      },
      resume: {
        description: 'Carry on after the pause.',
        from: ['waiting'],
        by: 'owner',
        steps: [{ name: 'resume', to: 'resuming' }],
        resumes: true,
      },
      close: {
        description: 'Close it.',
        from: ['open', 'waiting'],
        by: 'system',
        steps: [
          { name: 'close', to: 'closing' },
          { name: 'finish_close', to: 'closed' },
        ],
      },
    },
  };
}

/** `small()` changed by `change`, and what checkGraph says of it. */
function problemOf(change: (graph: GraphDefinition) => void): string | undefined {
  const graph = small();
  change(graph);
  try {
    checkGraph(graph);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

test('the built-in graphs and the small graph pass; an engine starts with the small one', () => {
  for (const graph of builtInGraphs) assert.doesNotThrow(() => checkGraph(graph), graph.name);
  assert.equal(
    problemOf(() => {}),
    undefined,
  );
  const engine = new BookingEngine({ clock: new ManualClock(T0), graphs: [small()] });
  assert.deepEqual(
    engine.listGraphs().map((graph) => graph.name),
    ['tiny'],
  );
});

test('an engine refuses a malformed graph when it starts', () => {
  const graph = small();
  graph.createAction = 'open_up';
  assert.throws(() => new BookingEngine({ clock: new ManualClock(T0), graphs: [graph] }), {
    message: 'Graph "tiny": create action "open_up" is not defined',
  });
});

test('each malformed action is named with its problem', () => {
  assert.equal(
    problemOf((graph) => (graph.actions.close!.from = [])),
    'Graph "tiny": action "close" starts from no state',
  );
  assert.equal(
    problemOf((graph) => (graph.actions.close!.from = ['open', 'shut'])),
    'Graph "tiny": action "close" starts from undeclared state "shut"',
  );
  assert.equal(
    problemOf((graph) => (graph.actions.close!.from = ['closed'])),
    'Graph "tiny": action "close" starts from final state "closed"',
  );
  assert.equal(
    problemOf((graph) => (graph.actions.close!.steps = [])),
    'Graph "tiny": action "close" has no steps',
  );
  // The last step decides, not the first (which is an intermediate state).
  assert.equal(
    problemOf((graph) => graph.actions.close!.steps.push({ name: 'after', to: 'gone' })),
    'Graph "tiny": action "close" ends in "gone", not a resting state',
  );
  // An action that resumes a paused chain may end anywhere; without `resumes` it may not.
  assert.equal(
    problemOf((graph) => delete graph.actions.resume!.resumes),
    'Graph "tiny": action "resume" ends in "resuming", not a resting state',
  );
  // Nor in an intermediate state another action passes through.
  assert.equal(
    problemOf((graph) => (graph.actions.close!.steps.at(-1)!.to = 'created')),
    'Graph "tiny": action "close" ends in "created", not a resting state',
  );
  assert.equal(
    problemOf((graph) => (graph.actions.create!.steps[1]!.to = 'limbo')),
    'Graph "tiny": step "wait" pauses in "limbo", not a resting state',
  );
  // A step that does not pause may pass through a state nobody rests in.
  assert.equal(
    problemOf((graph) => delete graph.actions.create!.steps[1]!.pause),
    undefined,
  );
  // The create action starts from nothing; an empty `from` is its own.
  assert.equal(
    problemOf((graph) => (graph.actions.create!.from = [])),
    undefined,
  );
});

test('a state\u2019s timeout must lead into an action that starts there, after a readable time', () => {
  assert.equal(
    problemOf((graph) => (graph.states.open!.timeout!.action = 'resume')),
    'Graph "tiny": state "open" times out into "resume", which cannot start there',
  );
  assert.equal(
    problemOf((graph) => (graph.states.open!.timeout!.action = 'vanish')),
    'Graph "tiny": state "open" times out into "vanish", which cannot start there',
  );
  assert.equal(
    problemOf((graph) => (graph.states.open!.timeout!.default = 'soonish')),
    'Graph "tiny": state "open" has an unreadable timeout',
  );
  // A state without a timeout before one with a bad timeout: the check goes on past it.
  assert.equal(
    problemOf((graph) => {
      graph.states = { quiet: { description: 'No deadline.' }, ...graph.states };
      graph.states.open!.timeout!.default = 'soonish';
    }),
    'Graph "tiny": state "open" has an unreadable timeout',
  );
});
