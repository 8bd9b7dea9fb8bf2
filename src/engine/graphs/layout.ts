import { labelSpan, LINE, separateLabels } from './labels.ts';
import type { GraphDefinition } from './types.ts';

/**
 * A layered drawing of a graph definition: resting states as boxes in rows by their longest
 * distance from the start, actions as arrows between them. Pure data in, coordinates out.
 */

export const START = '(start)';

export interface EdgeAction {
  name: string;
  by: string;
  /** The action's own step, then its autoplay chain. */
  steps: string[];
  /** Only taken when this holds (verification_required), or when the chain paused there. */
  condition?: string;
}

export interface LaidNode {
  id: string;
  start: boolean;
  final: boolean;
  /** The action the clock runs when the state's window passes. */
  timeout?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidEdge {
  from: string;
  to: string;
  actions: EdgeAction[];
  label: string;
  path: string;
  labelX: number;
  labelY: number;
  labelWidth: number;
}

export interface GraphLayout {
  nodes: LaidNode[];
  edges: LaidEdge[];
  width: number;
  height: number;
}

const CHAR = 7.8; // 13px monospace
const LABEL_CHAR = 6.6; // 11px monospace
const NODE_HEIGHT = 46;
const START_SIZE = 28;
const ROW_GAP = 104;
const COLUMN_GAP = 28;
const PAD = 24;

interface Transition {
  from: string;
  to: string;
  action: EdgeAction;
}

/** Every arrow a graph allows, read from its actions' `from` states and step chains. */
export function transitions(graph: GraphDefinition): Transition[] {
  const list: Transition[] = [];
  for (const [name, action] of Object.entries(graph.actions)) {
    const sources = action.from.length ? action.from : [START];
    const info = { name, by: action.by, steps: action.steps.map((step) => step.name) };
    const targets: Array<{ to: string; condition?: string }> = [];
    if (action.resumes) {
      // It continues the chain that paused in its source state, so it ends where that one does.
      for (const other of Object.values(graph.actions)) {
        if (other.steps.some((step) => step.pause && sources.includes(step.to))) {
          targets.push({ to: other.steps.at(-1)!.to });
        }
      }
    } else {
      targets.push({ to: action.steps.at(-1)!.to });
      for (const step of action.steps) {
        if (step.pause && step.to in graph.states) {
          targets.push({ to: step.to, condition: step.when ?? 'paused' });
        }
      }
    }
    for (const from of sources) {
      for (const target of targets) {
        list.push({
          from,
          to: target.to,
          action: target.condition ? { ...info, condition: target.condition } : info,
        });
      }
    }
  }
  return list;
}

/** Rows by longest path from the start, ignoring arrows that lead back (cycles). */
function layers(nodes: string[], edges: Array<{ from: string; to: string }>) {
  const out = new Map(nodes.map((node) => [node, [] as string[]]));
  for (const edge of edges) out.get(edge.from)?.push(edge.to);
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const visit = (node: string) => {
    state.set(node, 'open');
    for (const next of out.get(node)!) {
      if (state.get(next) === 'open') back.add(`${node}>${next}`);
      else if (!state.has(next)) visit(next);
    }
    state.set(node, 'done');
    order.unshift(node);
  };
  for (const node of nodes) if (!state.has(node)) visit(node);
  const layer = new Map(nodes.map((node) => [node, node === START ? 0 : 1]));
  for (const node of order) {
    for (const next of out.get(node)!) {
      if (back.has(`${node}>${next}`)) continue;
      layer.set(next, Math.max(layer.get(next)!, layer.get(node)! + 1));
    }
  }
  return layer;
}

/** The tags under a state's name; "current" is counted in so a box never outgrows itself. */
export function stateTags(node: Pick<LaidNode, 'final' | 'timeout'>, current: boolean): string[] {
  return [
    node.final ? 'final' : '',
    node.timeout ? 'times out' : '',
    current ? 'current' : '',
  ].filter(Boolean);
}

interface Segment {
  from: string;
  to: string;
}

export function layoutGraph(graph: GraphDefinition): GraphLayout {
  const all = transitions(graph);
  const ids = [START, ...Object.keys(graph.states)];
  for (const { to } of all) if (!ids.includes(to)) ids.push(to);
  const layer = layers(ids, all);

  // One arrow per pair of states, labelled with every action that takes it.
  const grouped = new Map<string, { from: string; to: string; actions: EdgeAction[] }>();
  for (const { from, to, action } of all) {
    const key = `${from}>${to}`;
    const entry = grouped.get(key) ?? { from, to, actions: [] };
    entry.actions.push(action);
    grouped.set(key, entry);
  }
  const labelOf = (actions: EdgeAction[]) =>
    actions
      .map((action) => (action.condition ? `${action.name} (${action.condition})` : action.name))
      .join(', ');

  // An arrow that skips rows gets a placeholder in each row it crosses (the first one wide
  // enough for its label), so it runs through a gap instead of over a box.
  const width = new Map<string, number>();
  const segments: Segment[] = [];
  const chains = new Map<string, string[]>();
  for (const [key, edge] of grouped) {
    const from = layer.get(edge.from)!;
    const to = layer.get(edge.to)!;
    const chain = [edge.from];
    for (let row = from + 1; row < to; row += 1) {
      const dummy = `${key}#${row}`;
      layer.set(dummy, row);
      width.set(dummy, row === from + 1 ? labelOf(edge.actions).length * LABEL_CHAR + 8 : 12);
      chain.push(dummy);
    }
    chain.push(edge.to);
    chains.set(key, chain);
    for (let index = 1; index < chain.length; index += 1) {
      segments.push({ from: chain[index - 1]!, to: chain[index]! });
    }
  }

  const rows: string[][] = [];
  for (const id of [...ids, ...width.keys()]) (rows[layer.get(id)!] ??= []).push(id);
  // Barycentre ordering, row by row: each node under the mean position of its sources.
  const position = new Map<string, number>();
  rows.forEach((row) => row.forEach((id, index) => position.set(id, index)));
  for (let pass = 0; pass < 3; pass += 1) {
    for (const row of rows.slice(1)) {
      const weight = (id: string) => {
        const sources = segments.filter(
          (segment) => segment.to === id && layer.get(segment.from)! < layer.get(id)!,
        );
        if (!sources.length) return position.get(id)!;
        return sources.reduce((sum, edge) => sum + position.get(edge.from)!, 0) / sources.length;
      };
      row.sort((a, b) => weight(a) - weight(b));
      row.forEach((id, index) => position.set(id, index));
    }
  }

  const size = (id: string) => {
    if (id === START) return { width: START_SIZE, height: START_SIZE };
    const dummy = width.get(id);
    if (dummy !== undefined) return { width: dummy, height: NODE_HEIGHT };
    const state = graph.states[id];
    const tags = stateTags({ final: state?.final === true, timeout: state?.timeout?.action }, true);
    const text = Math.max(id.length * CHAR, tags.join(' · ').length * LABEL_CHAR);
    return { width: Math.max(96, text + 28), height: NODE_HEIGHT };
  };
  const rowWidth = (row: string[]) =>
    row.reduce((sum, id) => sum + size(id).width, 0) + COLUMN_GAP * (row.length - 1);
  const inner = Math.max(...rows.filter(Boolean).map(rowWidth));

  // Each gap between rows holds three lines of labels; one whose labels do not fit grows a
  // line at a time (`grown`: lines added below each row).
  const grown = rows.map(() => 0);
  const top = (index: number) =>
    PAD + index * ROW_GAP + LINE * grown.slice(0, index).reduce((sum, n) => sum + n, 0);
  const boxes = new Map<string, LaidNode>();
  const place = (shift: number) =>
    rows.forEach((row, index) => {
      let x = PAD + shift + (inner - rowWidth(row)) / 2;
      for (const id of row) {
        const { width: w, height: h } = size(id);
        const state = graph.states[id];
        boxes.set(id, {
          id,
          start: id === START,
          final: state?.final === true,
          ...(state?.timeout ? { timeout: state.timeout.action } : {}),
          x,
          y: top(index) + (NODE_HEIGHT - h) / 2,
          width: w,
          height: h,
        });
        x += w + COLUMN_GAP;
      }
    });

  // Where arrows fan out, their labels sit nearer the targets, where the arrows are apart.
  const count = (end: 'from' | 'to', id: string) =>
    [...grouped.values()].filter((edge) => edge[end] === id).length;
  /** The arrows, and the gaps (by the row above) where a label found no place. */
  const routeAll = (): [LaidEdge[], Set<number>] => {
    const routeEach = () =>
      [...grouped.entries()].map(([key, edge]) => {
        const fanOut = count('from', edge.from) > Math.max(1, count('to', edge.to));
        return route(edge, labelOf(edge.actions), chains.get(key)!, boxes, fanOut ? 0.7 : 0.5);
      });
    const solid = [...boxes.values()].filter((node) => !width.has(node.id));
    const span = (edge: LaidEdge) => labelSpan(edge, chains.get(`${edge.from}>${edge.to}`)!, boxes);
    const routed = routeEach();
    if (separateLabels(routed, solid, span, false).length === 0) return [routed, new Set()];
    // A gap too crowded for labels near their arrows: every label keeps to its gap's lines.
    const packed = routeEach();
    const homeless = separateLabels(packed, solid, span, true);
    // A label in a gap needs that gap taller; an arrow back's, room beside its loop: the gap
    // above its source.
    const gapOf = (edge: LaidEdge) =>
      layer.get(edge.from)! - (layer.get(edge.to)! <= layer.get(edge.from)! ? 1 : 0);
    return [packed, new Set(homeless.map(gapOf))];
  };
  let edges: LaidEdge[] = [];
  let shift = 0;
  // Each round but an overhang's grows a gap; a gap of n lines holds n labels, so this many
  // rounds are more than enough (past them, a label that still finds no place overlaps).
  for (let round = 0; round <= 2 * grouped.size; round += 1) {
    place(shift);
    const [routed, crowded] = routeAll();
    edges = routed;
    // A long label centred near the left edge would hang off the canvas: move everything right.
    const overhang = PAD - Math.min(PAD, ...edges.map((edge) => edge.labelX - edge.labelWidth / 2));
    if (overhang > 0) {
      shift += overhang;
      continue;
    }
    if (crowded.size === 0) break;
    for (const gap of crowded) grown[gap]! += 1;
  }
  const nodes = [...boxes.values()].filter((node) => !width.has(node.id));
  const lastRow = top(rows.length - 1) + NODE_HEIGHT;
  // A label moved off a clash below the last row (an arrow back's) stretches the canvas too.
  const height = Math.max(lastRow, ...edges.map((edge) => edge.labelY + LINE / 2)) + PAD;
  const right = Math.max(
    inner + 2 * PAD + shift,
    ...edges.map((edge) => edge.labelX + edge.labelWidth / 2 + PAD),
  );
  return { nodes, edges, width: right, height };
}

/** The point at `t` of the S-curve from `s` down to `e` that the arrows are drawn with. */
function verticalCurveAt(t: number, [sx, sy]: [number, number], [ex, ey]: [number, number]) {
  const u = 1 - t;
  const bend = (ey - sy) / 2;
  return {
    labelX: sx + (ex - sx) * (3 * u * t * t + t * t * t),
    labelY: sy + bend * (3 * u * u * t + 3 * u * t * t + 2 * t * t * t),
  };
}

function route(
  edge: { from: string; to: string; actions: EdgeAction[] },
  label: string,
  chain: string[],
  boxes: Map<string, LaidNode>,
  labelAt: number,
): LaidEdge {
  const a = boxes.get(edge.from)!;
  const b = boxes.get(edge.to)!;
  const labelWidth = label.length * LABEL_CHAR + 8;
  if (b.y > a.y) {
    // Down through the placeholders: a vertical S-curve between rows, straight through each.
    const stops = chain.map((id) => boxes.get(id)!);
    let path = `M ${a.x + a.width / 2} ${a.y + a.height}`;
    for (let index = 1; index < stops.length; index += 1) {
      const [p, q] = [stops[index - 1]!, stops[index]!];
      const [sx, sy] = [p.x + p.width / 2, p.y + p.height];
      const [tx, ty] = [q.x + q.width / 2, q.y];
      const bend = (ty - sy) / 2;
      path += ` C ${sx} ${sy + bend}, ${tx} ${ty - bend}, ${tx} ${ty}`;
      if (index < stops.length - 1) path += ` L ${tx} ${q.y + q.height}`;
    }
    const first = stops[1]!;
    const placeholder = stops.length > 2;
    return {
      ...edge,
      label,
      labelWidth,
      path,
      ...(placeholder
        ? { labelX: first.x + first.width / 2, labelY: first.y + first.height / 2 }
        : verticalCurveAt(
            labelAt,
            [a.x + a.width / 2, a.y + a.height],
            [first.x + first.width / 2, first.y],
          )),
    };
  }
  // Back to an earlier row or itself: loop out right; the label starts past the loop's reach.
  const [sx, sy] = [a.x + a.width, a.y + a.height / 2];
  const [tx, ty] = [b.x + b.width, b.y + b.height / 2 + (edge.from === edge.to ? 12 : 0)];
  const out = Math.max(sx, tx) + 48;
  return {
    ...edge,
    label,
    labelWidth,
    path: `M ${sx} ${sy} C ${out} ${sy}, ${out} ${ty}, ${tx} ${ty}`,
    labelX: out - 8 + labelWidth / 2,
    labelY: (sy + ty) / 2,
  };
}
