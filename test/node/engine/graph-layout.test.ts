import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import {
  layoutGraph,
  START,
  stateTags,
  transitions,
  type GraphLayout,
} from '../../../src/engine/graphs/layout.ts';
import type { GraphDefinition } from '../../../src/engine/graphs/types.ts';
import { ownGraph } from './own-graph.ts';

/**
 * The drawing of a graph (the sandbox's diagram and `GET /bookings/graphs/:name.svg`) read as a
 * picture: every state a box inside a canvas that fits it, no box on another, the text fitting
 * its box, arrows forward pointing down, each arrow leaving its source's edge and reaching its
 * target's, arrows that skip rows dropping straight through a gap, arrows back looping out to
 * the right of both boxes, and labels apart, off the boxes and inside. No test read the layout
 * before: only the picture's text was checked.
 */

const PAD = 24;
const NAME_CHAR = 7.8; // the box's 13px monospace
const TAG_CHAR = 6.6; // the tags' and labels' 11px monospace
const NODE_HEIGHT = 46;
const LABEL_LINE = 16;

const overlap = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** An SVG path's commands with their end points (M, C, L: the only ones the layout writes). */
function commands(path: string): Array<{ kind: string; x: number; y: number }> {
  return [...path.matchAll(/([MCL])([^MCL]*)/g)].map(([, kind, args]) => {
    const values = args!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
    return { kind: kind!, x: values.at(-2)!, y: values.at(-1)! };
  });
}

type Point = [x: number, y: number];
interface Curve {
  start: Point;
  c1: Point;
  c2: Point;
  end: Point;
}

/** The cubic curves (C) of a path, each with the point it starts from. */
function curves(path: string): Curve[] {
  const list: Curve[] = [];
  let at: Point = [NaN, NaN];
  for (const [, kind, args] of path.matchAll(/([MCL])([^MCL]*)/g)) {
    const v = args!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
    if (kind === 'C')
      list.push({ start: at, c1: [v[0]!, v[1]!], c2: [v[2]!, v[3]!], end: [v[4]!, v[5]!] });
    at = [v.at(-2)!, v.at(-1)!];
  }
  return list;
}

/** The point at `t` of a cubic Bézier curve. */
function pointAt({ start, c1, c2, end }: Curve, t: number): Point {
  const u = 1 - t;
  const at = (i: 0 | 1) =>
    u * u * u * start[i] + 3 * u * u * t * c1[i] + 3 * u * t * t * c2[i] + t * t * t * end[i];
  return [at(0), at(1)];
}

/** A label moved off a clash goes whole lines up or down, at most six. */
function assertLineShift(shift: number, arrow: string) {
  const lines = shift / LABEL_LINE;
  assert.ok(
    Math.abs(lines - Math.round(lines)) < 1e-9 && Math.abs(lines) <= 6,
    `${arrow}: its label moved ${shift}, not whole lines`,
  );
}

/** Which arrows lead back (to an earlier row or the same box): the graph's cycles. */
type Backwards = (from: string, to: string) => boolean;

/**
 * `packed`: a gap too crowded for every label near its arrow, whose labels then keep to the
 * gap's lines; otherwise a label moved off a clash goes whole lines from its spot.
 */
