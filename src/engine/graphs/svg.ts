import { layoutGraph, stateTags, type LaidEdge, type LaidNode } from './layout.ts';
import type { GraphDefinition } from './types.ts';

/**
 * A graph as a standalone SVG picture (Timekit offers one per graph; seed 000): the sandbox's
 * layout (layout.ts), written as text with every name and attribute escaped, so a graph's
 * names can never become markup. Never imported by the widget.
 */

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text or an attribute value, safe inside an element or a double-quoted attribute. */
export function escapeXml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** An element with escaped attributes; `inner` is markup this module built. */
function element(name: string, attributes: Record<string, string | number>, inner = ''): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}

const title = (text: string) => `<title>${escapeXml(text)}</title>`;
const text = (content: string, attributes: Record<string, string | number>) =>
  element(
    'text',
    { 'text-anchor': 'middle', 'dominant-baseline': 'central', ...attributes },
    escapeXml(content),
  );

// Static: a picture opened on its own has no page styles to lean on.
const STYLE = `
  svg { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
  .node rect { fill: #fff; stroke: #222; stroke-width: 1.5; }
  .node .tag { font-size: 11px; fill: #555; }
  .start circle { fill: #222; }
  .edge path { fill: none; stroke: #555; stroke-width: 1.3; }
  .edge.conditional path { stroke-dasharray: 5 4; }
  .edge .label-bg { fill: #fff; }
  .edge text { font-size: 11px; fill: #333; }
  marker path { fill: #555; }`;

function edgeMarkup(edge: LaidEdge): string {
  const tooltip = edge.actions
    .map(
      (action) =>
        `${action.name} (by ${action.by}${action.condition ? `, when ${action.condition}` : ''}): ${action.steps.join(' → ')}`,
    )
    .join('\n');
  const conditional = edge.actions.every((action) => action.condition);
  return element(
    'g',
    { class: conditional ? 'edge conditional' : 'edge' },
    title(tooltip) +
      element('path', { d: edge.path, 'marker-end': 'url(#arrow)' }) +
      element('rect', {
        class: 'label-bg',
        x: edge.labelX - edge.labelWidth / 2,
        y: edge.labelY - 8,
        width: edge.labelWidth,
        height: 16,
        rx: 3,
      }) +
      text(edge.label, { x: edge.labelX, y: edge.labelY }),
  );
}

function nodeMarkup(node: LaidNode): string {
  if (node.start) {
    const r = node.width / 2;
    return element(
      'g',
      { class: 'start' },
      title('Where a new booking starts') +
        element('circle', { cx: node.x + r, cy: node.y + r, r: r / 1.6 }),
    );
  }
  const tags = stateTags(node, false);
  const tooltip = [
    node.id,
    node.final ? 'final: no action leaves it' : '',
    node.timeout ? `times out: the clock runs ${node.timeout} when its window passes` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const inner = node.final
    ? element('rect', { x: 4, y: 4, width: node.width - 8, height: node.height - 8, rx: 3 })
    : '';
  return element(
    'g',
    { class: node.final ? 'node final' : 'node', transform: `translate(${node.x} ${node.y})` },
    title(tooltip) +
      element('rect', { width: node.width, height: node.height, rx: 6 }) +
      inner +
      text(node.id, { x: node.width / 2, y: tags.length ? 19 : node.height / 2 }) +
      (tags.length ? text(tags.join(' · '), { class: 'tag', x: node.width / 2, y: 34 }) : ''),
  );
}

/** The whole picture as an SVG document (`image/svg+xml`). */
export function graphSvg(graph: GraphDefinition): string {
  const layout = layoutGraph(graph);
  const marker = element(
    'marker',
    {
      id: 'arrow',
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 8,
      markerHeight: 8,
      orient: 'auto-start-reverse',
    },
    element('path', { d: 'M 0 0 L 10 5 L 0 10 z' }),
  );
  const body =
    title(`The ${graph.name} booking graph: ${graph.description}`) +
    `<style>${escapeXml(STYLE)}</style>` +
    `<defs>${marker}</defs>` +
    layout.edges.map(edgeMarkup).join('') +
    layout.nodes.map(nodeMarkup).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        viewBox: `0 0 ${layout.width} ${layout.height}`,
        width: layout.width,
        height: layout.height,
        role: 'img',
      },
      body,
    )
  );
}
