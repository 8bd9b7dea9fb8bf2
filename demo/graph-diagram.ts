import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { GraphDefinition } from '../src/engine/index.ts';
import { styleMap } from 'lit/directives/style-map.js';
import {
  START,
  layoutGraph,
  stateTags,
  type GraphLayout,
  type LaidEdge,
  type LaidNode,
} from '../src/engine/graphs/layout.ts';
import { shared } from './styles.ts';

/**
 * A booking graph drawn from its JSON (`engine.listGraphs()`): states as boxes, actions as
 * labelled arrows with their autoplay steps in a tooltip and in the list below, final states
 * double-bordered, the selected booking's state filled and labelled "current".
 */
export class SandboxGraphDiagram extends LitElement {
  static override styles = [
    shared,
    css`
      .diagram {
        max-height: none;
        margin-block: 0.5rem;
        border: 1px solid var(--page-border);
        border-radius: 6px;
      }
      svg {
        display: block;
        height: auto;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      }
      .node rect {
        fill: var(--page-panel);
        stroke: var(--page-text);
        stroke-width: 1.5;
      }
      .node text {
        fill: var(--page-text);
        font-size: 13px;
      }
      .node .tag {
        fill: var(--page-muted);
        font-size: 11px;
      }
      .node.current rect.outer {
        fill: var(--page-highlight);
        stroke: var(--page-accent);
        stroke-width: 4;
      }
      .node.current .tag {
        fill: var(--page-text);
        font-weight: 700;
      }
      .start circle {
        fill: var(--page-text);
      }
      .edge path {
        fill: none;
        stroke: var(--page-muted);
        stroke-width: 1.5;
      }
      .edge.conditional path {
        stroke-dasharray: 5 4;
      }
      .edge .label-bg {
        fill: var(--page-panel);
        opacity: 0.92;
      }
      .edge text {
        fill: var(--page-text);
        font-size: 11px;
      }
      marker path {
        fill: var(--page-muted);
      }
      dl {
        margin: 0.5rem 0 0;
      }
      dd {
        margin: 0 0 0.5rem 1rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
    `,
  ];

  private layouts = new Map<string, GraphLayout>();
  /** A graph the user chose in the drop-down, until the selection changes the default. */
  @state() private picked: string | undefined;

