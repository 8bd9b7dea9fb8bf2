import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { dateTimeFormat } from '../src/lib/time/format.ts';
import { ClockAdvanceEvent } from './events.ts';
import { shared } from './styles.ts';

const STEPS = [
  { advance: '5 minutes', label: '+5 min' },
  { advance: '15 minutes', label: '+15 min' },
  { advance: '1 hour', label: '+1 hour' },
  { advance: '1 day', label: '+1 day' },
] as const;

/** "2 days 3 h 10 min": how far the engine's clock runs ahead of real time. */
function describeOffset(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes === 0) return 'On real time';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [
    days ? `${days} day${days === 1 ? '' : 's'}` : '',
    hours ? `${hours} h` : '',
    minutes % 60 ? `${minutes % 60} min` : '',
  ].filter(Boolean);
  return `${parts.join(' ')} ${ms > 0 ? 'ahead of' : 'behind'} real time`;
}

/** The engine's time, ticking, with buttons that move it on so holds and windows expire. */
export class SandboxClockPanel extends LitElement {
  static override styles = [
    shared,
    css`
      .now {
        font-size: 1.25rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  private timer: ReturnType<typeof setInterval> | undefined;
  @state() private tick = 0;

  /** The engine clock's reading. */
  @property({ attribute: false }) now: () => number = () => Date.now();
  @property({ attribute: false }) timeZone = 'UTC';
  @property({ attribute: false }) busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.tick += 1), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    const now = this.now();
    const shown = dateTimeFormat('en', this.timeZone, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    }).format(now);
    return html`<h3>Engine clock</h3>
      <p class="now"><time datetime=${new Date(now).toISOString()}>${shown}</time></p>
      <p class="hint">
        ${describeOffset(now - Date.now())}. Holds, payment and verification windows expire as it
        passes them.
      </p>
      <div class="buttons" role="group" aria-label="Move the engine clock forward">
        ${STEPS.map(
          (step) =>
            html`<button
              ?disabled=${this.busy}
              @click=${() => this.dispatchEvent(new ClockAdvanceEvent(step))}
            >
              ${step.label}
            </button>`,
        )}
      </div>`;
  }
}

customElements.define('sandbox-clock-panel', SandboxClockPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-clock-panel': SandboxClockPanel;
  }
}
