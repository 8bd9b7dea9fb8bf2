import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { OWNER, type BookingView, type GraphDefinition } from '../src/engine/index.ts';
import type {
  BookingSelectEvent,
  ClockAdvanceEvent,
  OwnerActionEvent,
  OwnerDecisionEvent,
  OwnerStatusEvent,
  ScenarioChangeEvent,
  SettingsChangeEvent,
} from './events.ts';
import { humanize } from './format.ts';
import { discardRescued, saveSettings, saveSnapshot, type RescuedState } from './persist.ts';
import { projectById } from './projects.ts';
import { mockControl, postDecision, type SandboxMock } from './sandbox-mock.ts';
import { SCENARIOS, applyScenario } from './scenarios.ts';
import type { Settings } from './settings.ts';
import { shared } from './styles.ts';
import type { SandboxVisitorPanel } from './visitor-panel.ts';
import './booking-list.ts';
import './booking-timeline.ts';
import './clock-panel.ts';
import './graph-diagram.ts';
import './outbox-list.ts';
import './scenario-panel.ts';
import './visitor-panel.ts';

/** What the widget did that changed the engine's data: the console re-reads it and it is saved. */
const WIDGET_OUTCOMES = [
  'slotkit-hold-created',
  'slotkit-hold-expired',
  'slotkit-booking-created',
  'slotkit-booking-failed',
  'slotkit-payment-required',
  'slotkit-booking-paid',
  'slotkit-booking-cancelled',
  'slotkit-booking-rescheduled',
] as const;

/**
 * The sandbox: the widget on the left, the owner's console on the right, one engine behind
 * both. The owner acts on the engine directly (as the owner key would), then the widget is
 * asked to refresh and the engine's snapshot is saved, so a reload finds the same world.
 */
