import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Messages } from '../../i18n/messages.ts';
import { zoneName } from '../../lib/time/format.ts';
import { chevron, globe } from './icons.ts';
import type { ZonePanel } from './zone-chooser-panel.ts';

/** The panel's code once in, shared by every chooser on the page: later ones open at once. */
let Panel: typeof ZonePanel | undefined;
let loadingModule: Promise<unknown> | undefined;

/**
 * Called by zone-chooser-panel.ts as it loads, however it was imported: on demand, or up front
 * by a page that registers everything at once (src/components/define-all.ts).
 */
export function providePanel(panel: typeof ZonePanel): void {
  Panel = panel;
}

function loadPanelModule(): Promise<unknown> {
  loadingModule ??= import('./zone-chooser-panel.ts').catch((error: unknown) => {
    // The next click asks again: the network may be back.
    loadingModule = undefined;
    throw error;
  });
  return loadingModule;
}

/**
 * The time-zone chooser of <slotkit-slot-picker> and <slotkit-class-list>, one controller for
 * both: a button showing the zone, and the panel it opens (zone-chooser-panel.ts: a search box,
 * a WAI-ARIA combobox over a listbox of zones, in a popover). Only the button is in the first
 * paint; the panel's code, styles and zone search load when the page idles, or as soon as the
 * visitor points at or focuses the button, and a click waits for them.
 */
export interface ZoneChooserOptions {
  /** The zone times are shown in. */
  zone: () => string;
  /** The visitor's own zone, listed next to the current one. */
  detected: () => string;
  /** BCP 47 locale for zone names. */
  locale: () => string;
  now: () => number;
  t: () => Messages['slotPicker'];
  /** The visitor chose another zone: the host fires its event and switches. */
  pick: (zone: string) => void;
}

export type ZoneChooserHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

// Chromium still lists some zones under their old ICU ids; people search for today's names.
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Kolkata',
  'Asia/Katmandu': 'Kathmandu',
  'Asia/Rangoon': 'Yangon',
  'Asia/Saigon': 'Ho Chi Minh City',
  'Atlantic/Faeroe': 'Faroe',
  'America/Godthab': 'Nuuk',
  'Europe/Kiev': 'Kyiv',
  'Pacific/Ponape': 'Pohnpei',
  'Pacific/Truk': 'Chuuk',
};

/** "Los Angeles" from "America/Los_Angeles" (Intl has no localized city names). */
export function zoneCity(id: string): string {
  return RENAMED[id] ?? id.slice(id.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

const idle = (run: () => void) =>
  'requestIdleCallback' in globalThis
    ? requestIdleCallback(run, { timeout: 3000 })
    : setTimeout(run, 200);

export class ZoneChooser implements ReactiveController {
  /** This chooser's panel, made once the panel's code is in. */
  private madePanel: ZonePanel | undefined;

  constructor(
    readonly host: ZoneChooserHost,
    readonly options: ZoneChooserOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!Panel) idle(() => void loadPanelModule().catch(() => undefined));
  }

  get open(): boolean {
    return this.madePanel?.open ?? false;
  }

  /** "Copenhagen (Central European Standard Time)". */
  label(zone: string): string {
    return `${zoneCity(zone)} (${zoneName(zone, this.options.locale(), this.options.now())})`;
  }

  /**
   * The button and the panel. `ownerZone`: the owner's `time-zone`; when it differs from the
   * zone shown (it was invalid), the button is described by a message saying so.
   */
  render(ownerZone: string): unknown {
    const { zone, locale, t, now } = this.options;
    const open = this.open;
    // Closed, it shows only the zone: the host's other renders (a long list grows over many
    // frames) need not format its name again. The minute keeps a summer time name current.
    return guard(
      [ownerZone, zone(), locale(), t(), Math.floor(now() / 60_000), open ? {} : open],
      () => this.renderChooser(ownerZone),
    );
  }

  private renderChooser(ownerZone: string): TemplateResult {
    const t = this.options.t();
    const open = this.open;
    const zone = this.options.zone();
    const invalid = Boolean(ownerZone) && zone !== ownerZone;
    return html`<div part="timezone" class="timezone">
      <button
        id="tz-trigger"
        type="button"
        part="timezone-button"
        class="timezone-button"
        aria-haspopup="dialog"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="tz-popover"
        aria-describedby=${invalid ? 'tz-error' : nothing}
        @click=${this.onTrigger}
        @focus=${this.onIntent}
        @pointerenter=${this.onIntent}
      >
        ${globe}
        <span class="timezone-text">
          <span part="timezone-label" class="timezone-label">${t.timeZone}</span>
          <span part="timezone-value" class="timezone-value">${this.label(zone)}</span>
        </span>
        ${chevron('down')}
      </button>
      ${
        invalid
          ? html`<p id="tz-error" part="timezone-error" class="error">
              ${t.invalidTimeZone(ownerZone, this.label(zone))}
            </p>`
          : nothing
      }
      <div
        id="tz-popover"
        part="popover"
        class=${open ? 'popover open' : 'popover'}
        popover="manual"
        role="dialog"
        aria-label=${t.chooseTimeZone}
      >
        ${open ? this.madePanel!.render() : nothing}
      </div>
    </div>`;
  }

  /** The panel, if its code is in (made on first use: it adds a controller to the host). */
  private get panel(): ZonePanel | undefined {
    if (!this.madePanel && Panel) this.madePanel = new Panel(this);
    return this.madePanel;
  }

  private load(): Promise<ZonePanel> {
    return loadPanelModule().then(() => this.panel!);
  }

  private readonly onIntent = (): void => void loadPanelModule().catch(() => undefined);

  private readonly onTrigger = (): void => {
    // At once when the panel is in, so the click's update opens it.
    if (this.panel) {
      this.panel.toggle();
      return;
    }
    this.load().then(
      // Not if the chooser left the page while the code came.
      (panel) => this.host.isConnected && panel.toggle(),
      (error: unknown) => console.error('slotkit: could not load the time-zone chooser:', error),
    );
  };
}
