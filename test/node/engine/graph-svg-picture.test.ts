import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInGraphs } from '../../../src/engine/graphs/index.ts';
import { layoutGraph, stateTags, type GraphLayout } from '../../../src/engine/graphs/layout.ts';
import { graphSvg } from '../../../src/engine/graphs/svg.ts';
import type { GraphDefinition } from '../../../src/engine/graphs/types.ts';
import { ownGraph } from './own-graph.ts';
import { allElements, readXml, type XmlElement } from './xml-reader.ts';

/**
 * The SVG picture of a graph (`GET /bookings/graphs/:name.svg`) element by element: that it
 * draws the layout it was given (every box, arrow and label where layout.ts put it), with the
 * tooltips, tags and styles a reader needs. The seeds test reads only its words; Stryker
 * (issue 17) found that 75 of svg.ts's 105 mutants could move, restyle or empty the picture
 * unseen.
 */

type Attributes = Record<string, string | number>;

/** The element's name and attributes, numbers written as the picture writes them. */
function assertElement(element: XmlElement | undefined, name: string, attributes: Attributes) {
  assert.ok(element, `a <${name}> is missing`);
  assert.equal(element.name, name);
  assert.deepEqual(
    element.attributes,
    Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, String(value)])),
    `<${name}>'s attributes`,
  );
}

function assertText(element: XmlElement | undefined, text: string, attributes: Attributes) {
  assertElement(element, 'text', {
    'text-anchor': 'middle',
    'dominant-baseline': 'central',
    ...attributes,
  });
  assert.equal(element!.text, text);
}

function assertTitle(element: XmlElement | undefined, text: string) {
  assertElement(element, 'title', {});
  assert.equal(element!.text, text);
}

/** The stylesheet's rules as `selector → property → value`. */
function rules(css: string): Map<string, Record<string, string>> {
  const map = new Map<string, Record<string, string>>();
  for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const declarations = body!
      .split(';')
      .map((part) => part.split(':').map((side) => side.trim()))
      .filter(([property]) => property);
    map.set(selector!.trim(), Object.fromEntries(declarations));
  }
  return map;
}

/** Checks the whole picture of `graph` against its layout; returns both for further checks. */
function checkSvg(graph: GraphDefinition): { svg: XmlElement; layout: GraphLayout } {
  const layout = layoutGraph(graph);
  const svg = readXml(graphSvg(graph));
  assertElement(svg, 'svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'img',
  });
  // Text only where it is drawn or read: nothing stray inside a shape, a group or the root.
  for (const element of allElements(svg))
    if (!['title', 'text', 'style'].includes(element.name))
      assert.equal(element.text, '', `<${element.name}> holds no text of its own`);
  const [title, style, defs, ...drawn] = svg.children;
  assertTitle(title, `The ${graph.name} booking graph: ${graph.description}`);

  // The layout measures names at 13px and labels at 11px monospace: the style must draw them so.
  assertElement(style, 'style', {});
  const css = rules(style!.text);
  assert.match(css.get('svg')?.['font-family'] ?? '', /monospace$/);
  assert.equal(css.get('svg')?.['font-size'], '13px');
  assert.equal(css.get('.node .tag')?.['font-size'], '11px');
  assert.equal(css.get('.edge text')?.['font-size'], '11px');
  // Boxes and label backgrounds are opaque, so an arrow behind them never runs through text.
  assert.equal(css.get('.node rect')?.fill, '#fff');
  assert.equal(css.get('.edge .label-bg')?.fill, '#fff');
  assert.equal(css.get('.edge path')?.fill, 'none');
  assert.ok(css.get('.edge.conditional path')?.['stroke-dasharray'], 'conditional arrows dashed');
  assert.ok(css.get('.start circle')?.fill, 'the start is a filled dot');
  assert.ok(css.get('marker path')?.fill, 'arrowheads are filled');

  assertElement(defs, 'defs', {});
  assert.equal(defs!.children.length, 1);
  const marker = defs!.children[0];
  assertElement(marker, 'marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 8,
    markerHeight: 8,
    orient: 'auto-start-reverse',
  });
  assert.equal(marker!.children.length, 1);
  assertElement(marker!.children[0], 'path', { d: 'M 0 0 L 10 5 L 0 10 z' });

  // Arrows first, so the boxes are drawn over their ends.
  assert.equal(drawn.length, layout.edges.length + layout.nodes.length);
  for (const [index, edge] of layout.edges.entries()) {
    const group = drawn[index]!;
    const arrow = `${edge.from} → ${edge.to}`;
    const conditional = edge.actions.every((action) => action.condition !== undefined);
    assertElement(group, 'g', { class: conditional ? 'edge conditional' : 'edge' });
    assert.equal(group.children.length, 4, arrow);
    const [tooltip, path, background, label] = group.children;
    assertTitle(
      tooltip,
      edge.actions
        .map((action) => {
          const when = action.condition === undefined ? '' : `, when ${action.condition}`;
          return `${action.name} (by ${action.by}${when}): ${action.steps.join(' → ')}`;
        })
        .join('\n'),
    );
    assertElement(path, 'path', { d: edge.path, 'marker-end': 'url(#arrow)' });
    assertElement(background, 'rect', {
      class: 'label-bg',
      x: edge.labelX - edge.labelWidth / 2,
      y: edge.labelY - 8,
      width: edge.labelWidth,
      height: 16,
      rx: 3,
    });
    assertText(label, edge.label, { x: edge.labelX, y: edge.labelY });
  }

  for (const [index, node] of layout.nodes.entries()) {
    const group = drawn[layout.edges.length + index]!;
    if (node.start) {
      assertElement(group, 'g', { class: 'start' });
      assert.equal(group.children.length, 2);
      assertTitle(group.children[0], 'Where a new booking starts');
      const r = node.width / 2;
      assertElement(group.children[1], 'circle', { cx: node.x + r, cy: node.y + r, r: r / 1.6 });
      continue;
    }
    assertElement(group, 'g', {
      class: node.final ? 'node final' : 'node',
      transform: `translate(${node.x} ${node.y})`,
    });
    const tags = [node.final ? 'final' : '', node.timeout ? 'times out' : ''].filter(Boolean);
    const [tooltip, box, ...rest] = group.children;
    assertTitle(
      tooltip,
      [
        node.id,
        ...(node.final ? ['final: no action leaves it'] : []),
        ...(node.timeout
          ? [`times out: the clock runs ${node.timeout} when its window passes`]
          : []),
      ].join('; '),
    );
    assertElement(box, 'rect', { width: node.width, height: node.height, rx: 6 });
    // A final state is drawn with a double border: a second box inside the first.
    if (node.final) {
      assertElement(rest.shift(), 'rect', {
        x: 4,
        y: 4,
        width: node.width - 8,
        height: node.height - 8,
        rx: 3,
      });
    }
    // The name sits higher when a line of tags goes under it.
    assertText(rest.shift(), node.id, { x: node.width / 2, y: tags.length ? 19 : node.height / 2 });
    if (tags.length)
      assertText(rest.shift(), tags.join(' · '), { class: 'tag', x: node.width / 2, y: 34 });
    assert.deepEqual(rest, [], `${node.id}: nothing else in its box`);
  }
  return { svg, layout };
}

