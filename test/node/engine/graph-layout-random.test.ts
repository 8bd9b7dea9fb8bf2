import { test } from 'node:test';
import fc from 'fast-check';
import { layoutGraph } from '../../../src/engine/graphs/layout.ts';
import type { GraphDefinition } from '../../../src/engine/graphs/types.ts';
import { checkPicture, graphOf } from './layout-picture.ts';

/**
 * The drawing's rules (layout-picture.ts) on graphs nobody wrote: any states, short names and
 * long, any arrows between them, forward, back and loops. The tests beside it each build one
 * corner of the layout; this one looks for the corners nobody thought of.
 */

const NAMES = [
  'a',
  'b',
  'open',
  'held',
  'waiting_for_the_owner',
  'x',
  'paid_and_confirmed',
  'done',
];
const ACTIONS = [
  'go',
  'to_it',
  'confirm',
  'give_the_seat_back_to_the_customer',
  'pay',
  'retry_later',
];

const graphs = fc
  .integer({ min: 2, max: 7 })
  .chain((size) =>
    fc.record({
      states: fc.constant(NAMES.slice(0, size)),
      arrows: fc.uniqueArray(
        fc.tuple(
          fc.constantFrom(...ACTIONS),
          fc.integer({ min: 0, max: size - 1 }),
          fc.integer({ min: 0, max: size - 1 }),
        ),
        { minLength: 1, maxLength: 14, selector: ([name, from]) => `${name}@${from}` },
      ),
    }),
  )
  .map(({ states, arrows }) =>
    graphOf(
      states,
      arrows.map(([name, from, to], index) => [`${name}_${index}`, states[from]!, states[to]!]),
    ),
  );

/** Arrows to a box on the same row or above are arrows back. */
function check(graph: GraphDefinition) {
  const y = new Map(layoutGraph(graph).nodes.map((node) => [node.id, node.y]));
  checkPicture(graph, (from, to) => y.get(to)! <= y.get(from)!, 'either');
}

test('any graph is drawn as a readable picture', () => {
  fc.assert(fc.property(graphs, check), { numRuns: Number(process.env.LAYOUT_RUNS ?? 300) });
});
