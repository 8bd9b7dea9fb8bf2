import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { prefetchFloating } from '../../controllers/floating.ts';
import { PopoverController } from '../../controllers/popover.ts';
import { check } from './icons.ts';
import { providePanel, type ZoneChooser } from './zone-chooser.ts';
import { zonePanelStyles } from './zone-chooser-panel.styles.ts';
import { filterZones, zoneEntries, type ZoneEntry, type ZoneMatches } from './zones.ts';
import { addEnglish } from '../../i18n/index.ts';
import { zonePanel } from '../../i18n/en/zone-panel.ts';

// The panel's English comes with it, not in the first paint (src/i18n/index.ts).
addEnglish({ slotPicker: zonePanel });

/** Zones shown at once in the search list; the rest are a few keystrokes away. */
export const ZONE_LIMIT = 50;

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

/** What a key in the search box does: move the highlight by some steps, pick it, or nothing. */
export function zoneKeyAction(key: string): number | 'pick' | undefined {
  if (key === 'Enter') return 'pick';
  return Object.hasOwn(STEPS, key) ? STEPS[key] : undefined;
}

/**
 * The time-zone chooser's panel, loaded after the first paint (see zone-chooser.ts): a popover
 * with a search box (a WAI-ARIA combobox) over a listbox of matching zones, moved through with
 * aria-activedescendant while focus stays in the box. zones.ts does the searching.
 */
export class ZonePanel implements ReactiveController {
  private readonly popover: PopoverController;
  private zones: ZoneEntry[] = [];
  private query = '';
  /** Index of the highlighted match. */
  private active = 0;
  private matches: ZoneMatches = { matches: [], total: 0 };
  /** The highlight moved: bring it into view after the update. */
  private scroll = false;

  constructor(private readonly chooser: ZoneChooser) {
    const host = chooser.host;
    const find = <T extends HTMLElement>(selector: string) =>
      host.renderRoot.querySelector<T>(selector);
    this.popover = new PopoverController(host, {
      trigger: () => find('#tz-trigger'),
      popover: () => find('#tz-popover'),
      initialFocus: () => find('#tz-input'),
    });
    host.addController(this);
    // The panel's styles join the host's (after them, as they came in the host's sheet before).
    const root = host.renderRoot;
    const sheet = zonePanelStyles.styleSheet;
    if (root instanceof ShadowRoot && sheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  get open(): boolean {
    return this.popover.open;
  }

  toggle(): void {
    if (this.popover.open) {
      this.popover.hide();
      return;
    }
    const { locale, now } = this.chooser.options;
    this.zones = zoneEntries(locale(), now());
    this.query = '';
    this.active = 0;
    void this.popover.show();
  }

  hostUpdate(): void {
    if (!this.popover.open) return;
    const { zone, detected } = this.chooser.options;
    this.matches = filterZones(this.zones, this.query, [zone(), detected()], ZONE_LIMIT);
    this.active = Math.max(0, Math.min(this.active, this.matches.matches.length - 1));
  }

  hostUpdated(): void {
    if (!this.popover.open || !this.scroll) return;
    this.scroll = false;
    this.chooser.host.renderRoot
      .querySelector(`#tz-opt-${this.active}`)
      ?.scrollIntoView({ block: 'nearest' });
  }

  render(): TemplateResult {
    const t = this.chooser.options.t();
    const { matches, total } = this.matches;
    const hint =
      total === 0
        ? t.noTimeZoneMatch(this.query)
        : total > matches.length
          ? t.moreTimeZones(matches.length, total, this.chooser.options.locale())
          : t.timeZoneHint;
    const zone = this.chooser.options.zone();
    return html`<label for="tz-input" class="search-label">${t.searchTimeZones}</label>
      <input
        id="tz-input"
        part="timezone-search"
        class="search"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        placeholder=${t.timeZonePlaceholder}
        aria-autocomplete="list"
        aria-expanded=${matches.length > 0 ? 'true' : 'false'}
        aria-controls="tz-listbox"
        aria-activedescendant=${matches.length > 0 ? `tz-opt-${this.active}` : nothing}
        aria-describedby="tz-hint"
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
      />
      <ul
        id="tz-listbox"
        role="listbox"
        part="timezone-list"
        class="zone-list"
        aria-label=${t.timeZones}
        tabindex="-1"
        ?hidden=${matches.length === 0}
        @mousedown=${(event: Event) => event.preventDefault()}
      >
        ${matches.map((entry, index) => {
          const active = index === this.active;
          const current = entry.id === zone;
          const parts = ['timezone-option'];
          if (active) parts.push('timezone-option-active');
          if (current) parts.push('timezone-option-current');
          return html`<li
            id="tz-opt-${index}"
            role="option"
            part=${parts.join(' ')}
            class=${classMap({ 'zone-option': true, active, current })}
            aria-selected=${active ? 'true' : 'false'}
            @click=${() => this.pick(entry.id)}
          >
            <span class="zone-city">${entry.city}</span>
            <span class="zone-name">${entry.name}</span>
            ${
              current
                ? html`${check}<span class="visually-hidden">(${t.currentTimeZone})</span>`
                : nothing
            }
          </li>`;
        })}
      </ul>
      <p id="tz-hint" part="timezone-hint" class="hint">${hint}</p>`;
  }

  private pick(zone: string): void {
    this.popover.hide();
    if (zone !== this.chooser.options.zone()) this.chooser.options.pick(zone);
  }

  private readonly onInput = (event: InputEvent): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.active = 0;
    this.scroll = true;
    this.chooser.host.requestUpdate();
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const action = zoneKeyAction(event.key);
    if (action === undefined) return;
    event.preventDefault();
    if (action === 'pick') {
      const entry = this.matches.matches[this.active];
      if (entry) this.pick(entry.id);
      return;
    }
    const last = this.matches.matches.length - 1;
    this.active = Math.max(0, Math.min(this.active + action, last));
    this.scroll = true;
    this.chooser.host.requestUpdate();
  };
}

providePanel(ZonePanel);
// The panel's positioning code too, before a visitor opens it.
prefetchFloating();
