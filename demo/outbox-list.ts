import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { OutboxView } from '../src/engine/index.ts';
import { OwnerDecisionEvent } from './events.ts';
import { formatMoment } from './format.ts';
import { shared } from './styles.ts';

const KIND_LABELS: Record<string, string> = { email: 'Email', webhook: 'Webhook', sms: 'SMS' };
const DECISION_BUTTONS = { confirm: 'Confirm as the owner', decline: 'Decline as the owner' };

/**
 * Every email, SMS and webhook the engine sent, newest first, each body behind a disclosure,
 * with its links (manage, confirm, decline) clickable and its attachments named. The decision
 * links name `npm run api`'s pages, which the sandbox's service worker cannot open: a button
 * beside each uses it through this page's mock instead.
 *
 * @event sandbox-owner-decision - A decision link's button was pressed: <sandbox-app> posts it.
 */
export class SandboxOutboxList extends LitElement {
  static override styles = [
    shared,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        border-bottom: 1px solid var(--page-border);
        padding: 0.375rem 0;
      }
      summary {
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      .kind {
        display: inline-block;
        min-width: 4.5rem;
        font-weight: 700;
      }
      .meta {
        color: var(--page-muted);
        font-size: 0.85rem;
      }
      pre {
        margin: 0.5rem 0 0;
        padding: 0.5rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--page-bg);
        border-radius: 4px;
      }
    `,
  ];

  /** Oldest first, as the engine keeps them. */
  @property({ attribute: false }) entries: OutboxView[] = [];
  @property({ attribute: false }) timeZone = 'UTC';
  /** What each decision link used here came to, by its href (kept by <sandbox-app>). */
  @property({ attribute: false }) decisions: ReadonlyMap<string, string> = new Map();

  private renderLink(name: string, href: string) {
    const action = name === 'confirm' || name === 'decline' ? name : undefined;
    const outcome = this.decisions.get(href);
    return html`<p class="meta">
      ${name}: <a href=${href} target="_blank" rel="noopener">${href}</a>
      ${
        action
          ? html`<br /><button
                type="button"
                data-decision=${action}
                @click=${() => this.dispatchEvent(new OwnerDecisionEvent({ href, action }))}
              >
                ${DECISION_BUTTONS[action]}
              </button>
              <span role="status">${outcome ?? ''}</span>`
          : nothing
      }
    </p>`;
  }

  override render() {
    const newest = [...this.entries].reverse();
    return html`<h3>Outbox (${this.entries.length})</h3>
      <p class="hint">
        Emails, SMS and webhook deliveries, newest first. Open one to read its body. The sandbox has
        no network: <code>npm run api</code> really sends registered webhooks.
      </p>
      ${
        newest.length
          ? html`<div class="scroll" tabindex="0" role="region" aria-label="Outbox">
              <ol>
                ${repeat(
                  newest,
                  // Keyed, so an open message stays open when newer ones arrive above it.
                  (entry) => entry.id,
                  (entry) =>
                    html`<li data-kind=${entry.kind}>
                      <details>
                        <summary>
                          <span class="kind">${KIND_LABELS[entry.kind] ?? entry.kind}</span>
                          ${entry.subject}
                          <span class="meta">
                            to ${entry.to}, ${formatMoment(entry.created_at, this.timeZone)},
                            ${entry.kind === 'webhook' ? 'recorded, not sent' : `booking ${entry.state}`}</span
                          >
                        </summary>
                        <pre>${entry.body}</pre>
                        ${Object.entries(entry.links ?? {}).map(([name, href]) =>
                          this.renderLink(name, href),
                        )}
                        ${entry.attachments?.map(
                          (file) =>
                            html`<p class="meta">
                              Attached:
                              <a
                                href=${`data:${file.content_type},${encodeURIComponent(file.content)}`}
                                download=${file.filename}
                                >${file.filename}</a
                              >
                            </p>`,
                        )}
                      </details>
                    </li>`,
                )}
              </ol>
            </div>`
          : html`<p>Nothing sent yet.</p>`
      }`;
  }
}

customElements.define('sandbox-outbox-list', SandboxOutboxList);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-outbox-list': SandboxOutboxList;
  }
}