function checkPicture(
  graph: GraphDefinition,
  backwards: Backwards = () => false,
  packed = false,
): GraphLayout {
  const layout = layoutGraph(graph);
  const box = new Map(layout.nodes.map((node) => [node.id, node]));

  // Boxes: one per state and the start, inside a canvas that fits them, none on another.
  assert.deepEqual(
    layout.nodes.map((node) => node.id).sort(),
    [START, ...Object.keys(graph.states)].sort(),
  );
  for (const node of layout.nodes) {
    assert.ok(node.x >= 0 && node.y >= 0, `${node.id} starts inside the canvas`);
    assert.ok(
      node.x + node.width <= layout.width && node.y + node.height <= layout.height,
      `${node.id} ends inside the ${layout.width}×${layout.height} canvas`,
    );
    if (!node.start) {
      // As wide as its longer line (the name, or the tags with "current", which the demo adds)
      // and 14 px each side, and never narrower than 96.
      const tags = stateTags(node, true).join(' · ');
      const text = Math.max(node.id.length * NAME_CHAR, tags.length * TAG_CHAR);
      assert.equal(node.width, Math.max(96, text + 28), `${node.id}'s box fits its text`);
      assert.equal(node.height, NODE_HEIGHT, `${node.id}'s height`);
    }
    assert.equal(node.final, graph.states[node.id]?.final === true, `${node.id}: final`);
    assert.equal(node.timeout, graph.states[node.id]?.timeout?.action, `${node.id}: times out`);
  }
  const top = Math.min(...layout.nodes.map((node) => node.y));
  const bottom = Math.max(...layout.nodes.map((node) => node.y + node.height));
  assert.ok(top <= PAD + 9 && layout.height - bottom <= PAD, `no empty band: ${top}, ${bottom}`);
  // The start's dot is centred on the first row, level with the boxes' middles.
  const first = layout.nodes.find((node) => node.start)!;
  assert.equal(first.y + first.height / 2, PAD + NODE_HEIGHT / 2, 'the start is on the first row');
  // Left and right, the margin is exactly PAD: what is drawn, boxes or labels, fits the width.
  const left = Math.min(
    ...layout.nodes.map((node) => node.x),
    ...layout.edges.map((edge) => edge.labelX - edge.labelWidth / 2),
  );
  const right = Math.max(
    ...layout.nodes.map((node) => node.x + node.width),
    ...layout.edges.map((edge) => edge.labelX + edge.labelWidth / 2),
  );
  assert.ok(Math.abs(left - PAD) < 1e-9, `the left margin is ${left}, not ${PAD}`);
  assert.ok(
    Math.abs(layout.width - right - PAD) < 1e-9,
    `the right margin is ${layout.width - right}, not ${PAD}`,
  );
  for (const [index, a] of layout.nodes.entries())
    for (const b of layout.nodes.slice(index + 1))
      assert.ok(!overlap(a, b), `${a.id} and ${b.id} do not overlap`);
  const start = layout.nodes.find((node) => node.start)!;
  // The start is a dot, smaller than a box.
  assert.ok(
    start.width === start.height && start.width < NODE_HEIGHT,
    `the start is ${start.width}×${start.height}`,
  );
  for (const node of layout.nodes)
    if (!node.start) assert.ok(node.y > start.y, `${node.id} is below the start`);

  // Arrows: every action on one; forward ones down, centre of bottom to centre of top.
  const count = (end: 'from' | 'to', id: string) =>
    layout.edges.filter((edge) => edge[end] === id).length;
  const drawn = new Set(layout.edges.flatMap((edge) => edge.actions.map((a) => a.name)));
  assert.deepEqual([...drawn].sort(), Object.keys(graph.actions).sort());
  for (const edge of layout.edges) {
    const [a, b] = [box.get(edge.from)!, box.get(edge.to)!];
    const steps = commands(edge.path);
    const arrow = `${edge.from} → ${edge.to}: ${edge.path}`;
    if (backwards(edge.from, edge.to)) {
      // Out of the source's right side, round to the right of both boxes, into the target's.
      assert.deepEqual([steps[0]!.x, steps[0]!.y], [a.x + a.width, a.y + a.height / 2], arrow);
      // Into the middle of the target's right side; a loop a little lower, apart from its start.
      assert.deepEqual(
        [steps.at(-1)!.x, steps.at(-1)!.y],
        [b.x + b.width, b.y + b.height / 2 + (edge.from === edge.to ? 12 : 0)],
        arrow,
      );
      assertLineShift(edge.labelY - (steps[0]!.y + steps.at(-1)!.y) / 2, arrow);
      assert.ok(
        edge.labelX - edge.labelWidth / 2 > Math.max(a.x + a.width, b.x + b.width),
        `${arrow}: its label is right of both boxes`,
      );
      // ...and right of the loop itself, which reaches 3/4 of the way from its ends' x to its
      // control points' x.
      const [loop] = curves(edge.path);
      const ends = Math.max(loop!.start[0], loop!.end[0]);
      assert.ok(
        edge.labelX - edge.labelWidth / 2 > ends + 0.75 * (loop!.c1[0] - ends),
        `${arrow}: its label is right of the loop`,
      );
      continue;
    }
    assert.ok(b.y > a.y, `${arrow} points down`);
    assert.ok(
      edge.labelY > a.y + a.height && edge.labelY < b.y,
      `${arrow}: its label ${edge.labelY} is beside it, below ${edge.from} and above ${edge.to}`,
    );
    assert.deepEqual([steps[0]!.x, steps[0]!.y], [a.x + a.width / 2, a.y + a.height], arrow);
    assert.deepEqual([steps.at(-1)!.x, steps.at(-1)!.y], [b.x + b.width / 2, b.y], arrow);
    // Each row-to-row piece is a vertical S: it leaves straight down and arrives straight down,
    // its control points half the gap below its start and above its end.
    const pieces = curves(edge.path);
    for (const { start, c1, c2, end } of pieces) {
      const bend = (end[1] - start[1]) / 2;
      assert.deepEqual(
        [c1, c2],
        [
          [start[0], start[1] + bend],
          [end[0], end[1] - bend],
        ],
        arrow,
      );
    }
    if (pieces.length === 1) {
      // The label sits on the curve, halfway, or at 70 % where its source fans out to more
      // arrows than its target gathers (there the arrows are apart), give or take whole lines.
      const fanOut = count('from', edge.from) > Math.max(1, count('to', edge.to));
      const [x, y] = pointAt(pieces[0]!, fanOut ? 0.7 : 0.5);
      assert.ok(Math.abs(edge.labelX - x) < 1e-9, `${arrow}: its label is on the curve`);
      // Moved, it stays in the gap: whole lines from there, or on one of the gap's lines.
      const gap = [a.y + a.height, b.y];
      assert.ok(
        edge.labelY - LABEL_LINE / 2 >= gap[0]! && edge.labelY + LABEL_LINE / 2 <= gap[1]!,
        `${arrow}: its label ${edge.labelY} is inside the gap ${gap.join('-')}`,
      );
      const line = (edge.labelY - LABEL_LINE / 2 - gap[0]!) / LABEL_LINE;
      if (!packed) assertLineShift(edge.labelY - y, arrow);
      else assert.ok(Math.abs(line - Math.round(line)) < 1e-9, `${arrow}: on a line of its gap`);
    }
    // Where it skips rows it drops straight down through a gap, never through a box.
    for (const [index, step] of steps.entries()) {
      if (step.kind !== 'L') continue;
      const from = steps[index - 1]!;
      assert.ok(step.x === from.x && step.y > from.y, `${arrow}: a straight drop`);
      for (const node of layout.nodes)
        assert.ok(
          !(step.x > node.x && step.x < node.x + node.width && from.y < node.y + node.height) ||
            step.y <= node.y,
          `${arrow} runs through ${node.id}`,
        );
    }
  }

  // Labels: the actions' names, apart from one another, off every box, inside the canvas.
  for (const edge of layout.edges) {
    const names = edge.actions.map((action) =>
      action.condition ? `${action.name} (${action.condition})` : action.name,
    );
    assert.equal(edge.label, names.join(', '));
    const rect = {
      x: edge.labelX - edge.labelWidth / 2,
      y: edge.labelY - LABEL_LINE / 2,
      width: edge.labelWidth,
      height: LABEL_LINE,
    };
    assert.ok(rect.x >= 0 && rect.x + rect.width <= layout.width, `"${edge.label}" fits the width`);
    assert.ok(edge.labelY >= 0 && edge.labelY <= layout.height, `"${edge.label}" in the height`);
    for (const node of layout.nodes)
      assert.ok(!overlap(rect, node), `the label "${edge.label}" is not on ${node.id}`);
  }
  for (const [index, a] of layout.edges.entries())
    for (const b of layout.edges.slice(index + 1))
      assert.ok(
        Math.abs(a.labelY - b.labelY) >= LABEL_LINE ||
          Math.abs(a.labelX - b.labelX) >= (a.labelWidth + b.labelWidth) / 2,
        `the labels "${a.label}" and "${b.label}" do not overlap`,
      );
  return layout;
}

for (const graph of builtInGraphs) {
  // The built-in graphs have no cycles: every arrow leads forward.
  test(`${graph.name}: drawn as a readable picture`, () => void checkPicture(graph));
}

/** A graph of one's own: `create` into the first state, then `[name, from, to]` actions. */
function graphOf(
  states: string[],
  actions: Array<[name: string, from: string, to: string]>,
): GraphDefinition {
  return ownGraph({
    states: Object.fromEntries(
      states.map((state, index) => [
        state,
        index === states.length - 1
          ? { description: state, final: true, outcome: 'completed' }
          : { description: state, holds: true },
      ]),
    ),
    actions: Object.fromEntries([
      [
        'create',
        { description: 'd', from: [], by: 'anyone', steps: [{ name: 'c', to: states[0]! }] },
      ],
      ...actions.map(([name, from, to]) => [
        name,
        { description: 'd', from: [from], by: 'owner', steps: [{ name: `${name}_step`, to }] },
      ]),
    ]),
  });
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
  const open = layout.nodes.find((node) => node.id === 'open')!;
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
  const r = layout.nodes.find((node) => node.id === 'r')!;
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
  const a = layout.nodes.find((node) => node.id === 'a')!;
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