  @property({ attribute: false }) graphs: GraphDefinition[] = [];
  /** Shown unless the user picks another: the selected booking's graph, or the project's. */
  @property({ attribute: false }) graphName = '';
  /** The selected booking's graph and state, highlighted when that graph is shown. */
  @property({ attribute: false }) current: { graph: string; state: string } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('graphName')) this.picked = undefined;
    if (changed.has('graphs')) this.layouts.clear();
  }

  private readonly onPick = (event: Event) => {
    this.picked = (event.target as HTMLSelectElement).value;
  };

  private layout(graph: GraphDefinition): GraphLayout {
    let layout = this.layouts.get(graph.name);
    if (!layout) {
      layout = layoutGraph(graph);
      this.layouts.set(graph.name, layout);
    }
    return layout;
  }

  private renderEdge(edge: LaidEdge) {
    const tooltip = edge.actions
      .map(
        (action) =>
          `${action.name} (by ${action.by}${action.condition ? `, when ${action.condition}` : ''}): ${action.steps.join(' → ')}`,
      )
      .join('\n');
    const conditional = edge.actions.every((action) => action.condition);
    return svg`<g class=${classMap({ edge: true, conditional })}>
      <title>${tooltip}</title>
      <path d=${edge.path} marker-end="url(#arrow)"></path>
      <rect class="label-bg" x=${edge.labelX - edge.labelWidth / 2} y=${edge.labelY - 8}
        width=${edge.labelWidth} height="16" rx="3"></rect>
      <text x=${edge.labelX} y=${edge.labelY} text-anchor="middle" dominant-baseline="central">${edge.label}</text>
    </g>`;
  }

  private renderNode(node: LaidNode, currentState: string | undefined) {
    if (node.start) {
      const r = node.width / 2;
      return svg`<g class="start"><title>Where a new booking starts</title>
        <circle cx=${node.x + r} cy=${node.y + r} r=${r / 1.6}></circle></g>`;
    }
    const current = node.id === currentState;
    const tags = stateTags(node, current);
    const tooltip = [
      node.id,
      node.final ? 'final: no action leaves it' : '',
      node.timeout ? `times out: the clock runs ${node.timeout} when its window passes` : '',
      current ? 'the selected booking is here' : '',
    ]
      .filter(Boolean)
      .join('; ');
    return svg`<g class=${classMap({ node: true, final: node.final, current })}
        transform="translate(${node.x} ${node.y})">
      <title>${tooltip}</title>
      <rect class="outer" width=${node.width} height=${node.height} rx="6"></rect>
      ${
        node.final
          ? svg`<rect class="inner" x="4" y="4" width=${node.width - 8} height=${node.height - 8} rx="3"></rect>`
          : nothing
      }
      <text x=${node.width / 2} y=${tags.length ? 19 : node.height / 2} text-anchor="middle"
        dominant-baseline="central">${node.id}</text>
      ${
        tags.length
          ? svg`<text class="tag" x=${node.width / 2} y="34" text-anchor="middle"
              dominant-baseline="central">${tags.join(' · ')}</text>`
          : nothing
      }
    </g>`;
  }

  private renderActions(graph: GraphDefinition) {
    return html`<details>
      <summary>Actions and their autoplay steps</summary>
      <dl>
        ${Object.entries(graph.actions).map(
          ([name, action]) =>
            html`<dt>
                <code>${name}</code> (by ${action.by}) from
                ${action.from.length ? action.from.join(', ') : START}
              </dt>
              <dd>
                ${action.description}<br /><code
                  >${action.steps.map((step) => step.name).join(' → ')}</code
                >
              </dd>`,
        )}
      </dl>
    </details>`;
  }

  override render() {
    const name = this.picked ?? this.graphName;
    const graph = this.graphs.find((entry) => entry.name === name) ?? this.graphs[0];
    if (!graph)
      return html`<h3>Graph</h3>
        <p>No graphs loaded.</p>`;
    const layout = this.layout(graph);
    const currentState = this.current?.graph === graph.name ? this.current.state : undefined;
    const finals = Object.entries(graph.states)
      .filter(([, definition]) => definition.final)
      .map(([stateName]) => stateName);
    const summary =
      `The ${graph.name} graph: states ${Object.keys(graph.states).join(', ')}; ` +
      `final states ${finals.join(', ')}` +
      (currentState ? `; the selected booking is in ${currentState}.` : '.');
    return html`<h3>Graph diagram</h3>
      <div class="row">
        <label for="graph-pick">Graph</label>
        <select id="graph-pick" .value=${graph.name} @change=${this.onPick}>
          ${this.graphs.map(
            (entry) =>
              html`<option value=${entry.name} ?selected=${entry.name === graph.name}>
                ${entry.name}
              </option>`,
          )}
        </select>
      </div>
      <p class="hint">${graph.description}</p>
      <div class="scroll diagram" tabindex="0" role="region" aria-label="Diagram of ${graph.name}">
        <svg
          viewBox="0 0 ${layout.width} ${layout.height}"
          width=${layout.width}
          height=${layout.height}
          style=${styleMap({
            // Shrinks a little to fit; below that the region scrolls, so labels stay readable.
            width: '100%',
            maxWidth: `${layout.width}px`,
            minWidth: `${Math.round(layout.width * 0.75)}px`,
          })}
          role="img"
          aria-label=${summary}
        >
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z"></path>
            </marker>
          </defs>
          ${layout.edges.map((edge) => this.renderEdge(edge))}
          ${layout.nodes.map((node) => this.renderNode(node, currentState))}
        </svg>
      </div>
      <p class="hint">
        Boxes are resting states, arrows the actions that move a booking on (dashed: only when the
        condition holds). Double border: final. Hover an arrow for its autoplay steps.
      </p>
      ${this.renderActions(graph)}`;
  }
}

customElements.define('sandbox-graph-diagram', SandboxGraphDiagram);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-graph-diagram': SandboxGraphDiagram;
  }
}
