import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import { layoutGraph, transitions, type GraphLayout } from '../../../src/engine/graphs/layout.ts';
import type { GraphDefinition } from '../../../src/engine/graphs/types.ts';
import {
  checkPicture,
  commands,
  curves,
  graphOf,
  LABEL_LINE,
  nodeOf,
  PAD,
  pointAt,
} from './layout-picture.ts';

// The drawing's rules are in layout-picture.ts; here each built-in graph and each corner of the
// layout a graph of one's own reaches.

for (const graph of builtInGraphs) {
  // The built-in graphs have no cycles: every arrow leads forward.
  test(`${graph.name}: drawn as a readable picture`, () => void checkPicture(graph));
}

test('an arrow back and a loop: round to the right of both boxes, labels right of them', () => {
  const graph = graphOf(
    ['open', 'waiting_for_a_good_long_while', 'done'],
    [
      ['wait', 'open', 'waiting_for_a_good_long_while'],
      ['reopen_when_the_customer_asks_again', 'waiting_for_a_good_long_while', 'open'],
      ['poke', 'open', 'open'],
      ['finish', 'waiting_for_a_good_long_while', 'done'],
    ],
  );
  const layout = checkPicture(
    graph,
    (from, to) => from === to || (from === 'waiting_for_a_good_long_while' && to === 'open'),
  );
  const loop = layout.edges.find((edge) => edge.from === 'open' && edge.to === 'open')!;
  const open = nodeOf(layout, 'open');
  // A loop comes back a little lower than it left, so its two ends are apart.
  assert.equal(commands(loop.path).at(-1)!.y, open.y + open.height / 2 + 12, loop.path);
});

test('a state reached by a short way and a long one sits below the long one', () => {
  // The short way (a → d → c) is listed first, so the walk meets c from d before from e.
  const graph = graphOf(
    ['a', 'b', 'd', 'e', 'c'],
    [
      ['to_d', 'a', 'd'],
      ['d_to_c', 'd', 'c'],
      ['to_b', 'a', 'b'],
      ['b_to_e', 'b', 'e'],
      ['e_to_c', 'e', 'c'],
    ],
  );
  checkPicture(graph);
});

test('a long label near the left edge: the picture moves right to hold it', () => {
  const graph = graphOf(
    ['a', 'b', 'c', 'done'],
    [
      ['give_the_booking_back_to_the_customer_now', 'a', 'b'],
      ['to_c', 'a', 'c'],
      ['b_done', 'b', 'done'],
      ['c_done', 'c', 'done'],
    ],
  );
  const layout = checkPicture(graph);
  const long = layout.edges.find((edge) => edge.to === 'b')!;
  const left = long.labelX - long.labelWidth / 2;
  assert.ok(Math.abs(left - PAD) < 1e-9, `the label starts at the margin: ${left}`);
});

test('an arrow that skips rows has a gap as wide as its label, and drops straight through it', () => {
  const graph = graphOf(
    ['a', 'b', 'c', 'done'],
    [
      ['a_to_b', 'a', 'b'],
      ['b_to_c', 'b', 'c'],
      ['a_long_way_round_past_b_and_c_to_the_end', 'a', 'done'],
      ['c_done', 'c', 'done'],
    ],
  );
  const layout = checkPicture(graph);
  const skip = layout.edges.find((edge) => edge.from === 'a' && edge.to === 'done')!;
  const steps = commands(skip.path);
  const drop = steps.findIndex((step) => step.kind === 'L');
  assert.ok(drop > 0 && steps[drop + 2]?.kind === 'L', `two rows skipped: ${skip.path}`);
  // Its label sits on the first straight drop, where its gap leaves it room.
  assert.equal(skip.labelX, steps[drop]!.x);
  assert.equal(skip.labelY, (steps[drop - 1]!.y + steps[drop]!.y) / 2);
});

/** How many pairs of arrows cross between two rows (pieces that span the same gap). */
function crossings(layout: GraphLayout): number {
  const pieces = layout.edges.flatMap((edge) => curves(edge.path));
  let count = 0;
  for (const [index, a] of pieces.entries())
    for (const b of pieces.slice(index + 1))
      if (a.start[1] === b.start[1] && a.end[1] === b.end[1])
        if ((a.start[0] - b.start[0]) * (a.end[0] - b.end[0]) < 0) count += 1;
  return count;
}

