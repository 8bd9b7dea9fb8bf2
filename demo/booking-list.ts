import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BookingView } from '../src/engine/index.ts';
import { BOOKING_STATUSES } from '../src/engine/records.ts';
import { BookingSelectEvent, OwnerActionEvent, OwnerStatusEvent } from './events.ts';
import { formatMoment, formatWhen, humanize } from './format.ts';
import { shared } from './styles.ts';

/** Actions that tell the customer something: the owner may add a message. */
const asksForMessage = (action: string) => /cancel|decline/.test(action);

/** What a booking is about, for its heading. */
export function bookingTitle(booking: BookingView): string {
  return booking.attributes.event_info?.what ?? booking.graph;
}

/**
 * The owner's list of every booking, newest first: state, graph, customer and time, a button per
 * possible action and per status. Selecting one shows its log and its state in the graph.
 */
export class SandboxBookingList extends LitElement {
  static override styles = [
    shared,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li.booking {
        padding: 0.75rem;
        border-bottom: 1px solid var(--page-border);
      }
      li.booking[aria-current='true'] {
        background: var(--page-highlight);
        border-inline-start: 6px solid var(--page-accent);
      }
      h4 {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: baseline;
      }
      .state {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        font-weight: 700;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.125rem 0.75rem;
        margin: 0 0 0.5rem;
        font-size: 0.9rem;
      }
      dt {
        color: var(--page-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .controls {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.375rem 0.5rem;
        align-items: baseline;
      }
      .group-label {
        font-size: 0.85rem;
        color: var(--page-muted);
      }
      .controls .buttons {
        gap: 0.25rem;
      }
      .controls button {
        min-height: 28px;
        padding: 0.125rem 0.5rem;
        font-size: 0.875rem;
      }
      .scroll {
        max-height: 40rem;
      }
      dialog {
        max-width: min(30rem, calc(100vw - 2rem));
        background: var(--page-panel);
        color: var(--page-text);
        border: 1px solid var(--page-border);
        border-radius: 8px;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      dialog label {
        display: block;
        margin-bottom: 0.25rem;
      }
      dialog textarea {
        width: 100%;
        margin-bottom: 0.75rem;
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;
  @state() private asking: { booking: BookingView; action: string } | undefined;

  @property({ attribute: false }) bookings: BookingView[] = [];
  @property({ attribute: false }) selectedId: string | undefined;
  @property({ attribute: false }) timeZone = 'UTC';
  /** The last owner action's refusal, shown under the list's heading. */
  @property({ attribute: false }) error = '';

  protected override updated(changed: PropertyValues<this>): void {
    // "Go to its class" and a new selection bring the selected booking into view.
    if (changed.has('selectedId') && this.selectedId) {
      this.renderRoot
        .querySelector(`[data-booking-id="${CSS.escape(this.selectedId)}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    }
  }

  private select(bookingId: string | undefined, focus = false): void {
    this.dispatchEvent(new BookingSelectEvent({ bookingId }));
    if (focus && bookingId) {
      void this.updateComplete.then(() =>
        this.renderRoot
          .querySelector<HTMLElement>(`[data-booking-id="${CSS.escape(bookingId)}"] h4 button`)
          ?.focus(),
      );
    }
  }

  private act(booking: BookingView, action: string): void {
    if (asksForMessage(action)) {
      this.asking = { booking, action };
      void this.updateComplete.then(() => {
        // Escape closes without a return value and keeps the last one: start from none.
        this.dialog.returnValue = '';
        this.dialog.showModal();
      });
      return;
    }
    this.dispatchEvent(new OwnerActionEvent({ bookingId: booking.id, action }));
  }

  private readonly onDialogClose = () => {
    const asking = this.asking;
    const form = this.dialog.querySelector('form')!;
    const message = String(new FormData(form).get('message') ?? '').trim();
    form.reset();
    this.asking = undefined;
    if (!asking || this.dialog.returnValue !== 'confirm') return;
    this.dispatchEvent(
      new OwnerActionEvent({
        bookingId: asking.booking.id,
        action: asking.action,
        ...(message ? { message } : {}),
      }),
    );
  };

  private who(booking: BookingView): string {
    const seats = booking.attributes.group_booking;
    if (seats) return `class: ${seats.current_seats} of ${seats.max_seats} seats taken`;
    const customer = booking.customers[0];
    if (!customer) return '—';
    const count = booking.related.seats;
    return `${customer.name} <${customer.email}>${count ? `, ${count} seat${count === 1 ? '' : 's'}` : ''}`;
  }

  private renderBooking(booking: BookingView) {
    const selected = booking.id === this.selectedId;
    const title = bookingTitle(booking);
    const info = booking.attributes.event_info;
    const classId = booking.related.owner_booking_id;
    const takesStatus = !booking.completed || booking.state === 'completed';
    return html`<li
      class="booking"
      data-booking-id=${booking.id}
      data-state=${booking.state}
      aria-current=${selected ? 'true' : 'false'}
    >
      <h4>
        <button
          id="title-${booking.id}"
          aria-pressed=${selected ? 'true' : 'false'}
          @click=${() => this.select(selected ? undefined : booking.id)}
        >
          ${title}
        </button>
        <span class="state">${booking.state}</span>
        ${booking.completed ? html`<span>(final)</span>` : nothing}
      </h4>
      <dl>
        <dt>When</dt>
        <dd>${formatWhen(info?.start, info?.end, this.timeZone)}</dd>
        <dt>Who</dt>
        <dd>${this.who(booking)}</dd>
        <dt>Graph</dt>
        <dd><code>${booking.graph}</code></dd>
        ${
          booking.status
            ? html`<dt>Status</dt>
                <dd>${humanize(booking.status)}</dd>`
            : nothing
        }
        ${
          booking.expires_at
            ? html`<dt>Moves on</dt>
                <dd>${formatMoment(booking.expires_at, this.timeZone)} unless acted on</dd>`
            : nothing
        }
        <dt>Created</dt>
        <dd>${formatMoment(booking.created_at, this.timeZone)}</dd>
        ${
          booking.custom_data && Object.keys(booking.custom_data).length
            ? html`<dt>Campaign</dt>
                <dd>
                  ${Object.entries(booking.custom_data).map(
                    ([key, value]) => html`<code>${key}=${value}</code> `,
                  )}
                </dd>`
            : nothing
        }
      </dl>
      <div class="controls">
        ${
          classId
            ? html`<span class="group-label">Class</span>
                <div class="buttons">
                  <button @click=${() => this.select(classId, true)}>Go to its class</button>
                </div>`
            : nothing
        }
        ${
          booking.possible_actions.length
            ? html`<span class="group-label" id="actions-${booking.id}">Actions</span>
                <div
                  class="buttons"
                  role="group"
                  aria-labelledby="actions-${booking.id} title-${booking.id}"
                >
                  ${booking.possible_actions.map(
                    (action) =>
                      html`<button data-action=${action} @click=${() => this.act(booking, action)}>
                        ${humanize(action)}
                      </button>`,
                  )}
                </div>`
            : nothing
        }
        ${
          takesStatus
            ? html`<span class="group-label" id="status-${booking.id}">Status</span>
                <div
                  class="buttons"
                  role="group"
                  aria-labelledby="status-${booking.id} title-${booking.id}"
                >
                  ${BOOKING_STATUSES.map(
                    (status) =>
                      html`<button
                        data-status=${status}
                        aria-pressed=${booking.status === status ? 'true' : 'false'}
                        @click=${() =>
                          this.dispatchEvent(
                            new OwnerStatusEvent({ bookingId: booking.id, status }),
                          )}
                      >
                        ${humanize(status)}
                      </button>`,
                  )}
                </div>`
            : nothing
        }
      </div>
    </li>`;
  }

  override render() {
    const asking = this.asking;
    return html`<h3>Bookings (${this.bookings.length})</h3>
      <p class="hint">Newest first. Select one to see its audit log and its place in its graph.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="scroll" tabindex="0" role="region" aria-label="Bookings">
        ${
          this.bookings.length
            ? html`<ol>
                ${this.bookings.map((booking) => this.renderBooking(booking))}
              </ol>`
            : html`<p>No bookings.</p>`
        }
      </div>
      <dialog aria-labelledby="ask-heading" @close=${this.onDialogClose}>
        <form method="dialog">
          <h3 id="ask-heading">
            ${asking ? `${humanize(asking.action)}: ${bookingTitle(asking.booking)}` : ''}
          </h3>
          <label for="message">Message to the customer (optional)</label>
          <textarea id="message" name="message" rows="3" maxlength="2000"></textarea>
          <div class="buttons">
            <button value="confirm" class="primary">
              ${asking ? humanize(asking.action) : 'Go ahead'}
            </button>
            <button value="back">Back</button>
          </div>
        </form>
      </dialog>`;
  }
}

customElements.define('sandbox-booking-list', SandboxBookingList);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-booking-list': SandboxBookingList;
  }
}
