import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { BookingView } from '../src/engine/index.ts';
import { bookingTitle } from './booking-list.ts';
import { formatMoment } from './format.ts';
import { shared } from './styles.ts';

/** The selected booking's audit log as a timeline, oldest first, as the engine wrote it. */
export class SandboxBookingTimeline extends LitElement {
  static override styles = [
    shared,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0 0 0 1rem;
        border-inline-start: 2px solid var(--page-border);
      }
      li {
        position: relative;
        padding: 0 0 0.75rem 0.75rem;
      }
      li::before {
        content: '';
        position: absolute;
        inset-inline-start: calc(-1rem - 6px);
        top: 0.35rem;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--page-accent);
      }
      li.failed::before {
        background: var(--page-danger);
      }
      time,
      .state {
        color: var(--page-muted);
        font-size: 0.85rem;
      }
      .state code {
        color: var(--page-text);
      }
      .failed-tag {
        font-weight: 700;
      }
      .scroll {
        max-height: 40rem;
      }
      pre {
        margin: 0.25rem 0 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) booking: BookingView | undefined;
  @property({ attribute: false }) timeZone = 'UTC';

  override render() {
    const booking = this.booking;
    if (!booking) {
      return html`<h3>Audit log</h3>
        <p class="hint">Select a booking in the list to see its audit log.</p>`;
    }
    const logs = booking.logs ?? [];
    return html`<h3>Audit log: ${bookingTitle(booking)}</h3>
      <p class="hint">
        <code>${booking.id}</code>, now <code>${booking.state}</code>; ${logs.length} entries,
        oldest first.
      </p>
      <div class="scroll" tabindex="0" role="region" aria-label="Audit log">
        <ol>
          ${logs.map(
            (entry) =>
              html`<li class=${entry.success === 'false' ? 'failed' : ''}>
                <time datetime=${entry.created_at}
                  >${formatMoment(entry.created_at, this.timeZone)}</time
                >
                <div>
                  ${
                    entry.success === 'false'
                      ? html`<span class="failed-tag">Failed:</span> `
                      : nothing
                  }${entry.description}
                </div>
                <div class="state">state <code>${entry.state}</code></div>
                ${
                  entry.data && entry.data !== '[]'
                    ? html`<details>
                        <summary>Data</summary>
                        <pre>${entry.data}</pre>
                      </details>`
                    : nothing
                }
              </li>`,
          )}
        </ol>
      </div>`;
  }
}

customElements.define('sandbox-booking-timeline', SandboxBookingTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-booking-timeline': SandboxBookingTimeline;
  }
}