test('rows are ordered so that arrows do not cross where they need not', () => {
  // Each row is listed against the row above: drawn in that order, every pair would cross.
  const twoRows = graphOf(
    ['r', 'a', 'b', 'y', 'x', 'end'],
    [
      ['to_a', 'r', 'a'],
      ['to_b', 'r', 'b'],
      ['a_to_x', 'a', 'x'],
      ['b_to_y', 'b', 'y'],
      ['x_end', 'x', 'end'],
      ['y_end', 'y', 'end'],
    ],
  );
  // The order found for one row is the one the next row is sorted against.
  const threeRows = graphOf(
    ['r', 'a', 'b', 'y', 'x', 'q', 'p', 'end'],
    [
      ['to_a', 'r', 'a'],
      ['to_b', 'r', 'b'],
      ['a_to_x', 'a', 'x'],
      ['b_to_y', 'b', 'y'],
      ['x_to_p', 'x', 'p'],
      ['y_to_q', 'y', 'q'],
      ['p_end', 'p', 'end'],
      ['q_end', 'q', 'end'],
    ],
  );
  // y has two sources on the left, z one on the right: y goes under the mean of its sources.
  const twoSources = graphOf(
    ['r', 'a', 'b', 'c', 'z', 'y', 'end'],
    [
      ['to_a', 'r', 'a'],
      ['to_b', 'r', 'b'],
      ['to_c', 'r', 'c'],
      ['a_to_y', 'a', 'y'],
      ['b_to_y', 'b', 'y'],
      ['c_to_z', 'c', 'z'],
      ['y_end', 'y', 'end'],
      ['z_end', 'z', 'end'],
    ],
  );
  for (const graph of [twoRows, threeRows, twoSources]) {
    const layout = checkPicture(graph);
    assert.equal(crossings(layout), 0, graph.states ? Object.keys(graph.states).join(' ') : '');
  }
});

test('labels that would sit on one another in a gap keep to its lines, and all fit', () => {
  // Three long labels fanning out from one box to three close targets.
  const graph = graphOf(
    ['r', 't1', 't2', 't3', 'end'],
    [
      ['send_the_customer_to_the_first_place', 'r', 't1'],
      ['send_the_customer_to_the_second_place', 'r', 't2'],
      ['send_the_customer_to_the_third_place', 'r', 't3'],
      ['t1_end', 't1', 'end'],
      ['t2_end', 't2', 'end'],
      ['t3_end', 't3', 'end'],
    ],
  );
  const layout = checkPicture(graph, undefined, true);
  const fan = layout.edges.filter((edge) => edge.from === 'r');
  // Three lines of the gap under r, one label on each (checkPicture: apart and in the gap).
  const r = nodeOf(layout, 'r');
  assert.deepEqual(
    fan.map((edge) => (edge.labelY - r.y - r.height - LABEL_LINE / 2) / LABEL_LINE).sort(),
    [0, 1, 2],
  );
});

test('transitions: every arrow a graph allows, conditional ones named by their condition', () => {
  const confirmDecline = builtInGraphs.find((graph) => graph.name === 'confirm_decline')!;
  const written = (graph: GraphDefinition) =>
    transitions(graph)
      .map(({ from, to, action }) =>
        action.condition
          ? `${from} > ${to}: ${action.name} (${action.condition})`
          : `${from} > ${to}: ${action.name}`,
      )
      .sort();
  assert.deepEqual(
    written(confirmDecline),
    [
      '(start) > tentative: create',
      '(start) > awaiting_verification: create (verification_required)',
      'awaiting_verification > tentative: verify',
      'awaiting_verification > verification_expired: expire_verification',
      'tentative > declined: decline',
      'tentative > confirmed: confirm',
      'tentative > cancelled_by_customer: cancel_by_customer',
      'confirmed > cancelled: cancel',
      'confirmed > cancelled_by_customer: cancel_by_customer',
      'confirmed > rescheduled_by_customer: reschedule_by_customer',
      'confirmed > completed: complete',
      'awaiting_verification > cancelled: cancel',
      'awaiting_verification > cancelled_by_customer: cancel_by_customer',
    ].sort(),
  );

  // A pause without a condition is "paused"; a pause into no state of the graph draws nothing;
  // an action that resumes ends where the chain that paused in its own state ends, and no other.
  const graph: GraphDefinition = {
    ...graphOf(['held_a', 'held_b', 'done_a', 'done_b'], []),
    actions: {
      create: {
        description: 'd',
        from: [],
        by: 'anyone',
        steps: [
          { name: 'ask', to: 'held_a', pause: true },
          { name: 'book', to: 'done_a' },
        ],
      },
      other: {
        description: 'd',
        from: ['held_a'],
        by: 'owner',
        steps: [
          { name: 'note', to: 'nowhere', pause: true },
          { name: 'wait', to: 'held_b', pause: true, when: 'verification_required' },
          { name: 'end', to: 'done_b' },
        ],
      },
      resume_a: {
        description: 'd',
        from: ['held_a'],
        by: 'customer',
        resumes: true,
        steps: [{ name: 'go', to: 'gone' }],
      },
      resume_b: {
        description: 'd',
        from: ['held_b'],
        by: 'customer',
        resumes: true,
        steps: [{ name: 'go', to: 'gone' }],
      },
    },
  };
  assert.deepEqual(written(graph), [
    '(start) > done_a: create',
    '(start) > held_a: create (paused)',
    'held_a > done_a: resume_a',
    'held_a > done_b: other',
    'held_a > held_b: other (verification_required)',
    'held_b > done_b: resume_b',
  ]);
  const steps = transitions(graph).find((each) => each.action.name === 'other')!.action.steps;
  assert.deepEqual(steps, ['note', 'wait', 'end']);
  assert.equal(transitions(graph).find((each) => each.action.name === 'other')!.action.by, 'owner');
});

