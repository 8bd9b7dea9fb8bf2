import type { LaidEdge, LaidNode } from './layout.ts';

/** Where the drawing's labels go: near their arrows, off the boxes and one another. */

/** A line of label text, and the step a label moves by. */
export const LINE = 16;

/**
 * Where a label may move and still read as its arrow's: an arrow down keeps it in the gap it
 * crosses first (between its source and its target, or beside its first placeholder); an arrow
 * back, which loops out to the right, may take it anywhere.
 */
export function labelSpan(
  edge: LaidEdge,
  chain: string[],
  boxes: Map<string, LaidNode>,
): [top: number, bottom: number] {
  const a = boxes.get(edge.from)!;
  const first = boxes.get(chain[1]!)!;
  if (boxes.get(edge.to)!.y <= a.y) return [-Infinity, Infinity];
  return chain.length > 2 ? [first.y, first.y + first.height] : [a.y + a.height, first.y];
}

/**
 * Moves a label that would sit on another label or on a box a line down, or else up, the
 * nearest first (at most six lines either way), never out of its span (`labelSpan`). With
 * `onLines`, a label in a gap goes to the free line of the gap nearest to it instead: three
 * labels fit a gap between rows only if they keep to its lines. Returns the labels that found no
 * place (left where they were).
 */
export function separateLabels(
  edges: LaidEdge[],
  solid: LaidNode[],
  span: (edge: LaidEdge) => [top: number, bottom: number],
  onLines: boolean,
): LaidEdge[] {
  const placed: LaidEdge[] = [];
  const clashes = (edge: LaidEdge, y: number) =>
    placed.some(
      (other) =>
        Math.abs(other.labelY - y) < LINE &&
        Math.abs(other.labelX - edge.labelX) < (other.labelWidth + edge.labelWidth) / 2,
    ) ||
    solid.some(
      (box) =>
        edge.labelX - edge.labelWidth / 2 < box.x + box.width &&
        box.x < edge.labelX + edge.labelWidth / 2 &&
        y - LINE / 2 < box.y + box.height &&
        box.y < y + LINE / 2,
    );
  const homeless: LaidEdge[] = [];
  // The labels with the least room choose first: beside a placeholder, then in a gap, then an
  // arrow back's, which may go anywhere; top down, then left to right.
  const room = (edge: LaidEdge) => span(edge)[1] - span(edge)[0];
  const order = [...edges].sort(
    (a, b) => room(a) - room(b) || a.labelY - b.labelY || a.labelX - b.labelX,
  );
  for (const edge of order) {
    const [top, bottom] = span(edge);
    const inside = (y: number) => y - LINE / 2 >= top && y + LINE / 2 <= bottom;
    const candidates =
      onLines && Number.isFinite(top)
        ? Array.from(
            { length: Math.floor((bottom - top) / LINE) },
            (_, n) => top + (n + 0.5) * LINE,
          ).sort((a, b) => Math.abs(a - edge.labelY) - Math.abs(b - edge.labelY))
        : [0, ...[1, 2, 3, 4, 5, 6].flatMap((n) => [n * LINE, -n * LINE])]
            .map((shift) => edge.labelY + shift)
            .filter(inside);
    const free = candidates.find((y) => !clashes(edge, y));
    if (free === undefined) homeless.push(edge);
    else edge.labelY = free;
    placed.push(edge);
  }
  return homeless;
}
