import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import { layoutGraph, START, type GraphLayout } from '../../../src/engine/graphs/layout.ts';
import type { GraphDefinition } from '../../../src/engine/graphs/types.ts';

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

/** Which arrows lead back (to an earlier row or the same box): the graph's cycles. */
type Backwards = (from: string, to: string) => boolean;

function checkPicture(graph: GraphDefinition, backwards: Backwards = () => false): GraphLayout {
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
    if (!node.start)
      assert.ok(node.width >= node.id.length * NAME_CHAR, `${node.id}'s name fits its box`);
    assert.equal(node.final, graph.states[node.id]?.final === true, `${node.id}: final`);
  }
  const top = Math.min(...layout.nodes.map((node) => node.y));
  const bottom = Math.max(...layout.nodes.map((node) => node.y + node.height));
  assert.ok(top <= PAD + 9 && layout.height - bottom <= PAD, `no empty band: ${top}, ${bottom}`);
  for (const [index, a] of layout.nodes.entries())
    for (const b of layout.nodes.slice(index + 1))
      assert.ok(!overlap(a, b), `${a.id} and ${b.id} do not overlap`);
  const start = layout.nodes.find((node) => node.start)!;
  for (const node of layout.nodes)
    if (!node.start) assert.ok(node.y > start.y, `${node.id} is below the start`);

  // Arrows: every action on one; forward ones down, centre of bottom to centre of top.
  const drawn = new Set(layout.edges.flatMap((edge) => edge.actions.map((a) => a.name)));
  assert.deepEqual([...drawn].sort(), Object.keys(graph.actions).sort());
  for (const edge of layout.edges) {
    const [a, b] = [box.get(edge.from)!, box.get(edge.to)!];
    const steps = commands(edge.path);
    const arrow = `${edge.from} → ${edge.to}: ${edge.path}`;
    if (backwards(edge.from, edge.to)) {
      // Out of the source's right side, round to the right of both boxes, into the target's.
      assert.deepEqual([steps[0]!.x, steps[0]!.y], [a.x + a.width, a.y + a.height / 2], arrow);
      assert.equal(steps.at(-1)!.x, b.x + b.width, arrow);
      assert.ok(
        edge.labelX - edge.labelWidth / 2 > Math.max(a.x + a.width, b.x + b.width),
        `${arrow}: its label is right of both boxes`,
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
  return {
    name: 'mine',
    description: 'A graph of one’s own.',
    kind: 'slot',
    createAction: 'create',
    needsCustomer: false,
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
  };
}

test('an arrow back and a loop: round to the right of both boxes, labels right of them', () => {
  const graph = graphOf(
    ['open', 'waiting_for_a_good_long_while', 'done'],
    [
      ['wait', 'open', 'waiting_for_a_good_long_while'],
      ['reopen', 'waiting_for_a_good_long_while', 'open'],
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
