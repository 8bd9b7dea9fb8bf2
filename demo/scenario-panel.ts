import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ResetEvent, ScenarioChangeEvent } from './events.ts';
import { SCENARIOS, type Scenario } from './scenarios.ts';
import { shared } from './styles.ts';

/** How the mock API behaves (normal, slow, failing, sold out), and Reset. */
export class SandboxScenarioPanel extends LitElement {
  static override styles = [
    shared,
    css`
      fieldset {
        margin: 0 0 0.75rem;
        padding: 0;
        border: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 0.5rem;
        font-size: 1.1rem;
        font-weight: 700;
      }
      .choice {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 0.5rem;
        margin-bottom: 0.375rem;
      }
      .choice input {
        margin: 0.2rem 0 0;
        width: 1.1rem;
        height: 1.1rem;
      }
      .choice .hint {
        grid-column: 2;
      }
    `,
  ];

  @property({ attribute: false }) scenario: Scenario = 'normal';
  @property({ attribute: false }) busy = false;

  override render() {
    return html`<fieldset>
        <legend>Scenario</legend>
        ${SCENARIOS.map(
          (scenario) =>
            html`<div class="choice">
              <input
                type="radio"
                name="scenario"
                id="scenario-${scenario.id}"
                value=${scenario.id}
                aria-describedby="scenario-${scenario.id}-hint"
                .checked=${this.scenario === scenario.id}
                @change=${() =>
                  this.dispatchEvent(new ScenarioChangeEvent({ scenario: scenario.id }))}
              />
              <label for="scenario-${scenario.id}">${scenario.label}</label>
              <span class="hint" id="scenario-${scenario.id}-hint">${scenario.hint}</span>
            </div>`,
        )}
      </fieldset>
      <button ?disabled=${this.busy} @click=${() => this.dispatchEvent(new ResetEvent())}>
        Reset demo data and clock
      </button>`;
  }
}

customElements.define('sandbox-scenario-panel', SandboxScenarioPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-scenario-panel': SandboxScenarioPanel;
  }
}
