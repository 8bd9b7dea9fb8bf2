import assert from 'node:assert/strict';
import {
  layoutGraph,
  START,
  stateTags,
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

export const PAD = 24;
export const NAME_CHAR = 7.8; // the box's 13px monospace
export const TAG_CHAR = 6.6; // the tags' and labels' 11px monospace
export const NODE_HEIGHT = 46;
export const LABEL_LINE = 16;

export const overlap = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** An SVG path's commands with their end points (M, C, L: the only ones the layout writes). */
export function commands(path: string): Array<{ kind: string; x: number; y: number }> {
  return [...path.matchAll(/([MCL])([^MCL]*)/g)].map(([, kind, args]) => {
    const values = args!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
    return { kind: kind!, x: values.at(-2)!, y: values.at(-1)! };
  });
}

export type Point = [x: number, y: number];
export interface Curve {
  start: Point;
  c1: Point;
  c2: Point;
  end: Point;
}

/** The cubic curves (C) of a path, each with the point it starts from. */
export function curves(path: string): Curve[] {
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
export function pointAt({ start, c1, c2, end }: Curve, t: number): Point {
  const u = 1 - t;
  const at = (i: 0 | 1) =>
    u * u * u * start[i] + 3 * u * u * t * c1[i] + 3 * u * t * t * c2[i] + t * t * t * end[i];
  return [at(0), at(1)];
}

/** A label moved off a clash goes whole lines up or down, at most six. */
export function assertLineShift(shift: number, arrow: string) {
  const lines = shift / LABEL_LINE;
  assert.ok(
    Math.abs(lines - Math.round(lines)) < 1e-9 && Math.abs(lines) <= 6,
    `${arrow}: its label moved ${shift}, not whole lines`,
  );
}

/** Which arrows lead back (to an earlier row or the same box): the graph's cycles. */
export type Backwards = (from: string, to: string) => boolean;

/**
 * `packed`: a gap too crowded for every label near its arrow, whose labels then keep to the
 * gap's lines; otherwise a label moved off a clash goes whole lines from its spot. `'either'`
 * for a graph where either may be so.
 */
export function checkPicture(
  graph: GraphDefinition,
  backwards: Backwards = () => false,
  packed: boolean | 'either' = false,
): GraphLayout {
  if (packed === 'either') {
    try {
      return checkPicture(graph, backwards, false);
    } catch (spread) {
      try {
        return checkPicture(graph, backwards, true);
      } catch (onLines) {
        throw new Error(`${(spread as Error).message}\nor, packed: ${(onLines as Error).message}`);
      }
    }
  }
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
  // Top and bottom, the margin is PAD (the start's dot, smaller, sits 9 px lower): the last row
  // or a label moved below it (an arrow back's) ends exactly PAD above the canvas's edge.
  const top = Math.min(...layout.nodes.map((node) => node.y));
  const bottom = Math.max(
    ...layout.nodes.map((node) => node.y + node.height),
    ...layout.edges.map((edge) => edge.labelY + LABEL_LINE / 2),
  );
  assert.ok(top <= PAD + 9, `no empty band at the top: ${top}`);
  assert.equal(layout.height - bottom, PAD, `the bottom margin`);
  // The start's dot is centred on the first row, level with the boxes' middles.
  const first = layout.nodes.find((node) => node.start)!;
  assert.equal(first.y + first.height / 2, PAD + NODE_HEIGHT / 2, 'the start is on the first row');
  // Left and right, the margin is exactly PAD: what is drawn, boxes or labels, fits the width.
  // An arrow that skips rows takes a lane 12 px wide in each row it drops through (drawn down
  // its middle), which may be a row's first or last.
  const drops = layout.edges.flatMap((edge) =>
    commands(edge.path).filter((step) => step.kind === 'L'),
  );
  const left = Math.min(
    ...layout.nodes.map((node) => node.x),
    ...layout.edges.map((edge) => edge.labelX - edge.labelWidth / 2),
    ...drops.map((drop) => drop.x - 6),
  );
  const right = Math.max(
    ...layout.nodes.map((node) => node.x + node.width),
    ...layout.edges.map((edge) => edge.labelX + edge.labelWidth / 2),
    ...drops.map((drop) => drop.x + 6),
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

/** The box of state `id` in a layout. */
export const nodeOf = (layout: GraphLayout, id: string) =>
  layout.nodes.find((node) => node.id === id)!;

/** A graph of one's own: `create` into the first state, then `[name, from, to]` actions. */
export function graphOf(
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