test('a state no arrow reaches still sits below the start', () => {
  const graph = graphOf(
    ['a', 'forgotten', 'done'],
    [
      ['finish', 'a', 'done'],
      ['from_the_forgotten', 'forgotten', 'done'],
    ],
  );
  checkPicture(graph);
});

test('two states that lead to each other, reached two ways: one arrow forward, one back', () => {
  // a reaches b and c, and b and c lead to each other: the walk meets c again from a after it
  // has finished with it, and must not walk it again (it would take b → c for an arrow back).
  const graph = graphOf(
    ['a', 'b', 'c', 'done'],
    [
      ['to_b', 'a', 'b'],
      ['to_c', 'a', 'c'],
      ['b_to_c', 'b', 'c'],
      ['c_to_b', 'c', 'b'],
      ['c_done', 'c', 'done'],
    ],
  );
  checkPicture(graph, (from, to) => from === 'c' && to === 'b');
});

test('an action that ends in a state the graph does not declare: a box for it too', () => {
  const graph = graphOf(['a', 'done'], [['finish', 'a', 'done']]);
  graph.actions.stray = {
    description: 'd',
    from: ['a'],
    by: 'owner',
    steps: [{ name: 'stray', to: 'undeclared' }],
  };
  const layout = layoutGraph(graph);
  const stray = layout.nodes.find((node) => node.id === 'undeclared');
  assert.ok(stray, `a box for it: ${layout.nodes.map((node) => node.id).join(', ')}`);
  const a = nodeOf(layout, 'a');
  assert.ok(stray.y > a.y, 'below the state it is reached from');
  assert.ok(
    layout.edges.some((edge) => edge.to === 'undeclared'),
    'and an arrow to it',
  );
});

test('a label sits halfway unless its source fans out to more arrows than its target gathers', () => {
  // r → p: r has two arrows out, p two in: halfway. r → q: q has one in: at 70 %, near q.
  const graph = graphOf(
    ['root', 'r', 's', 'p', 'q', 'end'],
    [
      ['to_r', 'root', 'r'],
      ['to_s', 'root', 's'],
      ['r_to_p', 'r', 'p'],
      ['r_to_q', 'r', 'q'],
      ['s_to_p', 's', 'p'],
      ['p_end', 'p', 'end'],
      ['q_end', 'q', 'end'],
    ],
  );
  const layout = checkPicture(graph);
  const at = (to: string) => {
    const edge = layout.edges.find((each) => each.from === 'r' && each.to === to)!;
    const piece = curves(edge.path)[0]!;
    return (edge.labelY - piece.start[1]) / (piece.end[1] - piece.start[1]);
  };
  assert.ok(Math.abs(at('p') - 0.5) < 1e-9, `r → p's label at ${at('p')} of the way down`);
  assert.ok(at('q') > 0.5, `r → q's label at ${at('q')}, nearer q`);
});

test('two labels on one spot: the later one moves a line down, not into the grid', () => {
  // a and b each lead to x and y: the arrows a → y and b → x cross, halfway down, where both
  // labels would sit.
  const graph = graphOf(
    ['root', 'a', 'b', 'x', 'y', 'end'],
    [
      ['to_a', 'root', 'a'],
      ['to_b', 'root', 'b'],
      ['ax', 'a', 'x'],
      ['ay', 'a', 'y'],
      ['bx', 'b', 'x'],
      ['by', 'b', 'y'],
      ['x_end', 'x', 'end'],
      ['y_end', 'y', 'end'],
    ],
  );
  const layout = checkPicture(graph);
  const shifts = layout.edges
    .filter((edge) => ['a', 'b'].includes(edge.from))
    .map((edge) => edge.labelY - pointAt(curves(edge.path)[0]!, 0.5)[1]);
  assert.deepEqual(
    shifts.map((shift) => Math.round(shift * 1e6) / 1e6).sort(),
    [0, 0, 0, LABEL_LINE],
    'one label moved, one line down',
  );
});