for (const graph of builtInGraphs) {
  test(`${graph.name}: the picture draws its layout, with tooltips, tags and styles`, () =>
    void checkSvg(graph));
}

test('the built-in graphs show every kind of box, arrow and tooltip the picture has', () => {
  const graph = builtInGraphs.find((each) => each.name === 'confirm_decline')!;
  const { svg, layout } = checkSvg(graph);
  const nodes = new Map(layout.nodes.map((node) => [node.id, node]));
  // Written out, not derived: the words a reader sees on hover.
  assert.equal(nodes.get('awaiting_verification')?.timeout, 'expire_verification');
  assert.equal(nodes.get('verification_expired')?.final, true);
  const conditional = layout.edges.find((edge) => edge.label === 'create (verification_required)');
  assert.ok(conditional, 'the conditional create arrow is drawn');
  const group = svg.children[3 + layout.edges.indexOf(conditional)]!;
  assert.equal(group.attributes.class, 'edge conditional');
  assert.equal(
    group.children[0]!.text,
    'create (by anyone, when verification_required): create → save_customer_data → ' +
      'save_booking_data → send_verification_code → send_confirm_decline_email_to_owner → ' +
      'await_decision',
  );
  const box =
    svg.children[
      3 + layout.edges.length + layout.nodes.indexOf(nodes.get('awaiting_verification')!)
    ]!;
  assert.equal(
    box.children[0]!.text,
    'awaiting_verification; times out: the clock runs expire_verification when its window passes',
  );
  assert.equal(box.children.at(-1)!.text, 'times out');
  const expired =
    svg.children[
      3 + layout.edges.length + layout.nodes.indexOf(nodes.get('verification_expired')!)
    ]!;
  assert.equal(expired.children[0]!.text, 'verification_expired; final: no action leaves it');
  assert.equal(expired.children.at(-1)!.text, 'final');
});

test('an arrow taken both always and only under a condition is drawn solid', () => {
  // `create` pauses in `held` when verification is required; `hold` always ends there.
  const graph = ownGraph({
    states: {
      held: { description: 'held', holds: true },
      booked: { description: 'booked', final: true, outcome: 'completed' },
    },
    actions: {
      create: {
        description: 'd',
        from: [],
        by: 'anyone',
        steps: [
          { name: 'ask', to: 'held', pause: true, when: 'verification_required' },
          { name: 'book', to: 'booked' },
        ],
      },
      hold: { description: 'd', from: [], by: 'anyone', steps: [{ name: 'hold', to: 'held' }] },
    },
  });
  const { svg, layout } = checkSvg(graph);
  const mixed = layout.edges.findIndex((edge) => edge.to === 'held');
  assert.deepEqual(
    layout.edges[mixed]!.actions.map((action) => action.condition),
    ['verification_required', undefined],
  );
  assert.equal(svg.children[3 + mixed]!.attributes.class, 'edge');
});

test('a box with two tags writes them on one line, apart', () => {
  // Not in a built-in graph: a final state that still names a timeout.
  const graph = ownGraph({
    states: {
      over: {
        description: 'over',
        final: true,
        outcome: 'expired',
        timeout: { action: 'tidy', setting: 'payment_window', default: '5 minutes' },
      },
    },
    actions: {
      create: { description: 'd', from: [], by: 'anyone', steps: [{ name: 'c', to: 'over' }] },
    },
  });
  const { svg } = checkSvg(graph);
  const box = svg.children.at(-1)!;
  assert.equal(box.children.at(-1)!.text, 'final · times out');
});

test('state tags: final, times out, and current only where asked for', () => {
  assert.deepEqual(stateTags({ final: true, timeout: 'expire' }, true), [
    'final',
    'times out',
    'current',
  ]);
  assert.deepEqual(stateTags({ final: false, timeout: 'expire' }, false), ['times out']);
  assert.deepEqual(stateTags({ final: true }, false), ['final']);
  assert.deepEqual(stateTags({ final: false }, true), ['current']);
  assert.deepEqual(stateTags({ final: false }, false), []);
});
