import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkPicture,
  commands,
  graphOf,
  LABEL_LINE,
  NODE_HEIGHT,
  nodeOf,
  PAD,
} from './layout-picture.ts';

/** Where labels need more room than their spot gives: the drawing makes it, never overlaps. */

/** The gap between two rows when its labels fit its three lines. */
const GAP = 58;

test('an arrow back across a row of two boxes: its label moves off the box it would sit on', () => {
  // d → a loops out right past a and d, but the row between holds b and c side by side, and c
  // reaches further right than the loop: halfway up, the label would sit on c.
  const graph = graphOf(
    ['a', 'b', 'c', 'd', 'done'],
    [
      ['to_b', 'a', 'b'],
      ['to_c', 'a', 'c'],
      ['b_to_d', 'b', 'd'],
      ['start_over', 'd', 'a'],
      ['finish', 'd', 'done'],
      ['c_done', 'c', 'done'],
    ],
  );
  const layout = checkPicture(graph, (from, to) => from === 'd' && to === 'a');
  const back = layout.edges.find((edge) => edge.from === 'd')!;
  const c = nodeOf(layout, 'c');
  const [start, end] = [commands(back.path)[0]!, commands(back.path).at(-1)!];
  const halfway = (start.y + end.y) / 2;
  assert.ok(
    halfway > c.y && halfway < c.y + c.height && back.labelX - back.labelWidth / 2 < c.x + c.width,
    'halfway, the label would sit on c',
  );
  // The nearest place off c: the first line below it (a label is a line tall, centred on y).
  assert.equal(back.labelY, halfway + 2 * LABEL_LINE, 'two lines down, just below c');
});

test('a gap too crowded for its labels grows a line at a time until they fit', () => {
  // Five long labels fanning out from root overlap their neighbours three deep: they need five
  // lines, and a gap holds three.
  const long = (n: number) => `give_the_seat_back_to_the_customer_${n}_and_write_to_them_about_it`;
  const graph = graphOf(
    ['root', 'p', 'q', 'r', 's', 'done'],
    [
      [long(1), 'root', 'p'],
      [long(2), 'root', 'q'],
      [long(3), 'root', 'r'],
      [long(4), 'root', 's'],
      [long(5), 'root', 'done'],
    ],
  );
  const layout = checkPicture(graph);
  const y = (id: string) => nodeOf(layout, id).y;
  assert.equal(y('root') - (PAD + NODE_HEIGHT), GAP, 'the gap above root is as it was');
  assert.equal(y('p') - (y('root') + NODE_HEIGHT), GAP + 2 * LABEL_LINE, 'two lines more below');
  const lines = new Set(layout.edges.filter((e) => e.from === 'root').map((e) => e.labelY));
  assert.equal(lines.size, 5, 'each label on a line of its own');
});

test('a label moved below the last row: the canvas grows to hold it', () => {
  // x's loop would put its label on done, beside x on the last row; it moves two lines down,
  // below the row.
  const graph = graphOf(
    ['a', 'x', 'done'],
    [
      ['to_x', 'a', 'x'],
      ['finish', 'a', 'done'],
      ['poke_it_again_and_again', 'x', 'x'],
    ],
  );
  const layout = checkPicture(graph, (from, to) => from === to);
  const x = nodeOf(layout, 'x');
  const loop = layout.edges.find((edge) => edge.from === 'x' && edge.to === 'x')!;
  assert.ok(loop.labelY - LABEL_LINE / 2 >= x.y + x.height, 'its label is below the row');
  assert.equal(layout.height, loop.labelY + LABEL_LINE / 2 + PAD, 'and the canvas holds it');
});

test('an arrow back whose label finds no place beside its loop: the gap above its source grows', () => {
  // Found by the random test: open → b loops up past held's row, where the labels of held's
  // four arrows and of waiting_for_the_owner → x leave it no spot within six lines. Growing
  // the gap below open (which the loop does not pass) would never help.
  const long = 'give_the_seat_back_to_the_customer';
  const graph = graphOf(
    ['a', 'b', 'open', 'held', 'waiting_for_the_owner', 'x', 'paid_and_confirmed'],
    [
      ['go_0', 'waiting_for_the_owner', 'x'],
      ['go_1', 'held', 'open'],
      ['pay_2', 'waiting_for_the_owner', 'held'],
      [`${long}_3`, 'b', 'held'],
      ['pay_4', 'held', 'a'],
      ['go_5', 'open', 'b'],
      [`${long}_6`, 'held', 'x'],
    ],
  );
  const layout = checkPicture(graph, (from, to) => from === 'open' && to === 'b', 'either');
  const y = (id: string) => nodeOf(layout, id).y;
  assert.equal(y('open') - (y('held') + NODE_HEIGHT), GAP + LABEL_LINE, 'a line more above open');
});

