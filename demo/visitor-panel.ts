import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SlotkitWidget } from '../src/components/widget/widget.ts';
import { supportedLocales } from '../src/i18n/index.ts';
import { detectTimeZone } from '../src/lib/time/format.ts';
import {
  closePopup,
  mountFloatingButton,
  openPopup,
  type EmbedOptions,
  type FloatingButtonHandle,
} from '../src/popup.ts';
import { SettingsChangeEvent } from './events.ts';
import { PROJECTS, projectById } from './projects.ts';
import { EMBED_MODES, timeZoneChoices, type EmbedModeId, type Settings } from './settings.ts';
import { shared } from './styles.ts';
import { THEMES, widgetLook, type Theme } from './theme.ts';

/** Every event the widget may fire, for the panel's event log. */
const WIDGET_EVENTS = [
  'slotkit-slot-select',
  'slotkit-date-select',
  'slotkit-month-change',
  'slotkit-timezone-change',
  'slotkit-class-select',
  'slotkit-retry',
  'slotkit-form-submit',
  'slotkit-hold-created',
  'slotkit-hold-extend',
  'slotkit-hold-expired',
  'slotkit-booking-created',
  'slotkit-booking-failed',
  'slotkit-payment-required',
  'slotkit-booking-paid',
  'slotkit-booking-cancelled',
  'slotkit-booking-rescheduled',
  'slotkit-error',
] as const;

interface LoggedEvent {
  id: number;
  type: string;
  detail: string;
}