export class SandboxApp extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        max-width: 1600px;
        margin: 0 auto;
        padding: 1rem;
      }
      header {
        margin-bottom: 1rem;
      }
      h1 {
        margin: 0 0 0.25rem;
        font-size: 1.6rem;
      }
      h2 {
        font-size: 1.35rem;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      @media (min-width: 960px) {
        .columns {
          grid-template-columns: minmax(22rem, 5fr) minmax(0, 7fr);
        }
      }
      .owner-grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
        gap: 1rem;
        align-items: start;
      }
      .wide {
        grid-column: 1 / -1;
      }
      .note {
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid var(--page-accent);
        background: var(--page-panel);
      }
    `,
  ];

  private graphs: GraphDefinition[] = [];
  @query('sandbox-visitor-panel') private visitor!: SandboxVisitorPanel;
  /** Bumped after anything that may have changed the engine: render reads it again. */
  @state() private revision = 0;
  @state() private selectedId: string | undefined;
  @state() private generation = 0;
  @state() private busy = false;
  @state() private ownerError = '';
  @state() private announcement = '';
  /** What each decision link used from the outbox came to, by its href. */
  @state() private decisions: ReadonlyMap<string, string> = new Map();

  @property({ attribute: false }) mock!: SandboxMock;
  @property({ attribute: false }) settings!: Settings;
  /** A saved state that could not be loaded: kept, offered for download until discarded. */
  @property({ attribute: false }) rescued: RescuedState | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.graphs = this.mock.api.engine.listGraphs();
    for (const type of WIDGET_OUTCOMES) this.addEventListener(type, this.onWidgetOutcome);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of WIDGET_OUTCOMES) this.removeEventListener(type, this.onWidgetOutcome);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('settings')) {
      document.documentElement.dataset.theme = this.settings.theme === 'dark' ? 'dark' : 'light';
    }
  }

  /** After a change to the engine: re-read it, let the widget catch up, save the snapshot. */
  private async changed({ refreshWidget }: { refreshWidget: boolean }): Promise<void> {
    this.revision += 1;
    if (refreshWidget) await this.visitor.refreshWidget();
    await saveSnapshot(this.mock);
    // Reading the engine settles deadlines the clock passed meanwhile: show those too.
    this.revision += 1;
  }

  private announce(text: string): void {
    this.announcement = text;
  }

  private readonly onWidgetOutcome = () => {
    void this.changed({ refreshWidget: false });
  };

  private readonly onSettings = (event: SettingsChangeEvent) => {
    this.settings = { ...this.settings, ...event.detail };
    saveSettings(this.settings);
  };

  private readonly onScenario = async (event: ScenarioChangeEvent) => {
    const { scenario } = event.detail;
    this.settings = { ...this.settings, scenario };
    saveSettings(this.settings);
    applyScenario(this.mock, scenario);
    this.announce(`Scenario: ${SCENARIOS.find((entry) => entry.id === scenario)?.label}.`);
    await this.changed({ refreshWidget: true });
  };

  private readonly onReset = async () => {
    this.busy = true;
    try {
      await mockControl(this.mock, 'POST', 'clock', { set: new Date().toISOString() });
      await mockControl(this.mock, 'POST', 'reset', { seed: 'demo' });
      applyScenario(this.mock, this.settings.scenario);
      this.selectedId = undefined;
      this.ownerError = '';
      // A fresh widget: its hold or booking belonged to the world that was just thrown away.
      this.generation += 1;
      this.announce('The demo data and the clock are reset.');
      await this.changed({ refreshWidget: false });
    } finally {
      this.busy = false;
    }
  };

  private readonly onClock = async (event: ClockAdvanceEvent) => {
    this.busy = true;
    try {
      await mockControl(this.mock, 'POST', 'clock', { advance: event.detail.advance });
      this.announce(`The clock moved ${event.detail.advance} forward.`);
      await this.changed({ refreshWidget: true });
    } finally {
      this.busy = false;
    }
  };

  /** Runs an owner's change on the engine; a refusal is shown, never thrown. */
  private async ownerDoes(bookingId: string, what: string, work: () => BookingView) {
    try {
      const booking = work();
      this.ownerError = '';
      this.selectedId = bookingId;
      this.announce(`${what}: the booking is now ${booking.state.replaceAll('_', ' ')}.`);
    } catch (error) {
      this.ownerError = `${what} was refused: ${(error as Error).message}`;
      this.announce(this.ownerError);
    }
    await this.changed({ refreshWidget: true });
  }

  private readonly onOwnerAction = (event: OwnerActionEvent) => {
    const { bookingId, action, message } = event.detail;
    const body = message ? { [action]: { message } } : {};
    void this.ownerDoes(bookingId, humanize(action), () =>
      this.mock.api.engine.performAction(bookingId, action, body, OWNER),
    );
  };

  private readonly onOwnerStatus = (event: OwnerStatusEvent) => {
    const { bookingId, status } = event.detail;
    void this.ownerDoes(bookingId, `Status ${humanize(status).toLowerCase()}`, () =>
      this.mock.api.engine.setStatus(bookingId, status, OWNER),
    );
  };

  /** The owner uses an email's Confirm / Decline link, through the mock API as its page would. */
  private readonly onOwnerDecision = async (event: OwnerDecisionEvent) => {
    const { href, action } = event.detail;
    const verb = action === 'confirm' ? 'Confirm' : 'Decline';
    let outcome: string;
    try {
      outcome = await postDecision(this.mock, href);
    } catch (error) {
      outcome = `failed: ${(error as Error).message}`;
    }
    this.decisions = new Map(this.decisions).set(href, `${verb}: ${outcome}`);
    this.announce(`${verb} from the email link: ${outcome}.`);
    await this.changed({ refreshWidget: true });
  };

  private readonly onSelect = (event: BookingSelectEvent) => {
    this.selectedId = event.detail.bookingId;
  };

  private readonly onExportRescued = () => {
    if (!this.rescued) return;
    const url = URL.createObjectURL(new Blob([this.rescued.json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'slotkit-sandbox-state.json';
    link.click();
    // After the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  private readonly onDiscardRescued = async () => {
    await discardRescued();
    this.rescued = undefined;
    this.announce('The saved state that could not be loaded is discarded.');
  };

  private renderRescued() {
    if (!this.rescued) return nothing;
    return html`<div class="note" role="status">
      <p>
        The saved sandbox state could not be loaded (${this.rescued.reason}). It is kept, not
        deleted: download it to look into it or attach it to a bug report. You are on fresh demo
        data meanwhile.
      </p>
      <button type="button" @click=${this.onExportRescued}>Download the saved state (JSON)</button>
      <button type="button" @click=${this.onDiscardRescued}>Discard it</button>
    </div>`;
  }

  private selectedBooking(): BookingView | undefined {
    if (!this.selectedId) return undefined;
    try {
      return this.mock.api.engine.getBooking(this.selectedId, OWNER, ['logs']);
    } catch {
      return undefined;
    }
  }

  override render() {
    const { engine, clock } = this.mock.api;
    const zone = this.settings.timeZone;
    // Newest first. The views' created_at has whole seconds only; the store keeps bookings in
    // the order they were made, so its snapshot orders bookings made within one second too.
    const made = new Map(engine.snapshot().bookings.map((record, index) => [record.id, index]));
    const bookings = engine
      .listBookings({}, OWNER)
      .sort((a, b) => (made.get(b.id) ?? 0) - (made.get(a.id) ?? 0));
    const selected = this.selectedBooking();
    return html`<header>
        <h1>slotkit sandbox</h1>
        <p class="hint">
          The booking widget and its owner's console on one mock booking engine that runs in this
          page (a service worker answers the API). Nothing leaves your browser; the state is kept in
          its storage (IndexedDB), so a reload finds it again.
        </p>
        ${this.renderRescued()}
      </header>
      <main class="columns" data-revision=${this.revision}>
        <section class="visitor" aria-labelledby="visitor-heading">
          <h2 id="visitor-heading">Visitor</h2>
          <sandbox-visitor-panel
            class="panel"
            .settings=${this.settings}
            .apiBase=${this.mock.apiBase}
            .generation=${this.generation}
            @sandbox-settings-change=${this.onSettings}
          ></sandbox-visitor-panel>
        </section>
        <section class="owner" aria-labelledby="owner-heading">
          <h2 id="owner-heading">Owner console</h2>
          <div class="owner-grid">
            <sandbox-clock-panel
              class="panel"
              .now=${() => clock.now()}
              .timeZone=${zone}
              .busy=${this.busy}
              @sandbox-clock-advance=${this.onClock}
            ></sandbox-clock-panel>
            <sandbox-scenario-panel
              class="panel"
              .scenario=${this.settings.scenario}
              .busy=${this.busy}
              @sandbox-scenario-change=${this.onScenario}
              @sandbox-reset=${this.onReset}
            ></sandbox-scenario-panel>
            <sandbox-booking-list
              class="panel"
              .bookings=${bookings}
              .selectedId=${this.selectedId}
              .timeZone=${zone}
              .error=${this.ownerError}
              @sandbox-booking-select=${this.onSelect}
              @sandbox-owner-action=${this.onOwnerAction}
              @sandbox-owner-status=${this.onOwnerStatus}
            ></sandbox-booking-list>
            <sandbox-booking-timeline
              class="panel"
              .booking=${selected}
              .timeZone=${zone}
            ></sandbox-booking-timeline>
            <sandbox-graph-diagram
              class="panel wide"
              .graphs=${this.graphs}
              .graphName=${selected?.graph ?? projectById(this.settings.project).graph}
              .current=${selected ? { graph: selected.graph, state: selected.state } : undefined}
            ></sandbox-graph-diagram>
            <sandbox-outbox-list
              class="panel wide"
              .entries=${engine.outbox()}
              .timeZone=${zone}
              .decisions=${this.decisions}
              @sandbox-owner-decision=${this.onOwnerDecision}
            ></sandbox-outbox-list>
          </div>
        </section>
      </main>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>`;
  }
}

customElements.define('sandbox-app', SandboxApp);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-app': SandboxApp;
  }
}