test('a label whose spots nearby are taken never reaches out of its gap, even by a little', () => {
  // Found by the random test: open → held's label, beside open → a's long one, would find its
  // first free spot two lines up, 2 px over the row above; instead the gap's labels keep to its
  // lines. (waiting_for_the_owner and x, which nothing reaches, widen the first row.)
  const graph = graphOf(
    ['a', 'b', 'open', 'held', 'waiting_for_the_owner', 'x'],
    [
      ['go_0', 'open', 'held'],
      ['give_the_seat_back_to_the_customer_1', 'open', 'a'],
      ['go_2', 'a', 'b'],
    ],
  );
  const layout = checkPicture(graph, undefined, true);
  const open = nodeOf(layout, 'open');
  const label = layout.edges.find((edge) => edge.from === 'open' && edge.to === 'held')!;
  assert.equal(label.labelY - LABEL_LINE / 2, open.y + open.height + 2 * LABEL_LINE, 'line 3');
});

test('a loop whose label reaches into the next box’s left end: the label moves off it', () => {
  // Found by the random test: b's loop puts its label right of b, where it starts before open
  // and ends inside it. A clash test that looked only at boxes starting left of the label
  // would leave it there.
  const graph = graphOf(
    ['a', 'b', 'open', 'held', 'waiting_for_the_owner', 'x'],
    [
      ['confirm_0', 'b', 'b'],
      ['go_1', 'b', 'a'],
    ],
  );
  const layout = checkPicture(graph, (from, to) => from === to, 'either');
  const open = nodeOf(layout, 'open');
  const loop = layout.edges.find((edge) => edge.from === 'b' && edge.to === 'b')!;
  const [left, right] = [loop.labelX - loop.labelWidth / 2, loop.labelX + loop.labelWidth / 2];
  assert.ok(left < open.x && right > open.x, 'the label spans open’s left edge');
  assert.ok(loop.labelY - LABEL_LINE / 2 >= open.y + open.height, 'so it sits below open');
});

test('an arrow that skips two rows: its first lane as wide as its label, the next 12 px', () => {
  // Found by the random test: the start's arrow to a drops past held's row and past b and
  // open's; a second lane as wide as the label would widen that row and the whole picture.
  const graph = graphOf(
    ['a', 'b', 'open', 'held', 'waiting_for_the_owner'],
    [
      ['go_0', 'a', 'waiting_for_the_owner'],
      ['go_1', 'b', 'a'],
      ['go_2', 'held', 'b'],
      ['confirm_3', 'held', 'open'],
    ],
  );
  const layout = checkPicture(graph);
  const open = nodeOf(layout, 'open');
  const arrow = layout.edges.find((edge) => edge.to === 'a' && edge.from !== 'b')!;
  const [first, second] = commands(arrow.path).filter((step) => step.kind === 'L');
  assert.equal(first!.x, arrow.labelX, 'the label sits in the first lane');
  // The second lane follows open at the usual 28 px, 12 px wide, and ends the widest row.
  assert.equal(second!.x - 6, open.x + open.width + 28);
  assert.equal(second!.x + 6 + PAD, layout.width);
});

test('labels pushed down their gap keep clear of the row below', () => {
  // Found by the random test: b → a's long label and b → open's fill the gap's lower lines;
  // one more line down would put a label 6 px over open and a's row.
  const graph = graphOf(
    ['a', 'b', 'open', 'held', 'waiting_for_the_owner', 'x', 'paid_and_confirmed'],
    [
      ['give_the_seat_back_to_the_customer_0', 'b', 'a'],
      ['go_1', 'b', 'open'],
      ['go_2', 'a', 'a'],
    ],
  );
  const layout = checkPicture(graph, (from, to) => from === to, 'either');
  const open = nodeOf(layout, 'open');
  for (const edge of layout.edges.filter((e) => e.from === 'b'))
    assert.ok(edge.labelY + LABEL_LINE / 2 <= open.y, `${edge.label} ends above open's row`);
});