/** A one-line reading of an event's detail: the state, the error, the date... */
function describeDetail(detail: unknown): string {
  if (typeof detail !== 'object' || detail === null) return '';
  const value = detail as Record<string, unknown>;
  const booking = value.booking as { state?: string } | undefined;
  const error = value.error as { code?: string } | undefined;
  const text =
    (value.state as string | undefined) ??
    booking?.state ??
    error?.code ??
    (value.code as string | undefined) ??
    (value.date as string | undefined) ??
    (value.month as string | undefined) ??
    (value.timeZone as string | undefined) ??
    (value.expiresAt as string | undefined);
  return text ? String(text) : '';
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The visitor's side: the switches (project, locale, time zone, theme, embed mode), the widget
 * (inline, or the popup from a button or the floating button of `slotkit/popup`), its events.
 */
export class SandboxVisitorPanel extends LitElement {
  static override styles = [
    shared,
    css`
      .switches {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
      }
      .field select {
        width: 100%;
      }
      .field.project {
        grid-column: 1 / -1;
      }
      label,
      legend {
        font-weight: 600;
        font-size: 0.9rem;
      }
      fieldset {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 1rem;
        margin: 0;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--page-border);
        border-radius: 6px;
      }
      fieldset label {
        font-weight: 400;
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
        min-height: 32px;
      }
      input[type='color'] {
        width: 3rem;
        padding: 2px;
      }
      slotkit-widget {
        margin-bottom: 1rem;
      }
      .opener {
        margin-bottom: 1rem;
      }
      ol {
        margin: 0;
        padding-inline-start: 1.25rem;
        font-size: 0.875rem;
      }
    `,
  ];

  private eventCount = 0;
  /** The floating button while that mode is chosen (it lives on the page, outside the panel). */
  private floating: FloatingButtonHandle | undefined;
  @query('slotkit-widget') private widget?: SlotkitWidget;
  @state() private events: LoggedEvent[] = [];

  @property({ attribute: false }) settings!: Settings;
  /** `<page dir>/v2`, where the mock API answers. */
  @property({ attribute: false }) apiBase = '';
  /** Bumped by Reset: a fresh widget, with nothing left of the world before. */
  @property({ attribute: false }) generation = 0;

  // On the document: the popup's widget sits outside the panel; every widget event is composed.
  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of WIDGET_EVENTS) document.addEventListener(type, this.onWidgetEvent);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of WIDGET_EVENTS) document.removeEventListener(type, this.onWidgetEvent);
    this.floating?.destroy();
    this.floating = undefined;
    closePopup();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('settings') && !changed.has('apiBase') && !changed.has('generation')) return;
    // Another project, look or mode: the page's popup and button start again with it.
    closePopup();
    this.floating?.destroy();
    this.floating =
      this.settings.embed === 'floating' ? mountFloatingButton(this.embedOptions()) : undefined;
  }

  /** What a host page would pass `slotkit/popup`: the same widget settings as inline. */
  private embedOptions(): EmbedOptions {
    const s = this.settings;
    const project = projectById(s.project);
    const look = widgetLook(s.theme, s.brand);
    return {
      baseUrl: this.apiBase,
      appKey: project.appKey,
      projectId: project.id,
      graph: project.graph,
      locale: s.locale,
      timeZone: s.timeZone,
      theme: look.theme,
      ...(look.brandColor ? { brandColor: look.brandColor } : {}),
    };
  }

  private readonly onOpen = (event: Event) => {
    void openPopup(this.embedOptions(), event.currentTarget as HTMLElement);
  };

  private readonly onWidgetEvent = (event: Event) => {
    this.eventCount += 1;
    const detail = describeDetail((event as Event & { detail?: unknown }).detail);
    this.events = [{ id: this.eventCount, type: event.type, detail }, ...this.events].slice(0, 12);
  };

  private change(patch: Partial<Settings>): void {
    this.dispatchEvent(new SettingsChangeEvent(patch));
  }

  /** Has the widget ask the API again (after the owner acted or the clock moved). */
  async refreshWidget(): Promise<void> {
    await this.widget?.refresh();
  }

  private renderSwitches() {
    const s = this.settings;
    const detected = detectTimeZone();
    return html`<div class="switches">
      <div class="field project">
        <label for="project">Project</label>
        <select
          id="project"
          @change=${(event: Event) =>
            this.change({ project: (event.target as HTMLSelectElement).value })}
        >
          ${PROJECTS.map(
            (project) =>
              html`<option value=${project.id} ?selected=${project.id === s.project}>
                ${project.name} (${project.graph})
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="locale">Locale</label>
        <select
          id="locale"
          @change=${(event: Event) =>
            this.change({ locale: (event.target as HTMLSelectElement).value })}
        >
          ${supportedLocales().map(
            (locale) =>
              html`<option value=${locale} ?selected=${locale === s.locale}>
                ${languageNames.of(locale) ?? locale} (${locale})
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="time-zone">Time zone</label>
        <select
          id="time-zone"
          @change=${(event: Event) =>
            this.change({ timeZone: (event.target as HTMLSelectElement).value })}
        >
          ${[...new Set([s.timeZone, ...timeZoneChoices()])].map(
            (zone) =>
              html`<option value=${zone} ?selected=${zone === s.timeZone}>
                ${zone}${zone === detected ? ' (yours)' : ''}
              </option>`,
          )}
        </select>
      </div>
      <fieldset>
        <legend>Theme</legend>
        ${THEMES.map(
          (theme) =>
            html`<label>
              <input
                type="radio"
                name="theme"
                value=${theme.id}
                .checked=${s.theme === theme.id}
                @change=${() => this.change({ theme: theme.id as Theme })}
              />
              ${theme.label}
            </label>`,
        )}
        <label>
          Brand colour
          <input
            type="color"
            .value=${s.brand}
            @input=${(event: Event) =>
              this.change({ brand: (event.target as HTMLInputElement).value, theme: 'brand' })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Embed mode</legend>
        ${EMBED_MODES.map(
          (mode) =>
            html`<label>
              <input
                type="radio"
                name="embed"
                value=${mode.id}
                .checked=${s.embed === mode.id}
                @change=${() => this.change({ embed: mode.id as EmbedModeId })}
              />
              ${mode.label}
            </label>`,
        )}
      </fieldset>
    </div>`;
  }

  /** The widget as the chosen mode puts it on a page. */
  private renderEmbed() {
    const s = this.settings;
    const project = projectById(s.project);
    const look = widgetLook(s.theme, s.brand);
    if (s.embed === 'popup') {
      return html`<p class="hint">
          The host page's own button opens the widget in a dialog (<code>openPopup</code> of
          <code>slotkit/popup</code>, or <code>data-slotkit-open</code> on any element).
        </p>
        <button type="button" id="demo-opener" class="primary opener" @click=${this.onOpen}>
          Book now
        </button>`;
    }
    if (s.embed === 'floating') {
      return html`<p class="hint">
        The floating button sits in the page's bottom corner and opens the dialog
        (<code>mountFloatingButton</code>, or <code>data-mode="floating"</code> on the script tag).
      </p>`;
    }
    return keyed(
      // Another project is another site's widget: a fresh element, nothing carried over.
      `${this.generation}:${project.id}`,
      html`<slotkit-widget
        base-url=${this.apiBase}
        app-key=${project.appKey}
        project-id=${project.id}
        graph=${project.graph}
        locale=${s.locale}
        time-zone=${s.timeZone}
        theme=${look.theme}
        brand-color=${ifDefined(look.brandColor)}
      ></slotkit-widget>`,
    );
  }

  override render() {
    const project = projectById(this.settings.project);
    return html`${this.renderSwitches()}
      <p class="hint">
        ${project.name}: ${project.flow}. Widget key <code>${project.appKey}</code>.
      </p>
      ${this.renderEmbed()}
      <details>
        <summary>Events the widget fired (${this.eventCount})</summary>
        ${
          this.events.length
            ? html`<ol reversed>
                ${this.events.map(
                  (entry) =>
                    html`<li value=${entry.id}>
                      <code>${entry.type}</code>${entry.detail ? `: ${entry.detail}` : ''}
                    </li>`,
                )}
              </ol>`
            : html`<p>None yet.</p>`
        }
      </details>`;
  }
}

customElements.define('sandbox-visitor-panel', SandboxVisitorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-visitor-panel': SandboxVisitorPanel;
  }
}
